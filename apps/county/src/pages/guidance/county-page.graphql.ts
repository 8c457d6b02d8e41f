import { graphql } from '@huanjie/client';
import { CadreFieldsFragment, FindingFieldsFragment, TeamFieldsFragment } from '@huanjie/desktop';

export const CountyGuidanceQuery = graphql(
  `
    query CountyGuidance($countyId: ID!) {
      countyGuidance(countyId: $countyId) {
        campaign {
          id
          name
          electionDay
        }
        county {
          id
          name
        }
        rules {
          minCadresPerVillage
          maxVillagesPerCadre
        }
        findings {
          ...FindingFields
        }
        townships {
          township {
            id
            name
          }
          summary {
            villages
            coveredVillages
            villagesMeetingMinimum
            errors
            warnings
          }
          teams
          rosterSize
          supervisionTeamNames
        }
        teams {
          ...TeamFields
        }
        cadres {
          regionCount
          teamNames
          cadre {
            ...CadreFields
          }
        }
      }
    }
  `,
  [FindingFieldsFragment, TeamFieldsFragment, CadreFieldsFragment],
);
