import { errorCodeOf, readFragment } from '@huanjie/client';
import { Empty, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { RiskPlanFragment, RiskPlansQuery } from './risk-plan.graphql.js';
import { PlanBody } from './risk-plan-card.js';

/**
 * `/risk-plans`: the 一村一策 plans of the caller's risk villages, by default those the townships
 * escalated to the county; each can be answered here and opens the village's page.
 */
export function RiskPlansPage() {
  const t = useT();
  const [escalatedOnly, setEscalatedOnly] = useState(true);
  const [result, refetch] = useQuery({
    query: RiskPlansQuery,
    variables: { escalatedOnly },
    requestPolicy: 'cache-and-network',
  });
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const plans = result.data.riskPlans.map((p) => readFragment(RiskPlanFragment, p));
  return (
    <div data-testid="risk-plans-page">
      <Typography.Title level={3}>{t('riskPlan.escalatedTitle')}</Typography.Title>
      <Segmented
        value={escalatedOnly ? 'escalated' : 'all'}
        onChange={(v) => {
          setEscalatedOnly(v === 'escalated');
        }}
        options={[
          { value: 'escalated', label: t('riskPlan.onlyEscalated') },
          { value: 'all', label: t('riskPlan.all') },
        ]}
      />
      {plans.length === 0 && <Empty description={t('riskPlan.escalatedNone')} />}
      {plans.map((p) => (
        <div
          key={p.id}
          style={{ border: '1px solid #f0f0f0', padding: 12, marginTop: 12 }}
          data-testid="risk-plans-item"
        >
          <Typography.Title level={5}>
            <Link to={`/villages/${encodeURIComponent(p.campaignId)}/${encodeURIComponent(p.village.id)}`}>{p.village.name}</Link>{' '}
            {p.levelLabel} {p.riskReason}
          </Typography.Title>
          <PlanBody
            plan={p}
            onChange={() => {
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        </div>
      ))}
    </div>
  );
}
