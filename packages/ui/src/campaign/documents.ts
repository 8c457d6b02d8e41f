import { graphql } from '@huanjie/client';

/** Campaign set-up, stage reporting, review and monitoring: the documents those screens run. */

export const CampaignSummaryFragment = graphql(`
  fragment CampaignSummary on Campaign {
    id
    name
    status
    tracks
    electionDay
    electionDayPlan
    windowStart
    windowEnd
    ordering
    orderingLabel
    version
    startedAt
    termNumbers {
      track
      term
      label
    }
    unitCounts {
      track
      label
      units
    }
    ruleSet {
      id
      name
      version
      isNational
    }
  }
`);

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

export const RuleSetSummaryFragment = graphql(`
  fragment RuleSetSummary on RuleSet {
    id
    name
    version
    isNational
    createdAt
    basedOn {
      id
      name
      version
    }
  }
`);

export const CampaignDetailQuery = graphql(
  `
    query CampaignDetail($id: ID!) {
      campaign(id: $id) {
        id
        ...CampaignSummary
        exclusions {
          village {
            id
            name
          }
          reason
          createdAt
        }
        electionDays {
          region {
            id
            name
            level
          }
          track
          day
        }
        risks {
          id
          village {
            id
            name
          }
          level
          levelLabel
          reason
          plan
          setByName
          setByRole
          version
        }
        ruleChanges {
          from {
            id
            name
            version
          }
          to {
            id
            name
            version
          }
          reason
          changedByName
          changedAt
        }
      }
      ruleSets {
        id
        ...RuleSetSummary
      }
    }
  `,
  [CampaignSummaryFragment, RuleSetSummaryFragment],
);

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
        }
      }
    }
  `,
  [RuleSetSummaryFragment],
);

export const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CampaignInput!) {
    createCampaign(input: $input) {
      __typename
      ... on Campaign {
        id
        version
      }
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
    }
  }
`);

export const StartCampaignMutation = graphql(`
  mutation StartCampaign($id: ID!, $expectedVersion: Int!) {
    startCampaign(id: $id, expectedVersion: $expectedVersion) {
      __typename
      ... on Campaign {
        id
        status
        version
      }
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
    }
  }
`);

export const ExcludeVillageMutation = graphql(`
  mutation ExcludeVillage($campaignId: ID!, $villageId: ID!, $reason: String!) {
    excludeVillage(campaignId: $campaignId, villageId: $villageId, reason: $reason) {
      __typename
      ... on Campaign {
        id
      }
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
    }
  }
`);

export const IncludeVillageMutation = graphql(`
  mutation IncludeVillage($campaignId: ID!, $villageId: ID!) {
    includeVillage(campaignId: $campaignId, villageId: $villageId) {
      __typename
      ... on Campaign {
        id
      }
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
    }
  }
`);

export const SetElectionDayMutation = graphql(`
  mutation SetElectionDay($campaignId: ID!, $regionId: ID!, $track: Track, $day: String) {
    setElectionDay(campaignId: $campaignId, regionId: $regionId, track: $track, day: $day) {
      __typename
      ... on Campaign {
        id
        electionDay
        version
      }
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
    }
  }
`);

export const SetVillageRiskMutation = graphql(`
  mutation SetVillageRisk(
    $campaignId: ID!
    $villageId: ID!
    $level: RiskLevel!
    $reason: String
    $plan: String
    $expectedVersion: Int
  ) {
    setVillageRisk(
      campaignId: $campaignId
      villageId: $villageId
      level: $level
      reason: $reason
      plan: $plan
      expectedVersion: $expectedVersion
    ) {
      __typename
      ... on VillageRisk {
        id
        level
        version
      }
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
    }
  }
`);

export const CreateRuleSetMutation = graphql(`
  mutation CreateRuleSet($basedOnId: ID!, $name: String, $overrides: [RuleOverrideInput!]!) {
    createRuleSet(basedOnId: $basedOnId, name: $name, overrides: $overrides) {
      __typename
      ... on RuleSet {
        id
        name
        version
      }
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
    }
  }
`);

export const ChangeCampaignRuleSetMutation = graphql(`
  mutation ChangeCampaignRuleSet(
    $campaignId: ID!
    $expectedVersion: Int!
    $ruleSetId: ID!
    $reason: String
  ) {
    changeCampaignRuleSet(
      campaignId: $campaignId
      expectedVersion: $expectedVersion
      ruleSetId: $ruleSetId
      reason: $reason
    ) {
      __typename
      ... on Campaign {
        id
        version
      }
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
    }
  }
`);

export const StageRecordFragment = graphql(`
  fragment StageRecordFields on StageRecord {
    id
    status
    statusLabel
    doneDate
    note
    explanation
    version
    counts {
      key
      label
      value
    }
    warnings {
      severity
      rule
      citation
      message
    }
    enteredByName
    enteredRoleLabel
    enteredAt
    submittedByName
    submittedAt
    reviewedByName
    reviewedAt
    reviewComment
    photo {
      id
      size
    }
  }
`);

export const StageItemFragment = graphql(
  `
    fragment StageItemFields on StageItem {
      key
      unitElectionId
      track
      stageCode
      name
      position
      hint
      electionDay
      dueDate
      daysLeft
      dueRuleText
      dueCitation
      dueIsLegal
      status
      displayStatus
      displayLabel
      photoRequired
      gates {
        track
        code
        name
        citation
        approved
      }
      countFields {
        key
        label
        group
        required
      }
      findings {
        severity
        rule
        citation
        message
        path
      }
      record {
        id
        ...StageRecordFields
      }
    }
  `,
  [StageRecordFragment],
);

export const VillageChecklistQuery = graphql(
  `
    query VillageChecklist($campaignId: ID!, $villageId: ID!) {
      villageChecklist(campaignId: $campaignId, villageId: $villageId) {
        today
        campaign {
          id
          name
          ordering
          orderingLabel
        }
        village {
          id
          name
          level
        }
        units {
          unitElectionId
          track
          trackLabel
          electionDay
          progress
          progressLabel
          approvedCount
          stageCount
          items {
            key
            ...StageItemFields
          }
        }
      }
    }
  `,
  [StageItemFragment],
);

export const StageItemQuery = graphql(
  `
    query StageItem($unitElectionId: ID!, $stageCode: String!) {
      stageItem(unitElectionId: $unitElectionId, stageCode: $stageCode) {
        key
        ...StageItemFields
        record {
          id
          photo {
            id
            dataUrl
          }
          history {
            at
            action
            actionLabel
            userName
            roleLabel
            comment
          }
        }
      }
    }
  `,
  [StageItemFragment],
);

export const SaveStageMutation = graphql(
  `
    mutation SaveStage($input: StageEntryInput!) {
      saveStage(input: $input) {
        __typename
        ... on StageItem {
          key
          ...StageItemFields
        }
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
      }
    }
  `,
  [StageItemFragment],
);

export const ReviewStageMutation = graphql(
  `
    mutation ReviewStage(
      $recordId: ID!
      $expectedVersion: Int!
      $decision: ReviewDecision!
      $comment: String
    ) {
      reviewStage(
        recordId: $recordId
        expectedVersion: $expectedVersion
        decision: $decision
        comment: $comment
      ) {
        __typename
        ... on StageItem {
          key
          ...StageItemFields
        }
        ... on Error {
          code
          message
        }
      }
    }
  `,
  [StageItemFragment],
);

export const UploadStagePhotoMutation = graphql(`
  mutation UploadStagePhoto($villageId: ID!, $mimeType: String!, $dataBase64: String!) {
    uploadStagePhoto(villageId: $villageId, mimeType: $mimeType, dataBase64: $dataBase64) {
      __typename
      ... on StagePhoto {
        id
        size
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export const ReviewQueueQuery = graphql(
  `
    query ReviewQueue($campaignId: ID) {
      reviewQueue(campaignId: $campaignId) {
        campaignId
        unitElectionId
        village {
          id
          name
        }
        townshipName
        track
        stageCode
        stageName
        record {
          id
          ...StageRecordFields
        }
      }
    }
  `,
  [StageRecordFragment],
);

export const CampaignOverviewQuery = graphql(`
  query CampaignOverview($campaignId: ID!, $regionId: ID, $track: Track) {
    campaignOverview(campaignId: $campaignId, regionId: $regionId, track: $track) {
      today
      daysToElection
      firstElectionDay
      lastElectionDay
      track
      region {
        id
        name
        level
      }
      campaign {
        id
        name
        electionDay
        tracks
      }
      totals {
        villages
        done
        inProgress
        overdue
        blocked
        notStarted
      }
      children {
        region {
          id
          name
          level
        }
        counts {
          villages
          done
          inProgress
          overdue
          blocked
          notStarted
        }
        keyRisk
        difficultRisk
      }
      funnel {
        track
        label
        units
        stages {
          stageCode
          name
          position
          total
          approved
          submitted
          inProgress
          overdue
          blocked
          notStarted
        }
      }
      overdue(limit: 100) {
        total
        items {
          village {
            id
            name
          }
          townshipName
          unitElectionId
          track
          stageCode
          stageName
          dueDate
          daysOverdue
        }
      }
      riskVillages {
        village {
          id
          name
        }
        townshipName
        level
        levelLabel
        reason
        plan
        setByName
        setByRole
        progress
      }
    }
  }
`);

export const TownshipMatrixQuery = graphql(`
  query TownshipMatrix(
    $campaignId: ID!
    $townshipId: ID!
    $track: Track
    $zoneId: ID
    $risk: RiskLevel
  ) {
    townshipMatrix(
      campaignId: $campaignId
      townshipId: $townshipId
      track: $track
      zoneId: $zoneId
      risk: $risk
    ) {
      today
      township {
        id
        name
      }
      columns {
        stageCode
        name
        position
      }
      rows {
        village {
          id
          name
          level
        }
        unitElectionId
        track
        zoneName
        risk
        riskLabel
        cells {
          stageCode
          dueDate
          displayStatus
          unitElectionId
        }
      }
      zones {
        id
        name
      }
    }
  }
`);

export const CampaignEventsSubscription = graphql(`
  subscription CampaignEvents($campaignId: ID!) {
    campaignEvents(campaignId: $campaignId) {
      kind
      regionId
      track
      stageCode
      status
      at
    }
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLog(
    $regionId: ID
    $username: String
    $action: String
    $from: String
    $to: String
    $first: Int
    $offset: Int
  ) {
    auditLog(
      regionId: $regionId
      username: $username
      action: $action
      from: $from
      to: $to
      first: $first
      offset: $offset
    ) {
      total
      items {
        seq
        at
        userName
        username
        roleLabel
        action
        entityType
        entityId
        region {
          id
          name
        }
        before
        after
      }
    }
  }
`);

export const AuditChainStatusQuery = graphql(`
  query AuditChainStatus {
    auditChainStatus {
      ok
      entries
      brokenAtSeq
      reason
    }
  }
`);

export const CampaignRegionsQuery = graphql(`
  query CampaignRegions {
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

export const VillageSearchQuery = graphql(`
  query VillageSearch($text: String!) {
    villages: regionSearch(text: $text, level: village, first: 20) {
      id
      name
      level
      ancestors {
        id
        name
      }
    }
    communities: regionSearch(text: $text, level: community, first: 20) {
      id
      name
      level
      ancestors {
        id
        name
      }
    }
  }
`);
