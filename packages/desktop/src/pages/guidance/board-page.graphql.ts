import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';
import { FindingFieldsFragment } from './findings-list.js';
import { CadreFieldsFragment, TeamFieldsFragment } from './teams-panel.graphql.js';

export const GuidanceBoardQuery = graphql(
  `
    query GuidanceBoard($townshipId: ID!) {
      guidanceBoard(townshipId: $townshipId) {
        campaign {
          id
          name
          electionDay
        }
        township {
          id
          name
        }
        electionDays
        rules {
          minCadresPerVillage
          minCadresCitation
          maxVillagesPerCadre
          maxVillagesCitation
        }
        summary {
          villages
          coveredVillages
          villagesMeetingMinimum
          errors
          warnings
        }
        findings {
          ...FindingFields
        }
        villages {
          id
          name
          level
          zoneName
          riskLevel
          riskLabel
          electionDays
          tracks {
            track
            trackLabel
            approved
            submitted
            returned
            total
          }
          teamIds
          cadreCount
          cadres {
            roleLabels
            teamNames
            cadre {
              id
              name
            }
          }
          firstResponsible {
            id
            name
          }
          directResponsible {
            id
            name
          }
        }
        zones {
          id
          name
          villageIds
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

export const SetResponsibilityMutation = graphql(
  `
    mutation SetVillageResponsibility(
      $villageId: ID!
      $kind: ResponsibilityKind!
      $cadreIds: [ID!]!
    ) {
      setVillageResponsibility(villageId: $villageId, kind: $kind, cadreIds: $cadreIds) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on VillageResponsibility {
          kind
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
