import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const CaseDetailFragment = graphql(`
  fragment CaseDetail on Case {
    id
    village {
      id
      name
    }
    township {
      id
      name
    }
    channelLabel
    categoryLabel
    severity
    severityLabel
    allegation
    receivedOn
    candidateName
    personConcerned
    reporterVisible
    reporterName
    reporterPhone
    reporterIdNumber
    status
    statusLabel
    handlerKind
    handlerName
    assignedOn
    acknowledgedOn
    closedOn
    outcome
    outcomeLabel
    measureLabels
    measuresNote
    reply
    acceptBy
    answerBy
    acceptCitation
    answerCitation
    overdue
    latenessLabel
    openedByName
    canHandle
    canAssign
    actions {
      id
      date
      actor
      action
      enteredByName
    }
  }
`);

export const CaseQuery = graphql(
  `
    query CaseDetail($caseId: ID!) {
      case(caseId: $caseId) {
        id
        ...CaseDetail
      }
    }
  `,
  [CaseDetailFragment],
);

export const CaseTeamsQuery = graphql(`
  query CaseTeams($townshipId: ID!) {
    guidanceBoard(townshipId: $townshipId) {
      teams {
        id
        name
      }
    }
  }
`);

export const AssignCaseMutation = graphql(
  `
    mutation AssignCase($caseId: ID!, $handlerKind: CaseHandlerKind!, $teamId: ID) {
      assignCase(caseId: $caseId, handlerKind: $handlerKind, teamId: $teamId) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on Case {
          id
          ...CaseDetail
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, CaseDetailFragment],
);

export const AcknowledgeCaseMutation = graphql(
  `
    mutation AcknowledgeCase($caseId: ID!, $date: String) {
      acknowledgeCase(caseId: $caseId, date: $date) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on Case {
          id
          ...CaseDetail
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, CaseDetailFragment],
);

export const AddCaseActionMutation = graphql(
  `
    mutation AddCaseAction($caseId: ID!, $input: CaseActionInput!) {
      addCaseAction(caseId: $caseId, input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on Case {
          id
          ...CaseDetail
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, CaseDetailFragment],
);

export const CloseCaseMutation = graphql(
  `
    mutation CloseCase($caseId: ID!, $input: CloseCaseInput!) {
      closeCase(caseId: $caseId, input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on Case {
          id
          ...CaseDetail
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, CaseDetailFragment],
);
