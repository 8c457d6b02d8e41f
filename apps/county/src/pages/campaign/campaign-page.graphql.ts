import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';
import { CampaignSummaryFragment, RuleSetSummaryFragment } from './summaries.graphql.js';

export const CampaignDetailQuery = graphql(
  `
    query CampaignDetail($id: ID!) {
      campaign(id: $id) {
        id
        ...CampaignSummary
        exclusions {
          village {
            id
            name
          }
          reason
          createdAt
        }
        electionDays {
          region {
            id
            name
            level
          }
          track
          day
        }
        risks {
          id
          village {
            id
            name
          }
          level
          reason
          setByName
          setByRole
          version
        }
        ruleChanges {
          from {
            id
            name
            version
          }
          to {
            id
            name
            version
          }
          reason
          changedByName
          changedAt
        }
      }
      ruleSets {
        id
        ...RuleSetSummary
      }
    }
  `,
  [CampaignSummaryFragment, RuleSetSummaryFragment],
);

// The county and its townships, to pick where an election day applies.
export const ElectionDayRegionsQuery = graphql(`
  query ElectionDayRegions {
    myRegions {
      id
      name
      children {
        id
        name
      }
    }
  }
`);

export const StartCampaignMutation = graphql(
  `
    mutation StartCampaign($id: ID!, $expectedVersion: Int!) {
      startCampaign(id: $id, expectedVersion: $expectedVersion) {
        __typename
        ... on Campaign {
          id
          status
          version
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const ExcludeVillageMutation = graphql(
  `
    mutation ExcludeVillage($campaignId: ID!, $villageId: ID!, $reason: String!) {
      excludeVillage(campaignId: $campaignId, villageId: $villageId, reason: $reason) {
        __typename
        ... on Campaign {
          id
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const IncludeVillageMutation = graphql(
  `
    mutation IncludeVillage($campaignId: ID!, $villageId: ID!) {
      includeVillage(campaignId: $campaignId, villageId: $villageId) {
        __typename
        ... on Campaign {
          id
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const SetElectionDayMutation = graphql(
  `
    mutation SetElectionDay($campaignId: ID!, $regionId: ID!, $track: Track, $day: String) {
      setElectionDay(campaignId: $campaignId, regionId: $regionId, track: $track, day: $day) {
        __typename
        ... on Campaign {
          id
          electionDay
          version
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const ChangeCampaignRuleSetMutation = graphql(
  `
    mutation ChangeCampaignRuleSet(
      $campaignId: ID!
      $expectedVersion: Int!
      $ruleSetId: ID!
      $reason: String
    ) {
      changeCampaignRuleSet(
        campaignId: $campaignId
        expectedVersion: $expectedVersion
        ruleSetId: $ruleSetId
        reason: $reason
      ) {
        __typename
        ... on Campaign {
          id
          version
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
