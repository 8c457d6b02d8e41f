import type { ResultOf } from '@huanjie/client';
import { errorCodeOf } from '@huanjie/client';
import type { Track } from '@huanjie/domain';
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
import { useCampaignEvents } from '@huanjie/ui';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { CampaignOverviewQuery, OverviewRootsQuery } from './overview-page.graphql.js';
import {
  PROGRESS_COLOR,
  daysToElectionText,
  overviewPath,
  percent,
  share,
} from './presentation.js';
import { ProgressTag } from './status-tag.js';
import { useCampaignChoice } from './use-campaign.js';

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
  const [roots] = useQuery({ query: OverviewRootsQuery });
  if (choice.fetching && !choice.campaign) return <PageLoading />;
  if (choice.error) return <PageError code={errorCodeOf(choice.error)} />;
  if (!choice.campaign) {
    return <Empty data-testid="overview-empty" description="目前没有进行中的换届工作" />;
  }
  if (!regionId && roots.data && roots.data.myRegions.length !== 1) {
    // several roots (a county supervisor's townships): choose one; none: nothing to show
    return roots.data.myRegions.length === 0 ? (
      <Empty description="尚未分配可查看的区划" />
    ) : (
      <Card title="请选择要查看的区划" data-testid="overview-roots">
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
  return (
    <div data-testid="campaign-overview" data-region={o.region.id}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {o.region.name} · {o.campaign.name}
        </Typography.Title>
        <Space>
          <Badge
            status={live.connected ? 'processing' : 'default'}
            text={live.connected ? '实时更新' : '连接中断，正在重连'}
          />
          {updatedAt && (
            <Typography.Text type="secondary" data-testid="overview-updated">
              {updatedAt.toLocaleTimeString('zh-CN', { hour12: false })} 有新进展
            </Typography.Text>
          )}
        </Space>
      </Space>
      {!countyLevel && (
        <Space style={{ margin: '8px 0' }}>
          <Link to={overviewPath(campaignId)}>← 上级总览</Link>
          {o.region.level === 'township' && (
            <Link
              to={`/matrix/${encodeURIComponent(campaignId)}/${encodeURIComponent(o.region.id)}`}
              data-testid="overview-matrix-link"
            >
              村 × 环节进度表
            </Link>
          )}
        </Space>
      )}
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col span={4}>
          <Card size="small">
            <Statistic
              title={`县定选举日 ${o.campaign.electionDay}`}
              value={daysToElectionText(o.daysToElection)}
              styles={{ content: { fontSize: 20 } }}
            />
            {o.firstElectionDay && o.firstElectionDay !== o.lastElectionDay && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                本级选举日 {o.firstElectionDay} 至 {o.lastElectionDay}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <CountCards counts={o.totals} />
      </Row>
      <Segmented
        style={{ margin: '16px 0' }}
        value={track}
        onChange={(v) => {
          setTrack(v as Track | 'all');
        }}
        data-testid="overview-track"
        options={[
          { value: 'all', label: '全部类别' },
          ...o.campaign.tracks.map((t) => ({ value: t, label: TRACK_LABEL[t].zh })),
        ]}
      />
      <Card size="small" title={countyLevel ? '各乡镇（街道）进度（按村计）' : '各村（社区）进度'}>
        <ChildrenTable overview={o} campaignId={campaignId} />
      </Card>
      <Card size="small" title="各环节完成情况（按选举单元计）" style={{ marginTop: 16 }}>
        <Funnel overview={o} />
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={14}>
          <Card
            size="small"
            title={`逾期环节（共${o.overdue.total}项）`}
            data-testid="overdue-card"
          >
            <OverdueTable overview={o} campaignId={campaignId} />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={`重点村、难点村（${o.riskVillages.length}个）`}>
            <RiskTable overview={o} campaignId={campaignId} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

const PARTS: {
  key: keyof Omit<Counts, 'villages'>;
  title: string;
  progress: 'done' | 'in_progress' | 'overdue' | 'blocked' | 'not_started';
}[] = [
  { key: 'done', title: '全部完成', progress: 'done' },
  { key: 'inProgress', title: '推进中', progress: 'in_progress' },
  { key: 'overdue', title: '有逾期', progress: 'overdue' },
  { key: 'blocked', title: '受阻', progress: 'blocked' },
  { key: 'notStarted', title: '未开始', progress: 'not_started' },
];

function CountCards({ counts }: { counts: Counts }) {
  return (
    <>
      {PARTS.map((p) => (
        <Col span={4} key={p.key}>
          <Card size="small" data-testid={`total-${p.key}`}>
            <Statistic
              title={p.title}
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
          title: '名称',
          render: (_, r) => {
            const to =
              r.region.level === 'township'
                ? overviewPath(campaignId, r.region.id)
                : `/villages/${encodeURIComponent(campaignId)}/${encodeURIComponent(r.region.id)}`;
            return (
              <Link to={to} data-testid={`child-${r.region.name}`}>
                {r.region.name}
              </Link>
            );
          },
        },
        { title: '村(社区)数', render: (_, r) => r.counts.villages },
        { title: '全部完成', render: (_, r) => cell(r.counts.done, r.counts.villages) },
        { title: '推进中', render: (_, r) => cell(r.counts.inProgress, r.counts.villages) },
        {
          title: '有逾期',
          render: (_, r) => (
            <span
              data-testid={`child-overdue-${r.region.name}`}
              style={{ color: r.counts.overdue > 0 ? '#f5222d' : undefined }}
            >
              {cell(r.counts.overdue, r.counts.villages)}
            </span>
          ),
        },
        { title: '受阻', render: (_, r) => cell(r.counts.blocked, r.counts.villages) },
        { title: '未开始', render: (_, r) => cell(r.counts.notStarted, r.counts.villages) },
        {
          title: '重点/难点',
          render: (_, r) =>
            r.keyRisk + r.difficultRisk === 0 ? (
              '—'
            ) : (
              <>
                {r.keyRisk > 0 && <Tag color="orange">重点 {r.keyRisk}</Tag>}
                {r.difficultRisk > 0 && <Tag color="red">难点 {r.difficultRisk}</Tag>}
              </>
            ),
        },
      ]}
    />
  );
}

function Funnel({ overview: o }: { overview: Overview }) {
  if (o.funnel.length === 0) return <Empty description="尚无选举单元" />;
  return (
    <Tabs
      items={o.funnel.map((f) => ({
        key: f.track,
        label: `${f.label}（${f.units}个单元）`,
        children: (
          <Table
            size="small"
            rowKey="stageCode"
            pagination={false}
            dataSource={f.stages}
            data-testid={`funnel-${f.track}`}
            columns={[
              { title: '环节', render: (_, s) => `${s.position}. ${s.name}` },
              {
                title: '已通过',
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
                      {share(s.approved, s.total)}
                    </span>
                  </Space>
                ),
              },
              { title: '待审核', dataIndex: 'submitted' },
              { title: '填报中', dataIndex: 'inProgress' },
              {
                title: '逾期',
                render: (_, s) => (
                  <span style={{ color: s.overdue > 0 ? '#f5222d' : undefined }}>{s.overdue}</span>
                ),
              },
              { title: '受阻', dataIndex: 'blocked' },
              { title: '未开始', dataIndex: 'notStarted' },
            ]}
          />
        ),
      }))}
    />
  );
}

function OverdueTable({ overview: o, campaignId }: { overview: Overview; campaignId: string }) {
  if (o.overdue.total === 0) return <Alert type="success" title="没有逾期环节" />;
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.unitElectionId}:${r.stageCode}`}
      dataSource={o.overdue.items}
      pagination={{ pageSize: 10 }}
      columns={[
        {
          title: '村(社区)',
          render: (_, r) => (
            <Link
              to={`/villages/${encodeURIComponent(campaignId)}/${encodeURIComponent(r.village.id)}`}
            >
              {r.village.name}
            </Link>
          ),
        },
        { title: '乡镇', dataIndex: 'townshipName' },
        { title: '类别', render: (_, r) => TRACK_LABEL[r.track].zh },
        { title: '环节', dataIndex: 'stageName' },
        { title: '截止', dataIndex: 'dueDate' },
        { title: '逾期', render: (_, r) => <Tag color="red">{r.daysOverdue}天</Tag> },
      ]}
    />
  );
}

function RiskTable({ overview: o, campaignId }: { overview: Overview; campaignId: string }) {
  if (o.riskVillages.length === 0) return <Empty description="无重点村、难点村" />;
  return (
    <Table
      size="small"
      rowKey={(r) => r.village.id}
      dataSource={o.riskVillages}
      pagination={{ pageSize: 10 }}
      data-testid="risk-villages"
      columns={[
        {
          title: '村(社区)',
          render: (_, r) => (
            <Link
              to={`/villages/${encodeURIComponent(campaignId)}/${encodeURIComponent(r.village.id)}`}
            >
              {r.village.name}
            </Link>
          ),
        },
        {
          title: '等级',
          render: (_, r) => (
            <Tag color={r.level === 'difficult' ? 'red' : 'orange'}>{r.levelLabel}</Tag>
          ),
        },
        {
          title: '原因 / 预案',
          render: (_, r) => (
            <>
              {r.reason}
              {r.plan && <div style={{ color: '#888', fontSize: 12 }}>预案：{r.plan}</div>}
              <div style={{ color: '#aaa', fontSize: 12 }}>
                {r.townshipName} · {r.setByName}（{r.setByRole}）
              </div>
            </>
          ),
        },
        {
          title: '进度',
          render: (_, r) => (r.progress ? <ProgressTag progress={r.progress} /> : '—'),
        },
      ]}
    />
  );
}
