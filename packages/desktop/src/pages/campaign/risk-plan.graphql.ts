import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const RiskPlanFragment = graphql(`
  fragment RiskPlanFields on RiskPlan {
    id
    campaignId
    village {
      id
      name
    }
    levelLabel
    riskReason
    ownerCadreId
    ownerName
    ownerPost
    planDate
    summary
    status
    statusLabel
    escalatedOn
    escalationNote
    answeredOn
    answer
    resolvedOn
    resolutionNote
    canEdit
    canEscalate
    canAnswer
    version
    counts {
      total
      open
      overdue
    }
    measures {
      id
      description
      deadline
      status
      statusLabel
      doneOn
      note
      dropReason
      overdue
    }
  }
`);

export const VillageRiskPlanQuery = graphql(
  `
    query VillageRiskPlan($campaignId: ID!, $villageId: ID!) {
      villageRiskPlan(campaignId: $campaignId, villageId: $villageId) {
        plan {
          ...RiskPlanFields
        }
        history {
          id
          fromLabel
          toLabel
          reason
          changedByName
          changedByRole
          changedAt
        }
      }
    }
  `,
  [RiskPlanFragment],
);

export const RosterQuery = graphql(`
  query RiskPlanRoster($regionId: ID!) {
    cadres(regionId: $regionId) {
      id
      name
      post
    }
  }
`);


export const CreateRiskPlanMutation = graphql(
  `
    mutation CreateRiskPlan($campaignId: ID, $villageId: ID!, $input: RiskPlanInput!) {
      createRiskPlan(campaignId: $campaignId, villageId: $villageId, input: $input) {
        __typename
        ... on RiskPlan {
          ...RiskPlanFields
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [RiskPlanFragment, ErrorFieldsFragment, ValidationIssuesFragment],
);

export const UpdateRiskPlanMutation = graphql(
  `
    mutation UpdateRiskPlan($planId: ID!, $expectedVersion: Int!, $input: RiskPlanInput!) {
      updateRiskPlan(planId: $planId, expectedVersion: $expectedVersion, input: $input) {
        __typename
        ... on RiskPlan {
          ...RiskPlanFields
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [RiskPlanFragment, ErrorFieldsFragment, ValidationIssuesFragment],
);

export const AddRiskMeasureMutation = graphql(
  `
    mutation AddRiskMeasure($planId: ID!, $description: String!, $deadline: String!) {
      addRiskMeasure(planId: $planId, description: $description, deadline: $deadline) {
        __typename
        ... on RiskPlan {
          ...RiskPlanFields
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [RiskPlanFragment, ErrorFieldsFragment, ValidationIssuesFragment],
);

export const CompleteRiskMeasureMutation = graphql(
  `
    mutation CompleteRiskMeasure($measureId: ID!, $doneOn: String!, $note: String) {
      completeRiskMeasure(measureId: $measureId, doneOn: $doneOn, note: $note) {
        __typename
        ... on RiskPlan {
          ...RiskPlanFields
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [RiskPlanFragment, ErrorFieldsFragment, ValidationIssuesFragment],
);

export const DropRiskMeasureMutation = graphql(
  `
    mutation DropRiskMeasure($measureId: ID!, $reason: String!) {
      dropRiskMeasure(measureId: $measureId, reason: $reason) {
        __typename
        ... on RiskPlan {
          ...RiskPlanFields
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [RiskPlanFragment, ErrorFieldsFragment, ValidationIssuesFragment],
);

export const EscalateRiskPlanMutation = graphql(
  `
    mutation EscalateRiskPlan($planId: ID!, $expectedVersion: Int!, $note: String!) {
      escalateRiskPlan(planId: $planId, expectedVersion: $expectedVersion, note: $note) {
        __typename
        ... on RiskPlan {
          ...RiskPlanFields
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [RiskPlanFragment, ErrorFieldsFragment, ValidationIssuesFragment],
);

export const AnswerRiskPlanMutation = graphql(
  `
    mutation AnswerRiskPlan($planId: ID!, $expectedVersion: Int!, $answer: String!) {
      answerRiskPlan(planId: $planId, expectedVersion: $expectedVersion, answer: $answer) {
        __typename
        ... on RiskPlan {
          ...RiskPlanFields
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [RiskPlanFragment, ErrorFieldsFragment, ValidationIssuesFragment],
);

export const ResolveRiskPlanMutation = graphql(
  `
    mutation ResolveRiskPlan(
      $planId: ID!
      $expectedVersion: Int!
      $resolvedOn: String!
      $note: String
    ) {
      resolveRiskPlan(
        planId: $planId
        expectedVersion: $expectedVersion
        resolvedOn: $resolvedOn
        note: $note
      ) {
        __typename
        ... on RiskPlan {
          ...RiskPlanFields
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [RiskPlanFragment, ErrorFieldsFragment, ValidationIssuesFragment],
);

export const RiskMeasuresOverviewQuery = graphql(`
  query RiskMeasuresOverview($campaignId: ID!, $regionId: ID) {
    campaignOverview(campaignId: $campaignId, regionId: $regionId) {
      riskMeasures {
        riskVillages
        planned
        awaitingAnswer
        counts {
          total
          open
          overdue
        }
        villages {
          id
          village {
            id
            name
          }
          status
          statusLabel
          counts {
            total
            open
            overdue
          }
        }
      }
    }
  }
`);

export const RiskPlansQuery = graphql(
  `
    query RiskPlans($campaignId: ID, $escalatedOnly: Boolean) {
      riskPlans(campaignId: $campaignId, escalatedOnly: $escalatedOnly) {
        ...RiskPlanFields
      }
    }
  `,
  [RiskPlanFragment],
);
