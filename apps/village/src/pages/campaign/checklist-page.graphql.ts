import { graphql } from '@huanjie/client';
import { StageItemFragment } from '@huanjie/ui';

export const VillageChecklistQuery = graphql(
  `
    query VillageChecklist($campaignId: ID!, $villageId: ID!) {
      villageChecklist(campaignId: $campaignId, villageId: $villageId) {
        today
        campaign {
          id
          name
          orderingLabel
        }
        village {
          id
          name
        }
        units {
          unitElectionId
          track
          trackLabel
          electionDay
          approvedCount
          stageCount
          items {
            key
            ...StageItemFields
          }
        }
      }
    }
  `,
  [StageItemFragment],
);
