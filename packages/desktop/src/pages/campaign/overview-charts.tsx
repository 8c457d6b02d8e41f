import type { ResultOf } from '@huanjie/client';
import type { UnitProgress } from '@huanjie/domain';
import { Card, Empty, Table } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { EChart } from '../../charts/echart.js';
import { ChartOrTable } from '../../charts/chart-or-table.js';
import { useT } from '../../i18n.js';
import type { CampaignOverviewQuery } from './overview-page.graphql.js';
import { ResultHistoryQuery } from './overview-page.graphql.js';
import { PROGRESS_COLOR, overviewPath, share } from './presentation.js';

type Overview = ResultOf<typeof CampaignOverviewQuery>['campaignOverview'];
type Counts = Overview['totals'];

const STANDINGS: { key: keyof Omit<Counts, 'villages'>; progress: UnitProgress }[] = [
  { key: 'done', progress: 'done' },
  { key: 'inProgress', progress: 'in_progress' },
  { key: 'overdue', progress: 'overdue' },
  { key: 'blocked', progress: 'blocked' },
  { key: 'notStarted', progress: 'not_started' },
];

/** Where a child region's row leads: a township's overview, or a village's page. */
export function childPath(campaignId: string, region: Overview['children'][number]['region']) {
  return region.level === 'township'
    ? overviewPath(campaignId, region.id)
    : `/villages/${encodeURIComponent(campaignId)}/${encodeURIComponent(region.id)}`;
}

/**
 * Each child region's villages by standing, stacked: the children table as bars. A bar opens
 * the region, as its row's link does.
 */
export function ChildrenChart({
  overview: o,
  campaignId,
}: {
  overview: Overview;
  campaignId: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 64 },
      xAxis: {
        type: 'category',
        data: o.children.map((c) => c.region.name),
        axisLabel: { interval: 0, rotate: o.children.length > 8 ? 40 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: STANDINGS.map((s) => ({
        type: 'bar',
        stack: 'villages',
        name: t(`desktop.progress.${s.progress}`),
        itemStyle: { color: PROGRESS_COLOR[s.progress] },
        data: o.children.map((c) => c.counts[s.key]),
      })),
    }),
    [o.children, t],
  );
  return (
    <EChart
      option={option}
      label={t('desktop.chart.childrenLabel')}
      testId="overview-children-chart"
      onClick={({ dataIndex }) => {
        const child = o.children[dataIndex];
        if (child) void navigate(childPath(campaignId, child.region));
      }}
    />
  );
}

/** One track's funnel as stacked bars per stage, beside its table. */
export function FunnelChart({ funnel }: { funnel: Overview['funnel'][number] }) {
  const t = useT();
  const option = useMemo<EChartsCoreOption>(() => {
    const parts = [
      { key: 'approved', name: t('desktop.campaign.col.approved'), color: PROGRESS_COLOR.done },
      { key: 'submitted', name: t('desktop.campaign.col.submitted'), color: '#13c2c2' },
      {
        key: 'inProgress',
        name: t('desktop.campaign.col.inProgress'),
        color: PROGRESS_COLOR.in_progress,
      },
      { key: 'overdue', name: t('desktop.campaign.col.overdue'), color: PROGRESS_COLOR.overdue },
      { key: 'blocked', name: t('desktop.progress.blocked'), color: PROGRESS_COLOR.blocked },
      {
        key: 'notStarted',
        name: t('desktop.progress.not_started'),
        color: PROGRESS_COLOR.not_started,
      },
    ] as const;
    const stages = [...funnel.stages].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: funnel.units, minInterval: 1 },
      yAxis: { type: 'category', data: stages.map((s) => `${String(s.position)}. ${s.name}`) },
      series: parts.map((p) => ({
        type: 'bar',
        stack: 'units',
        name: p.name,
        itemStyle: { color: p.color },
        data: stages.map((s) => s[p.key]),
      })),
    };
  }, [funnel, t]);
  return (
    <EChart
      option={option}
      height={Math.max(240, funnel.stages.length * 26 + 60)}
      label={t('desktop.chart.funnelLabel', { label: funnel.label })}
      testId={`funnel-chart-${funnel.track}`}
    />
  );
}

type History = ResultOf<typeof ResultHistoryQuery>['campaignOverview']['resultHistory'];

/**
 * How the results came in: villages with every result reported and approved, cumulative by day,
 * for the region and for each child; the same figures as a table one click away.
 */
export function ResultHistoryCard({
  campaignId,
  regionId,
  track,
}: {
  campaignId: string;
  regionId: string;
  track: Overview['track'];
}) {
  const t = useT();
  const [{ data, error }] = useQuery({
    query: ResultHistoryQuery,
    variables: { campaignId, regionId, track },
  });
  const history = data?.campaignOverview.resultHistory;
  return (
    <Card
      size="small"
      title={t('desktop.chart.historyTitle')}
      style={{ marginTop: 16 }}
      data-testid="result-history"
      extra={history ? t('desktop.chart.ofVillages', { villages: history.villages }) : undefined}
    >
      {error ? (
        <Empty description={error.message} />
      ) : !history ? null : history.reported.at(-1) === 0 ? (
        <Empty description={t('desktop.chart.historyEmpty')} />
      ) : (
        <ChartOrTable
          initial="chart"
          testId="result-history"
          chart={<HistoryChart history={history} />}
          table={<HistoryTable history={history} />}
        />
      )}
    </Card>
  );
}

function HistoryChart({ history: h }: { history: History }) {
  const t = useT();
  const option = useMemo<EChartsCoreOption>(() => {
    const perChild = h.children.length > 1 && h.children.length <= 30;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 40, bottom: 56 },
      dataZoom: h.days.length > 31 ? [{ type: 'slider', start: 50, end: 100 }] : [],
      xAxis: { type: 'category', data: h.days, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1, max: h.villages },
      series: [
        {
          type: 'line',
          name: `${t('desktop.chart.total')} · ${t('desktop.chart.reported')}`,
          data: h.reported,
          lineStyle: { type: 'dashed' },
          symbol: 'none',
        },
        {
          type: 'line',
          name: `${t('desktop.chart.total')} · ${t('desktop.chart.approved')}`,
          data: h.approved,
          lineStyle: { width: 3 },
          symbol: 'none',
        },
        ...(perChild
          ? h.children.map((c) => ({
              type: 'line',
              name: c.region.name,
              data: c.approved,
              symbol: 'none',
            }))
          : []),
      ],
    };
  }, [h, t]);
  return (
    <EChart option={option} label={t('desktop.chart.historyLabel')} testId="result-history-chart" />
  );
}

function HistoryTable({ history: h }: { history: History }) {
  const t = useT();
  const rows = h.days.map((day, i) => ({
    day,
    reported: h.reported[i] ?? 0,
    approved: h.approved[i] ?? 0,
  }));
  return (
    <Table
      size="small"
      rowKey="day"
      dataSource={rows.reverse()}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      data-testid="result-history-table"
      columns={[
        { title: t('desktop.chart.day'), dataIndex: 'day' },
        {
          title: t('desktop.chart.reported'),
          render: (_, r) => share(r.reported, h.villages, t),
        },
        {
          title: t('desktop.chart.approved'),
          render: (_, r) => share(r.approved, h.villages, t),
        },
      ]}
    />
  );
}
