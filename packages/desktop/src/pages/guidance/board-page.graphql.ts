import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';
import { GuidanceBoardFieldsFragment } from './teams-panel.graphql.js';

export const GuidanceBoardQuery = graphql(
  `
    query GuidanceBoard($townshipId: ID!) {
      guidanceBoard(townshipId: $townshipId) {
        ...GuidanceBoardFields
      }
    }
  `,
  [GuidanceBoardFieldsFragment],
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
          board {
            ...GuidanceBoardFields
          }
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, GuidanceBoardFieldsFragment],
);
