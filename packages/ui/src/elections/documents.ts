import { graphql } from '@huanjie/client';

/** Candidates, results and statistics: the documents every elections screen runs. */

export const ElectionUnitsQuery = graphql(`
  query ElectionUnits($regionId: ID!) {
    electionUnits(regionId: $regionId) {
      id
      track
      bodyLabel
      electionDay
      result {
        id
        status
        statusLabel
      }
    }
  }
`);

export const ElectionUnitQuery = graphql(`
  query ElectionUnit($id: ID!) {
    electionUnit(id: $id) {
      id
      track
      bodyLabel
      campaignName
      termNumber
      electionDay
      today
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
      rules {
        code
        valueJson
        citation
      }
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
        severity
        rule
        citation
        message
        path
      }
      result {
        id
        status
        statusLabel
        revision
        returnReason
        submittedAt
        reviewedAt
        draftSavedAt
        oneTimeSuccess
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
        }
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
          severity
          rule
          citation
          message
          path
        }
        revisions {
          revision
          kind
          reason
          createdAt
          createdByName
          electedNames
        }
      }
    }
  }
`);

export const PrintListQuery = graphql(`
  query PrintCandidateList($id: ID!) {
    electionUnit(id: $id) {
      id
      bodyLabel
      campaignName
      electionDay
      region {
        id
        name
      }
      formalListInStrokeOrder {
        id
        postLabel
        person {
          name
          gender
          age
          educationLabel
          politicalStatusLabel
          ethnicity
        }
      }
    }
  }
`);

export const SetElectionSetupMutation = graphql(`
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
      ... on Error {
        code
        message
      }
      ... on RuleViolationError {
        findings {
          severity
          rule
          citation
          message
          path
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on ElectionUnit {
        id
      }
    }
  }
`);

export const SaveCandidateMutation = graphql(`
  mutation SaveCandidate($input: CandidateInput!) {
    saveCandidate(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on RuleViolationError {
        findings {
          severity
          rule
          citation
          message
          path
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on ElectionUnit {
        id
      }
    }
  }
`);

export const SetCandidateStageMutation = graphql(`
  mutation SetCandidateStage($candidateId: ID!, $stage: CandidateStage!) {
    setCandidateStage(candidateId: $candidateId, stage: $stage) {
      __typename
      ... on Error {
        code
        message
      }
      ... on RuleViolationError {
        findings {
          severity
          rule
          citation
          message
          path
        }
      }
      ... on ElectionUnit {
        id
      }
    }
  }
`);

export const RecordVettingMutation = graphql(`
  mutation RecordVetting($candidateId: ID!, $answers: [VettingAnswerInput!]!) {
    recordVetting(candidateId: $candidateId, answers: $answers) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on ElectionUnit {
        id
      }
    }
  }
`);

export const SavePublicityMutation = graphql(`
  mutation SavePublicity($unitId: ID!, $kind: PublicityKind!, $startsOn: String!, $endsOn: String) {
    savePublicity(unitId: $unitId, kind: $kind, startsOn: $startsOn, endsOn: $endsOn) {
      __typename
      ... on Error {
        code
        message
      }
      ... on RuleViolationError {
        findings {
          severity
          rule
          citation
          message
          path
        }
      }
      ... on ElectionUnit {
        id
      }
    }
  }
`);

export const RecordObjectionMutation = graphql(`
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
      ... on Error {
        code
        message
      }
      ... on ElectionUnit {
        id
      }
    }
  }
`);

export const DecideObjectionMutation = graphql(`
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
      ... on Error {
        code
        message
      }
      ... on ElectionUnit {
        id
      }
    }
  }
`);

export const SaveResultDraftMutation = graphql(`
  mutation SaveResultDraft($unitId: ID!, $sheet: ResultSheetInput!) {
    saveResultDraft(unitId: $unitId, sheet: $sheet) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ElectionUnit {
        id
      }
    }
  }
`);

export const SubmitResultMutation = graphql(`
  mutation SubmitResult($unitId: ID!, $sheet: ResultSheetInput!, $idempotencyKey: String!) {
    submitResult(unitId: $unitId, sheet: $sheet, idempotencyKey: $idempotencyKey) {
      __typename
      ... on Error {
        code
        message
      }
      ... on RuleViolationError {
        findings {
          severity
          rule
          citation
          message
          path
        }
      }
      ... on ElectionUnit {
        id
      }
    }
  }
`);

export const ReviewResultMutation = graphql(`
  mutation ReviewResult($unitId: ID!, $decision: ResultReviewDecision!, $reason: String) {
    reviewResult(unitId: $unitId, decision: $decision, reason: $reason) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ElectionUnit {
        id
      }
    }
  }
`);

export const AmendResultMutation = graphql(`
  mutation AmendResult(
    $unitId: ID!
    $sheet: ResultSheetInput!
    $reason: String!
    $idempotencyKey: String!
  ) {
    amendResult(unitId: $unitId, sheet: $sheet, reason: $reason, idempotencyKey: $idempotencyKey) {
      __typename
      ... on Error {
        code
        message
      }
      ... on RuleViolationError {
        findings {
          severity
          rule
          citation
          message
          path
        }
      }
      ... on ElectionUnit {
        id
      }
    }
  }
`);

export const ResultQueueQuery = graphql(`
  query ResultQueue($regionId: ID!, $statuses: [ElectionResultStatus!]!) {
    resultQueue(regionId: $regionId, statuses: $statuses) {
      id
      track
      bodyLabel
      electionDay
      region {
        id
        name
      }
      result {
        id
        status
        statusLabel
        revision
        submittedAt
        reviewedAt
        oneTimeSuccess
        warnings {
          rule
          message
        }
      }
    }
  }
`);

export const ElectionStatisticsQuery = graphql(`
  query ElectionStatistics($regionId: ID!) {
    electionStatistics(regionId: $regionId) {
      regionId
      name
      level
      campaignName
      villages
      tracks {
        track
        bodyLabel
        units
        reported {
          count
          denominator
          text
        }
        approved {
          count
          denominator
          text
        }
        turnout {
          count
          denominator
          text
        }
        oneTimeSuccess {
          count
          denominator
          text
        }
        withRunoff
        seats
        formalCandidates
        candidateRatio
        members
        previousMembers
        women {
          current {
            count
            denominator
            text
          }
          previous {
            count
            denominator
            text
          }
          changeText
        }
        womenCoverage {
          current {
            count
            denominator
            text
          }
          previous {
            count
            denominator
            text
          }
          changeText
        }
        partyMembers {
          current {
            count
            denominator
            text
          }
          previous {
            count
            denominator
            text
          }
          changeText
        }
        minorities {
          current {
            count
            denominator
            text
          }
          previous {
            count
            denominator
            text
          }
          changeText
        }
        reelected {
          count
          denominator
          text
        }
        newcomers {
          count
          denominator
          text
        }
        averageAge
        previousAverageAge
        ageBands {
          label
          ratio {
            count
            denominator
            text
          }
        }
        education {
          label
          ratio {
            count
            denominator
            text
          }
        }
      }
      dualRole {
        current {
          count
          denominator
          text
        }
        previous {
          count
          denominator
          text
        }
        changeText
      }
      crossAppointed {
        current {
          count
          denominator
          text
        }
        previous {
          count
          denominator
          text
        }
        changeText
      }
      children {
        regionId
        name
        villages
        tracks {
          track
          bodyLabel
          units
          reported {
            count
            denominator
            text
          }
          turnout {
            text
          }
          oneTimeSuccess {
            text
          }
          members
          women {
            current {
              text
            }
          }
        }
        dualRole {
          current {
            count
            denominator
            text
          }
        }
      }
    }
  }
`);

export const PreviousTermQuery = graphql(`
  query PreviousTermMembers($townshipId: ID!) {
    previousTermMembers(townshipId: $townshipId) {
      campaignId
      campaignName
      townshipName
      partyTerm
      committeeTerm
      columns {
        key
        header
        required
        note
      }
      members {
        village {
          id
          name
        }
        track
        bodyLabel
        post
        postLabel
        termNumber
        source
        person {
          id
          name
          gender
          birthDate
          ethnicity
          educationLabel
          politicalStatusLabel
        }
      }
    }
  }
`);

export const PreviousTermTemplateQuery = graphql(`
  query PreviousTermTemplate($townshipId: ID!) {
    previousTermTemplate(townshipId: $townshipId) {
      fileName
      contentBase64
    }
  }
`);

export const ImportPreviousTermMutation = graphql(`
  mutation ImportPreviousTerm($input: ImportPreviousTermInput!) {
    importPreviousTerm(input: $input) {
      __typename
      ... on Error {
        message
      }
      ... on ValidationError {
        issues {
          message
        }
      }
      ... on PreviousTermImportReport {
        committed
        total
        created
        matched
        rejected
        replaced
        rows {
          row
          village
          name
          status
          issues {
            column
            message
          }
        }
      }
    }
  }
`);
