import { errorCodeOf } from '@huanjie/client';
import type { CaseCategory, CaseChannel, CaseSeverity } from '@huanjie/domain';
import {
  CASE_CATEGORIES,
  CASE_CATEGORY_LABEL,
  CASE_CHANNELS,
  CASE_CHANNEL_LABEL,
  CASE_SEVERITIES,
  CASE_SEVERITY_LABEL,
  todayInChina,
} from '@huanjie/domain';
import { outcomeMessage, useLanguage } from '@huanjie/ui';
import { Button, Form, Input, List, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { CaseCandidatesQuery, OpenCaseMutation } from './cases-page.graphql.js';

interface CaseForm {
  personConcerned?: string;
  allegation: string;
  receivedOn: string;
  reporterName?: string;
  reporterPhone?: string;
  reporterIdNumber?: string;
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/**
 * `/villages/:villageId/cases/new` on the phone: a guidance member (or the village's clerk) registers
 * a complaint or report — channel, category, severity, the candidate or person concerned, what is
 * alleged, when it came in, and the reporter if they gave their name (匿名 otherwise).
 */
export function OpenCasePage() {
  const { villageId = '' } = useParams();
  const t = useT();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const today = todayInChina(new Date());
  const [form] = Form.useForm<CaseForm>();
  const [channel, setChannel] = useState<CaseChannel>('guidance');
  const [category, setCategory] = useState<CaseCategory>('bribery');
  const [severity, setSeverity] = useState<CaseSeverity>('general');
  const [candidateId, setCandidateId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result] = useQuery({ query: CaseCandidatesQuery, variables: { villageId } });
  const [{ fetching }, open] = useMutation(OpenCaseMutation);
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const candidates = result.data.electionUnits.flatMap((u) =>
    u.candidates.map((c) => ({
      value: c.id,
      label: t('village.cases.candidateOption', {
        name: c.person.name,
        body: u.bodyLabel,
        post: c.postLabel,
      }),
    })),
  );

  const save = async (values: CaseForm) => {
    const res = await open({
      input: {
        villageId,
        channel,
        category,
        severity,
        allegation: values.allegation,
        receivedOn: values.receivedOn,
        candidateId,
        personConcerned: blank(values.personConcerned),
        reporterName: blank(values.reporterName),
        reporterPhone: blank(values.reporterPhone),
        reporterIdNumber: blank(values.reporterIdNumber),
      },
    });
    const out = res.data?.openCase;
    const failure = out ? outcomeMessage(out) : t('village.cases.failed');
    setError(failure);
    if (!failure) {
      Toast.show({ icon: 'success', content: t('village.cases.saved') });
      void navigate(`/villages/${encodeURIComponent(villageId)}/cases`, { replace: true });
    }
  };

  return (
    <div data-testid="case-form">
      <div className="hj-m-section">
        <h1 className="hj-m-title">
          {t('village.cases.newTitle', { village: result.data.region.name })}
        </h1>
      </div>
      <List mode="card" header={t('village.cases.channel')}>
        <List.Item>
          <Selector
            columns={3}
            value={[channel]}
            onChange={(v) => {
              if (v[0]) setChannel(v[0]);
            }}
            options={CASE_CHANNELS.map((c) => ({ label: CASE_CHANNEL_LABEL[c][language], value: c }))}
            data-testid="case-channel"
          />
        </List.Item>
      </List>
      <List mode="card" header={t('village.cases.category')}>
        <List.Item>
          <Selector
            columns={3}
            value={[category]}
            onChange={(v) => {
              if (v[0]) setCategory(v[0]);
            }}
            options={CASE_CATEGORIES.map((c) => ({ label: CASE_CATEGORY_LABEL[c][language], value: c }))}
            data-testid="case-category"
          />
        </List.Item>
      </List>
      <List mode="card" header={t('village.cases.severity')}>
        <List.Item>
          <Selector
            columns={3}
            value={[severity]}
            onChange={(v) => {
              if (v[0]) setSeverity(v[0]);
            }}
            options={CASE_SEVERITIES.map((s) => ({ label: CASE_SEVERITY_LABEL[s][language], value: s }))}
            data-testid="case-severity"
          />
        </List.Item>
      </List>
      {candidates.length > 0 && (
        <List mode="card" header={t('village.cases.candidate')}>
          <List.Item>
            <Selector
              columns={1}
              value={candidateId === null ? [] : [candidateId]}
              onChange={(v) => {
                setCandidateId(v[0] ?? null);
              }}
              options={candidates}
              data-testid="case-candidate"
            />
          </List.Item>
        </List>
      )}
      <List mode="card">
        <Form
          form={form}
          layout="vertical"
          initialValues={{ receivedOn: today }}
          onFinish={(values: CaseForm) => void save(values)}
          footer={
            <>
              {error && (
                <div className="hj-m-error" data-testid="case-error">
                  {error}
                </div>
              )}
              <Button
                block
                type="submit"
                color="primary"
                loading={fetching}
                data-testid="case-submit"
              >
                {t('village.cases.submit')}
              </Button>
            </>
          }
        >
          <Form.Item name="personConcerned" label={t('village.cases.person')}>
            <Input
              maxLength={60}
              placeholder={t('village.cases.personHint')}
              data-testid="case-person"
            />
          </Form.Item>
          <Form.Item
            name="allegation"
            label={t('village.cases.allegation')}
            rules={[{ required: true, message: t('village.cases.required') }]}
          >
            <TextArea rows={4} maxLength={2000} data-testid="case-allegation" />
          </Form.Item>
          <Form.Item
            name="receivedOn"
            label={t('village.cases.receivedOn')}
            rules={[{ required: true, message: t('village.cases.required') }]}
          >
            <Input type="date" data-testid="case-received" />
          </Form.Item>
          <Form.Header>{t('village.cases.reporter')}</Form.Header>
          <Form.Item name="reporterName" label={t('village.cases.reporterName')}>
            <Input maxLength={60} data-testid="case-reporter-name" />
          </Form.Item>
          <Form.Item name="reporterPhone" label={t('village.cases.reporterPhone')}>
            <Input type="tel" maxLength={20} data-testid="case-reporter-phone" />
          </Form.Item>
          <Form.Item name="reporterIdNumber" label={t('village.cases.reporterId')}>
            <Input maxLength={18} data-testid="case-reporter-id" />
          </Form.Item>
          <div className="hj-m-label" style={{ padding: '0 12px' }}>
            {t('village.cases.reporterNote')}
          </div>
        </Form>
      </List>
    </div>
  );
}
