import { errorCodeOf, useMe, type ResultOf } from '@huanjie/client';
import { PageError, PageLoading, overviewPath, percent } from '@huanjie/desktop';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { CountyRollupQuery } from './rollup-page.graphql.js';

type Row = ResultOf<typeof CountyRollupQuery>['countyRollup'][number];
type Figure = 'done' | 'inProgress' | 'overdue' | 'notStarted' | 'elected';

/** A figure of a county's campaign and its denominator (the county's villages); null: no campaign. */
function figure(row: Row, key: Figure): { count: number; total: number } | null {
  const o = row.overview;
  if (!o) return null;
  return key === 'elected'
    ? { count: o.followUp.elected, total: o.followUp.villages }
    : { count: o.totals[key], total: o.totals.villages };
}

/** Sorts by the share, counties without a campaign last whichever way. */
function byShare(key: Figure) {
  const value = (r: Row) => {
    const f = figure(r, key);
    return f === null ? -1 : f.total === 0 ? 0 : f.count / f.total;
  };
  return (a: Row, b: Row) => value(a) - value(b);
}

/**
 * `/rollup`: what a province or city user reads first. Each county below them (a province's
 * grouped by city) with its current campaign's key figures, each with its denominator; a county's
 * name opens its overview, read-only for them.
 */
export function RollupPage() {
  const t = useT();
  const { me } = useMe();
  const home = me?.homeRegion;
  const [result] = useQuery({
    query: CountyRollupQuery,
    variables: { regionId: home?.id ?? '' },
    pause: !home,
    requestPolicy: 'cache-and-network',
  });
  if (result.error && !result.data) return <PageError code={errorCodeOf(result.error)} />;
  if (!home || !result.data) return <PageLoading />;
  const rows = result.data.countyRollup;
  const groups = new Map<string, { name: string | null; rows: Row[] }>();
  for (const row of rows) {
    // a city's rollup is one table; a province's, one per city
    const key = home.level === 'province' ? (row.city?.id ?? '') : '';
    const group = groups.get(key) ?? {
      name: home.level === 'province' ? (row.city?.name ?? null) : null,
      rows: [],
    };
    group.rows.push(row);
    groups.set(key, group);
  }
  return (
    <div data-testid="rollup-page">
      <Typography.Title level={3}>{t('county.rollup.title', { name: home.name })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('county.rollup.intro')}</Typography.Paragraph>
      {rows.length === 0 && <Empty description={t('county.rollup.none')} />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {[...groups.entries()].map(([key, group]) =>
          home.level === 'province' ? (
            <Card
              key={key}
              size="small"
              title={group.name ?? t('county.rollup.noCity')}
              extra={t('county.rollup.counties', { count: group.rows.length })}
              data-testid={`rollup-city-${group.name ?? ''}`}
            >
              <RollupTable rows={group.rows} />
            </Card>
          ) : (
            <RollupTable key={key} rows={group.rows} />
          ),
        )}
      </Space>
    </div>
  );
}

function RollupTable({ rows }: { rows: Row[] }) {
  const t = useT();
  const cell = (key: Figure) => (_: unknown, row: Row) => {
    const f = figure(row, key);
    if (f === null) return '—';
    return (
      <span data-testid={`rollup-${key}-${row.county.name}`}>
        {t('county.rollup.share', { count: f.count, total: f.total })}
        <span style={{ color: '#999', fontSize: 12 }}> {percent(f.count, f.total)}</span>
      </span>
    );
  };
  const share = (key: Figure, title: string) => ({
    title,
    key,
    render: cell(key),
    sorter: byShare(key),
  });
  const columns: ColumnsType<Row> = [
    {
      title: t('county.rollup.county'),
      key: 'county',
      sorter: (a, b) => a.county.name.localeCompare(b.county.name, 'zh-CN'),
      render: (_, row) =>
        row.overview ? (
          <Link
            to={overviewPath(row.overview.campaign.id, row.county.id)}
            data-testid={`rollup-county-${row.county.name}`}
          >
            {row.county.name}
          </Link>
        ) : (
          <span data-testid={`rollup-county-${row.county.name}`}>{row.county.name}</span>
        ),
    },
    {
      title: t('county.rollup.campaign'),
      key: 'campaign',
      render: (_, row) =>
        row.overview ? (
          row.overview.campaign.name
        ) : (
          <Tag data-testid={`rollup-no-campaign-${row.county.name}`}>
            {t('county.rollup.noCampaign')}
          </Tag>
        ),
    },
    {
      title: t('county.rollup.electionDay'),
      key: 'electionDay',
      sorter: (a, b) =>
        (a.overview?.daysToElection ?? Number.MAX_SAFE_INTEGER) -
        (b.overview?.daysToElection ?? Number.MAX_SAFE_INTEGER),
      render: (_, row) => row.overview?.campaign.electionDay ?? '—',
    },
    {
      title: t('county.rollup.villages'),
      key: 'villages',
      sorter: (a, b) => (a.overview?.totals.villages ?? -1) - (b.overview?.totals.villages ?? -1),
      render: (_, row) => row.overview?.totals.villages ?? '—',
    },
    share('done', t('county.rollup.done')),
    share('inProgress', t('county.rollup.inProgress')),
    share('overdue', t('county.rollup.overdue')),
    share('notStarted', t('county.rollup.notStarted')),
    share('elected', t('county.rollup.elected')),
    {
      title: '',
      key: 'links',
      render: (_, row) =>
        row.overview && (
          <Link to={`/statistics/${encodeURIComponent(row.county.id)}`}>
            {t('county.rollup.statistics')}
          </Link>
        ),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => r.county.id}
      dataSource={rows}
      pagination={false}
      columns={columns}
      data-testid="rollup-table"
    />
  );
}
