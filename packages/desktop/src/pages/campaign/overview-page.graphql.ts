import { graphql } from '@huanjie/client';

export const OverviewRootsQuery = graphql(`
  query OverviewRoots {
    myRegions {
      id
      name
    }
  }
`);

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
      cases {
        total
        open
        overdue
      }
      overdueCases {
        id
        village {
          id
          name
        }
        categoryLabel
        receivedOn
        statusLabel
        latenessLabel
        handlerName
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
        planState
        planOwnerName
        measuresOpen
        measuresOverdue
        measuresDone
        setByName
        setByRole
        progress
      }
    }
  }
`);

export const ResultHistoryQuery = graphql(`
  query ResultHistory($campaignId: ID!, $regionId: ID, $track: Track) {
    campaignOverview(campaignId: $campaignId, regionId: $regionId, track: $track) {
      resultHistory {
        days
        villages
        reported
        approved
        children {
          region {
            id
            name
          }
          villages
          reported
          approved
        }
      }
    }
  }
`);
