import { graphql } from '@huanjie/client';

const RatioFragment = graphql(`
  fragment RatioFields on Ratio @_unmask {
    count
    denominator
    text
  }
`);

const RateChangeFragment = graphql(
  `
    fragment RateChangeFields on RateChange @_unmask {
      current {
        ...RatioFields
      }
      previous {
        ...RatioFields
      }
      changeText
    }
  `,
  [RatioFragment],
);

export const ElectionStatisticsQuery = graphql(
  `
    query ElectionStatistics($regionId: ID!) {
      electionStatistics(regionId: $regionId) {
        regionId
        name
        level
        campaignName
        campaignId
        villages
        villagesInRegion
        excludedVillages {
          regionId
          name
          reason
        }
        tracks {
          track
          bodyLabel
          units
          reported {
            ...RatioFields
          }
          approved {
            ...RatioFields
          }
          turnout {
            ...RatioFields
          }
          oneTimeSuccess {
            ...RatioFields
          }
          withRunoff
          seatsReported
          formalCandidatesReported
          candidateRatio
          members
          previousMembers
          compared
          comparedWithRoster
          posts {
            post
            label
            seatsReported
            nominated
            failedVetting
            formalCandidates
            candidateRatio
            members
            previousMembers
            previousTerm {
              units
              seats
              formalCandidates
              candidateRatio
              previousSeats
              previousFormalCandidates
              previousCandidateRatio
              change
            }
          }
          candidatesCompared
          ethnicities {
            label
            minority
            members {
              ...RateChangeFields
            }
          }
          votingModes {
            mode
            label
            ofEntitled {
              ...RatioFields
            }
            ofVoted {
              ...RatioFields
            }
          }
          women {
            ...RateChangeFields
          }
          womenCoverage {
            ...RateChangeFields
          }
          partyMembers {
            ...RateChangeFields
          }
          minorities {
            ...RateChangeFields
          }
          reelected {
            ...RatioFields
          }
          newcomers {
            ...RatioFields
          }
          averageAge
          previousAverageAge
          ageBands {
            label
            ratio {
              ...RatioFields
            }
          }
          education {
            label
            ratio {
              ...RatioFields
            }
          }
        }
        dualRole {
          ...RateChangeFields
        }
        crossAppointedWithDual {
          ...RateChangeFields
        }
        crossAppointedWithoutDual {
          ...RateChangeFields
        }
        villagesWithBothBodies {
          ...RateChangeFields
        }
        children {
          regionId
          name
          villages
          excludedVillages {
            regionId
          }
          tracks {
            track
            bodyLabel
            units
            reported {
              ...RatioFields
            }
            turnout {
              ...RatioFields
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
              ...RatioFields
            }
          }
        }
      }
    }
  `,
  [RatioFragment, RateChangeFragment],
);

/** The people behind a village's figures: its members elected in reported results. */
export const StatisticsPeopleQuery = graphql(`
  query StatisticsPeople($regionId: ID!) {
    statisticsPeople(regionId: $regionId) {
      personId
      name
      track
      bodyLabel
      post
      postLabel
      gender
      age
      ethnicity
      minority
      politicalStatus
      politicalStatusLabel
      educationLabel
      reelected
    }
  }
`);
