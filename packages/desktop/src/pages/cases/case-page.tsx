import type { ResultOf } from '@huanjie/client';
import { errorCodeOf, readFragment } from '@huanjie/client';
import type { CaseHandlerKind, CaseMeasure, CaseOutcome } from '@huanjie/domain';
import {
  CASE_HANDLER_KINDS,
  CASE_HANDLER_KIND_LABEL,
  CASE_MEASURES,
  CASE_MEASURE_LABEL,
  CASE_OUTCOMES,
  CASE_OUTCOME_LABEL,
  todayInChina,
} from '@huanjie/domain';
import { outcomeMessage, useCan, useLanguage } from '@huanjie/ui';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  message,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import {
  AcknowledgeCaseMutation,
  AddCaseActionMutation,
  AssignCaseMutation,
  CaseDetailFragment,
  CaseQuery,
  CaseTeamsQuery,
  CloseCaseMutation,
} from './case-page.graphql.js';
import { STATUS_COLOR } from './case-colors.js';

type CaseData = ResultOf<typeof CaseDetailFragment>;

/**
 * `/cases/:id`: one complaint or report — what was alleged, its deadlines, the investigation and
 * the outcome. What the user may do comes from the domain's policy (useCan) and, for the handling
 * group, from the case itself (the API knows who sits on which team): hand it to a group, accept,
 * record investigation steps, close it with the outcome and the reply to the reporter. Everyone
 * else reads it.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const t = useT();
  const [result, refetch] = useQuery({ query: CaseQuery, variables: { caseId: id } });
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const c = readFragment(CaseDetailFragment, result.data.case);
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <div data-testid="case-page">
      <Link to="/cases">{t('desktop.case.back')}</Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {t('desktop.case.title', { village: c.village.name, category: c.categoryLabel })}{' '}
        <Tag color={STATUS_COLOR[c.status]} data-testid="case-status">
          {c.statusLabel}
        </Tag>
        {c.overdue && (
          <Tag color="red" data-testid="case-overdue">
            {c.latenessLabel}
          </Tag>
        )}
      </Typography.Title>
      <Facts c={c} />
      <Handling c={c} onSaved={refresh} />
      <Actions c={c} />
      {c.status === 'closed' && <Outcome c={c} />}
    </div>
  );
}

function Facts({ c }: { c: CaseData }) {
  const t = useT();
  const none = t('desktop.case.none');
  const person = c.candidateName
    ? t('desktop.case.candidate', { name: c.candidateName })
    : (c.personConcerned ?? none);
  return (
    <Card size="small" title={t('desktop.case.facts')} data-testid="case-facts">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
        <Descriptions.Item label={t('desktop.case.village')}>{c.village.name}</Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.township')}>
          {c.township?.name ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.channel')}>{c.channelLabel}</Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.category')}>{c.categoryLabel}</Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.severity')}>{c.severityLabel}</Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.person')}>{person}</Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.receivedOn')}>{c.receivedOn}</Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.openedBy')}>{c.openedByName}</Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.reporter')}>
          <span data-testid="case-reporter">{c.reporterName}</span>
          {!c.reporterVisible && (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {t('desktop.case.reporterHidden')}
            </Typography.Text>
          )}
        </Descriptions.Item>
        {c.reporterVisible && (
          <>
            <Descriptions.Item label={t('desktop.case.reporterPhone')}>
              <span data-testid="case-reporter-phone">{c.reporterPhone ?? none}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('desktop.case.reporterId')}>
              {c.reporterIdNumber ?? none}
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('desktop.case.allegation')} span="filled">
          <span data-testid="case-allegation">{c.allegation}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.handler')}>
          <span data-testid="case-handler">{c.handlerName ?? none}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.assignedOn')}>
          {c.assignedOn ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.acknowledgedOn')}>
          {c.acknowledgedOn ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.acceptBy')}>
          <Tooltip title={c.acceptCitation}>
            <span data-testid="case-accept-by">{c.acceptBy}</span>
          </Tooltip>
        </Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.answerBy')}>
          <Tooltip title={c.answerCitation}>
            <span data-testid="case-answer-by">{c.answerBy}</span>
          </Tooltip>
        </Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.lateness')}>{c.latenessLabel}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Actions({ c }: { c: CaseData }) {
  const t = useT();
  return (
    <Card
      size="small"
      title={t('desktop.case.actions')}
      style={{ marginTop: 16 }}
      data-testid="case-actions"
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.actions}
        locale={{ emptyText: t('desktop.case.noActions') }}
        columns={[
          { key: 'date', title: t('desktop.case.col.date'), dataIndex: 'date', width: 120 },
          { key: 'actor', title: t('desktop.case.col.actor'), dataIndex: 'actor', width: 180 },
          { key: 'action', title: t('desktop.case.col.action'), dataIndex: 'action' },
          {
            key: 'by',
            title: t('desktop.case.col.enteredBy'),
            dataIndex: 'enteredByName',
            width: 140,
          },
        ]}
      />
    </Card>
  );
}

function Outcome({ c }: { c: CaseData }) {
  const t = useT();
  const none = t('desktop.case.none');
  return (
    <Card
      size="small"
      title={t('desktop.case.outcome')}
      style={{ marginTop: 16 }}
      data-testid="case-outcome"
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('desktop.case.outcomeLabel')}>
          <span data-testid="case-outcome-label">{c.outcomeLabel ?? none}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.measures')}>
          <span data-testid="case-measures">
            {c.measureLabels.length ? c.measureLabels.join(t('common.listSeparator')) : none}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.measuresNote')}>
          {c.measuresNote ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.reply')}>
          <span data-testid="case-reply">{c.reply ?? none}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('desktop.case.closedOn')}>
          {c.closedOn ?? none}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

type Outcome = { __typename: string; message?: string; issues?: readonly { message: string }[] };

/** Shows a refusal's Chinese message, or confirms and reloads the case. */
function useSaved(onSaved: () => void) {
  const t = useT();
  return (out: Outcome | undefined) => {
    const refused = out ? outcomeMessage(out) : t('desktop.case.failed');
    if (refused) {
      void message.error(refused);
      return refused;
    }
    void message.success(t('desktop.case.saved'));
    onSaved();
    return null;
  };
}

function Handling({ c, onSaved }: { c: CaseData; onSaved: () => void }) {
  const { can } = useCan();
  const mayAssign = can('case.assign', true) && c.canAssign;
  const mayHandle = can('case.handle', true) && c.canHandle;
  if (!mayAssign && !mayHandle) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
      {mayAssign && <AssignForm c={c} onSaved={onSaved} />}
      {mayHandle && c.status === 'assigned' && <AcknowledgeForm c={c} onSaved={onSaved} />}
      {mayHandle && (c.status === 'acknowledged' || c.status === 'investigating') && (
        <ActionForm c={c} onSaved={onSaved} />
      )}
      {mayHandle && c.status === 'investigating' && <CloseForm c={c} onSaved={onSaved} />}
    </Space>
  );
}

function AssignForm({ c, onSaved }: { c: CaseData; onSaved: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const [kind, setKind] = useState<CaseHandlerKind>(c.handlerKind ?? 'team');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [teams] = useQuery({
    query: CaseTeamsQuery,
    variables: { townshipId: c.township?.id ?? '' },
    pause: !c.township,
  });
  const [{ fetching }, assign] = useMutation(AssignCaseMutation);
  const saved = useSaved(onSaved);
  return (
    <Card size="small" title={t('desktop.case.assignTitle')} data-testid="case-assign">
      <Space wrap>
        <Radio.Group
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as CaseHandlerKind);
          }}
          options={CASE_HANDLER_KINDS.map((k) => ({ value: k, label: CASE_HANDLER_KIND_LABEL[k][language] }))}
          data-testid="case-handler-kind"
        />
        {kind === 'team' && (
          <Select
            style={{ width: 220 }}
            placeholder={t('desktop.case.pickTeam')}
            value={teamId}
            onChange={setTeamId}
            loading={teams.fetching}
            options={(teams.data?.guidanceBoard.teams ?? []).map((team) => ({
              value: team.id,
              label: team.name,
            }))}
            data-testid="case-team"
            aria-label={t('desktop.case.team')}
          />
        )}
        <Button
          type="primary"
          loading={fetching}
          data-testid="case-assign-submit"
          onClick={() => {
            void assign({
              caseId: c.id,
              handlerKind: kind,
              teamId: kind === 'team' ? teamId : null,
            }).then((res) => {
              setError(saved(res.data?.assignCase));
            });
          }}
        >
          {t('desktop.case.assign')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}

function AcknowledgeForm({ c, onSaved }: { c: CaseData; onSaved: () => void }) {
  const t = useT();
  const [date, setDate] = useState(todayInChina(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, acknowledge] = useMutation(AcknowledgeCaseMutation);
  const saved = useSaved(onSaved);
  return (
    <Card size="small" title={t('desktop.case.acknowledgeTitle')} data-testid="case-acknowledge">
      <Space wrap>
        <Input
          type="date"
          value={date}
          onChange={(e) => {
            setDate(e.target.value);
          }}
          aria-label={t('desktop.case.date')}
          data-testid="case-acknowledge-date"
        />
        <Button
          type="primary"
          loading={fetching}
          data-testid="case-acknowledge-submit"
          onClick={() => {
            void acknowledge({ caseId: c.id, date }).then((res) => {
              setError(saved(res.data?.acknowledgeCase));
            });
          }}
        >
          {t('desktop.case.acknowledge')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}

interface ActionValues {
  date: string;
  actor: string;
  action: string;
}

function ActionForm({ c, onSaved }: { c: CaseData; onSaved: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ActionValues>();
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, add] = useMutation(AddCaseActionMutation);
  const saved = useSaved(() => {
    form.resetFields();
    onSaved();
  });
  return (
    <Card size="small" title={t('desktop.case.addAction')} data-testid="case-action-form">
      <Form<ActionValues>
        form={form}
        layout="inline"
        initialValues={{ date: todayInChina(new Date()) }}
        onFinish={(values) => {
          void add({ caseId: c.id, input: values }).then((res) => {
            setError(saved(res.data?.addCaseAction));
          });
        }}
      >
        <Form.Item name="date" label={t('desktop.case.col.date')}>
          <Input type="date" data-testid="case-action-date" />
        </Form.Item>
        <Form.Item
          name="actor"
          label={t('desktop.case.col.actor')}
          rules={[{ required: true, message: t('desktop.case.required') }]}
        >
          <Input maxLength={60} data-testid="case-action-actor" />
        </Form.Item>
        <Form.Item
          name="action"
          label={t('desktop.case.col.action')}
          rules={[{ required: true, message: t('desktop.case.required') }]}
          style={{ minWidth: 360 }}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="case-action-text" />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={fetching}
            data-testid="case-action-submit"
          >
            {t('desktop.case.addAction')}
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}

interface CloseValues {
  date: string;
  outcome: CaseOutcome;
  measures: CaseMeasure[];
  measuresNote?: string;
  reply: string;
}

function CloseForm({ c, onSaved }: { c: CaseData; onSaved: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, close] = useMutation(CloseCaseMutation);
  const saved = useSaved(onSaved);
  return (
    <Card size="small" title={t('desktop.case.closeTitle')} data-testid="case-close-form">
      <Form<CloseValues>
        layout="vertical"
        initialValues={{ date: todayInChina(new Date()), measures: [] }}
        onFinish={(values) => {
          void close({
            caseId: c.id,
            input: {
              date: values.date,
              outcome: values.outcome,
              measures: values.measures,
              measuresNote: values.measuresNote ?? null,
              reply: values.reply,
            },
          }).then((res) => {
            setError(saved(res.data?.closeCase));
          });
        }}
      >
        <Form.Item
          name="outcome"
          label={t('desktop.case.outcomeLabel')}
          rules={[{ required: true, message: t('desktop.case.required') }]}
        >
          <Radio.Group
            options={CASE_OUTCOMES.map((o) => ({ value: o, label: CASE_OUTCOME_LABEL[o][language] }))}
            data-testid="case-close-outcome"
          />
        </Form.Item>
        <Form.Item name="measures" label={t('desktop.case.measures')}>
          <Checkbox.Group
            options={CASE_MEASURES.map((m) => ({ value: m, label: CASE_MEASURE_LABEL[m][language] }))}
            data-testid="case-close-measures"
          />
        </Form.Item>
        <Form.Item name="measuresNote" label={t('desktop.case.measuresNote')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="case-close-note" />
        </Form.Item>
        <Form.Item
          name="reply"
          label={t('desktop.case.reply')}
          rules={[{ required: true, message: t('desktop.case.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="case-close-reply" />
        </Form.Item>
        <Form.Item name="date" label={t('desktop.case.closedOn')}>
          <Input type="date" style={{ width: 180 }} data-testid="case-close-date" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="case-close-submit">
          {t('desktop.case.close')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
