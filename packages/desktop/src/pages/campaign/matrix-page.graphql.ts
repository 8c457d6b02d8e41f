import { graphql } from '@huanjie/client';

export const TownshipMatrixQuery = graphql(`
  query TownshipMatrix(
    $campaignId: ID!
    $townshipId: ID!
    $track: Track
    $zoneId: ID
    $risk: RiskLevel
  ) {
    townshipMatrix(
      campaignId: $campaignId
      townshipId: $townshipId
      track: $track
      zoneId: $zoneId
      risk: $risk
    ) {
      today
      township {
        id
        name
      }
      columns {
        stageCode
        name
        position
      }
      rows {
        village {
          id
          name
          level
        }
        unitElectionId
        track
        zoneName
        risk
        riskLabel
        cells {
          stageCode
          dueDate
          displayStatus
          unitElectionId
        }
      }
      zones {
        id
        name
      }
    }
  }
`);
