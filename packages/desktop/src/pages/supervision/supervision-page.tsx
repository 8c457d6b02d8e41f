import { errorCodeOf, type ResultOf } from '@huanjie/client';
import { FINDING_CATEGORIES, FINDING_CATEGORY_LABEL, type FindingCategory } from '@huanjie/domain';
import { outcomeMessage, useCan } from '@huanjie/ui';
import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import {
  AnswerOrderMutation,
  EscalationsQuery,
  IssueOrderMutation,
  RecordInspectionMutation,
  ResolveEscalationMutation,
  SupervisedTownshipsQuery,
  SupervisionQuery,
  SupervisionSummaryQuery,
} from './supervision-page.graphql.js';

type Data = ResultOf<typeof SupervisionQuery>;
type Order = Data['correctionOrders'][number];
type Escalation = ResultOf<typeof EscalationsQuery>['escalations'][number];

/** The lists the overview's counts open: `?list=inspections|orders|unanswered|overdue|escalations`. */
const LISTS = ['inspections', 'orders', 'unanswered', 'overdue', 'escalations'] as const;
type List = (typeof LISTS)[number];

const STATUS_COLOR: Record<Order['status'], string> = {
  open: 'processing',
  overdue: 'error',
  answered: 'success',
};

/**
 * `/supervision`: the county supervisors' inspections and correction orders, and the leaders'
 * escalations. What a user may do here comes from the domain's policy: a supervisor records
 * inspections and issues orders; the township answers orders and resolves escalations; the
 * leaders and the admin read.
 */
export function SupervisionPage() {
  const t = useT();
  const { can } = useCan();
  const [params, setParams] = useSearchParams();
  const list: List = LISTS.find((l) => l === params.get('list')) ?? 'inspections';
  const filter = list === 'unanswered' || list === 'overdue' ? list : 'all';
  const [result, refetch] = useQuery({
    query: SupervisionQuery,
    variables: { filter },
    requestPolicy: 'cache-and-network',
  });
  const [escalationFilter, setEscalationFilter] = useState<'open' | 'all'>('open');
  const [escalations, refetchEscalations] = useQuery({
    query: EscalationsQuery,
    variables: { filter: escalationFilter },
    requestPolicy: 'cache-and-network',
  });
  const [dialog, setDialog] = useState<'inspection' | 'order' | null>(null);
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const data = result.data;
  const s = data.supervisionSummary;
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchEscalations({ requestPolicy: 'network-only' });
  };
  const open = (next: List) => {
    setParams({ list: next });
  };
  const mayInspect = can('inspection.record', true);
  const mayAnswer = can('correction.answer');
  const mayResolve = can('escalation.resolve');
  const showEscalations = mayResolve || can('record.comment');
  return (
    <div data-testid="supervision-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>{t('supervision.title')}</Typography.Title>
        {mayInspect && (
          <Space>
            <Button
              type="primary"
              onClick={() => {
                setDialog('inspection');
              }}
              data-testid="inspection-new"
            >
              {t('supervision.record')}
            </Button>
            <Button
              onClick={() => {
                setDialog('order');
              }}
              data-testid="order-new"
            >
              {t('supervision.issue')}
            </Button>
          </Space>
        )}
      </Space>
      <SupervisionCounts summary={s} onOpen={open} />
      <Tabs
        activeKey={list === 'unanswered' || list === 'overdue' ? 'orders' : list}
        onChange={(key) => {
          open(key as List);
        }}
        items={[
          {
            key: 'inspections',
            label: <span data-testid="tab-inspections">{t('supervision.inspections')}</span>,
            children: <InspectionTable rows={data.inspections} />,
          },
          {
            key: 'orders',
            label: <span data-testid="tab-orders">{t('supervision.orders')}</span>,
            children: (
              <OrderTable rows={data.correctionOrders} mayAnswer={mayAnswer} onDone={reload} />
            ),
          },
          ...(showEscalations
            ? [
                {
                  key: 'escalations',
                  label: <span data-testid="tab-escalations">{t('supervision.escalations')}</span>,
                  children: (
                    <>
                      <Select
                        value={escalationFilter}
                        onChange={setEscalationFilter}
                        style={{ width: 120, marginBottom: 8 }}
                        options={[
                          { value: 'open', label: t('supervision.open') },
                          { value: 'all', label: t('supervision.all') },
                        ]}
                      />
                      <EscalationTable
                        rows={escalations.data?.escalations ?? []}
                        mayResolve={mayResolve}
                        onDone={reload}
                      />
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog === 'inspection' && (
        <InspectionDialog
          onClose={(saved) => {
            setDialog(null);
            if (saved) reload();
          }}
        />
      )}
      {dialog === 'order' && (
        <OrderDialog
          onClose={(saved) => {
            setDialog(null);
            if (saved) reload();
          }}
        />
      )}
    </div>
  );
}

/** The counts the county overview shows too; each opens its list. */
export function SupervisionCounts({
  summary,
  onOpen,
}: {
  summary: Data['supervisionSummary'];
  onOpen: (list: List) => void;
}) {
  const t = useT();
  const cards: [List, string, number, string?][] = [
    ['inspections', t('supervision.inspections'), summary.inspections],
    ['orders', t('supervision.orders'), summary.orders],
    ['unanswered', t('supervision.unanswered'), summary.unanswered],
    [
      'overdue',
      t('supervision.overdue'),
      summary.overdue,
      summary.overdue > 0 ? '#cf1322' : undefined,
    ],
  ];
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="supervision-counts">
      {cards.map(([list, title, value, color]) => (
        <Card
          key={list}
          size="small"
          hoverable
          onClick={() => {
            onOpen(list);
          }}
          data-testid={`supervision-count-${list}`}
        >
          <Statistic
            title={title}
            value={value}
            styles={color ? { content: { color } } : undefined}
          />
        </Card>
      ))}
    </Space>
  );
}

function InspectionTable({ rows }: { rows: Data['inspections'] }) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      data-testid="inspection-list"
      locale={{ emptyText: t('supervision.none') }}
      columns={[
        { title: t('supervision.date'), dataIndex: 'date', width: 110 },
        { title: t('supervision.township'), render: (_, r) => r.township.name, width: 120 },
        {
          title: t('supervision.villages'),
          render: (_, r) => r.villages.map((v) => v.name).join(t('supervision.sep')),
        },
        {
          title: t('supervision.findings'),
          render: (_, r) => (
            <Space orientation="vertical" size={2}>
              {r.findings.map((f, i) => (
                <span key={i}>
                  <Tag>{f.categoryLabel}</Tag>
                  {f.text}
                </span>
              ))}
            </Space>
          ),
        },
        { title: t('supervision.by'), dataIndex: 'authorName', width: 100 },
      ]}
    />
  );
}

function OrderTable({
  rows,
  mayAnswer,
  onDone,
}: {
  rows: Data['correctionOrders'];
  mayAnswer: boolean;
  onDone: () => void;
}) {
  const t = useT();
  const [answering, setAnswering] = useState<Order | null>(null);
  const answer = useAnswer();
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        data-testid="order-list"
        locale={{ emptyText: t('supervision.none') }}
        columns={[
          { title: t('supervision.township'), render: (_, r) => r.township.name, width: 120 },
          { title: t('supervision.requirement'), dataIndex: 'requirement' },
          { title: t('supervision.issuedOn'), dataIndex: 'issuedOn', width: 110 },
          { title: t('supervision.deadline'), dataIndex: 'deadline', width: 110 },
          {
            title: t('supervision.status'),
            width: 90,
            render: (_, r) => (
              <Tag color={STATUS_COLOR[r.status]} data-testid={`order-status-${r.status}`}>
                {r.statusLabel}
              </Tag>
            ),
          },
          {
            title: t('supervision.answer'),
            render: (_, r) =>
              r.answer ? (
                <span>
                  {r.answer}
                  <Typography.Text type="secondary">
                    {t('supervision.byWhom', {
                      who: r.answererName ?? '',
                      date: r.answeredOn ?? '',
                    })}
                  </Typography.Text>
                </span>
              ) : mayAnswer ? (
                <Button
                  size="small"
                  onClick={() => {
                    setAnswering(r);
                  }}
                  data-testid="order-answer"
                >
                  {t('supervision.answerAction')}
                </Button>
              ) : null,
          },
        ]}
      />
      {answering && (
        <TextDialog
          title={t('supervision.dialogTitle', {
            action: t('supervision.answerAction'),
            what: answering.requirement,
          })}
          label={t('supervision.answer')}
          testId="order-answer-text"
          onCancel={() => {
            setAnswering(null);
          }}
          onSaved={() => {
            setAnswering(null);
            onDone();
          }}
          save={(text) => answer(answering.id, text)}
        />
      )}
    </>
  );
}

function useAnswer() {
  const [, answer] = useMutation(AnswerOrderMutation);
  return async (orderId: string, text: string) => {
    const res = await answer({ orderId, answer: text });
    const out = res.data?.answerCorrectionOrder;
    return out ? outcomeMessage(out) : null;
  };
}

function useResolve() {
  const [, resolve] = useMutation(ResolveEscalationMutation);
  return async (commentId: string, text: string) => {
    const res = await resolve({ commentId, resolution: text });
    const out = res.data?.resolveEscalation;
    return out ? outcomeMessage(out) : null;
  };
}

function EscalationTable({
  rows,
  mayResolve,
  onDone,
}: {
  rows: Escalation[];
  mayResolve: boolean;
  onDone: () => void;
}) {
  const t = useT();
  const [resolving, setResolving] = useState<Escalation | null>(null);
  const resolve = useResolve();
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        data-testid="escalation-list"
        locale={{ emptyText: t('supervision.none') }}
        columns={[
          {
            title: t('supervision.village'),
            render: (_, r) => [r.townshipName, r.village.name].filter(Boolean).join(' '),
            width: 160,
          },
          { title: t('supervision.subject'), dataIndex: 'subjectLabel', width: 120 },
          {
            title: t('supervision.comment'),
            render: (_, r) => (
              <span>
                {r.body}
                <Typography.Text type="secondary">
                  {t('supervision.byWhom', { who: r.authorName, date: '' })}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t('supervision.resolution'),
            render: (_, r) =>
              r.resolution ? (
                <span>
                  {r.resolution}
                  <Typography.Text type="secondary">
                    {t('supervision.byWhom', { who: r.resolverName ?? '', date: '' })}
                  </Typography.Text>
                </span>
              ) : mayResolve ? (
                <Button
                  size="small"
                  onClick={() => {
                    setResolving(r);
                  }}
                  data-testid="escalation-resolve"
                >
                  {t('supervision.resolve')}
                </Button>
              ) : null,
          },
        ]}
      />
      {resolving && (
        <TextDialog
          title={t('supervision.dialogTitle', {
            action: t('supervision.resolve'),
            what: resolving.village.name,
          })}
          label={t('supervision.resolution')}
          testId="escalation-resolution"
          onCancel={() => {
            setResolving(null);
          }}
          onSaved={() => {
            setResolving(null);
            onDone();
          }}
          save={(text) => resolve(resolving.id, text)}
        />
      )}
    </>
  );
}

/** One text to send; the API's Chinese message when it is refused. */
function TextDialog({
  title,
  label,
  testId,
  onCancel,
  onSaved,
  save,
}: {
  title: string;
  label: string;
  testId: string;
  onCancel: () => void;
  onSaved: () => void;
  save: (text: string) => Promise<string | null>;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={title}
      okText={t('supervision.save')}
      cancelText={t('supervision.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': `${testId}-save` }}
      onCancel={onCancel}
      onOk={() =>
        void (async () => {
          setBusy(true);
          try {
            const refused = await save(text);
            if (refused) setError(refused);
            else {
              void message.success(t('supervision.saved'));
              onSaved();
            }
          } catch {
            setError(t('supervision.failed'));
          } finally {
            setBusy(false);
          }
        })()
      }
    >
      <Typography.Text>{label}</Typography.Text>
      <Input.TextArea
        rows={4}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
        }}
        data-testid={testId}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

interface InspectionForm {
  townshipId: string;
  date: { format: (f: string) => string };
  villageIds: string[];
  findings: { category: FindingCategory; text: string }[];
}

function useTownships() {
  const [result] = useQuery({ query: SupervisedTownshipsQuery });
  const roots = result.data?.myRegions ?? [];
  // a supervisor's roots are the townships assigned; a county user's root is the county
  return roots.flatMap((r) => (r.level === 'township' ? [r] : []));
}

function InspectionDialog({ onClose }: { onClose: (saved: boolean) => void }) {
  const t = useT();
  const townships = useTownships();
  const [form] = Form.useForm<InspectionForm>();
  const townshipId = Form.useWatch('townshipId', form);
  const villages = townships.find((r) => r.id === townshipId)?.children ?? [];
  const [, record] = useMutation(RecordInspectionMutation);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open
      width={640}
      title={t('supervision.record')}
      okText={t('supervision.save')}
      cancelText={t('supervision.cancel')}
      okButtonProps={{ 'data-testid': 'inspection-save' }}
      onCancel={() => {
        onClose(false);
      }}
      onOk={() =>
        void (async () => {
          const v = await form.validateFields();
          const res = await record({
            input: {
              townshipId: v.townshipId,
              date: v.date.format('YYYY-MM-DD'),
              villageIds: v.villageIds,
              findings: v.findings,
            },
          });
          const out = res.data?.recordInspection;
          const refused = out ? outcomeMessage(out) : t('supervision.failed');
          if (refused) setError(refused);
          else onClose(true);
        })()
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ findings: [{ category: 'procedure', text: '' }] }}
      >
        <Form.Item
          name="townshipId"
          label={t('supervision.township')}
          rules={[{ required: true, message: t('supervision.required') }]}
        >
          <Select
            data-testid="inspection-township"
            options={townships.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('supervision.date')}
          rules={[{ required: true, message: t('supervision.required') }]}
        >
          <DatePicker data-testid="inspection-date" />
        </Form.Item>
        <Form.Item
          name="villageIds"
          label={t('supervision.villages')}
          rules={[{ required: true, message: t('supervision.required') }]}
        >
          <Select
            mode="multiple"
            // typed text finds a village by its name (a multiple select searches values, ids, by default)
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="inspection-villages"
            options={villages.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.List name="findings">
          {(fields, { add }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'category']} label={t('supervision.category')}>
                    <Select
                      style={{ width: 150 }}
                      options={FINDING_CATEGORIES.map((c) => ({
                        value: c,
                        label: FINDING_CATEGORY_LABEL[c],
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'text']}
                    label={t('supervision.findings')}
                    rules={[{ required: true, message: t('supervision.required') }]}
                    style={{ width: 380 }}
                  >
                    <Input.TextArea rows={2} data-testid={`inspection-finding-${field.name}`} />
                  </Form.Item>
                </Space>
              ))}
              <Button
                onClick={() => {
                  add({ category: 'other', text: '' });
                }}
              >
                {t('supervision.addFinding')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {error && (
        <Typography.Text type="danger" data-testid="inspection-error">
          {error}
        </Typography.Text>
      )}
    </Modal>
  );
}

interface OrderForm {
  townshipId: string;
  deadline: { format: (f: string) => string };
  requirement: string;
}

function OrderDialog({ onClose }: { onClose: (saved: boolean) => void }) {
  const t = useT();
  const townships = useTownships();
  const [form] = Form.useForm<OrderForm>();
  const [, issue] = useMutation(IssueOrderMutation);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('supervision.issue')}
      okText={t('supervision.save')}
      cancelText={t('supervision.cancel')}
      okButtonProps={{ 'data-testid': 'order-save' }}
      onCancel={() => {
        onClose(false);
      }}
      onOk={() =>
        void (async () => {
          const v = await form.validateFields();
          const res = await issue({
            input: {
              townshipId: v.townshipId,
              deadline: v.deadline.format('YYYY-MM-DD'),
              requirement: v.requirement,
            },
          });
          const out = res.data?.issueCorrectionOrder;
          const refused = out ? outcomeMessage(out) : t('supervision.failed');
          if (refused) setError(refused);
          else onClose(true);
        })()
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="townshipId"
          label={t('supervision.township')}
          rules={[{ required: true, message: t('supervision.required') }]}
        >
          <Select
            data-testid="order-township"
            options={townships.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('supervision.deadline')}
          rules={[{ required: true, message: t('supervision.required') }]}
        >
          <DatePicker data-testid="order-deadline" />
        </Form.Item>
        <Form.Item
          name="requirement"
          label={t('supervision.requirement')}
          rules={[{ required: true, message: t('supervision.required') }]}
        >
          <Input.TextArea rows={3} data-testid="order-requirement" />
        </Form.Item>
      </Form>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

/**
 * The overview's supervision figures for a region: inspections, correction orders, unanswered and
 * overdue ones, each opening its list on `/supervision`.
 */
export function SupervisionOverviewCard({
  campaignId,
  regionId,
}: {
  campaignId: string;
  regionId: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  const [result] = useQuery({
    query: SupervisionSummaryQuery,
    variables: { campaignId, regionId },
    requestPolicy: 'cache-and-network',
  });
  const summary = result.data?.supervisionSummary;
  if (!summary) return null;
  return (
    <Card size="small" title={t('supervision.title')} style={{ marginTop: 16 }}>
      <SupervisionCounts
        summary={summary}
        onOpen={(list) => {
          void navigate(`/supervision?list=${list}`);
        }}
      />
    </Card>
  );
}
