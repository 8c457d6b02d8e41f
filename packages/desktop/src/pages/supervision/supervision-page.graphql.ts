import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const SupervisionQuery = graphql(`
  query Supervision($filter: CorrectionOrderFilter) {
    supervisionSummary {
      inspections
      orders
      unanswered
      overdue
      answered
    }
    inspections {
      id
      date
      township {
        id
        name
      }
      villages {
        id
        name
      }
      findings {
        category
        categoryLabel
        text
      }
      authorName
    }
    correctionOrders(filter: $filter) {
      id
      township {
        id
        name
      }
      issuedOn
      deadline
      requirement
      status
      statusLabel
      answer
      answeredOn
      answererName
    }
  }
`);

export const EscalationsQuery = graphql(`
  query Escalations($filter: EscalationFilter) {
    escalations(filter: $filter) {
      id
      village {
        id
        name
      }
      townshipName
      subjectLabel
      body
      authorName
      createdAt
      resolution
      resolverName
    }
  }
`);

/** The townships the caller reads (a supervisor: those assigned), with their villages. */
export const SupervisedTownshipsQuery = graphql(`
  query SupervisedTownships {
    myRegions {
      id
      name
      level
      children {
        id
        name
        level
      }
    }
  }
`);

export const RecordInspectionMutation = graphql(
  `
    mutation RecordInspection($input: InspectionInput!) {
      recordInspection(input: $input) {
        __typename
        ... on Inspection {
          id
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const IssueOrderMutation = graphql(
  `
    mutation IssueCorrectionOrder($input: CorrectionOrderInput!) {
      issueCorrectionOrder(input: $input) {
        __typename
        ... on CorrectionOrder {
          id
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const AnswerOrderMutation = graphql(
  `
    mutation AnswerCorrectionOrder($orderId: ID!, $answer: String!) {
      answerCorrectionOrder(orderId: $orderId, answer: $answer) {
        __typename
        ... on CorrectionOrder {
          id
          status
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const ResolveEscalationMutation = graphql(
  `
    mutation ResolveEscalation($commentId: ID!, $resolution: String!) {
      resolveEscalation(commentId: $commentId, resolution: $resolution) {
        __typename
        ... on RecordComment {
          id
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const SupervisionSummaryQuery = graphql(`
  query SupervisionSummary($campaignId: ID, $regionId: ID) {
    supervisionSummary(campaignId: $campaignId, regionId: $regionId) {
      inspections
      orders
      unanswered
      overdue
      answered
    }
  }
`);

export const RecordCommentsQuery = graphql(`
  query RecordComments($unitElectionId: ID!, $stageCode: String) {
    recordComments(unitElectionId: $unitElectionId, stageCode: $stageCode) {
      id
      body
      escalated
      authorName
      createdAt
      resolution
      resolverName
    }
  }
`);

export const CommentOnRecordMutation = graphql(
  `
    mutation CommentOnRecord($input: RecordCommentInput!) {
      commentOnRecord(input: $input) {
        __typename
        ... on RecordComment {
          id
        }
        ...ErrorFields
        ...ValidationIssues
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
