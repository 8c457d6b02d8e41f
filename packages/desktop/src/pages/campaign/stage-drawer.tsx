import { errorCodeOf, graphql, readFragment } from '@huanjie/client';
import { CommentPanel } from '../supervision/comment-panel.js';
import { TRACK_LABEL } from '@huanjie/domain';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Image,
  Input,
  List,
  Space,
  Spin,
  Tag,
  Timeline,
  message,
} from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  ErrorFieldsFragment,
  StageItemFragment,
  StageRecordFragment,
  daysLeftText,
  useCan,
  useLanguage,
} from '@huanjie/ui';
import { useT, type desktopCatalogue } from '../../i18n.js';
import { StatusTag } from './status-tag.js';

// Loaded when the drawer opens, for whichever route opened it (village page, review queue).
const StageDetailQuery = graphql(
  `
    query StageDetail($unitElectionId: ID!, $stageCode: String!) {
      stageItem(unitElectionId: $unitElectionId, stageCode: $stageCode) {
        key
        ...StageItemFields
        record {
          id
          selfReviewed
          photo {
            id
            dataUrl
          }
          history {
            at
            action
            actionLabel
            userName
            roleLabel
            comment
          }
        }
      }
    }
  `,
  [StageItemFragment],
);

const ReviewStageMutation = graphql(
  `
    mutation ReviewStage(
      $recordId: ID!
      $expectedVersion: Int!
      $decision: ReviewDecision!
      $comment: String
    ) {
      reviewStage(
        recordId: $recordId
        expectedVersion: $expectedVersion
        decision: $decision
        comment: $comment
      ) {
        __typename
        ... on StageItem {
          key
          ...StageItemFields
        }
        ...ErrorFields
      }
    }
  `,
  [StageItemFragment, ErrorFieldsFragment],
);

/**
 * One stage of one village in a drawer: what was reported, the photo, the explained warnings,
 * the history, and for the township the review actions (approve, return with a comment,
 * re-open with a reason).
 */
export function StageDrawer({
  unitElectionId,
  stageCode,
  onClose,
}: {
  unitElectionId: string | null;
  stageCode: string | null;
  onClose: () => void;
}) {
  const open = unitElectionId !== null && stageCode !== null;
  const t = useT();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={t('desktop.drawer.title')}
      destroyOnHidden
    >
      {open && <StageDetail unitElectionId={unitElectionId} stageCode={stageCode} />}
      {open && <CommentPanel unitElectionId={unitElectionId} stageCode={stageCode} />}
    </Drawer>
  );
}

function StageDetail({ unitElectionId, stageCode }: { unitElectionId: string; stageCode: string }) {
  const [result] = useQuery({
    query: StageDetailQuery,
    variables: { unitElectionId, stageCode },
    requestPolicy: 'cache-and-network',
  });
  const { can } = useCan();
  const t = useT();
  const { language } = useLanguage();
  const [comment, setComment] = useState('');
  const [review, runReview] = useMutation(ReviewStageMutation);
  if (!result.data) {
    return result.error ? (
      <Alert
        type="error"
        title={t('desktop.drawer.loadFailed', { code: errorCodeOf(result.error) })}
      />
    ) : (
      <Spin />
    );
  }
  const data = result.data.stageItem;
  const item = readFragment(StageItemFragment, data);
  const record = item.record ? readFragment(StageRecordFragment, item.record) : null;
  const reviewer = can('stage.review');

  const decide = async (decision: 'approve' | 'return' | 'reopen') => {
    if (!record) return;
    const res = await runReview({
      recordId: record.id,
      expectedVersion: record.version,
      decision,
      comment: comment.trim() === '' ? null : comment,
    });
    const out = res.data?.reviewStage;
    if (out?.__typename === 'StageItem') {
      void message.success(
        t(
          decision === 'approve'
            ? 'desktop.drawer.approved'
            : decision === 'return'
              ? 'desktop.drawer.returned'
              : 'desktop.drawer.reopened',
        ),
      );
      setComment('');
    } else {
      void message.error(out && 'message' in out ? out.message : t('desktop.drawer.failed'));
    }
  };

  return (
    <div data-testid="stage-drawer" data-stage={`${item.track}.${item.stageCode}`}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <div>
          <Tag>{TRACK_LABEL[item.track][language]}</Tag>
          <strong style={{ fontSize: 16 }}>{item.name}</strong>{' '}
          <StatusTag status={item.displayStatus} />
          {record && record.status !== item.displayStatus && (
            <Tag data-testid="drawer-record-status">{record.statusLabel}</Tag>
          )}
          {data.record?.selfReviewed && (
            <Tag
              color="warning"
              title={t('desktop.drawer.selfReviewedHint')}
              data-testid="drawer-self-reviewed"
            >
              {t('desktop.drawer.selfReviewed')}
            </Tag>
          )}
          <span data-testid="drawer-status" data-status={item.status} />
        </div>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('desktop.drawer.dueDate')}>
            {t('desktop.drawer.dueRule', { date: item.dueDate, rule: item.dueRuleText })}{' '}
            {item.status !== 'approved' &&
              item.status !== 'submitted' &&
              daysLeftText(item.daysLeft, t)}
          </Descriptions.Item>
          {item.dueCitation && (
            <Descriptions.Item label={t('desktop.drawer.citation')}>
              {item.dueCitation}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('desktop.drawer.electionDay')}>
            {item.electionDay}
          </Descriptions.Item>
          {/* what the candidates' or the result's records hold for this stage, read-only */}
          {item.heldFigures.map((f) => (
            <Descriptions.Item
              key={f.key}
              label={t(`campaign.held.${f.key}` as keyof (typeof desktopCatalogue)['zh'])}
            >
              <span data-testid={`drawer-held-${f.key}`}>{f.value}</span>
            </Descriptions.Item>
          ))}
          {record && (
            <>
              <Descriptions.Item label={t('desktop.drawer.doneDate')}>
                {record.doneDate ?? '—'}
              </Descriptions.Item>
              {record.counts.map((c) => (
                <Descriptions.Item key={c.key} label={c.label}>
                  {c.value}
                </Descriptions.Item>
              ))}
              {record.note && (
                <Descriptions.Item label={t('desktop.drawer.note')}>
                  {record.note}
                </Descriptions.Item>
              )}
              {record.explanation && (
                <Descriptions.Item label={t('desktop.drawer.explanation')}>
                  <span data-testid="drawer-explanation">{record.explanation}</span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('desktop.drawer.entered')}>
                {t('desktop.drawer.person', {
                  name: record.enteredByName,
                  role: record.enteredRoleLabel,
                })}
              </Descriptions.Item>
              {record.reviewComment && (
                <Descriptions.Item label={t('desktop.drawer.reviewComment')}>
                  {record.reviewComment}
                </Descriptions.Item>
              )}
            </>
          )}
        </Descriptions>
        {item.gates.some((g) => !g.approved) && (
          <Alert
            type="info"
            title={t('desktop.drawer.gatesFirst', {
              names: item.gates
                .filter((g) => !g.approved)
                .map((g) => g.name)
                .join(t('desktop.drawer.nameSeparator')),
            })}
          />
        )}
        {record && record.warnings.length > 0 && (
          <Alert
            type="warning"
            data-testid="drawer-warnings"
            title={t('desktop.drawer.warnings')}
            description={
              <List
                size="small"
                dataSource={record.warnings}
                renderItem={(w) => (
                  <List.Item>
                    {w.message}
                    <div style={{ color: '#888', fontSize: 12 }}>
                      {t('desktop.drawer.citationLine', { citation: w.citation })}
                    </div>
                  </List.Item>
                )}
              />
            }
          />
        )}
        {data.record?.photo?.dataUrl && (
          <Image
            src={data.record.photo.dataUrl}
            alt={t('desktop.drawer.photo')}
            width={240}
            data-testid="drawer-photo"
          />
        )}
        {!record && <Alert type="info" title={t('desktop.drawer.notReported')} />}
        {reviewer && record && (item.status === 'submitted' || item.status === 'approved') && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              rows={2}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
              }}
              placeholder={t(
                item.status === 'approved'
                  ? 'desktop.drawer.reopenReason'
                  : 'desktop.drawer.returnComment',
              )}
              data-testid="review-comment"
            />
            <Space>
              {item.status === 'submitted' && (
                <>
                  <Button
                    type="primary"
                    loading={review.fetching}
                    onClick={() => void decide('approve')}
                    data-testid="review-approve"
                  >
                    {t('desktop.drawer.approve')}
                  </Button>
                  <Button
                    danger
                    loading={review.fetching}
                    onClick={() => void decide('return')}
                    data-testid="review-return"
                  >
                    {t('desktop.drawer.return')}
                  </Button>
                </>
              )}
              {item.status === 'approved' && (
                <Button
                  loading={review.fetching}
                  onClick={() => void decide('reopen')}
                  data-testid="review-reopen"
                >
                  {t('desktop.drawer.reopen')}
                </Button>
              )}
            </Space>
          </Space>
        )}
        {data.record && data.record.history.length > 0 && (
          <div data-testid="drawer-history">
            <strong>{t('desktop.drawer.history')}</strong>
            <Timeline
              style={{ marginTop: 12 }}
              items={data.record.history.map((h) => ({
                children: (
                  <>
                    {new Date(h.at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en', {
                      hour12: false,
                    })}{' '}
                    · {h.actionLabel} · {h.userName ?? t('desktop.drawer.system')}
                    {h.roleLabel ? t('desktop.drawer.role', { role: h.roleLabel }) : ''}
                    {h.comment && <div style={{ color: '#d4380d' }}>{h.comment}</div>}
                  </>
                ),
              }))}
            />
          </div>
        )}
      </Space>
    </div>
  );
}
