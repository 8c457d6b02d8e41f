import type { ResultOf } from '@huanjie/client';
import { errorCodeOf, readFragment } from '@huanjie/client';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PageError, PageLoading } from '@huanjie/desktop';
import { CreateRuleSetMutation, RuleSetsQuery } from './rule-sets-page.graphql.js';
import { RuleSetSummaryFragment } from './summaries.graphql.js';

type RuleSetRow = ResultOf<typeof RuleSetsQuery>['ruleSets'][number];

const KIND: Record<string, { color: string; label: string }> = {
  legal: { color: 'red', label: '法定' },
  plan: { color: 'blue', label: '工作安排' },
  other: { color: 'default', label: '统计与其他' },
};

/** `/rules`: rule sets with every value's legal basis; a county copies one and overrides values. */
export function RuleSetsPage() {
  const [result] = useQuery({ query: RuleSetsQuery });
  const [selected, setSelected] = useState<string | null>(null);
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const sets = result.data.ruleSets;
  const current = sets.find((s) => s.id === selected) ?? sets[0];
  return (
    <div data-testid="rule-sets-page">
      <Typography.Title level={3}>换届规则集</Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="规则集按版本保存，不会被改写：调整某项规则时会复制一份新版本，每项取值都注明依据。进行中的换届改用新规则集时，会记录调整原因。"
      />
      <Select
        style={{ width: 420 }}
        value={current?.id}
        onChange={setSelected}
        data-testid="rule-set-select"
        options={sets.map((s) => {
          const summary = readFragment(RuleSetSummaryFragment, s);
          return {
            value: s.id,
            label: `${summary.name} v${summary.version}${summary.isNational ? '（全国默认）' : ''}`,
          };
        })}
      />
      {current && <RuleSetView set={current} />}
    </div>
  );
}

function RuleSetView({ set }: { set: RuleSetRow }) {
  const summary = readFragment(RuleSetSummaryFragment, set);
  return (
    <>
      {summary.basedOn && (
        <Card
          size="small"
          title={`相对于「${summary.basedOn.name} v${summary.basedOn.version}」的调整`}
          style={{ marginTop: 16 }}
        >
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={set.changes}
            data-testid="rule-set-changes"
            columns={[
              { title: '规则', dataIndex: 'label' },
              { title: '原值', dataIndex: 'from' },
              { title: '新值', render: (_, c) => <strong>{c.to}</strong> },
              { title: '依据', dataIndex: 'citation' },
            ]}
          />
        </Card>
      )}
      <OverrideForm set={set} />
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={set.values}
        data-testid="rule-set-values"
        columns={[
          {
            title: '类型',
            render: (_, v) => (
              <Tag color={KIND[v.kind]?.color}>{KIND[v.kind]?.label ?? v.kind}</Tag>
            ),
            width: 100,
          },
          { title: '规则', dataIndex: 'label' },
          {
            title: '取值',
            render: (_, v) => <strong data-testid={`rule-value-${v.code}`}>{v.value}</strong>,
            width: 120,
          },
          { title: '依据', dataIndex: 'citation' },
          { title: '代码', render: (_, v) => <code style={{ fontSize: 11 }}>{v.code}</code> },
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
      void message.success(`已保存为「${out.name} v${out.version}」`);
      setRows([{ code: null, value: '', citation: '' }]);
    } else setError(out && 'message' in out ? out.message : '保存失败');
  };
  return (
    <Card
      size="small"
      title="复制并调整（如：省里规定正式候选人名单须提前7天公布）"
      style={{ marginTop: 16 }}
      data-testid="rule-override-form"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input
          placeholder="新规则集名称（可选）"
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
                placeholder="选择要调整的规则"
                value={row.code}
                onChange={(code: string) => {
                  update(i, { code, value: set.values.find((v) => v.code === code)?.value ?? '' });
                }}
                options={set.values.map((v) => ({ value: v.code, label: v.label }))}
                data-testid={`override-code-${i}`}
              />
              <Input
                style={{ width: 120 }}
                placeholder={value ? `原值 ${value.value}` : '新取值'}
                value={row.value}
                onChange={(e) => {
                  update(i, { value: e.target.value });
                }}
                data-testid={`override-value-${i}`}
              />
              <Input
                style={{ width: 360 }}
                placeholder="依据（必填，如：某省村委会选举办法第二十条）"
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
            再调整一项
          </Button>
          <Button
            type="primary"
            loading={state.fetching}
            onClick={() => void submit()}
            data-testid="override-save"
          >
            保存为新规则集
          </Button>
        </Space>
        {error && <Alert type="error" title={error} data-testid="override-error" />}
      </Space>
    </Card>
  );
}
