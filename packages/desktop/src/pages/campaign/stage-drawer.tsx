import { errorCodeOf, graphql, readFragment, useMe } from '@huanjie/client';
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
} from '@huanjie/ui';
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
  return (
    <Drawer open={open} onClose={onClose} size={560} title="环节详情" destroyOnHidden>
      {open && <StageDetail unitElectionId={unitElectionId} stageCode={stageCode} />}
    </Drawer>
  );
}

function StageDetail({ unitElectionId, stageCode }: { unitElectionId: string; stageCode: string }) {
  const [result] = useQuery({
    query: StageDetailQuery,
    variables: { unitElectionId, stageCode },
    requestPolicy: 'cache-and-network',
  });
  const { me } = useMe();
  const [comment, setComment] = useState('');
  const [review, runReview] = useMutation(ReviewStageMutation);
  if (!result.data) {
    return result.error ? (
      <Alert type="error" title={`加载失败（${errorCodeOf(result.error)}）`} />
    ) : (
      <Spin />
    );
  }
  const data = result.data.stageItem;
  const item = readFragment(StageItemFragment, data);
  const record = item.record ? readFragment(StageRecordFragment, item.record) : null;
  const reviewer = me?.role === 'township_coordinator';

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
        decision === 'approve'
          ? '已审核通过'
          : decision === 'return'
            ? '已退回村里修改'
            : '已重新打开',
      );
      setComment('');
    } else {
      void message.error(out && 'message' in out ? out.message : '操作失败，请重试');
    }
  };

  return (
    <div data-testid="stage-drawer" data-stage={`${item.track}.${item.stageCode}`}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <div>
          <Tag>{TRACK_LABEL[item.track].zh}</Tag>
          <strong style={{ fontSize: 16 }}>{item.name}</strong>{' '}
          <StatusTag status={item.displayStatus} label={item.displayLabel} />
          {record && record.status !== item.displayStatus && (
            <Tag data-testid="drawer-record-status">{record.statusLabel}</Tag>
          )}
          <span data-testid="drawer-status" data-status={item.status} />
        </div>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="截止日期">
            {item.dueDate}（{item.dueRuleText}）{' '}
            {item.status !== 'approved' &&
              item.status !== 'submitted' &&
              daysLeftText(item.daysLeft)}
          </Descriptions.Item>
          {item.dueCitation && (
            <Descriptions.Item label="依据">{item.dueCitation}</Descriptions.Item>
          )}
          <Descriptions.Item label="选举日">{item.electionDay}</Descriptions.Item>
          {record && (
            <>
              <Descriptions.Item label="完成日期">{record.doneDate ?? '—'}</Descriptions.Item>
              {record.counts.map((c) => (
                <Descriptions.Item key={c.key} label={c.label}>
                  {c.value}
                </Descriptions.Item>
              ))}
              {record.note && <Descriptions.Item label="备注">{record.note}</Descriptions.Item>}
              {record.explanation && (
                <Descriptions.Item label="情况说明">
                  <span data-testid="drawer-explanation">{record.explanation}</span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="填报">
                {record.enteredByName}（{record.enteredRoleLabel}）
              </Descriptions.Item>
              {record.reviewComment && (
                <Descriptions.Item label="审核意见">{record.reviewComment}</Descriptions.Item>
              )}
            </>
          )}
        </Descriptions>
        {item.gates.some((g) => !g.approved) && (
          <Alert
            type="info"
            title={`须先完成：${item.gates
              .filter((g) => !g.approved)
              .map((g) => g.name)
              .join('、')}`}
          />
        )}
        {record && record.warnings.length > 0 && (
          <Alert
            type="warning"
            data-testid="drawer-warnings"
            title="村里已说明的情况"
            description={
              <List
                size="small"
                dataSource={record.warnings}
                renderItem={(w) => (
                  <List.Item>
                    {w.message}
                    <div style={{ color: '#888', fontSize: 12 }}>依据：{w.citation}</div>
                  </List.Item>
                )}
              />
            }
          />
        )}
        {data.record?.photo?.dataUrl && (
          <Image
            src={data.record.photo.dataUrl}
            alt="张榜照片"
            width={240}
            data-testid="drawer-photo"
          />
        )}
        {!record && <Alert type="info" title="村里尚未填报该环节" />}
        {reviewer && record && (item.status === 'submitted' || item.status === 'approved') && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              rows={2}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
              }}
              placeholder={
                item.status === 'approved' ? '重新打开的原因（必填）' : '退回意见（退回时必填）'
              }
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
                    审核通过
                  </Button>
                  <Button
                    danger
                    loading={review.fetching}
                    onClick={() => void decide('return')}
                    data-testid="review-return"
                  >
                    退回修改
                  </Button>
                </>
              )}
              {item.status === 'approved' && (
                <Button
                  loading={review.fetching}
                  onClick={() => void decide('reopen')}
                  data-testid="review-reopen"
                >
                  重新打开
                </Button>
              )}
            </Space>
          </Space>
        )}
        {data.record && data.record.history.length > 0 && (
          <div data-testid="drawer-history">
            <strong>办理记录</strong>
            <Timeline
              style={{ marginTop: 12 }}
              items={data.record.history.map((h) => ({
                children: (
                  <>
                    {new Date(h.at).toLocaleString('zh-CN', { hour12: false })} · {h.actionLabel} ·{' '}
                    {h.userName ?? '系统'}
                    {h.roleLabel ? `（${h.roleLabel}）` : ''}
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
