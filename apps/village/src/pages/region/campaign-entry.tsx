import { graphql, readFragment, type FragmentOf } from '@huanjie/client';
import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n.js';
import { campaignPaths } from '../campaign/campaign-paths.js';

export const CampaignEntryFragment = graphql(`
  fragment CampaignEntry on Campaign {
    id
    name
    status
    electionDay
    orderingLabel
  }
`);

/** On a village's page: the running campaigns, each opening the village's checklist. */
export function CampaignEntry({
  villageId,
  campaigns,
  villageDays,
}: {
  villageId: string;
  campaigns: readonly FragmentOf<typeof CampaignEntryFragment>[];
  /** The village's own election days (set by the township or for the village), when it has units. */
  villageDays: readonly string[];
}) {
  const navigate = useNavigate();
  const t = useT();
  const running = campaigns
    .map((c) => readFragment(CampaignEntryFragment, c))
    .filter((c) => c.status === 'running');
  if (running.length === 0) return null;
  return (
    <List mode="card" header={t('village.campaigns.header')} data-testid="campaign-entry">
      {running.map((c) => (
        <List.Item
          key={c.id}
          clickable
          data-testid="campaign-entry-item"
          description={`${
            villageDays.length > 0
              ? t('village.campaigns.villageDay', { day: villageDays.join(' / ') })
              : t('village.campaigns.electionDay', { day: c.electionDay })
          } · ${c.orderingLabel}`}
          extra={<Tag color="primary">{t('village.campaigns.running')}</Tag>}
          onClick={() => void navigate(campaignPaths.checklist(c.id, villageId))}
        >
          {c.name}
        </List.Item>
      ))}
    </List>
  );
}
