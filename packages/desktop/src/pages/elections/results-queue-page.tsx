import { errorCodeOf, useMe } from '@huanjie/client';
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { ResultQueueQuery } from './results-queue-page.graphql.js';
import { ExportButton } from '../../sheets/export-button.js';

type Filter = 'submitted' | 'returned' | 'approved';

const STATUS_COLOR: Record<string, string> = {
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  draft: 'default',
};

/** `/results`: the results reported by the villages under the user's region, to review. */
export function ResultsQueuePage() {
  const { me } = useMe();
  const t = useT();
  const [filter, setFilter] = useState<Filter>('submitted');
  const [result] = useQuery({
    query: ResultQueueQuery,
    variables: { regionId: me?.homeRegion.id ?? '', statuses: [filter] },
    pause: !me,
  });
  if (!result.data) {
    return me && result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  if (!me) return <PageLoading />;
  const rows = result.data.resultQueue;
  return (
    <div data-testid="results-queue">
      <Typography.Title level={3}>
        {t('desktop.results.title', { region: me.homeRegion.name })}
      </Typography.Title>
      <Space wrap>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            {
              value: 'submitted',
              label: (
                <span data-testid="queue-submitted">{t('desktop.results.filter.submitted')}</span>
              ),
            },
            {
              value: 'returned',
              label: (
                <span data-testid="queue-returned">{t('desktop.results.filter.returned')}</span>
              ),
            },
            {
              value: 'approved',
              label: (
                <span data-testid="queue-approved">{t('desktop.results.filter.approved')}</span>
              ),
            },
          ]}
        />
        <ExportButton
          name="results"
          testId="queue-export"
          params={{ regionId: me.homeRegion.id, status: [filter] }}
        />
      </Space>
      <Table
        style={{ marginTop: 16 }}
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        columns={[
          {
            key: 'village',
            title: t('desktop.results.col.village'),
            render: (_, u) => (
              <Link
                data-testid={`queue-row-${u.region.name}-${u.track}`}
                to={`/results/${encodeURIComponent(u.id)}`}
              >
                {u.region.name}
              </Link>
            ),
          },
          { key: 'body', title: t('desktop.results.col.body'), render: (_, u) => u.bodyLabel },
          { key: 'day', title: t('desktop.results.col.day'), render: (_, u) => u.electionDay },
          {
            key: 'status',
            title: t('desktop.results.col.status'),
            render: (_, u) => (
              <Tag color={STATUS_COLOR[u.result?.status ?? 'draft']}>
                {u.result && t(`desktop.result.status.${u.result.status}`)}
              </Tag>
            ),
          },
          {
            key: 'rev',
            title: t('desktop.results.col.revision'),
            render: (_, u) => u.result?.revision,
          },
          {
            key: 'once',
            title: t('desktop.results.col.once'),
            render: (_, u) =>
              u.result?.oneTimeSuccess === null
                ? '—'
                : u.result?.oneTimeSuccess
                  ? t('desktop.results.yes')
                  : t('desktop.results.noRunoff'),
          },
          {
            key: 'warn',
            title: t('desktop.results.col.warnings'),
            render: (_, u) =>
              u.result?.warnings.length ? (
                <Tag color="warning">
                  {t('desktop.results.warningCount', { count: u.result.warnings.length })}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </div>
  );
}
