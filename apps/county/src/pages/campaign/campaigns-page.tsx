import { errorCodeOf, readFragment, type FragmentOf } from '@huanjie/client';
import type { ElectionDayPlan, OrderingPolicy, Track } from '@huanjie/domain';
import { ORDERING_LABEL, TRACK_LABEL, TRACKS } from '@huanjie/domain';
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
import { PageError, PageLoading } from '@huanjie/desktop';
import {
  CampaignFormRuleSetsQuery,
  CampaignsQuery,
  CreateCampaignMutation,
} from './campaigns-page.graphql.js';
import { CampaignSummaryFragment, RuleSetSummaryFragment } from './summaries.graphql.js';

type RuleSet = FragmentOf<typeof RuleSetSummaryFragment>;

const PLAN_LABEL: Record<ElectionDayPlan, string> = {
  county: '全县统一选举日',
  township: '按乡镇确定选举日',
  village: '按村在窗口期内确定',
};
const STATUS: Record<string, { color: string; label: string }> = {
  draft: { color: 'default', label: '草稿' },
  running: { color: 'processing', label: '进行中' },
  closed: { color: 'success', label: '已结束' },
};

/** `/campaigns`: the county's campaigns, and a form to set up a new one. */
export function CampaignsPage() {
  const [result] = useQuery({ query: CampaignsQuery });
  const [creating, setCreating] = useState(false);
  const [rules] = useQuery({ query: CampaignFormRuleSetsQuery, pause: !creating });
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const campaigns = result.data.campaigns.map((c) => readFragment(CampaignSummaryFragment, c));
  return (
    <div data-testid="campaigns-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>换届工作</Typography.Title>
        <Space>
          <Link to="/rules">规则集</Link>
          <Link to="/audit">操作日志</Link>
          <Button
            type="primary"
            onClick={() => {
              setCreating(true);
            }}
            data-testid="campaign-new"
          >
            新建换届工作
          </Button>
        </Space>
      </Space>
      {creating && (
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
            title: '名称',
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
            title: '状态',
            render: (_, c) => <Tag color={STATUS[c.status]?.color}>{STATUS[c.status]?.label}</Tag>,
          },
          {
            title: '选举日',
            render: (_, c) => `${c.electionDay}（${PLAN_LABEL[c.electionDayPlan]}）`,
          },
          { title: '换届顺序', dataIndex: 'orderingLabel' },
          { title: '届次', render: (_, c) => c.termNumbers.map((t) => t.label).join('、') },
          {
            title: '选举单元',
            render: (_, c) =>
              c.unitCounts.length === 0
                ? '启动后生成'
                : c.unitCounts.map((u) => `${u.label} ${u.units}`).join('；'),
          },
          { title: '规则集', render: (_, c) => `${c.ruleSet.name} v${c.ruleSet.version}` },
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
    else setError('保存失败，请检查网络');
  };

  return (
    <Card title="新建换届工作" style={{ marginBottom: 16 }} data-testid="campaign-form">
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
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input placeholder="如：2026年村（社区）“两委”换届" data-testid="campaign-name" />
        </Form.Item>
        <Form.Item
          name="tracks"
          label="换届类别"
          rules={[{ required: true, message: '请选择换届类别' }]}
        >
          <Checkbox.Group options={TRACKS.map((t) => ({ value: t, label: TRACK_LABEL[t].zh }))} />
        </Form.Item>
        <Space wrap>
          {tracks
            .filter((t) => t !== 'F')
            .map((t) => (
              <Form.Item
                key={t}
                name={['terms', t]}
                label={`${TRACK_LABEL[t].zh}：第几届`}
                rules={[{ required: true, message: '请填写届次' }]}
              >
                <InputNumber min={1} max={99} data-testid={`campaign-term-${t}`} />
              </Form.Item>
            ))}
        </Space>
        <Form.Item name="electionDayPlan" label="选举日安排">
          <Radio.Group
            options={(Object.keys(PLAN_LABEL) as ElectionDayPlan[]).map((p) => ({
              value: p,
              label: PLAN_LABEL[p],
            }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="electionDay"
            label="选举日（全县默认）"
            rules={[{ required: true, message: '请填写选举日' }]}
          >
            <Input type="date" data-testid="campaign-election-day" />
          </Form.Item>
          {plan === 'village' && (
            <>
              <Form.Item
                name="windowStart"
                label="窗口开始"
                rules={[{ required: true, message: '请填写' }]}
              >
                <Input type="date" />
              </Form.Item>
              <Form.Item
                name="windowEnd"
                label="窗口结束"
                rules={[{ required: true, message: '请填写' }]}
              >
                <Input type="date" />
              </Form.Item>
            </>
          )}
        </Space>
        <Form.Item name="ordering" label="换届顺序">
          <Radio.Group
            options={(Object.keys(ORDERING_LABEL) as OrderingPolicy[]).map((o) => ({
              value: o,
              label: ORDERING_LABEL[o],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="ruleSetId"
          label="执行规则集"
          rules={[{ required: true, message: '请选择规则集' }]}
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
            保存
          </Button>
          <Button onClick={onCancel}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
