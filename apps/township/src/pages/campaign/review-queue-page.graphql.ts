import { graphql } from '@huanjie/client';
import { StageRecordFragment } from '@huanjie/ui';

export const ReviewQueueQuery = graphql(
  `
    query ReviewQueue($campaignId: ID) {
      reviewQueue(campaignId: $campaignId) {
        campaignId
        unitElectionId
        village {
          id
          name
        }
        townshipName
        track
        stageCode
        stageName
        record {
          id
          ...StageRecordFields
        }
      }
    }
  `,
  [StageRecordFragment],
);
