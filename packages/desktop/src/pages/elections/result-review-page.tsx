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
import { outcomeMessage, submissionKey, useCan, useLanguage } from '@huanjie/ui';
import { CommentPanel } from '../supervision/comment-panel.js';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import {
  AmendResultMutation,
  ResultReviewQuery,
  ReviewResultMutation,
} from './result-review-page.graphql.js';

type Unit = ResultOf<typeof ResultReviewQuery>['electionUnit'];
type Result = NonNullable<Unit['result']>;
type Meeting = Result['meetings'][number];

const REVISION_KINDS = ['submit', 'resubmit', 'amend'] as const;

function isRevisionKind(kind: string): kind is (typeof REVISION_KINDS)[number] {
  return (REVISION_KINDS as readonly string[]).includes(kind);
}

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
  const t = useT();
  const { language } = useLanguage();
  const [, review] = useMutation(ReviewResultMutation);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [amending, setAmending] = useState(false);
  // approving, returning and amending are the township's (the domain's policy): not offered else
  const { can } = useCan();
  const mayReview = can('result.review');
  const r = unit.result;
  if (!r || r.status === 'draft')
    return (
      <Alert
        type="info"
        title={t('desktop.result.notReported', { region: unit.region.name, body: unit.bodyLabel })}
      />
    );
  const latestExplanation =
    r.revisions.find((rev) => rev.revision === r.revision)?.explanation ?? null;
  const act = async (decision: 'approve' | 'return') => {
    const res = await review({
      unitId: unit.id,
      decision,
      reason: decision === 'return' ? reason : null,
    });
    const value = res.data?.reviewResult;
    const failure = value ? outcomeMessage(value, t) : t('desktop.result.offline');
    if (failure) modal.error({ title: t('desktop.result.notDone'), content: failure });
    else {
      void message.success(
        t(decision === 'approve' ? 'desktop.result.approvedLocked' : 'desktop.result.returned'),
      );
      setReturning(false);
    }
  };
  return (
    <div data-testid="result-review">
      <Typography.Title level={3}>
        {unit.region.name} · {unit.bodyLabel}
        <Tag style={{ marginLeft: 12 }} data-testid="review-status" data-status={r.status}>
          {t(`desktop.result.status.${r.status}`)}
        </Tag>
        {r.selfReviewed && (
          <Tag
            color="warning"
            title={t('desktop.result.selfReviewedHint')}
            data-testid="review-self-reviewed"
          >
            {t('desktop.result.selfReviewed')}
          </Tag>
        )}
      </Typography.Title>
      {mayReview && r.status === 'submitted' && (
        <Space style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            data-testid="approve"
            onClick={() => {
              // approval locks the result: the village can no longer change it
              modal.confirm({
                title: t('desktop.result.approveConfirmTitle'),
                content: t('desktop.result.approveConfirmBody', {
                  region: unit.region.name,
                  body: unit.bodyLabel,
                }),
                okText: t('desktop.result.approve'),
                okButtonProps: { 'data-testid': 'approve-confirm' },
                onOk: () => act('approve'),
              });
            }}
          >
            {t('desktop.result.approve')}
          </Button>
          <Button
            danger
            data-testid="return"
            onClick={() => {
              setReturning(true);
            }}
          >
            {t('desktop.result.return')}
          </Button>
        </Space>
      )}
      {mayReview && r.status === 'approved' && (
        <Space style={{ marginBottom: 16 }}>
          <Button
            data-testid="amend"
            onClick={() => {
              setAmending(true);
            }}
          >
            {t('desktop.result.amend')}
          </Button>
        </Space>
      )}
      {r.status === 'returned' && r.returnReason && (
        <Alert
          type="error"
          style={{ marginBottom: 16 }}
          data-testid="returned-reason"
          title={t('desktop.result.returnedWith', { reason: r.returnReason })}
        />
      )}
      {r.warnings.length > 0 && (
        <Alert
          type="warning"
          style={{ marginBottom: 16 }}
          title={t('desktop.result.warnings')}
          description={
            <>
              <ul>
                {r.warnings.map((w) => (
                  <li key={w.rule + w.message}>
                    {t('desktop.result.warningLine', { message: w.message, citation: w.citation })}
                  </li>
                ))}
              </ul>
              {latestExplanation && (
                <div data-testid="result-explanation">
                  {t('desktop.result.explanation', { text: latestExplanation })}
                </div>
              )}
            </>
          }
        />
      )}
      <Card
        title={t('desktop.result.elected')}
        size="small"
        style={{ marginBottom: 16 }}
        data-testid="elected"
      >
        <Table
          size="small"
          pagination={false}
          rowKey="candidateId"
          dataSource={r.elected}
          columns={[
            { key: 'post', title: t('desktop.result.col.post'), render: (_, e) => e.postLabel },
            { key: 'name', title: t('desktop.result.col.name'), render: (_, e) => e.person.name },
            {
              key: 'g',
              title: t('desktop.result.col.gender'),
              render: (_, e) =>
                t(e.person.gender === 'female' ? 'desktop.result.female' : 'desktop.result.male'),
            },
            {
              key: 'age',
              title: t('desktop.result.col.age'),
              render: (_, e) => e.person.age ?? '—',
            },
            { key: 'votes', title: t('desktop.result.col.votes'), render: (_, e) => e.votes },
            {
              key: 'round',
              title: t('desktop.result.col.round'),
              render: (_, e) =>
                t(e.round === 'runoff' ? 'desktop.result.runoff' : 'desktop.result.formal'),
            },
          ]}
        />
        {r.vacancies.length > 0 && (
          <Alert
            type="warning"
            style={{ marginTop: 8 }}
            title={t('desktop.result.vacancies', {
              posts: r.vacancies
                .map((v) => t('desktop.result.vacancy', { post: v.postLabel, count: v.count }))
                .join(t('desktop.result.listSeparator')),
            })}
          />
        )}
      </Card>
      {r.meetings.map((m, i) => (
        <MeetingCard
          key={`${m.round}-${String(i)}`}
          meeting={m}
          index={i}
          registered={unit.registeredVoters ?? null}
        />
      ))}
      <Card title={t('desktop.result.revisions')} size="small" data-testid="revisions">
        <Timeline
          items={r.revisions.map((rev) => ({
            content: (
              <div data-testid={`revision-${String(rev.revision)}`}>
                {t('desktop.result.revisionLine', {
                  revision: rev.revision,
                  kind: isRevisionKind(rev.kind) ? t(`desktop.result.kind.${rev.kind}`) : rev.kind,
                  name: rev.createdByName,
                  at: new Date(rev.createdAt).toLocaleString(language === 'zh' ? 'zh-CN' : 'en'),
                })}
                {rev.reason && <div>{t('desktop.result.reason', { reason: rev.reason })}</div>}
                {rev.explanation && rev.explanation !== rev.reason && (
                  <div data-testid={`explanation-${String(rev.revision)}`}>
                    {t('desktop.result.explanation', { text: rev.explanation })}
                  </div>
                )}
                <div style={{ color: '#666' }}>
                  {t('desktop.result.electedNames', {
                    names: rev.electedNames.join(t('desktop.result.nameSeparator')),
                  })}
                </div>
              </div>
            ),
          }))}
        />
      </Card>
      <Modal
        open={returning}
        title={t('desktop.result.returnReason')}
        onCancel={() => {
          setReturning(false);
        }}
        onOk={() => void act('return')}
        okText={t('desktop.result.returnOk')}
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
      <CommentPanel unitElectionId={unit.id} />
    </div>
  );
}

/** One meeting's counts; 应到 against who the village registered (the registration stage). */
function MeetingCard({
  meeting: m,
  index,
  registered,
}: {
  meeting: Meeting;
  index: number;
  registered: number | null;
}) {
  const t = useT();
  return (
    <Card
      title={`${index === 0 ? t('desktop.result.meeting') : m.roundLabel} · ${m.heldOn}`}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`review-meeting-${String(index)}`}
    >
      <Descriptions
        size="small"
        column={4}
        items={[
          ...MEETING_COUNT_FIELDS.map((f) => ({
            key: f,
            label: t(`desktop.result.count.${f}`),
            children: m[f],
          })),
          { key: 'voted', label: t('desktop.result.voted'), children: m.voted },
          {
            key: 'registered',
            label: t('desktop.result.registered'),
            children: (
              <span data-testid="registered-voters">
                {registered ?? t('desktop.result.notRegistered')}
              </span>
            ),
          },
        ]}
      />
      {registered !== null && registered !== m.entitled && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          data-testid="entitled-mismatch"
          title={t('desktop.result.entitledMismatch', {
            entitled: m.entitled,
            registered,
            difference: Math.abs(m.entitled - registered),
          })}
        />
      )}
      <Table
        size="small"
        pagination={false}
        rowKey="candidateId"
        dataSource={m.votes}
        columns={[
          { key: 'post', title: t('desktop.result.col.post'), render: (_, v) => v.postLabel },
          {
            key: 'name',
            title: t('desktop.result.col.candidate'),
            render: (_, v) => v.candidateName,
          },
          { key: 'for', title: t('desktop.result.col.for'), render: (_, v) => v.votesFor },
          {
            key: 'against',
            title: t('desktop.result.col.against'),
            render: (_, v) => v.against ?? '—',
          },
          {
            key: 'abstain',
            title: t('desktop.result.col.abstain'),
            render: (_, v) => v.abstain ?? '—',
          },
          {
            key: 'elected',
            title: t('desktop.result.col.result'),
            render: (_, v) =>
              v.elected ? <Tag color="success">{t('desktop.result.isElected')}</Tag> : '',
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
  const t = useT();
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
    const failure = value ? outcomeMessage(value, t) : t('desktop.result.offline');
    if (failure)
      modal.error({
        title: t('desktop.result.amendFailed'),
        content: <div data-testid="amend-error">{failure}</div>,
      });
    else {
      void message.success(t('desktop.result.amended'));
      onClose();
    }
  };
  return (
    <Modal
      open
      width={900}
      title={t('desktop.result.amendTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('desktop.result.amendSave')}
      okButtonProps={{ 'data-testid': 'amend-save' }}
    >
      {meetings.map((m, i) => (
        <Card
          key={`${m.round}-${String(i)}`}
          size="small"
          title={i === 0 ? t('desktop.result.meeting') : m.roundLabel}
          style={{ marginBottom: 8 }}
        >
          <Space wrap>
            {MEETING_COUNT_FIELDS.map((f) => (
              <span key={f}>
                {t(`desktop.result.count.${f}`)}{' '}
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
        placeholder={t('desktop.result.amendReason')}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
        }}
        rows={2}
      />
    </Modal>
  );
}
