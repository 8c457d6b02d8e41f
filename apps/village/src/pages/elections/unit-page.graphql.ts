import { graphql } from '@huanjie/client';
import {
  ErrorFieldsFragment,
  RuleFindingFragment,
  RuleFindingsFragment,
  ValidationIssuesFragment,
} from '@huanjie/ui';

export const ElectionUnitQuery = graphql(
  `
    query ElectionUnit($id: ID!) {
      electionUnit(id: $id) {
        id
        track
        bodyLabel
        campaignName
        electionDay
        today
        rules {
          code
          valueJson
        }
        region {
          id
          name
        }
        seats {
          post
          postLabel
          seats
          formalCandidates
        }
        partyRoundParticipants
        massRoundParticipants
        vettingDepartments
        candidates {
          id
          post
          postLabel
          stage
          stageLabel
          nominationSource
          nominationSourceLabel
          partyVotes
          massVotes
          jointNominators
          preliminaryVotes
          vettingStatus
          vettingStatusLabel
          vettingMissing
          objectionsPending
          objectionsUpheld
          vetting {
            department
            result
            note
          }
          person {
            id
            name
            gender
            birthDate
            age
            ethnicity
            education
            educationLabel
            politicalStatus
            politicalStatusLabel
          }
        }
        publicity {
          id
          kind
          startsOn
          endsOn
          objections {
            id
            candidateId
            receivedOn
            content
            decision
            decidedOn
          }
        }
        candidateFindings {
          ...RuleFinding
        }
        result {
          id
          status
          statusLabel
        }
      }
    }
  `,
  [RuleFindingFragment],
);

export const SetElectionSetupMutation = graphql(
  `
    mutation SetElectionSetup(
      $unitId: ID!
      $seats: [PostSeatsInput!]!
      $partyRoundParticipants: Int
      $massRoundParticipants: Int
    ) {
      setElectionSetup(
        unitId: $unitId
        seats: $seats
        partyRoundParticipants: $partyRoundParticipants
        massRoundParticipants: $massRoundParticipants
      ) {
        __typename
        ...ErrorFields
        ...RuleFindings
        ...ValidationIssues
        ... on ElectionUnit {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, RuleFindingsFragment, ValidationIssuesFragment],
);

export const SaveCandidateMutation = graphql(
  `
    mutation SaveCandidate($input: CandidateInput!) {
      saveCandidate(input: $input) {
        __typename
        ...ErrorFields
        ...RuleFindings
        ...ValidationIssues
        ... on ElectionUnit {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, RuleFindingsFragment, ValidationIssuesFragment],
);

export const SetCandidateStageMutation = graphql(
  `
    mutation SetCandidateStage($candidateId: ID!, $stage: CandidateStage!) {
      setCandidateStage(candidateId: $candidateId, stage: $stage) {
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

export const RecordPreliminaryVotesMutation = graphql(
  `
    mutation RecordPreliminaryVotes($unitId: ID!, $votes: [PreliminaryVoteInput!]!) {
      recordPreliminaryVotes(unitId: $unitId, votes: $votes) {
        __typename
        ...ErrorFields
        ...RuleFindings
        ...ValidationIssues
        ... on ElectionUnit {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, RuleFindingsFragment, ValidationIssuesFragment],
);

export const RecordVettingMutation = graphql(
  `
    mutation RecordVetting($candidateId: ID!, $answers: [VettingAnswerInput!]!) {
      recordVetting(candidateId: $candidateId, answers: $answers) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on ElectionUnit {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const SavePublicityMutation = graphql(
  `
    mutation SavePublicity(
      $unitId: ID!
      $kind: PublicityKind!
      $startsOn: String!
      $endsOn: String
    ) {
      savePublicity(unitId: $unitId, kind: $kind, startsOn: $startsOn, endsOn: $endsOn) {
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

export const RecordObjectionMutation = graphql(
  `
    mutation RecordObjection(
      $publicityId: ID!
      $candidateId: ID
      $receivedOn: String!
      $content: String!
    ) {
      recordObjection(
        publicityId: $publicityId
        candidateId: $candidateId
        receivedOn: $receivedOn
        content: $content
      ) {
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

export const DecideObjectionMutation = graphql(
  `
    mutation DecideObjection(
      $objectionId: ID!
      $decision: ObjectionDecision!
      $decidedOn: String!
      $note: String
    ) {
      decideObjection(
        objectionId: $objectionId
        decision: $decision
        decidedOn: $decidedOn
        note: $note
      ) {
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
