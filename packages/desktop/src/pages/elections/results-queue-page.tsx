import { errorCodeOf, useMe } from '@huanjie/client';
import { Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { ResultQueueQuery } from './results-queue-page.graphql.js';

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
      <Typography.Title level={3}>{me.homeRegion.name} · 选举结果审核</Typography.Title>
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'submitted', label: <span data-testid="queue-submitted">待审核</span> },
          { value: 'returned', label: <span data-testid="queue-returned">已退回</span> },
          { value: 'approved', label: <span data-testid="queue-approved">已审核</span> },
        ]}
      />
      <Table
        style={{ marginTop: 16 }}
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        columns={[
          {
            key: 'village',
            title: '村(社区)',
            render: (_, u) => (
              <Link
                data-testid={`queue-row-${u.region.name}-${u.track}`}
                to={`/results/${encodeURIComponent(u.id)}`}
              >
                {u.region.name}
              </Link>
            ),
          },
          { key: 'body', title: '选举', render: (_, u) => u.bodyLabel },
          { key: 'day', title: '选举日', render: (_, u) => u.electionDay },
          {
            key: 'status',
            title: '状态',
            render: (_, u) => (
              <Tag color={STATUS_COLOR[u.result?.status ?? 'draft']}>{u.result?.statusLabel}</Tag>
            ),
          },
          { key: 'rev', title: '版本', render: (_, u) => u.result?.revision },
          {
            key: 'once',
            title: '一次选举成功',
            render: (_, u) =>
              u.result?.oneTimeSuccess === null
                ? '—'
                : u.result?.oneTimeSuccess
                  ? '是'
                  : '否(另行选举)',
          },
          {
            key: 'warn',
            title: '提醒',
            render: (_, u) =>
              u.result?.warnings.length ? (
                <Tag color="warning">{u.result.warnings.length}项</Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </div>
  );
}
