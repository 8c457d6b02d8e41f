import { graphql } from '@huanjie/client';

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
