import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';
import { RuleSetSummaryFragment } from './summaries.graphql.js';

export const RuleSetsQuery = graphql(
  `
    query RuleSets {
      ruleSets {
        id
        ...RuleSetSummary
        changes {
          code
          label
          from
          to
          citation
        }
        values {
          code
          label
          kind
          value
          valueType
          citation
          severity
        }
      }
    }
  `,
  [RuleSetSummaryFragment],
);

export const CreateRuleSetMutation = graphql(
  `
    mutation CreateRuleSet($basedOnId: ID!, $name: String, $overrides: [RuleOverrideInput!]!) {
      createRuleSet(basedOnId: $basedOnId, name: $name, overrides: $overrides) {
        __typename
        ... on RuleSet {
          id
          name
          version
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
