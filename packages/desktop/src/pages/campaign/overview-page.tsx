import type { ResultOf } from '@huanjie/client';
import { errorCodeOf } from '@huanjie/client';
import type { Track, UnitProgress } from '@huanjie/domain';
import { TRACK_LABEL } from '@huanjie/domain';
import {
  Alert,
  Badge,
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useCampaignEvents, useCan, useLanguage } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { CampaignOverviewQuery, OverviewRootsQuery } from './overview-page.graphql.js';
import {
  PROGRESS_COLOR,
  daysToElectionText,
  overviewPath,
  percent,
  share,
} from './presentation.js';
import { ChartOrTable } from '../../charts/chart-or-table.js';
import { ChildrenChart, FunnelChart, ResultHistoryCard, childPath } from './overview-charts.js';
import { ProgressTag } from './status-tag.js';
import { useCampaignChoice } from './use-campaign.js';
import { ExportButton } from '../../sheets/export-button.js';
import { SupervisionOverviewCard } from '../supervision/supervision-page.js';
import { RiskMeasuresCard } from './risk-measures-card.js';
import { FollowUpCard } from '../follow-up/follow-up-card.js';

type Overview = ResultOf<typeof CampaignOverviewQuery>['campaignOverview'];
type Counts = Overview['totals'];

/**
 * `/overview/:campaignId?/:regionId?`: a county's or township's progress, live: days to election,
 * villages by standing per child region, the funnel per track, overdue stages and risk villages.
 * Every number links down to the records behind it.
 */
export function CampaignOverviewPage() {
  const { campaignId: wanted, regionId } = useParams();
  const choice = useCampaignChoice(wanted);
  const navigate = useNavigate();
  const t = useT();
  const [roots] = useQuery({ query: OverviewRootsQuery });
  if (choice.fetching && !choice.campaign) return <PageLoading />;
  if (choice.error) return <PageError code={errorCodeOf(choice.error)} />;
  if (!choice.campaign) {
    return <Empty data-testid="overview-empty" description={t('desktop.campaign.none')} />;
  }
  if (!regionId && roots.data && roots.data.myRegions.length !== 1) {
    // several roots (a county supervisor's townships): choose one; none: nothing to show
    return roots.data.myRegions.length === 0 ? (
      <Empty description={t('desktop.campaign.noRegions')} />
    ) : (
      <Card title={t('desktop.campaign.pickRegion')} data-testid="overview-roots">
        {roots.data.myRegions.map((r) => (
          <div key={r.id}>
            <Link to={overviewPath(choice.campaign?.id ?? '', r.id)}>{r.name}</Link>
          </div>
        ))}
      </Card>
    );
  }
  return (
    <>
      {choice.campaigns.length > 1 && (
        <Select
          style={{ minWidth: 320, marginBottom: 12 }}
          value={choice.campaign.id}
          data-testid="overview-campaign"
          options={choice.campaigns.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(id) => void navigate(overviewPath(id))}
        />
      )}
      <Overview
        key={`${choice.campaign.id}/${regionId ?? ''}`}
        campaignId={choice.campaign.id}
        regionId={regionId ?? null}
      />
    </>
  );
}

function Overview({ campaignId, regionId }: { campaignId: string; regionId: string | null }) {
  const t = useT();
  const { language } = useLanguage();
  const { can } = useCan();
  const [track, setTrack] = useState<Track | 'all'>('all');
  const [result, refetch] = useQuery({
    query: CampaignOverviewQuery,
    variables: { campaignId, regionId, track: track === 'all' ? null : track },
    requestPolicy: 'cache-and-network',
  });
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const live = useCampaignEvents(campaignId, () => {
    refetch({ requestPolicy: 'network-only' });
    setUpdatedAt(new Date());
  });
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const o = result.data.campaignOverview;
  const countyLevel = o.region.level === 'county';
  // the filters on screen, for each table's export
  const exportParams = {
    campaignId,
    regionId: o.region.id,
    track: track === 'all' ? null : track,
  };
  return (
    <div data-testid="campaign-overview" data-region={o.region.id}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {o.region.name} · {o.campaign.name}
        </Typography.Title>
        <Space>
          <Badge
            status={live.connected ? 'processing' : 'default'}
            text={t(live.connected ? 'desktop.campaign.live' : 'desktop.campaign.reconnecting')}
          />
          {updatedAt && (
            <Typography.Text type="secondary" data-testid="overview-updated">
              {t('desktop.campaign.updatedAt', {
                time: updatedAt.toLocaleTimeString(language === 'zh' ? 'zh-CN' : 'en', {
                  hour12: false,
                }),
              })}
            </Typography.Text>
          )}
        </Space>
      </Space>
      {!countyLevel && (
        <Space style={{ margin: '8px 0' }}>
          <Link to={overviewPath(campaignId)}>{t('desktop.campaign.upOverview')}</Link>
          {o.region.level === 'township' && (
            <Link
              to={`/matrix/${encodeURIComponent(campaignId)}/${encodeURIComponent(o.region.id)}`}
              data-testid="overview-matrix-link"
            >
              {t('desktop.campaign.matrixLink')}
            </Link>
          )}
        </Space>
      )}
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col span={4}>
          <Card size="small">
            <Statistic
              title={t('desktop.campaign.countyElectionDay', { date: o.campaign.electionDay })}
              value={daysToElectionText(o.daysToElection, t)}
              styles={{ content: { fontSize: 20 } }}
            />
            {o.firstElectionDay && o.firstElectionDay !== o.lastElectionDay && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('desktop.campaign.electionDayRange', {
                  first: o.firstElectionDay,
                  last: o.lastElectionDay ?? '',
                })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <CountCards counts={o.totals} />
      </Row>
      <SupervisionOverviewCard campaignId={campaignId} regionId={o.region.id} />
      <Segmented
        style={{ margin: '16px 0' }}
        value={track}
        onChange={(v) => {
          setTrack(v as Track | 'all');
        }}
        data-testid="overview-track"
        options={[
          { value: 'all', label: t('desktop.campaign.allTracks') },
          ...o.campaign.tracks.map((k) => ({ value: k, label: TRACK_LABEL[k][language] })),
        ]}
      />
      <Card
        size="small"
        title={t(
          countyLevel ? 'desktop.campaign.townshipsProgress' : 'desktop.campaign.villagesProgress',
        )}
        extra={<ExportButton name="overview" testId="overview-export" params={exportParams} />}
      >
        <ChartOrTable
          testId="overview-children"
          table={<ChildrenTable overview={o} campaignId={campaignId} />}
          chart={<ChildrenChart overview={o} campaignId={campaignId} />}
        />
      </Card>
      <ResultHistoryCard campaignId={campaignId} regionId={o.region.id} track={o.track} />
      <Card size="small" title={t('desktop.campaign.funnelTitle')} style={{ marginTop: 16 }}>
        <Funnel overview={o} />
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={14}>
          <Card
            size="small"
            title={t('desktop.campaign.overdueTitle', { count: o.overdue.total })}
            data-testid="overdue-card"
            extra={
              <ExportButton
                name="overdue-stages"
                testId="overdue-export"
                params={exportParams}
                disabled={o.overdue.total === 0}
              />
            }
          >
            <OverdueTable overview={o} campaignId={campaignId} />
          </Card>
        </Col>
        <Col span={10}>
          <Card
            size="small"
            title={t('desktop.campaign.riskTitle', { count: o.riskVillages.length })}
            extra={
              <ExportButton
                name="risk-villages"
                testId="risk-export"
                params={exportParams}
                disabled={o.riskVillages.length === 0}
              />
            }
          >
            <RiskTable overview={o} campaignId={campaignId} />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={t('desktop.cases.overdueTitle', {
          overdue: o.cases.overdue,
          open: o.cases.open,
          total: o.cases.total,
        })}
        data-testid="overdue-cases-card"
        extra={
          // the case list is a county's or a township's screen; a province's or city's user reads
          // the county's overdue cases here, each opening on its own
          can('rollup.read') ? null : (
            <Link to="/cases?overdue=1" data-testid="overdue-cases-all">
              {t('desktop.caseList.allCases')}
            </Link>
          )
        }
      >
        <OverdueCasesTable overview={o} campaignId={campaignId} />
      </Card>
      <RiskMeasuresCard campaignId={campaignId} regionId={o.region.id} />
      {/* what follows the vote: below the campaign's own progress */}
      <FollowUpCard
        campaignId={campaignId}
        regionId={o.region.id}
        overdueOnly={o.region.level !== 'township'}
      />
    </div>
  );
}

function OverdueCasesTable({
  overview: o,
  campaignId,
}: {
  overview: Overview;
  campaignId: string;
}) {
  const t = useT();
  if (o.overdueCases.length === 0) return <Empty description={t('desktop.cases.noOverdue')} />;
  return (
    <Table
      size="small"
      rowKey={(c) => c.id}
      dataSource={o.overdueCases}
      pagination={{ pageSize: 10 }}
      data-testid="overdue-cases"
      columns={[
        {
          title: t('desktop.campaign.col.village'),
          render: (_, c) => (
            <Link
              to={`/villages/${encodeURIComponent(campaignId)}/${encodeURIComponent(c.village.id)}`}
            >
              {c.village.name}
            </Link>
          ),
        },
        {
          title: t('desktop.cases.category'),
          render: (_, c) => (
            <Link to={`/cases/${encodeURIComponent(c.id)}`} data-testid="overdue-case-link">
              {c.categoryLabel}
            </Link>
          ),
        },
        { title: t('desktop.cases.receivedOn'), dataIndex: 'receivedOn' },
        { title: t('desktop.cases.status'), dataIndex: 'statusLabel' },
        {
          title: t('desktop.cases.lateness'),
          render: (_, c) => <Tag color="red">{c.latenessLabel}</Tag>,
        },
        { title: t('desktop.cases.handler'), render: (_, c) => c.handlerName ?? '—' },
      ]}
    />
  );
}

const PARTS: {
  key: keyof Omit<Counts, 'villages'>;
  progress: UnitProgress;
}[] = [
  { key: 'done', progress: 'done' },
  { key: 'inProgress', progress: 'in_progress' },
  { key: 'overdue', progress: 'overdue' },
  { key: 'blocked', progress: 'blocked' },
  { key: 'notStarted', progress: 'not_started' },
];

function CountCards({ counts }: { counts: Counts }) {
  const t = useT();
  return (
    <>
      {PARTS.map((p) => (
        <Col span={4} key={p.key}>
          <Card size="small" data-testid={`total-${p.key}`}>
            <Statistic
              title={t(`desktop.progress.${p.progress}`)}
              value={counts[p.key]}
              suffix={`/ ${counts.villages}`}
              styles={{ content: { color: PROGRESS_COLOR[p.progress] } }}
            />
            <Typography.Text type="secondary">
              {percent(counts[p.key], counts.villages)}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </>
  );
}

function ChildrenTable({ overview: o, campaignId }: { overview: Overview; campaignId: string }) {
  const t = useT();
  const cell = (n: number, total: number) => (
    <span>
      {n}
      <span style={{ color: '#999', fontSize: 12 }}> {percent(n, total)}</span>
    </span>
  );
  return (
    <Table
      size="small"
      rowKey={(r) => r.region.id}
      dataSource={o.children}
      pagination={false}
      data-testid="overview-children"
      columns={[
        {
          title: t('desktop.campaign.col.name'),
          render: (_, r) => {
            const to = childPath(campaignId, r.region);
            return (
              <Link to={to} data-testid={`child-${r.region.name}`}>
                {r.region.name}
              </Link>
            );
          },
        },
        { title: t('desktop.campaign.col.villages'), render: (_, r) => r.counts.villages },
        {
          title: t('desktop.progress.done'),
          render: (_, r) => cell(r.counts.done, r.counts.villages),
        },
        {
          title: t('desktop.progress.in_progress'),
          render: (_, r) => cell(r.counts.inProgress, r.counts.villages),
        },
        {
          title: t('desktop.progress.overdue'),
          render: (_, r) => (
            <span
              data-testid={`child-overdue-${r.region.name}`}
              style={{ color: r.counts.overdue > 0 ? '#f5222d' : undefined }}
            >
              {cell(r.counts.overdue, r.counts.villages)}
            </span>
          ),
        },
        {
          title: t('desktop.progress.blocked'),
          render: (_, r) => cell(r.counts.blocked, r.counts.villages),
        },
        {
          title: t('desktop.progress.not_started'),
          render: (_, r) => cell(r.counts.notStarted, r.counts.villages),
        },
        {
          title: t('desktop.campaign.col.risk'),
          render: (_, r) =>
            r.keyRisk + r.difficultRisk === 0 ? (
              '—'
            ) : (
              <>
                {r.keyRisk > 0 && (
                  <Tag color="orange">{t('desktop.campaign.keyCount', { count: r.keyRisk })}</Tag>
                )}
                {r.difficultRisk > 0 && (
                  <Tag color="red">
                    {t('desktop.campaign.difficultCount', { count: r.difficultRisk })}
                  </Tag>
                )}
              </>
            ),
        },
      ]}
    />
  );
}

function Funnel({ overview: o }: { overview: Overview }) {
  const t = useT();
  if (o.funnel.length === 0) return <Empty description={t('desktop.campaign.noUnits')} />;
  return (
    <Tabs
      items={o.funnel.map((f) => ({
        key: f.track,
        label: t('desktop.campaign.trackUnits', { label: f.label, count: f.units }),
        children: (
          <Row gutter={16}>
            <Col span={14}>
              <Table
                size="small"
                rowKey="stageCode"
                pagination={false}
                dataSource={f.stages}
                data-testid={`funnel-${f.track}`}
                columns={[
                  {
                    title: t('desktop.campaign.col.stage'),
                    render: (_, s) => `${s.position}. ${s.name}`,
                  },
                  {
                    title: t('desktop.campaign.col.approved'),
                    width: 260,
                    render: (_, s) => (
                      <Space>
                        <Progress
                          percent={s.total === 0 ? 0 : Math.round((s.approved * 100) / s.total)}
                          size="small"
                          style={{ width: 100 }}
                          showInfo={false}
                        />
                        <span data-testid={`funnel-${f.track}-${s.stageCode}-approved`}>
                          {share(s.approved, s.total, t)}
                        </span>
                      </Space>
                    ),
                  },
                  { title: t('desktop.campaign.col.submitted'), dataIndex: 'submitted' },
                  { title: t('desktop.campaign.col.inProgress'), dataIndex: 'inProgress' },
                  {
                    title: t('desktop.campaign.col.overdue'),
                    render: (_, s) => (
                      <span style={{ color: s.overdue > 0 ? '#f5222d' : undefined }}>
                        {s.overdue}
                      </span>
                    ),
                  },
                  { title: t('desktop.progress.blocked'), dataIndex: 'blocked' },
                  { title: t('desktop.progress.not_started'), dataIndex: 'notStarted' },
                ]}
              />
            </Col>
            <Col span={10}>
              <FunnelChart funnel={f} />
            </Col>
          </Row>
        ),
      }))}
    />
  );
}

function OverdueTable({ overview: o, campaignId }: { overview: Overview; campaignId: string }) {
  const t = useT();
  const { language } = useLanguage();
  if (o.overdue.total === 0)
    return <Alert type="success" title={t('desktop.campaign.noOverdue')} />;
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.unitElectionId}:${r.stageCode}`}
      dataSource={o.overdue.items}
      pagination={{ pageSize: 10 }}
      columns={[
        {
          title: t('desktop.campaign.col.village'),
          render: (_, r) => (
            <Link
              to={`/villages/${encodeURIComponent(campaignId)}/${encodeURIComponent(r.village.id)}`}
            >
              {r.village.name}
            </Link>
          ),
        },
        { title: t('desktop.campaign.col.township'), dataIndex: 'townshipName' },
        {
          title: t('desktop.campaign.col.track'),
          render: (_, r) => TRACK_LABEL[r.track][language],
        },
        { title: t('desktop.campaign.col.stage'), dataIndex: 'stageName' },
        { title: t('desktop.campaign.col.due'), dataIndex: 'dueDate' },
        {
          title: t('desktop.campaign.col.overdue'),
          render: (_, r) => (
            <Tag color="red">{t('desktop.campaign.days', { days: r.daysOverdue })}</Tag>
          ),
        },
      ]}
    />
  );
}

function RiskTable({ overview: o, campaignId }: { overview: Overview; campaignId: string }) {
  const t = useT();
  if (o.riskVillages.length === 0) return <Empty description={t('desktop.campaign.noRisk')} />;
  return (
    <Table
      size="small"
      rowKey={(r) => r.village.id}
      dataSource={o.riskVillages}
      pagination={{ pageSize: 10 }}
      data-testid="risk-villages"
      columns={[
        {
          title: t('desktop.campaign.col.village'),
          render: (_, r) => (
            <Link
              to={`/villages/${encodeURIComponent(campaignId)}/${encodeURIComponent(r.village.id)}`}
            >
              {r.village.name}
            </Link>
          ),
        },
        {
          title: t('desktop.campaign.col.level'),
          render: (_, r) => (
            <Tag color={r.level === 'difficult' ? 'red' : 'orange'}>
              {t(`desktop.risk.${r.level}`)}
            </Tag>
          ),
        },
        {
          title: t('desktop.campaign.col.reasonPlan'),
          render: (_, r) => (
            <>
              {r.reason}
              <div style={{ color: '#888', fontSize: 12 }} data-testid="risk-village-plan">
                {r.planState
                  ? t('desktop.campaign.planLine', {
                      state: r.planState,
                      owner: r.planOwnerName ?? '—',
                      open: r.measuresOpen,
                      overdue: r.measuresOverdue,
                      done: r.measuresDone,
                    })
                  : t('desktop.campaign.planNone')}
              </div>
              <div style={{ color: '#aaa', fontSize: 12 }}>
                {t('desktop.campaign.setBy', {
                  township: r.townshipName,
                  name: r.setByName,
                  role: r.setByRole,
                })}
              </div>
            </>
          ),
        },
        {
          title: t('desktop.campaign.col.progress'),
          render: (_, r) => (r.progress ? <ProgressTag progress={r.progress} /> : '—'),
        },
      ]}
    />
  );
}
