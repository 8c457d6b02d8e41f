import { errorCodeOf, readFragment, type ResultOf } from '@huanjie/client';
import type { RiskLevel } from '@huanjie/domain';
import { RISK_LEVELS, needsPlan } from '@huanjie/domain';
import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
  message,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  StageItemFragment,
  StageRecordFragment,
  daysLeftText,
  useCampaignEvents,
  useCan,
} from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { ExportButton } from '../../sheets/export-button.js';
import { overviewPath } from './presentation.js';
import { RiskPlanCard } from './risk-plan-card.js';
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
  const t = useT();
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
          {t('desktop.village.today', {
            campaign: checklist.campaign.name,
            today: checklist.today,
          })}
        </Typography.Text>
      </Typography.Title>
      <Flex align="center" gap={12} wrap>
        <Link to={overviewPath(campaignId)}>{t('desktop.village.backOverview')}</Link>
        <ExportButton
          name="village-stages"
          testId="village-stages-export"
          params={{ campaignId, villageId }}
          disabled={checklist.units.length === 0}
        />
      </Flex>
      <RiskPanel
        campaignId={campaignId}
        villageId={villageId}
        risk={risks.data?.campaign.risks.find((r) => r.village.id === villageId) ?? null}
      />
      <RiskPlanCard
        campaignId={campaignId}
        villageId={villageId}
        atRisk={needsPlan(
          risks.data?.campaign.risks.find((r) => r.village.id === villageId)?.level ?? null,
        )}
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
                { title: t('desktop.village.col.position'), dataIndex: 'position', width: 48 },
                { title: t('desktop.campaign.col.stage'), dataIndex: 'name' },
                {
                  title: t('desktop.campaign.col.due'),
                  render: (_, i) => (
                    <>
                      {i.dueDate}
                      <div style={{ color: '#888', fontSize: 12 }}>{i.dueRuleText}</div>
                    </>
                  ),
                },
                {
                  title: t('desktop.village.col.status'),
                  render: (_, i) => <StatusTag status={i.displayStatus} />,
                },
                {
                  title: t('desktop.village.col.done'),
                  render: (_, i) => {
                    const record = i.record ? readFragment(StageRecordFragment, i.record) : null;
                    if (record?.doneDate)
                      return t('desktop.village.doneOn', { date: record.doneDate });
                    if (i.status === 'approved') return '';
                    return daysLeftText(i.daysLeft, t);
                  },
                },
                {
                  title: t('desktop.village.col.notes'),
                  render: (_, i) => {
                    const record = i.record ? readFragment(StageRecordFragment, i.record) : null;
                    return (
                      <>
                        {record?.explanation && (
                          <div>
                            {t('desktop.village.explanation', { text: record.explanation })}
                          </div>
                        )}
                        {record?.reviewComment && (
                          <div style={{ color: '#d4380d' }}>
                            {t('desktop.village.comment', { text: record.reviewComment })}
                          </div>
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
  const t = useT();
  const [saving, save] = useMutation(SetVillageRiskMutation);
  const [form] = Form.useForm<{ level: RiskLevel; reason: string; plan: string }>();
  const canSet = useCan().can('risk.set');
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
    if (out?.__typename === 'VillageRisk') void message.success(t('desktop.risk.saved'));
    else void message.error(out && 'message' in out ? out.message : t('desktop.risk.saveFailed'));
  };
  return (
    <Card
      size="small"
      title={t('desktop.risk.title')}
      style={{ margin: '16px 0' }}
      data-testid="risk-panel"
    >
      {risk ? (
        <div>
          <Tag
            color={risk.level === 'difficult' ? 'red' : risk.level === 'key' ? 'orange' : 'default'}
          >
            {t(`desktop.risk.${risk.level}`)}
          </Tag>
          {risk.reason} {risk.plan && <span>{t('desktop.risk.plan', { plan: risk.plan })}</span>}
          <span style={{ color: '#888' }}>
            {' '}
            {t('desktop.risk.setBy', { name: risk.setByName, role: risk.setByRole })}
          </span>
        </div>
      ) : (
        <div>{t('desktop.risk.normal')}</div>
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
              options={RISK_LEVELS.map((l) => ({ value: l, label: t(`desktop.risk.${l}`) }))}
            />
          </Form.Item>
          <Form.Item name="reason">
            <Input
              placeholder={t('desktop.risk.reason')}
              style={{ width: 220 }}
              data-testid="risk-reason"
            />
          </Form.Item>
          <Form.Item name="plan">
            <Input placeholder={t('desktop.risk.planPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Button htmlType="submit" loading={saving.fetching} data-testid="risk-save">
            {t('desktop.risk.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
