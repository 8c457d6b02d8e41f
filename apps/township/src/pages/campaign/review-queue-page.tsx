import { errorCodeOf, readFragment } from '@huanjie/client';
import { TRACK_LABEL } from '@huanjie/domain';
import { Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import {
  ExportButton,
  PageError,
  PageLoading,
  StageDrawer,
  useCampaignChoice,
} from '@huanjie/desktop';
import { StageRecordFragment, useCampaignEvents, useLanguage } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { ReviewQueueQuery } from './review-queue-page.graphql.js';

/** `/review`: stages the villages submitted, oldest first; open one to approve or return it. */
export function StageReviewQueuePage() {
  const choice = useCampaignChoice(undefined);
  const t = useT();
  const { language } = useLanguage();
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
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>
          {t('township.review.title', { count: rows.length })}
        </Typography.Title>
        <ExportButton
          name="stage-review"
          testId="review-queue-export"
          params={{ campaignId: choice.campaign?.id ?? null }}
          disabled={rows.length === 0}
        />
      </Flex>
      {rows.length === 0 ? (
        <Empty description={t('township.review.empty')} />
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
              title: t('township.review.col.village'),
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
            { title: t('township.review.col.township'), dataIndex: 'townshipName' },
            {
              title: t('township.review.col.track'),
              render: (_, r) => TRACK_LABEL[r.track][language],
            },
            { title: t('township.review.col.stage'), dataIndex: 'stageName' },
            { title: t('township.review.col.doneDate'), render: (_, r) => r.recordFields.doneDate },
            {
              title: t('township.review.col.submitted'),
              render: (_, r) =>
                r.recordFields.submittedAt
                  ? `${new Date(r.recordFields.submittedAt).toLocaleString(language === 'zh' ? 'zh-CN' : 'en', { hour12: false })} ${r.recordFields.submittedByName ?? ''}`
                  : '',
            },
            {
              title: t('township.review.col.explained'),
              render: (_, r) =>
                r.recordFields.warnings.length > 0 ? (
                  <Tag color="orange">
                    {t('township.review.explained', { count: r.recordFields.warnings.length })}
                  </Tag>
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
