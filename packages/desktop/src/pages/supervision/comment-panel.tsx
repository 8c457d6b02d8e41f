import { outcomeMessage, useCan } from '@huanjie/ui';
import { Button, Card, Checkbox, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { CommentOnRecordMutation, RecordCommentsQuery } from './supervision-page.graphql.js';

/**
 * The comments on one village's stage (or, without a stage, its result); a county leader (whoever
 * the domain's policy lets comment) adds one and may escalate it to the township's queue.
 */
export function CommentPanel({
  unitElectionId,
  stageCode = null,
}: {
  unitElectionId: string;
  stageCode?: string | null;
}) {
  const t = useT();
  const { can } = useCan();
  const [result, refetch] = useQuery({
    query: RecordCommentsQuery,
    variables: { unitElectionId, stageCode },
    requestPolicy: 'cache-and-network',
  });
  const [state, comment] = useMutation(CommentOnRecordMutation);
  const [body, setBody] = useState('');
  const [escalate, setEscalate] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const comments = result.data?.recordComments ?? [];
  const mayComment = can('record.comment');
  if (!mayComment && comments.length === 0) return null;
  const send = async () => {
    setError(null);
    const res = await comment({ input: { unitElectionId, stageCode, body, escalate } });
    const out = res.data?.commentOnRecord;
    const refused = out ? outcomeMessage(out) : t('supervision.failed');
    if (refused) {
      setError(refused);
      return;
    }
    setBody('');
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <Card
      size="small"
      title={t('supervision.comments')}
      style={{ marginTop: 16 }}
      data-testid="comment-panel"
    >
      <List
        size="small"
        dataSource={comments}
        locale={{ emptyText: t('supervision.none') }}
        renderItem={(c) => (
          <List.Item data-testid="comment-item">
            <Space orientation="vertical" size={2}>
              <span>
                {c.escalated && <Tag color="orange">{t('supervision.escalated')}</Tag>}
                {c.body}
                <Typography.Text type="secondary">
                  {t('supervision.byWhom', { who: c.authorName, date: '' })}
                </Typography.Text>
              </span>
              {c.resolution && (
                <Typography.Text type="success">
                  {t('supervision.resolvedAs', { text: c.resolution, who: c.resolverName ?? '' })}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      {mayComment && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea
            rows={2}
            value={body}
            placeholder={t('supervision.commentPlaceholder')}
            onChange={(e) => {
              setBody(e.target.value);
            }}
            data-testid="comment-body"
          />
          <Space>
            <Checkbox
              checked={escalate}
              onChange={(e) => {
                setEscalate(e.target.checked);
              }}
              data-testid="comment-escalate"
            >
              {t('supervision.escalate')}
            </Checkbox>
            <Button
              type="primary"
              loading={state.fetching}
              onClick={() => void send()}
              data-testid="comment-send"
            >
              {t('supervision.send')}
            </Button>
          </Space>
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
