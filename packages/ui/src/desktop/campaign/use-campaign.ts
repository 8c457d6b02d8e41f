import { readFragment } from '@huanjie/client';
import { useQuery } from 'urql';
import { CampaignSummaryFragment, CampaignsQuery } from '../../campaign/documents.js';

/** The campaign a page shows: the one named in the URL, else the newest running one. */
export function useCampaignChoice(wanted: string | undefined) {
  const [result] = useQuery({ query: CampaignsQuery });
  const campaigns = (result.data?.campaigns ?? []).map((c) =>
    readFragment(CampaignSummaryFragment, c),
  );
  const chosen =
    campaigns.find((c) => c.id === wanted) ?? campaigns.find((c) => c.status === 'running') ?? null;
  return {
    campaigns,
    campaign: chosen,
    fetching: result.fetching,
    error: result.error ?? null,
  };
}
