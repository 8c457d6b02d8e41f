import { errorCodeOf, type ResultOf } from '@huanjie/client';
import type { MeetingCountField } from '@huanjie/domain';
import { MEETING_COUNT_FIELDS } from '@huanjie/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { outcomeMessage, submissionKey } from '@huanjie/ui';
import { PageError, PageLoading } from '../../layout/page-state.js';
import {
  AmendResultMutation,
  ResultReviewQuery,
  ReviewResultMutation,
} from './result-review-page.graphql.js';

type Unit = ResultOf<typeof ResultReviewQuery>['electionUnit'];
type Result = NonNullable<Unit['result']>;
type Meeting = Result['meetings'][number];

const COUNT_LABEL: Record<MeetingCountField, string> = {
  entitled: '应到',
  inPerson: '本人投票',
  proxy: '委托',
  other: '其他',
  ballotsIssued: '发出',
  ballotsReturned: '收回',
  ballotsValid: '有效',
  ballotsInvalid: '无效',
};

const KIND_LABEL: Record<string, string> = { submit: '上报', resubmit: '重新上报', amend: '更正' };

/** `/results/:id`: one village's result — the meetings, who was elected, the history; approve, return or amend. */
export function ResultReviewPage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: ResultReviewQuery, variables: { id } });
  if (!result.data)
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  const unit = result.data.electionUnit;
  return (
    <App>
      <Review unit={unit} />
    </App>
  );
}

function Review({ unit }: { unit: Unit }) {
  const { message, modal } = App.useApp();
  const [, review] = useMutation(ReviewResultMutation);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [amending, setAmending] = useState(false);
  const r = unit.result;
  if (!r || r.status === 'draft')
    return <Alert type="info" title={`${unit.region.name} · ${unit.bodyLabel}：尚未上报结果`} />;
  const act = async (decision: 'approve' | 'return') => {
    const res = await review({
      unitId: unit.id,
      decision,
      reason: decision === 'return' ? reason : null,
    });
    const value = res.data?.reviewResult;
    const failure = value ? outcomeMessage(value) : '网络不可用，请重试';
    if (failure) modal.error({ title: '操作未完成', content: failure });
    else {
      void message.success(decision === 'approve' ? '已审核通过并锁定' : '已退回村里修改');
      setReturning(false);
    }
  };
  return (
    <div data-testid="result-review">
      <Typography.Title level={3}>
        {unit.region.name} · {unit.bodyLabel}
        <Tag style={{ marginLeft: 12 }} data-testid="review-status" data-status={r.status}>
          {r.statusLabel}
        </Tag>
      </Typography.Title>
      {r.status === 'submitted' && (
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" data-testid="approve" onClick={() => void act('approve')}>
            审核通过(锁定)
          </Button>
          <Button
            danger
            data-testid="return"
            onClick={() => {
              setReturning(true);
            }}
          >
            退回修改
          </Button>
        </Space>
      )}
      {r.status === 'approved' && (
        <Space style={{ marginBottom: 16 }}>
          <Button
            data-testid="amend"
            onClick={() => {
              setAmending(true);
            }}
          >
            更正(须填写原因)
          </Button>
        </Space>
      )}
      {r.warnings.length > 0 && (
        <Alert
          type="warning"
          style={{ marginBottom: 16 }}
          title="上报时的提醒"
          description={
            <ul>
              {r.warnings.map((w) => (
                <li key={w.rule + w.message}>
                  {w.message}（依据：{w.citation}）
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Card title="当选人员" size="small" style={{ marginBottom: 16 }} data-testid="elected">
        <Table
          size="small"
          pagination={false}
          rowKey="candidateId"
          dataSource={r.elected}
          columns={[
            { key: 'post', title: '职务', render: (_, e) => e.postLabel },
            { key: 'name', title: '姓名', render: (_, e) => e.person.name },
            {
              key: 'g',
              title: '性别',
              render: (_, e) => (e.person.gender === 'female' ? '女' : '男'),
            },
            { key: 'age', title: '年龄', render: (_, e) => e.person.age ?? '—' },
            { key: 'votes', title: '得票', render: (_, e) => e.votes },
            {
              key: 'round',
              title: '轮次',
              render: (_, e) => (e.round === 'runoff' ? '另行选举' : '正式选举'),
            },
          ]}
        />
        {r.vacancies.length > 0 && (
          <Alert
            type="warning"
            style={{ marginTop: 8 }}
            title={`空缺：${r.vacancies.map((v) => `${v.postLabel}${String(v.count)}名`).join('、')}`}
          />
        )}
      </Card>
      {r.meetings.map((m, i) => (
        <MeetingCard key={`${m.round}-${String(i)}`} meeting={m} index={i} />
      ))}
      <Card title="修改记录(不可删改)" size="small" data-testid="revisions">
        <Timeline
          items={r.revisions.map((rev) => ({
            content: (
              <div data-testid={`revision-${String(rev.revision)}`}>
                第{rev.revision}版 · {KIND_LABEL[rev.kind]} · {rev.createdByName} ·{' '}
                {new Date(rev.createdAt).toLocaleString('zh-CN')}
                {rev.reason && <div>原因：{rev.reason}</div>}
                <div style={{ color: '#666' }}>当选：{rev.electedNames.join('，')}</div>
              </div>
            ),
          }))}
        />
      </Card>
      <Modal
        open={returning}
        title="退回原因"
        onCancel={() => {
          setReturning(false);
        }}
        onOk={() => void act('return')}
        okText="退回"
      >
        <Input.TextArea
          data-testid="return-reason"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
          rows={3}
        />
      </Modal>
      {amending && (
        <AmendModal
          unit={unit}
          result={r}
          onClose={() => {
            setAmending(false);
          }}
        />
      )}
    </div>
  );
}

function MeetingCard({ meeting: m, index }: { meeting: Meeting; index: number }) {
  return (
    <Card
      title={`${index === 0 ? '选举大会' : m.roundLabel} · ${m.heldOn}`}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`review-meeting-${String(index)}`}
    >
      <Descriptions
        size="small"
        column={4}
        items={[
          ...MEETING_COUNT_FIELDS.map((f) => ({ key: f, label: COUNT_LABEL[f], children: m[f] })),
          { key: 'voted', label: '投票人数(合计)', children: m.voted },
        ]}
      />
      <Table
        size="small"
        pagination={false}
        rowKey="candidateId"
        dataSource={m.votes}
        columns={[
          { key: 'post', title: '职务', render: (_, v) => v.postLabel },
          { key: 'name', title: '候选人', render: (_, v) => v.candidateName },
          { key: 'for', title: '得票/赞成', render: (_, v) => v.votesFor },
          { key: 'against', title: '反对', render: (_, v) => v.against ?? '—' },
          { key: 'abstain', title: '弃权', render: (_, v) => v.abstain ?? '—' },
          {
            key: 'elected',
            title: '结果',
            render: (_, v) => (v.elected ? <Tag color="success">当选</Tag> : ''),
          },
        ]}
      />
    </Card>
  );
}

function AmendModal({
  unit,
  result,
  onClose,
}: {
  unit: Unit;
  result: Result;
  onClose: () => void;
}) {
  const { modal, message } = App.useApp();
  const [, amend] = useMutation(AmendResultMutation);
  const [meetings, setMeetings] = useState(() =>
    result.meetings.map((m) => ({ ...m, votes: m.votes.map((v) => ({ ...v })) })),
  );
  const [reason, setReason] = useState('');
  const submit = async () => {
    const sheet = {
      meetings: meetings.map((m) => ({
        round: m.round,
        heldOn: m.heldOn,
        ...(Object.fromEntries(MEETING_COUNT_FIELDS.map((f) => [f, m[f]])) as Record<
          MeetingCountField,
          number
        >),
        votes: m.votes.map((v) => ({
          candidateId: v.candidateId,
          votesFor: v.votesFor,
          against: v.against,
          abstain: v.abstain,
        })),
      })),
    };
    const res = await amend({
      unitId: unit.id,
      sheet,
      reason,
      idempotencyKey: submissionKey(unit.id, `amend/${String(result.revision)}`, { sheet, reason }),
    });
    const value = res.data?.amendResult;
    const failure = value ? outcomeMessage(value) : '网络不可用，请重试';
    if (failure)
      modal.error({ title: '更正未保存', content: <div data-testid="amend-error">{failure}</div> });
    else {
      void message.success('已更正，原记录保留在修改记录中');
      onClose();
    }
  };
  return (
    <Modal
      open
      width={900}
      title="更正选举结果"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存更正"
      okButtonProps={{ 'data-testid': 'amend-save' }}
    >
      {meetings.map((m, i) => (
        <Card
          key={`${m.round}-${String(i)}`}
          size="small"
          title={i === 0 ? '选举大会' : m.roundLabel}
          style={{ marginBottom: 8 }}
        >
          <Space wrap>
            {MEETING_COUNT_FIELDS.map((f) => (
              <span key={f}>
                {COUNT_LABEL[f]}{' '}
                <InputNumber
                  data-testid={`amend-${String(i)}-${f}`}
                  min={0}
                  value={m[f]}
                  onChange={(v) => {
                    setMeetings((all) => all.map((x, j) => (j === i ? { ...x, [f]: v ?? 0 } : x)));
                  }}
                />
              </span>
            ))}
          </Space>
          <Space wrap style={{ marginTop: 8 }}>
            {m.votes.map((v, vi) => (
              <span key={v.candidateId}>
                {v.candidateName}{' '}
                <InputNumber
                  data-testid={`amend-${String(i)}-vote-${v.candidateName}`}
                  min={0}
                  value={v.votesFor}
                  onChange={(n) => {
                    setMeetings((all) =>
                      all.map((x, j) =>
                        j === i
                          ? {
                              ...x,
                              votes: x.votes.map((y, k) =>
                                k === vi ? { ...y, votesFor: n ?? 0 } : y,
                              ),
                            }
                          : x,
                      ),
                    );
                  }}
                />
              </span>
            ))}
          </Space>
        </Card>
      ))}
      <Input.TextArea
        data-testid="amend-reason"
        placeholder="更正原因(必填)"
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
        }}
        rows={2}
      />
    </Modal>
  );
}
