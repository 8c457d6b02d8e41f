import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, StageItemFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const CampaignVillageQuery = graphql(
  `
    query CampaignVillage($campaignId: ID!, $villageId: ID!) {
      villageChecklist(campaignId: $campaignId, villageId: $villageId) {
        today
        campaign {
          id
          name
        }
        village {
          id
          name
        }
        units {
          unitElectionId
          track
          trackLabel
          progress
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

// Apart from the checklist: the page shows its stages even when the risks cannot be read.
export const VillageRisksQuery = graphql(`
  query VillageRisks($campaignId: ID!) {
    campaign(id: $campaignId) {
      id
      risks {
        id
        village {
          id
        }
        level
        levelLabel
        reason
        setByName
        setByRole
        version
      }
    }
  }
`);

export const SetVillageRiskMutation = graphql(
  `
    mutation SetVillageRisk(
      $campaignId: ID!
      $villageId: ID!
      $level: RiskLevel!
      $reason: String
      $expectedVersion: Int
    ) {
      setVillageRisk(
        campaignId: $campaignId
        villageId: $villageId
        level: $level
        reason: $reason
        expectedVersion: $expectedVersion
      ) {
        __typename
        ... on VillageRisk {
          id
          level
          version
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
