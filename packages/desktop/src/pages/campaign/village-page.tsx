import { errorCodeOf, readFragment, useMe, type ResultOf } from '@huanjie/client';
import type { RiskLevel } from '@huanjie/domain';
import { RISK_LABEL, RISK_LEVELS } from '@huanjie/domain';
import { Button, Card, Form, Input, Select, Table, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  StageItemFragment,
  StageRecordFragment,
  daysLeftText,
  useCampaignEvents,
} from '@huanjie/ui';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { overviewPath } from './presentation.js';
import { StageDrawer } from './stage-drawer.js';
import { ProgressTag, StatusTag } from './status-tag.js';
import {
  CampaignVillageQuery,
  SetVillageRiskMutation,
  VillageRisksQuery,
} from './village-page.graphql.js';

type Risk = ResultOf<typeof VillageRisksQuery>['campaign']['risks'][number];

/** `/villages/:campaignId/:villageId`: one village's stages per track, its history and risk. */
export function CampaignVillagePage() {
  const { campaignId = '', villageId = '' } = useParams();
  const [result, refetch] = useQuery({
    query: CampaignVillageQuery,
    variables: { campaignId, villageId },
    requestPolicy: 'cache-and-network',
  });
  const [risks] = useQuery({ query: VillageRisksQuery, variables: { campaignId } });
  useCampaignEvents(campaignId, () => {
    refetch({ requestPolicy: 'network-only' });
  });
  const [open, setOpen] = useState<{ unit: string; code: string } | null>(null);
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const checklist = result.data.villageChecklist;
  return (
    <div data-testid="campaign-village">
      <Typography.Title level={3} data-testid="campaign-village-name">
        {checklist.village.name}
        <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12 }}>
          {checklist.campaign.name} · 今天 {checklist.today}
        </Typography.Text>
      </Typography.Title>
      <Link to={overviewPath(campaignId)}>← 返回进度总览</Link>
      <RiskPanel
        campaignId={campaignId}
        villageId={villageId}
        risk={risks.data?.campaign.risks.find((r) => r.village.id === villageId) ?? null}
      />
      <Tabs
        items={checklist.units.map((unit) => ({
          key: unit.track,
          label: (
            <span data-testid={`village-track-${unit.track}`}>
              {unit.trackLabel} <ProgressTag progress={unit.progress} />
            </span>
          ),
          children: (
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={unit.items.map((i) => readFragment(StageItemFragment, i))}
              onRow={(item) => ({
                onClick: () => {
                  setOpen({ unit: item.unitElectionId, code: item.stageCode });
                },
                style: { cursor: 'pointer' },
                'data-testid': `village-stage-${item.track}-${item.stageCode}`,
              })}
              columns={[
                { title: '序', dataIndex: 'position', width: 48 },
                { title: '环节', dataIndex: 'name' },
                {
                  title: '截止',
                  render: (_, i) => (
                    <>
                      {i.dueDate}
                      <div style={{ color: '#888', fontSize: 12 }}>{i.dueRuleText}</div>
                    </>
                  ),
                },
                {
                  title: '状态',
                  render: (_, i) => <StatusTag status={i.displayStatus} label={i.displayLabel} />,
                },
                {
                  title: '完成情况',
                  render: (_, i) => {
                    const record = i.record ? readFragment(StageRecordFragment, i.record) : null;
                    if (record?.doneDate) return `完成于 ${record.doneDate}`;
                    if (i.status === 'approved') return '';
                    return daysLeftText(i.daysLeft);
                  },
                },
                {
                  title: '说明 / 意见',
                  render: (_, i) => {
                    const record = i.record ? readFragment(StageRecordFragment, i.record) : null;
                    return (
                      <>
                        {record?.explanation && <div>说明：{record.explanation}</div>}
                        {record?.reviewComment && (
                          <div style={{ color: '#d4380d' }}>意见：{record.reviewComment}</div>
                        )}
                      </>
                    );
                  },
                },
              ]}
            />
          ),
        }))}
      />
      <StageDrawer
        unitElectionId={open?.unit ?? null}
        stageCode={open?.code ?? null}
        onClose={() => {
          setOpen(null);
        }}
      />
    </div>
  );
}

function RiskPanel({
  campaignId,
  villageId,
  risk,
}: {
  campaignId: string;
  villageId: string;
  risk: Risk | null;
}) {
  const { me } = useMe();
  const [saving, save] = useMutation(SetVillageRiskMutation);
  const [form] = Form.useForm<{ level: RiskLevel; reason: string; plan: string }>();
  const canSet = me?.role === 'township_coordinator' || me?.role === 'county_admin';
  const submit = async (values: { level: RiskLevel; reason?: string; plan?: string }) => {
    const res = await save({
      campaignId,
      villageId,
      level: values.level,
      reason: values.reason ?? null,
      plan: values.plan ?? null,
      expectedVersion: risk?.version ?? null,
    });
    const out = res.data?.setVillageRisk;
    if (out?.__typename === 'VillageRisk') void message.success('风险等级已保存');
    else void message.error(out && 'message' in out ? out.message : '保存失败');
  };
  return (
    <Card
      size="small"
      title="风险等级（一村一策）"
      style={{ margin: '16px 0' }}
      data-testid="risk-panel"
    >
      {risk ? (
        <div>
          <Tag
            color={risk.level === 'difficult' ? 'red' : risk.level === 'key' ? 'orange' : 'default'}
          >
            {risk.levelLabel}
          </Tag>
          {risk.reason} {risk.plan && <span>· 预案：{risk.plan}</span>}
          <span style={{ color: '#888' }}>
            {' '}
            （{risk.setByName}，{risk.setByRole}）
          </span>
        </div>
      ) : (
        <div>一般</div>
      )}
      {canSet && (
        <Form
          key={risk?.version ?? 0}
          form={form}
          layout="inline"
          style={{ marginTop: 12 }}
          initialValues={{
            level: risk?.level ?? 'normal',
            reason: risk?.reason,
            plan: risk?.plan ?? '',
          }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="level">
            <Select
              style={{ width: 100 }}
              data-testid="risk-level"
              options={RISK_LEVELS.map((l) => ({ value: l, label: RISK_LABEL[l] }))}
            />
          </Form.Item>
          <Form.Item name="reason">
            <Input placeholder="原因" style={{ width: 220 }} data-testid="risk-reason" />
          </Form.Item>
          <Form.Item name="plan">
            <Input placeholder="工作预案" style={{ width: 220 }} />
          </Form.Item>
          <Button htmlType="submit" loading={saving.fetching} data-testid="risk-save">
            保存
          </Button>
        </Form>
      )}
    </Card>
  );
}
