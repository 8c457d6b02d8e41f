import { graphql } from '@huanjie/client';

/** Each county below the caller's province or city, with its current campaign's key figures. */
export const CountyRollupQuery = graphql(`
  query CountyRollup($regionId: ID!) {
    countyRollup(regionId: $regionId) {
      county {
        id
        name
      }
      city {
        id
        name
      }
      overview {
        campaign {
          id
          name
          status
          electionDay
        }
        daysToElection
        totals {
          villages
          done
          inProgress
          overdue
          blocked
          notStarted
        }
        followUp {
          villages
          elected
          handedOver
        }
      }
    }
  }
`);
