import { readFragment, useMe, type ResultOf } from '@huanjie/client';
import { useCan } from '@huanjie/ui';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n.js';
import {
  AddRiskMeasureMutation,
  AnswerRiskPlanMutation,
  CompleteRiskMeasureMutation,
  CreateRiskPlanMutation,
  DropRiskMeasureMutation,
  EscalateRiskPlanMutation,
  ResolveRiskPlanMutation,
  RiskPlanFragment,
  RosterQuery,
  UpdateRiskPlanMutation,
  VillageRiskPlanQuery,
} from './risk-plan.graphql.js';

type Plan = ResultOf<typeof RiskPlanFragment>;
type Outcome = { __typename: string; message?: string } | null | undefined;

/** A DatePicker's value (a dayjs object) as the API's YYYY-MM-DD. */
interface Dayjs {
  format: (pattern: string) => string;
}
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/** Reports a mutation's typed result: success, or the API's Chinese message naming the field. */
function useReport() {
  const t = useT();
  return (out: Outcome): boolean => {
    if (out?.__typename === 'RiskPlan') {
      void message.success(t('riskPlan.saved'));
      return true;
    }
    void message.error(out?.message ?? t('desktop.risk.saveFailed'));
    return false;
  };
}

/**
 * The 一村一策 plan of a village on its page: owner, measures with deadlines, escalation to the
 * county and its answer, resolution; and the history of its risk level. What the caller may do
 * comes from the API (canEdit, canEscalate, canAnswer: the domain's can() on the village).
 */
export function RiskPlanCard({
  campaignId,
  villageId,
  atRisk,
}: {
  campaignId: string;
  villageId: string;
  /** A 重点/难点 village: only such a village gets a plan. */
  atRisk: boolean;
}) {
  const t = useT();
  const [result, refetch] = useQuery({
    query: VillageRiskPlanQuery,
    variables: { campaignId, villageId },
    requestPolicy: 'cache-and-network',
  });
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
  };
  const data = result.data?.villageRiskPlan;
  if (!data) return null;
  const plan = data.plan ? readFragment(RiskPlanFragment, data.plan) : null;
  return (
    <Card
      size="small"
      title={t('riskPlan.title')}
      style={{ margin: '16px 0' }}
      data-testid="risk-plan-card"
    >
      {plan ? (
        <PlanBody plan={plan} onChange={reload} />
      ) : atRisk ? (
        <NewPlan campaignId={campaignId} villageId={villageId} onChange={reload} />
      ) : (
        <div>{t('riskPlan.none')}</div>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('riskPlan.history')}
      </Typography.Title>
      <ul data-testid="risk-level-history" style={{ margin: 0, paddingInlineStart: 20 }}>
        {data.history.length === 0 && <li>{t('riskPlan.historyNone')}</li>}
        {data.history.map((h) => (
          <li key={h.id}>
            {t('riskPlan.historyRow', {
              at: new Date(h.changedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
              name: h.changedByName,
              role: h.changedByRole,
              from: h.fromLabel ?? t('riskPlan.historyNone'),
              to: h.toLabel,
              reason: h.reason,
            })}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function OwnerSelect(props: { value?: string; onChange?: (v: string) => void }) {
  const t = useT();
  const { me } = useMe();
  const regionId = me?.homeRegion.id ?? '';
  const [roster] = useQuery({ query: RosterQuery, variables: { regionId }, pause: !regionId });
  return (
    <Select
      {...props}
      style={{ width: 200 }}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid="risk-plan-owner"
      options={(roster.data?.cadres ?? []).map((c) => ({
        value: c.id,
        label: c.post ? t('riskPlan.ownerWithPost', { name: c.name, post: c.post }) : c.name,
      }))}
    />
  );
}

interface PlanForm {
  ownerCadreId: string;
  planDate: Dayjs;
  summary: string;
}

function PlanFields() {
  const t = useT();
  return (
    <>
      <Form.Item name="ownerCadreId" label={t('riskPlan.owner')} rules={[{ required: true }]}>
        <OwnerSelect />
      </Form.Item>
      <Form.Item name="planDate" label={t('riskPlan.planDate')} rules={[{ required: true }]}>
        <DatePicker data-testid="risk-plan-date" />
      </Form.Item>
      <Form.Item name="summary" label={t('riskPlan.summary')} rules={[{ required: true }]}>
        <Input.TextArea rows={2} style={{ width: 420 }} data-testid="risk-plan-summary" />
      </Form.Item>
    </>
  );
}

function NewPlan({
  campaignId,
  villageId,
  onChange,
}: {
  campaignId: string;
  villageId: string;
  onChange: () => void;
}) {
  const t = useT();
  const { can } = useCan();
  const report = useReport();
  const [state, create] = useMutation(CreateRiskPlanMutation);
  if (!can('risk.set')) return <div>{t('riskPlan.none')}</div>;
  return (
    <Form<PlanForm>
      layout="vertical"
      onFinish={(v) =>
        void create({
          campaignId,
          villageId,
          input: { ownerCadreId: v.ownerCadreId, planDate: day(v.planDate), summary: v.summary },
        }).then((res) => {
          if (report(res.data?.createRiskPlan)) onChange();
        })
      }
    >
      <div>{t('riskPlan.none')}</div>
      <PlanFields />
      <Button htmlType="submit" loading={state.fetching} data-testid="risk-plan-create">
        {t('riskPlan.create')}
      </Button>
    </Form>
  );
}

export function PlanBody({ plan, onChange }: { plan: Plan; onChange: () => void }) {
  const t = useT();
  const report = useReport();
  const [, update] = useMutation(UpdateRiskPlanMutation);
  const [, escalate] = useMutation(EscalateRiskPlanMutation);
  const [, answer] = useMutation(AnswerRiskPlanMutation);
  const [, resolve] = useMutation(ResolveRiskPlanMutation);
  const [editing, setEditing] = useState(false);
  const done = (out: Outcome) => {
    if (report(out)) onChange();
  };
  return (
    <div data-testid="risk-plan">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('riskPlan.status')}>
          <Tag
            color={plan.status === 'resolved' ? 'green' : plan.status === 'escalated' ? 'red' : 'blue'}
            data-testid="risk-plan-status"
          >
            {plan.statusLabel}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('riskPlan.owner')}>
          {plan.ownerPost
            ? t('riskPlan.ownerWithPost', { name: plan.ownerName ?? '', post: plan.ownerPost })
            : (plan.ownerName ?? '')}
        </Descriptions.Item>
        <Descriptions.Item label={t('riskPlan.planDate')}>{plan.planDate}</Descriptions.Item>
        <Descriptions.Item label={t('riskPlan.summary')}>{plan.summary}</Descriptions.Item>
      </Descriptions>
      {plan.escalatedOn && (
        <div data-testid="risk-plan-escalation">
          {t('riskPlan.escalated', { date: plan.escalatedOn, note: plan.escalationNote ?? '' })}
        </div>
      )}
      {plan.answeredOn && (
        <div data-testid="risk-plan-answer">
          {t('riskPlan.answered', { date: plan.answeredOn, answer: plan.answer ?? '' })}
        </div>
      )}
      {plan.resolvedOn && (
        <div>{t('riskPlan.resolved', { date: plan.resolvedOn, note: plan.resolutionNote ?? '' })}</div>
      )}
      {plan.canEdit && editing && (
        <Form<PlanForm>
          layout="vertical"
          initialValues={{ ownerCadreId: plan.ownerCadreId, summary: plan.summary }}
          onFinish={(v) =>
            void update({
              planId: plan.id,
              expectedVersion: plan.version,
              input: { ownerCadreId: v.ownerCadreId, planDate: day(v.planDate), summary: v.summary },
            }).then((res) => {
              done(res.data?.updateRiskPlan);
              setEditing(false);
            })
          }
        >
          <PlanFields />
          <Button htmlType="submit">{t('riskPlan.save')}</Button>
        </Form>
      )}
      <Measures plan={plan} onChange={onChange} />
      <Space wrap style={{ marginTop: 12 }}>
        {plan.canEdit && !editing && (
          <Button
            size="small"
            onClick={() => {
              setEditing(true);
            }}
          >
            {t('riskPlan.save')}
          </Button>
        )}
        {plan.canEscalate && (
          <TextAction
            testId="risk-plan-escalate"
            label={t('riskPlan.escalate')}
            placeholder={t('riskPlan.escalationNote')}
            onSubmit={(note) =>
              escalate({ planId: plan.id, expectedVersion: plan.version, note }).then((r) => {
                done(r.data?.escalateRiskPlan);
              })
            }
          />
        )}
        {plan.canAnswer && (
          <TextAction
            testId="risk-plan-answer-form"
            label={t('riskPlan.answer')}
            placeholder={t('riskPlan.answerPlaceholder')}
            onSubmit={(text) =>
              answer({ planId: plan.id, expectedVersion: plan.version, answer: text }).then((r) => {
                done(r.data?.answerRiskPlan);
              })
            }
          />
        )}
        {plan.canEdit && (
          <DateAction
            testId="risk-plan-resolve"
            label={t('riskPlan.resolve')}
            placeholder={t('riskPlan.note')}
            onSubmit={(date, note) =>
              resolve({
                planId: plan.id,
                expectedVersion: plan.version,
                resolvedOn: date,
                note,
              }).then((r) => {
                done(r.data?.resolveRiskPlan);
              })
            }
          />
        )}
      </Space>
    </div>
  );
}

function Measures({ plan, onChange }: { plan: Plan; onChange: () => void }) {
  const t = useT();
  const report = useReport();
  const [, add] = useMutation(AddRiskMeasureMutation);
  const [, complete] = useMutation(CompleteRiskMeasureMutation);
  const [, drop] = useMutation(DropRiskMeasureMutation);
  const [form] = Form.useForm<{ description: string; deadline: Dayjs }>();
  const done = (out: Outcome) => {
    if (report(out)) onChange();
  };
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('riskPlan.measures', plan.counts)}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={plan.measures}
        data-testid="risk-measures"
        columns={[
          { title: t('riskPlan.measure'), dataIndex: 'description' },
          {
            title: t('riskPlan.deadline'),
            render: (_, m) => (
              <>
                {m.deadline} {m.overdue && <Tag color="red">{t('riskPlan.overdue')}</Tag>}
              </>
            ),
          },
          {
            title: t('riskPlan.status'),
            render: (_, m) => (
              <>
                {m.statusLabel} {m.doneOn ?? ''} {m.note ?? ''} {m.dropReason ?? ''}
              </>
            ),
          },
          {
            title: '',
            render: (_, m) =>
              plan.canEdit && m.status === 'open' ? (
                <Space>
                  <DateAction
                    testId={`risk-measure-complete-${m.id}`}
                    label={t('riskPlan.complete')}
                    placeholder={t('riskPlan.note')}
                    onSubmit={(date, note) =>
                      complete({ measureId: m.id, doneOn: date, note }).then((r) => {
                        done(r.data?.completeRiskMeasure);
                      })
                    }
                  />
                  <TextAction
                    testId={`risk-measure-drop-${m.id}`}
                    label={t('riskPlan.drop')}
                    placeholder={t('riskPlan.dropReason')}
                    onSubmit={(reason) =>
                      drop({ measureId: m.id, reason }).then((r) => {
                        done(r.data?.dropRiskMeasure);
                      })
                    }
                  />
                </Space>
              ) : null,
          },
        ]}
      />
      {plan.canEdit && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 8 }}
          onFinish={(v) =>
            void add({
              planId: plan.id,
              description: v.description,
              deadline: day(v.deadline),
            }).then((r) => {
              if (report(r.data?.addRiskMeasure)) {
                form.resetFields();
                onChange();
              }
            })
          }
        >
          <Form.Item name="description" rules={[{ required: true }]}>
            <Input
              placeholder={t('riskPlan.measure')}
              style={{ width: 260 }}
              data-testid="risk-measure-description"
            />
          </Form.Item>
          <Form.Item name="deadline" rules={[{ required: true }]}>
            <DatePicker placeholder={t('riskPlan.deadline')} data-testid="risk-measure-deadline" />
          </Form.Item>
          <Button htmlType="submit" data-testid="risk-measure-add">
            {t('riskPlan.addMeasure')}
          </Button>
        </Form>
      )}
    </>
  );
}

function TextAction({
  label,
  placeholder,
  testId,
  onSubmit,
}: {
  label: string;
  placeholder: string;
  testId: string;
  onSubmit: (text: string) => Promise<void>;
}) {
  const [text, setText] = useState('');
  return (
    <Flex gap={4} data-testid={testId}>
      <Input
        size="small"
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
      <Button
        size="small"
        onClick={() => {
          void onSubmit(text).then(() => {
            setText('');
          });
        }}
      >
        {label}
      </Button>
    </Flex>
  );
}

function DateAction({
  label,
  placeholder,
  testId,
  onSubmit,
}: {
  label: string;
  placeholder: string;
  testId: string;
  onSubmit: (date: string, note: string) => Promise<void>;
}) {
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  return (
    <Flex gap={4} data-testid={testId}>
      <DatePicker
        size="small"
        onChange={(d) => {
          setDate(day(d));
        }}
      />
      <Input
        size="small"
        value={note}
        placeholder={placeholder}
        onChange={(e) => {
          setNote(e.target.value);
        }}
      />
      <Button
        size="small"
        onClick={() => {
          void onSubmit(date, note);
        }}
      >
        {label}
      </Button>
    </Flex>
  );
}

