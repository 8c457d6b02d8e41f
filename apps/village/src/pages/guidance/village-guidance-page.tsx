import type { ResultOf } from '@huanjie/client';
import type { DailyStatus, VisitKind } from '@huanjie/domain';
import { DAILY_STATUSES, VISIT_KINDS, todayInChina } from '@huanjie/domain';
import { Button, Form, Input, List, Selector, Switch, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { outcomeMessage } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import {
  LogVisitMutation,
  SubmitDailyReportMutation,
  VillageGuidanceQuery,
} from './village-guidance-page.graphql.js';

type Data = ResultOf<typeof VillageGuidanceQuery>;

/**
 * `/guidance/:id` in the village app: a guidance member's work for one assigned village — who is on
 * its team, today's report (一日一汇报) and visits and talks (走访 / 谈话).
 */
export function VillageGuidancePage() {
  const { id = '' } = useParams();
  const today = todayInChina(new Date());
  const [result, refetch] = useQuery({
    query: VillageGuidanceQuery,
    variables: { villageId: id, today },
  });
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
  };
  if (!result.data) {
    if (result.error) {
      const code = result.error.graphQLErrors[0]?.extensions['code'];
      return <PageError code={typeof code === 'string' ? code : 'UNKNOWN'} />;
    }
    return <PageLoading />;
  }
  const data = result.data;
  return (
    <div data-testid="village-guidance">
      <div className="hj-m-section">
        <h1 className="hj-m-title" data-testid="guidance-village-name">
          {data.villageGuidance.village.name}
        </h1>
      </div>
      <Team data={data} />
      <DailyReport villageId={id} data={data} today={today} onSaved={refresh} />
      <Visits villageId={id} data={data} today={today} onSaved={refresh} />
    </div>
  );
}

function Team({ data }: { data: Data }) {
  const t = useT();
  const g = data.villageGuidance;
  return (
    <List mode="card" header={t('guidance.m.team')} data-testid="guidance-team">
      {g.teams.flatMap((team) =>
        team.members.map((m) => (
          <List.Item
            key={`${team.id}-${m.cadre.id}`}
            description={`${team.name} · ${m.roleLabel}`}
            extra={m.cadre.phone ? <a href={`tel:${m.cadre.phone}`}>{m.cadre.phone}</a> : undefined}
          >
            {m.cadre.name}
          </List.Item>
        )),
      )}
      {g.firstResponsible && (
        <List.Item description={t('guidance.firstResponsible')}>
          {g.firstResponsible.name}
        </List.Item>
      )}
    </List>
  );
}

function DailyReport({
  villageId,
  data,
  today,
  onSaved,
}: {
  villageId: string;
  data: Data;
  today: string;
  onSaved: () => void;
}) {
  const t = useT();
  const filed = data.dailyReports[0];
  const [status, setStatus] = useState<DailyStatus>(filed?.status ?? 'on_track');
  const [problems, setProblems] = useState(filed?.problems ?? '');
  const [needs, setNeeds] = useState(filed?.needs ?? '');
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, submit] = useMutation(SubmitDailyReportMutation);
  const campaign = data.villageGuidance.campaign;

  const save = async () => {
    const res = await submit({ input: { villageId, status, problems, needs } });
    const outcome = res.data?.submitDailyReport;
    const failure = outcome ? outcomeMessage(outcome) : t('guidance.failed');
    setError(failure);
    if (!failure) {
      Toast.show({ icon: 'success', content: t('guidance.m.reportSaved') });
      onSaved();
    }
  };

  return (
    <List mode="card" header={t('guidance.m.daily', { date: today })} data-testid="daily-report">
      {filed && (
        <List.Item
          data-testid="daily-filed"
          description={t('guidance.m.filedBy', { name: filed.authorName })}
        >
          {t('guidance.m.filed', { status: filed.statusLabel })}
        </List.Item>
      )}
      <List.Item>
        <Selector
          columns={3}
          value={[status]}
          onChange={(values) => {
            const value = values[0];
            if (value) setStatus(value);
          }}
          options={DAILY_STATUSES.map((s) => ({
            label: t(`village.guidance.status.${s}`),
            value: s,
          }))}
          data-testid="daily-status"
        />
      </List.Item>
      <List.Item>
        <TextArea
          placeholder={t('guidance.m.problems')}
          value={problems}
          onChange={setProblems}
          rows={2}
          maxLength={500}
          data-testid="daily-problems"
        />
      </List.Item>
      <List.Item>
        <TextArea
          placeholder={t('guidance.m.needs')}
          value={needs}
          onChange={setNeeds}
          rows={2}
          maxLength={500}
          data-testid="daily-needs"
        />
      </List.Item>
      {error && (
        <List.Item>
          <div className="hj-m-error" data-testid="daily-error">
            {error}
          </div>
        </List.Item>
      )}
      <List.Item>
        <Button
          block
          color="primary"
          loading={fetching}
          onClick={() => void save()}
          data-testid="daily-submit"
        >
          {filed ? t('guidance.m.correctReport') : t('guidance.m.submitReport')}
        </Button>
        {campaign.windowStart === null && (
          <div className="hj-m-label">
            {t('guidance.m.windowHint', { day: campaign.electionDay })}
          </div>
        )}
      </List.Item>
    </List>
  );
}

interface VisitForm {
  kind: VisitKind;
  date: string;
  withWhom: string;
  topic: string;
  outcome: string;
  followUp: string;
}

function Visits({
  villageId,
  data,
  today,
  onSaved,
}: {
  villageId: string;
  data: Data;
  today: string;
  onSaved: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<VisitForm>();
  const [kind, setKind] = useState<VisitKind>('visit');
  const [followUpNeeded, setFollowUpNeeded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, logVisit] = useMutation(LogVisitMutation);

  const save = async (values: VisitForm) => {
    const res = await logVisit({
      input: {
        villageId,
        kind,
        date: values.date,
        withWhom: values.withWhom,
        topic: values.topic,
        outcome: values.outcome,
        followUpNeeded,
        followUp: followUpNeeded ? values.followUp : null,
      },
    });
    const outcome = res.data?.logVisit;
    const failure = outcome ? outcomeMessage(outcome) : t('guidance.failed');
    setError(failure);
    if (!failure) {
      Toast.show({ icon: 'success', content: t('guidance.m.visitSaved') });
      form.resetFields();
      setFollowUpNeeded(false);
      onSaved();
    }
  };

  return (
    <>
      <List mode="card" header={t('guidance.m.visits')} data-testid="visit-form">
        <List.Item>
          <Selector
            columns={2}
            value={[kind]}
            onChange={(values) => {
              const value = values[0];
              if (value) setKind(value);
            }}
            options={VISIT_KINDS.map((k) => ({ label: t(`village.guidance.kind.${k}`), value: k }))}
          />
        </List.Item>
        <Form
          form={form}
          layout="horizontal"
          initialValues={{ date: today }}
          onFinish={(values: VisitForm) => void save(values)}
          footer={
            <>
              {error && (
                <div className="hj-m-error" data-testid="visit-error">
                  {error}
                </div>
              )}
              <Button
                block
                type="submit"
                color="primary"
                loading={fetching}
                data-testid="visit-submit"
              >
                {t('guidance.m.saveVisit')}
              </Button>
            </>
          }
        >
          <Form.Item name="date" label={t('guidance.date')}>
            <Input type="date" data-testid="visit-date" />
          </Form.Item>
          <Form.Item
            name="withWhom"
            label={t('guidance.m.withWhom')}
            rules={[{ required: true, message: t('guidance.required') }]}
          >
            <Input maxLength={60} data-testid="visit-with" />
          </Form.Item>
          <Form.Item
            name="topic"
            label={t('guidance.m.topic')}
            rules={[{ required: true, message: t('guidance.required') }]}
          >
            <Input maxLength={200} data-testid="visit-topic" />
          </Form.Item>
          <Form.Item
            name="outcome"
            label={t('guidance.m.outcome')}
            rules={[{ required: true, message: t('guidance.required') }]}
          >
            <TextArea rows={2} maxLength={1000} data-testid="visit-outcome" />
          </Form.Item>
          <Form.Item label={t('guidance.m.followUpNeeded')}>
            <Switch checked={followUpNeeded} onChange={setFollowUpNeeded} />
          </Form.Item>
          {followUpNeeded && (
            <Form.Item name="followUp" label={t('guidance.m.followUp')}>
              <Input maxLength={500} data-testid="visit-follow-up" />
            </Form.Item>
          )}
        </Form>
      </List>
      <List mode="card" header={t('guidance.m.recentVisits')} data-testid="visit-list">
        {data.visitLogs.length === 0 && <List.Item>{t('guidance.none')}</List.Item>}
        {data.visitLogs.map((v) => (
          <List.Item
            key={v.id}
            description={`${v.outcome}${v.followUpNeeded && v.followUp ? ` · ${t('village.guidance.followUpLine', { text: v.followUp })}` : ''}`}
            extra={v.date}
          >
            {v.kindLabel} · {v.withWhom} · {v.topic}
          </List.Item>
        ))}
      </List>
    </>
  );
}

/** Today in China (UTC+8), as the server counts daily reports. */
