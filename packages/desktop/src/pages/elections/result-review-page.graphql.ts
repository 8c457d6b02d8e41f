import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, RuleFindingFragment, RuleFindingsFragment } from '@huanjie/ui';

export const ResultReviewQuery = graphql(
  `
    query ResultReview($id: ID!) {
      electionUnit(id: $id) {
        id
        bodyLabel
        registeredVoters
        region {
          id
          name
        }
        result {
          id
          status
          returnReason
          selfReviewed
          statusLabel
          revision
          meetings {
            round
            roundLabel
            heldOn
            entitled
            inPerson
            proxy
            other
            voted
            ballotsIssued
            ballotsReturned
            ballotsValid
            ballotsInvalid
            votes {
              candidateId
              candidateName
              postLabel
              votesFor
              against
              abstain
              elected
            }
          }
          elected {
            candidateId
            postLabel
            round
            votes
            person {
              name
              gender
              age
            }
          }
          vacancies {
            postLabel
            count
          }
          warnings {
            ...RuleFinding
          }
          revisions {
            revision
            kind
            reason
            explanation
            createdAt
            createdByName
            electedNames
          }
        }
      }
    }
  `,
  [RuleFindingFragment],
);

export const ReviewResultMutation = graphql(
  `
    mutation ReviewResult($unitId: ID!, $decision: ResultReviewDecision!, $reason: String) {
      reviewResult(unitId: $unitId, decision: $decision, reason: $reason) {
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

export const AmendResultMutation = graphql(
  `
    mutation AmendResult(
      $unitId: ID!
      $sheet: ResultSheetInput!
      $reason: String!
      $idempotencyKey: String!
    ) {
      amendResult(
        unitId: $unitId
        sheet: $sheet
        reason: $reason
        idempotencyKey: $idempotencyKey
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
