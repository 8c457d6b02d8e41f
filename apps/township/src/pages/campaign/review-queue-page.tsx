import { errorCodeOf, readFragment } from '@huanjie/client';
import { TRACK_LABEL } from '@huanjie/domain';
import { Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageError, PageLoading, StageDrawer, useCampaignChoice } from '@huanjie/desktop';
import { StageRecordFragment, useCampaignEvents } from '@huanjie/ui';
import { ReviewQueueQuery } from './review-queue-page.graphql.js';

/** `/review`: stages the villages submitted, oldest first; open one to approve or return it. */
export function StageReviewQueuePage() {
  const choice = useCampaignChoice(undefined);
  const [result, refetch] = useQuery({
    query: ReviewQueueQuery,
    variables: { campaignId: choice.campaign?.id ?? null },
    pause: choice.fetching,
    requestPolicy: 'cache-and-network',
  });
  useCampaignEvents(choice.campaign?.id ?? null, () => {
    refetch({ requestPolicy: 'network-only' });
  });
  const [open, setOpen] = useState<{ unit: string; code: string } | null>(null);
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const rows = result.data.reviewQueue.map((r) => ({
    ...r,
    recordFields: readFragment(StageRecordFragment, r.record),
  }));
  return (
    <div data-testid="review-queue">
      <Typography.Title level={3}>换届进度审核（待审核 {rows.length} 项）</Typography.Title>
      {rows.length === 0 ? (
        <Empty description="没有待审核的环节" />
      ) : (
        <Table
          size="small"
          rowKey={(r) => r.record.id}
          dataSource={rows}
          pagination={{ pageSize: 50 }}
          onRow={(r) => ({
            onClick: () => {
              setOpen({ unit: r.unitElectionId, code: r.stageCode });
            },
            style: { cursor: 'pointer' },
            'data-testid': `queue-${r.village.name}-${r.track}-${r.stageCode}`,
          })}
          columns={[
            {
              title: '村(社区)',
              render: (_, r) => (
                <Link
                  to={`/villages/${encodeURIComponent(r.campaignId)}/${encodeURIComponent(r.village.id)}`}
                  onClick={(e) => {
                    e.stopPropagation();
                  }}
                >
                  {r.village.name}
                </Link>
              ),
            },
            { title: '乡镇', dataIndex: 'townshipName' },
            { title: '类别', render: (_, r) => TRACK_LABEL[r.track].zh },
            { title: '环节', dataIndex: 'stageName' },
            { title: '完成日期', render: (_, r) => r.recordFields.doneDate },
            {
              title: '提交',
              render: (_, r) =>
                r.recordFields.submittedAt
                  ? `${new Date(r.recordFields.submittedAt).toLocaleString('zh-CN', { hour12: false })} ${r.recordFields.submittedByName ?? ''}`
                  : '',
            },
            {
              title: '需说明',
              render: (_, r) =>
                r.recordFields.warnings.length > 0 ? (
                  <Tag color="orange">{r.recordFields.warnings.length}项已说明</Tag>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
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
