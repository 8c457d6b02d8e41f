import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';
import { CampaignSummaryFragment, RuleSetSummaryFragment } from './summaries.graphql.js';

export const CampaignsQuery = graphql(
  `
    query Campaigns {
      campaigns {
        id
        ...CampaignSummary
      }
    }
  `,
  [CampaignSummaryFragment],
);

export const CampaignFormRuleSetsQuery = graphql(
  `
    query CampaignFormRuleSets {
      ruleSets {
        id
        ...RuleSetSummary
      }
    }
  `,
  [RuleSetSummaryFragment],
);

export const CreateCampaignMutation = graphql(
  `
    mutation CreateCampaign($input: CampaignInput!) {
      createCampaign(input: $input) {
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
