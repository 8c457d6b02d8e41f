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

const NamedCampaignQuery = graphql(`
  query NamedCampaign($id: ID!) {
    campaign(id: $id) {
      id
      name
      status
      tracks
    }
  }
`);

/**
 * The campaign a route shows: the one named in the URL, else the newest running one. Routes call
 * it before their own query, which needs the campaign's id. A province or city user has no
 * campaigns of their own: the one named (a county's, from the rollup) is read by its id.
 */
export function useCampaignChoice(wanted: string | undefined) {
  const [result] = useQuery({ query: CampaignChoiceQuery });
  const campaigns = result.data?.campaigns ?? [];
  const listed = campaigns.find((c) => c.id === wanted);
  const [named] = useQuery({
    query: NamedCampaignQuery,
    variables: { id: wanted ?? '' },
    pause: !wanted || !result.data || listed !== undefined,
  });
  const chosen =
    listed ??
    named.data?.campaign ??
    (wanted && named.fetching ? null : campaigns.find((c) => c.status === 'running')) ??
    null;
  return {
    campaigns,
    campaign: chosen,
    fetching: result.fetching || named.fetching,
    error: result.error ?? null,
  };
}
