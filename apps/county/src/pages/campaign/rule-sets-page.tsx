import type { ResultOf } from '@huanjie/client';
import { errorCodeOf, readFragment } from '@huanjie/client';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ExportButton, PageError, PageLoading } from '@huanjie/desktop';
import { useCan } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { CreateRuleSetMutation, RuleSetsQuery } from './rule-sets-page.graphql.js';
import { RuleSetSummaryFragment } from './summaries.graphql.js';

type RuleSetRow = ResultOf<typeof RuleSetsQuery>['ruleSets'][number];

const KIND_COLOR = { legal: 'red', plan: 'blue', other: 'default' } as const;
type Kind = keyof typeof KIND_COLOR;

function isKind(kind: string): kind is Kind {
  return kind in KIND_COLOR;
}

/** `/rules`: rule sets with every value's legal basis; a county copies one and overrides values. */
export function RuleSetsPage() {
  const t = useT();
  const [result] = useQuery({ query: RuleSetsQuery });
  const [selected, setSelected] = useState<string | null>(null);
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const sets = result.data.ruleSets;
  const current = sets.find((s) => s.id === selected) ?? sets[0];
  return (
    <div data-testid="rule-sets-page">
      <Typography.Title level={3}>{t('county.rules.title')}</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('county.rules.intro')} />
      <Space wrap>
        <Select
          style={{ width: 420 }}
          value={current?.id}
          onChange={setSelected}
          data-testid="rule-set-select"
          options={sets.map((s) => {
            const summary = readFragment(RuleSetSummaryFragment, s);
            const label = `${summary.name} v${summary.version}`;
            return {
              value: s.id,
              label: summary.isNational ? t('county.rules.national', { label }) : label,
            };
          })}
        />
        {current && (
          <ExportButton
            name="rule-set"
            testId="rule-set-export"
            params={{ ruleSetId: current.id }}
          />
        )}
      </Space>
      {current && <RuleSetView set={current} />}
    </div>
  );
}

function RuleSetView({ set }: { set: RuleSetRow }) {
  const summary = readFragment(RuleSetSummaryFragment, set);
  const t = useT();
  // only the county's office sets rules (campaign.manage); others read them
  const manage = useCan().can('campaign.manage');
  return (
    <>
      {summary.basedOn && (
        <Card
          size="small"
          title={t('county.rules.changesAgainst', {
            name: `${summary.basedOn.name} v${summary.basedOn.version}`,
          })}
          style={{ marginTop: 16 }}
        >
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={set.changes}
            data-testid="rule-set-changes"
            columns={[
              { title: t('county.rules.rule'), dataIndex: 'label' },
              { title: t('county.rules.from'), dataIndex: 'from' },
              { title: t('county.rules.to'), render: (_, c) => <strong>{c.to}</strong> },
              { title: t('county.rules.basis'), dataIndex: 'citation' },
            ]}
          />
        </Card>
      )}
      {manage && <OverrideForm set={set} />}
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={set.values}
        data-testid="rule-set-values"
        columns={[
          {
            title: t('county.rules.kind'),
            render: (_, v) =>
              isKind(v.kind) ? (
                <Tag color={KIND_COLOR[v.kind]}>{t(`county.rules.kind.${v.kind}`)}</Tag>
              ) : (
                <Tag>{v.kind}</Tag>
              ),
            width: 100,
          },
          { title: t('county.rules.rule'), dataIndex: 'label' },
          {
            title: t('county.rules.severity'),
            render: (_, v) => (
              <Tag
                color={v.severity === 'error' ? 'red' : 'gold'}
                data-testid={`rule-severity-${v.code}`}
              >
                {t(
                  v.severity === 'error'
                    ? 'county.rules.severity.error'
                    : 'county.rules.severity.warning',
                )}
              </Tag>
            ),
            width: 110,
          },
          {
            title: t('county.rules.value'),
            render: (_, v) => <strong data-testid={`rule-value-${v.code}`}>{v.value}</strong>,
            width: 120,
          },
          { title: t('county.rules.basis'), dataIndex: 'citation' },
          {
            title: t('county.rules.code'),
            render: (_, v) => <code style={{ fontSize: 11 }}>{v.code}</code>,
          },
        ]}
      />
    </>
  );
}

interface Override {
  code: string | null;
  value: string;
  citation: string;
}

function OverrideForm({ set }: { set: RuleSetRow }) {
  const t = useT();
  const [rows, setRows] = useState<Override[]>([{ code: null, value: '', citation: '' }]);
  const [name, setName] = useState('');
  const [state, create] = useMutation(CreateRuleSetMutation);
  const [error, setError] = useState<string | null>(null);
  const update = (i: number, patch: Partial<Override>) => {
    setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  };
  const submit = async () => {
    setError(null);
    const res = await create({
      basedOnId: set.id,
      name: name.trim() === '' ? null : name,
      overrides: rows
        .filter((r) => r.code)
        .map((r) => ({ code: r.code ?? '', value: r.value, citation: r.citation })),
    });
    const out = res.data?.createRuleSet;
    if (out?.__typename === 'RuleSet') {
      void message.success(t('county.rules.saved', { name: `${out.name} v${out.version}` }));
      setRows([{ code: null, value: '', citation: '' }]);
    } else setError(out && 'message' in out ? out.message : t('county.rules.saveFailed'));
  };
  return (
    <Card
      size="small"
      title={t('county.rules.override.title')}
      style={{ marginTop: 16 }}
      data-testid="rule-override-form"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input
          placeholder={t('county.rules.override.name')}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
          }}
          style={{ width: 420 }}
        />
        {rows.map((row, i) => {
          const value = set.values.find((v) => v.code === row.code);
          return (
            <Space key={i} wrap>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 360 }}
                placeholder={t('county.rules.override.pick')}
                value={row.code}
                onChange={(code: string) => {
                  update(i, { code, value: set.values.find((v) => v.code === code)?.value ?? '' });
                }}
                options={set.values.map((v) => ({ value: v.code, label: v.label }))}
                data-testid={`override-code-${i}`}
              />
              <Input
                style={{ width: 120 }}
                placeholder={
                  value
                    ? t('county.rules.override.previous', { value: value.value })
                    : t('county.rules.override.value')
                }
                value={row.value}
                onChange={(e) => {
                  update(i, { value: e.target.value });
                }}
                data-testid={`override-value-${i}`}
              />
              <Input
                style={{ width: 360 }}
                placeholder={t('county.rules.override.basis')}
                value={row.citation}
                onChange={(e) => {
                  update(i, { citation: e.target.value });
                }}
                data-testid={`override-citation-${i}`}
              />
            </Space>
          );
        })}
        <Space>
          <Button
            onClick={() => {
              setRows((r) => [...r, { code: null, value: '', citation: '' }]);
            }}
          >
            {t('county.rules.override.more')}
          </Button>
          <Button
            type="primary"
            loading={state.fetching}
            onClick={() => void submit()}
            data-testid="override-save"
          >
            {t('county.rules.override.save')}
          </Button>
        </Space>
        {error && <Alert type="error" title={error} data-testid="override-error" />}
      </Space>
    </Card>
  );
}
