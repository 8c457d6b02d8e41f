import { errorCodeOf, readFragment, type FragmentOf } from '@huanjie/client';
import type { ElectionDayPlan, OrderingPolicy, Track } from '@huanjie/domain';
import { ELECTION_DAY_PLANS, ORDERING_POLICIES, TRACK_LABEL, TRACKS } from '@huanjie/domain';
import { useCan, useLanguage } from '@huanjie/ui';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ExportButton, PageError, PageLoading } from '@huanjie/desktop';
import { useT } from '../../i18n.js';
import {
  CampaignFormRuleSetsQuery,
  CampaignsQuery,
  CreateCampaignMutation,
} from './campaigns-page.graphql.js';
import { CampaignSummaryFragment, RuleSetSummaryFragment } from './summaries.graphql.js';

type RuleSet = FragmentOf<typeof RuleSetSummaryFragment>;

const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  running: 'processing',
  closed: 'success',
};

/** `/campaigns`: the county's campaigns, and a form to set up a new one. */
export function CampaignsPage() {
  const t = useT();
  const { language } = useLanguage();
  const [result] = useQuery({ query: CampaignsQuery });
  const [creating, setCreating] = useState(false);
  // setting up a campaign is the county admin's (the domain's policy): nobody else gets the form
  const manage = useCan().can('campaign.manage');
  const [rules] = useQuery({ query: CampaignFormRuleSetsQuery, pause: !creating });
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const campaigns = result.data.campaigns.map((c) => readFragment(CampaignSummaryFragment, c));
  return (
    <div data-testid="campaigns-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>{t('county.campaigns.title')}</Typography.Title>
        <Space>
          <Link to="/rules">{t('county.ruleSets.link')}</Link>
          <Link to="/audit">{t('campaign.nav.audit')}</Link>
          <ExportButton
            name="campaigns"
            testId="campaigns-export"
            params={{}}
            disabled={campaigns.length === 0}
          />
          {manage && (
            <Button
              type="primary"
              onClick={() => {
                setCreating(true);
              }}
              data-testid="campaign-new"
            >
              {t('county.campaigns.new')}
            </Button>
          )}
        </Space>
      </Space>
      {manage && creating && (
        <CampaignForm
          ruleSets={rules.data?.ruleSets ?? []}
          onCancel={() => {
            setCreating(false);
          }}
        />
      )}
      <Table
        rowKey="id"
        dataSource={campaigns}
        pagination={false}
        data-testid="campaigns-table"
        columns={[
          {
            title: t('county.campaigns.name'),
            render: (_, c) => (
              <Link
                to={`/campaigns/${encodeURIComponent(c.id)}`}
                data-testid={`campaign-link-${c.name}`}
              >
                {c.name}
              </Link>
            ),
          },
          {
            title: t('county.campaigns.status'),
            render: (_, c) => (
              <Tag color={STATUS_COLOR[c.status]}>{t(`county.status.${c.status}`)}</Tag>
            ),
          },
          {
            title: t('county.campaigns.electionDay'),
            render: (_, c) =>
              t('county.campaigns.dayWithPlan', {
                day: c.electionDay,
                plan: t(`county.plan.${c.electionDayPlan}`),
              }),
          },
          {
            title: t('county.campaigns.ordering'),
            render: (_, c) => t(`county.ordering.${c.ordering}`),
          },
          {
            title: t('county.campaigns.terms'),
            render: (_, c) =>
              c.termNumbers
                .map((n) =>
                  t('county.termNumber', {
                    label: n.label,
                    body: TRACK_LABEL[n.track][language],
                    term: n.term,
                  }),
                )
                .join(t('county.list.separator')),
          },
          {
            title: t('county.campaigns.units'),
            render: (_, c) =>
              c.unitCounts.length === 0
                ? t('county.unitsPending')
                : c.unitCounts
                    .map((u) =>
                      t('county.unitCount', {
                        label: u.label,
                        body: TRACK_LABEL[u.track][language],
                        units: u.units,
                      }),
                    )
                    .join(t('county.list.groupSeparator')),
          },
          {
            title: t('county.campaigns.ruleSet'),
            render: (_, c) => `${c.ruleSet.name} v${c.ruleSet.version}`,
          },
        ]}
      />
    </div>
  );
}

interface FormValues {
  name: string;
  tracks: Track[];
  terms: Partial<Record<Track, number>>;
  electionDayPlan: ElectionDayPlan;
  electionDay: string;
  windowStart?: string;
  windowEnd?: string;
  ordering: OrderingPolicy;
  ruleSetId: string;
}

function CampaignForm({
  ruleSets: ruleSetData,
  onCancel,
}: {
  ruleSets: readonly RuleSet[];
  onCancel: () => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const [state, create] = useMutation(CreateCampaignMutation);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const tracks = (Form.useWatch('tracks', form) as Track[] | undefined) ?? [];
  const plan = Form.useWatch('electionDayPlan', form);
  const ruleSets = ruleSetData.map((r) => readFragment(RuleSetSummaryFragment, r));
  const firstRuleSet = ruleSets[0]?.id;
  useEffect(() => {
    // the county's newest own set, else the national defaults, until the admin picks another
    if (firstRuleSet && !form.getFieldValue('ruleSetId'))
      form.setFieldValue('ruleSetId', firstRuleSet);
  }, [firstRuleSet, form]);

  const submit = async (v: FormValues) => {
    setError(null);
    const res = await create({
      input: {
        name: v.name,
        tracks: v.tracks,
        termNumbers: v.tracks
          .filter((t) => t !== 'F')
          .map((t) => ({ track: t, term: v.terms[t] ?? 0 })),
        electionDayPlan: v.electionDayPlan,
        electionDay: v.electionDay,
        windowStart: v.windowStart || null,
        windowEnd: v.windowEnd || null,
        ordering: v.ordering,
        ruleSetId: v.ruleSetId,
      },
    });
    const out = res.data?.createCampaign;
    if (out?.__typename === 'Campaign') void navigate(`/campaigns/${encodeURIComponent(out.id)}`);
    else if (out && 'message' in out) setError(out.message);
    else setError(t('county.campaigns.form.saveFailed'));
  };

  return (
    <Card
      title={t('county.campaigns.new')}
      style={{ marginBottom: 16 }}
      data-testid="campaign-form"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          tracks: ['P', 'V', 'C', 'S', 'F'],
          terms: { P: 11, V: 12, C: 7, S: 3 },
          electionDayPlan: 'county',
          ordering: 'party_first',
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t('county.campaigns.name')}
          rules={[{ required: true, message: t('county.campaigns.form.nameRequired') }]}
        >
          <Input
            placeholder={t('county.campaigns.form.namePlaceholder')}
            data-testid="campaign-name"
          />
        </Form.Item>
        <Form.Item
          name="tracks"
          label={t('county.campaigns.form.tracks')}
          rules={[{ required: true, message: t('county.campaigns.form.tracksRequired') }]}
        >
          <Checkbox.Group
            options={TRACKS.map((k) => ({ value: k, label: TRACK_LABEL[k][language] }))}
          />
        </Form.Item>
        <Space wrap>
          {tracks
            .filter((k) => k !== 'F')
            .map((k) => (
              <Form.Item
                key={k}
                name={['terms', k]}
                label={t('county.campaigns.form.term', { track: TRACK_LABEL[k][language] })}
                rules={[{ required: true, message: t('county.campaigns.form.termRequired') }]}
              >
                <InputNumber min={1} max={99} data-testid={`campaign-term-${k}`} />
              </Form.Item>
            ))}
        </Space>
        <Form.Item name="electionDayPlan" label={t('county.campaigns.form.plan')}>
          <Radio.Group
            options={ELECTION_DAY_PLANS.map((p) => ({ value: p, label: t(`county.plan.${p}`) }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="electionDay"
            label={t('county.campaigns.form.electionDay')}
            rules={[{ required: true, message: t('county.campaigns.form.electionDayRequired') }]}
          >
            <Input type="date" data-testid="campaign-election-day" />
          </Form.Item>
          {plan === 'village' && (
            <>
              <Form.Item
                name="windowStart"
                label={t('county.campaigns.form.windowStart')}
                rules={[{ required: true, message: t('county.campaigns.form.required') }]}
              >
                <Input type="date" />
              </Form.Item>
              <Form.Item
                name="windowEnd"
                label={t('county.campaigns.form.windowEnd')}
                rules={[{ required: true, message: t('county.campaigns.form.required') }]}
              >
                <Input type="date" />
              </Form.Item>
            </>
          )}
        </Space>
        <Form.Item name="ordering" label={t('county.campaigns.ordering')}>
          <Radio.Group
            options={ORDERING_POLICIES.map((o) => ({ value: o, label: t(`county.ordering.${o}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="ruleSetId"
          label={t('county.campaigns.form.ruleSet')}
          rules={[{ required: true, message: t('county.campaigns.form.ruleSetRequired') }]}
        >
          <Select
            style={{ maxWidth: 420 }}
            data-testid="campaign-rule-set"
            options={ruleSets.map((r) => ({ value: r.id, label: `${r.name} v${r.version}` }))}
          />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            title={error}
            style={{ marginBottom: 12 }}
            data-testid="campaign-form-error"
          />
        )}
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={state.fetching}
            data-testid="campaign-create"
          >
            {t('county.campaigns.form.save')}
          </Button>
          <Button onClick={onCancel}>{t('county.campaigns.form.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
