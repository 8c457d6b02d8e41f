import { graphql } from '@huanjie/client';
import { useQuery } from 'urql';

const CampaignChoiceQuery = graphql(`
  query CampaignChoice {
    campaigns {
      id
      name
      status
      tracks
    }
  }
`);

/**
 * The campaign a route shows: the one named in the URL, else the newest running one. Routes call
 * it before their own query, which needs the campaign's id.
 */
export function useCampaignChoice(wanted: string | undefined) {
  const [result] = useQuery({ query: CampaignChoiceQuery });
  const campaigns = result.data?.campaigns ?? [];
  const chosen =
    campaigns.find((c) => c.id === wanted) ?? campaigns.find((c) => c.status === 'running') ?? null;
  return {
    campaigns,
    campaign: chosen,
    fetching: result.fetching,
    error: result.error ?? null,
  };
}
