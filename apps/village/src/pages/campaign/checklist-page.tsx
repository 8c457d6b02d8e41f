import type { ResultOf } from '@huanjie/client';
import { errorCodeOf, readFragment } from '@huanjie/client';
import { List, NoticeBar, ProgressBar, Tabs, Tag } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import {
  DISPLAY_COLOR,
  daysLeftText,
  StageItemFragment,
  StageRecordFragment,
  useCampaignEvents,
  useCan,
} from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { campaignPaths } from './campaign-paths.js';
import { VillageChecklistQuery } from './checklist-page.graphql.js';

type Checklist = ResultOf<typeof VillageChecklistQuery>['villageChecklist'];

/** `/campaigns/:campaignId/villages/:villageId`: the village's stages per track, due dates first. */
export function ChecklistPage() {
  const { campaignId = '', villageId = '' } = useParams();
  const [result, refetch] = useQuery({
    query: VillageChecklistQuery,
    variables: { campaignId, villageId },
    requestPolicy: 'cache-and-network',
  });
  useCampaignEvents(campaignId, () => {
    refetch({ requestPolicy: 'network-only' });
  });
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  return <Checklist checklist={result.data.villageChecklist} campaignId={campaignId} />;
}

function Checklist({ checklist, campaignId }: { checklist: Checklist; campaignId: string }) {
  const navigate = useNavigate();
  const t = useT();
  const { can } = useCan();
  const returned = checklist.units.flatMap((u) =>
    u.items
      .map((i) => readFragment(StageItemFragment, i))
      .filter((i) => i.status === 'returned')
      .map((i) => ({ unit: u, item: i })),
  );
  return (
    <div data-testid="checklist">
      <div className="hj-m-section">
        <div className="hj-m-crumbs">{checklist.campaign.name}</div>
        <h1 className="hj-m-title" data-testid="checklist-village">
          {checklist.village.name}
        </h1>
        <div className="hj-m-crumbs">
          {t('village.checklist.today', { today: checklist.today })} ·{' '}
          {checklist.campaign.orderingLabel}
        </div>
      </div>
      {returned.length > 0 && (
        <NoticeBar
          color="alert"
          wrap
          content={t('village.checklist.returned', {
            n: returned.length,
            names: returned.map((r) => r.item.name).join(t('village.listSeparator')),
          })}
        />
      )}
      <GateCard checklist={checklist} campaignId={campaignId} />
      {can('representative.enter') && (
        <List mode="card">
          <List.Item
            clickable
            data-testid="representatives-entry"
            onClick={() =>
              void navigate(campaignPaths.representatives(campaignId, checklist.village.id))
            }
          >
            {t('village.reps.entry')}
          </List.Item>
        </List>
      )}
      <Tabs defaultActiveKey={checklist.units[0]?.track} data-testid="checklist-tracks">
        {checklist.units.map((unit) => (
          <Tabs.Tab
            key={unit.track}
            title={<span data-testid={`track-tab-${unit.track}`}>{unit.trackLabel}</span>}
          >
            <div className="hj-m-section">
              {t('village.checklist.trackProgress', {
                day: unit.electionDay,
                approved: unit.approvedCount,
                total: unit.stageCount,
              })}
              <ProgressBar percent={(unit.approvedCount * 100) / Math.max(1, unit.stageCount)} />
            </div>
            {unit.track === 'F' && (
              <List mode="card">
                <List.Item
                  clickable
                  data-testid="follow-up-link"
                  onClick={() =>
                    void navigate(campaignPaths.followUp(campaignId, checklist.village.id))
                  }
                >
                  {t('village.followUp.link')}
                </List.Item>
              </List>
            )}
            <List mode="card">
              {unit.items.map((data) => {
                const item = readFragment(StageItemFragment, data);
                const status = item.displayStatus;
                const record = item.record ? readFragment(StageRecordFragment, item.record) : null;
                return (
                  <List.Item
                    key={item.key}
                    clickable
                    data-testid={`stage-item-${item.track}-${item.stageCode}`}
                    data-status={status}
                    onClick={() =>
                      void navigate(
                        campaignPaths.stage(
                          campaignId,
                          checklist.village.id,
                          item.unitElectionId,
                          item.stageCode,
                        ),
                      )
                    }
                    description={
                      <>
                        <div>
                          {item.dueRuleText} · {t('village.due', { date: item.dueDate })} ·{' '}
                          <span
                            className={item.daysLeft < 0 && status === 'overdue' ? 'hj-m-late' : ''}
                          >
                            {status === 'approved' || status === 'submitted'
                              ? t('village.checklist.doneOn', { date: record?.doneDate ?? '' })
                              : daysLeftText(item.daysLeft, t)}
                          </span>
                        </div>
                        {status !== 'approved' && status !== 'submitted' && <div>{item.hint}</div>}
                        {item.gates.some((g) => !g.approved) && status !== 'approved' && (
                          <div className="hj-m-muted">
                            {t('village.checklist.gates', {
                              names: item.gates
                                .filter((g) => !g.approved)
                                .map((g) => g.name)
                                .join(t('village.listSeparator')),
                            })}
                          </div>
                        )}
                        {item.status === 'returned' && record?.reviewComment && (
                          <div className="hj-m-late">
                            {t('village.checklist.returnComment', {
                              comment: record.reviewComment,
                            })}
                          </div>
                        )}
                      </>
                    }
                    extra={
                      <Tag
                        style={{
                          '--background-color': DISPLAY_COLOR[status],
                          '--border-color': DISPLAY_COLOR[status],
                          '--text-color': '#fff',
                        }}
                      >
                        {item.displayLabel}
                      </Tag>
                    }
                  >
                    {item.position}. {item.name}
                  </List.Item>
                );
              })}
            </List>
          </Tabs.Tab>
        ))}
      </Tabs>
    </div>
  );
}

/** The term-end audit gates every election stage: while it is not approved, it comes first. */
function GateCard({ checklist, campaignId }: { checklist: Checklist; campaignId: string }) {
  const navigate = useNavigate();
  const t = useT();
  for (const unit of checklist.units) {
    for (const data of unit.items) {
      const item = readFragment(StageItemFragment, data);
      if (item.stageCode !== 'audit' || item.status === 'approved') continue;
      return (
        <List mode="card" header={t('village.checklist.gateHeader')} data-testid="gate-card">
          <List.Item
            clickable
            data-testid="gate-audit"
            description={`${unit.trackLabel} · ${t('village.due', { date: item.dueDate })} · ${daysLeftText(item.daysLeft, t)}`}
            extra={
              <Tag
                style={{
                  '--background-color': DISPLAY_COLOR[item.displayStatus],
                  '--border-color': DISPLAY_COLOR[item.displayStatus],
                  '--text-color': '#fff',
                }}
              >
                {item.displayLabel}
              </Tag>
            }
            onClick={() =>
              void navigate(
                campaignPaths.stage(
                  campaignId,
                  checklist.village.id,
                  item.unitElectionId,
                  item.stageCode,
                ),
              )
            }
          >
            {item.name}
          </List.Item>
        </List>
      );
    }
  }
  return null;
}
