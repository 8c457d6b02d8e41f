import { errorCodeOf } from '@huanjie/client';
import { useCan } from '@huanjie/ui';
import { Button, List, Tag } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { VillageCasesQuery } from './cases-page.graphql.js';

const STATUS_COLOR: Record<string, string> = {
  received: 'default',
  assigned: 'primary',
  acknowledged: 'primary',
  investigating: 'warning',
  closed: 'success',
};

/**
 * `/villages/:villageId/cases` on the phone: the complaints and reports (信访举报) on one village,
 * newest first, with their state; the way to register a new one for whom the policy allows it.
 */
export function VillageCasesPage() {
  const { villageId = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const { can } = useCan();
  const [result] = useQuery({
    query: VillageCasesQuery,
    variables: { villageId },
    requestPolicy: 'cache-and-network',
  });
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const { region, cases } = result.data;
  return (
    <div data-testid="village-cases">
      <div className="hj-m-section">
        <h1 className="hj-m-title">{t('village.cases.title', { village: region.name })}</h1>
      </div>
      {can('case.open', true) && (
        <div className="hj-m-actions">
          <Button
            block
            color="primary"
            data-testid="case-open"
            onClick={() => void navigate(`/villages/${encodeURIComponent(villageId)}/cases/new`)}
          >
            {t('village.cases.open')}
          </Button>
        </div>
      )}
      <List
        mode="card"
        header={t('village.cases.list', { count: cases.length })}
        data-testid="case-list"
      >
        {cases.length === 0 && <List.Item>{t('village.cases.none')}</List.Item>}
        {cases.map((c) => (
          <List.Item
            key={c.id}
            data-testid="case-item"
            extra={
              <span>
                <Tag color={STATUS_COLOR[c.status] ?? 'default'} data-testid="case-item-status">
                  {c.statusLabel}
                </Tag>
                {c.overdue && (
                  <Tag color="danger" style={{ marginLeft: 4 }}>
                    {c.latenessLabel}
                  </Tag>
                )}
              </span>
            }
            description={
              <>
                <div>
                  {t('village.cases.received', { date: c.receivedOn, channel: c.channelLabel })}
                </div>
                {c.handlerName && <div>{t('village.cases.handler', { name: c.handlerName })}</div>}
                {c.outcomeLabel && (
                  <div>{t('village.cases.outcome', { outcome: c.outcomeLabel })}</div>
                )}
              </>
            }
          >
            <div>
              {c.categoryLabel} · {c.severityLabel}
              {(c.candidateName ?? c.personConcerned) &&
                ` · ${c.candidateName ?? c.personConcerned ?? ''}`}
            </div>
            <div className="hj-m-label" data-testid="case-item-allegation">
              {c.allegation}
            </div>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
