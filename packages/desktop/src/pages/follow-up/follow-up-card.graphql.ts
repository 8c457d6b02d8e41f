import { graphql } from '@huanjie/client';

export const FollowUpSummaryQuery = graphql(`
  query FollowUpSummary($regionId: ID!, $campaignId: ID, $overdueOnly: Boolean) {
    followUpSummary(regionId: $regionId, campaignId: $campaignId) {
      villages
      elected
      handedOver
      overdueVillages
      items
      overdueItems
      rows(overdueOnly: $overdueOnly) {
        village {
          id
          name
        }
        townshipName
        electionDay
        total
        done
        overdue
        handedOver
        overdueItems
        nextDue
      }
    }
  }
`);
