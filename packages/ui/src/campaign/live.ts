import { graphql } from '@huanjie/client';
import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';

const CampaignEventsSubscription = graphql(`
  subscription CampaignEvents($campaignId: ID!) {
    campaignEvents(campaignId: $campaignId) {
      kind
      regionId
      track
      stageCode
      status
      at
    }
  }
`);

/**
 * Calls `onChange` whenever the campaign changes within the user's scope (a village submits, a
 * township approves, a day moves): the page re-reads its data, no polling.
 */
export function useCampaignEvents(campaignId: string | null, onChange: () => void) {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  const [state] = useSubscription({
    query: CampaignEventsSubscription,
    variables: { campaignId: campaignId ?? '' },
    pause: campaignId === null,
  });
  const seen = useRef<unknown>(null);
  useEffect(() => {
    if (state.data && state.data !== seen.current) {
      seen.current = state.data;
      latest.current();
    }
  }, [state.data]);
  return { connected: !state.error, lastEvent: state.data?.campaignEvents ?? null };
}
