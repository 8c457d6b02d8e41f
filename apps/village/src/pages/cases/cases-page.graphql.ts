import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const VillageCasesQuery = graphql(`
  query VillageCases($villageId: ID!) {
    region(id: $villageId) {
      id
      name
    }
    cases(regionId: $villageId) {
      id
      receivedOn
      categoryLabel
      severityLabel
      channelLabel
      allegation
      status
      statusLabel
      handlerName
      overdue
      latenessLabel
      outcomeLabel
      candidateName
      personConcerned
    }
  }
`);

export const CaseCandidatesQuery = graphql(`
  query CaseCandidates($villageId: ID!) {
    region(id: $villageId) {
      id
      name
    }
    electionUnits(regionId: $villageId) {
      id
      bodyLabel
      candidates {
        id
        postLabel
        person {
          id
          name
        }
      }
    }
  }
`);

export const OpenCaseMutation = graphql(
  `
    mutation OpenCase($input: OpenCaseInput!) {
      openCase(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on Case {
          id
          statusLabel
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
