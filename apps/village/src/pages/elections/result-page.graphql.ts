import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, RuleFindingsFragment } from '@huanjie/ui';

export const ResultEntryQuery = graphql(`
  query ResultEntry($id: ID!) {
    electionUnit(id: $id) {
      id
      track
      bodyLabel
      electionDay
      today
      region {
        id
        name
      }
      seats {
        post
        seats
      }
      rules {
        code
        valueJson
        citation
      }
      candidates {
        id
        post
        stage
        person {
          id
          name
          gender
        }
      }
      publicity {
        id
        kind
        startsOn
      }
      result {
        id
        status
        statusLabel
        revision
        returnReason
        draft {
          round
          heldOn
          entitled
          inPerson
          proxy
          other
          ballotsIssued
          ballotsReturned
          ballotsValid
          ballotsInvalid
          votes {
            candidateId
            votesFor
            against
            abstain
          }
          writeIns {
            name
            gender
            birthDate
            post
            votesFor
          }
        }
        meetings {
          round
          heldOn
          entitled
          inPerson
          proxy
          other
          ballotsIssued
          ballotsReturned
          ballotsValid
          ballotsInvalid
          votes {
            candidateId
            votesFor
            against
            abstain
          }
          writeIns {
            name
            gender
            birthDate
            post
            votesFor
          }
        }
      }
    }
  }
`);

export const SaveResultDraftMutation = graphql(
  `
    mutation SaveResultDraft($unitId: ID!, $sheet: ResultSheetInput!) {
      saveResultDraft(unitId: $unitId, sheet: $sheet) {
        __typename
        ...ErrorFields
        ... on ElectionUnit {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment],
);

export const SubmitResultMutation = graphql(
  `
    mutation SubmitResult(
      $unitId: ID!
      $sheet: ResultSheetInput!
      $idempotencyKey: String!
      $explanation: String
    ) {
      submitResult(
        unitId: $unitId
        sheet: $sheet
        idempotencyKey: $idempotencyKey
        explanation: $explanation
      ) {
        __typename
        ...ErrorFields
        ...RuleFindings
        ... on ElectionUnit {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, RuleFindingsFragment],
);
