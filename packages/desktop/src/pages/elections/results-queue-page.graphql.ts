import { graphql } from '@huanjie/client';

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
