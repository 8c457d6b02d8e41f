import { graphql } from '@huanjie/client';

export const MissingReportsQuery = graphql(`
  query MissingDailyReports($townshipId: ID!, $date: String) {
    missingDailyReports(townshipId: $townshipId, date: $date) {
      date
      windowStart
      windowEnd
      inWindow
      total
      reported
      missing {
        village {
          id
          name
        }
        teamNames
        cadres {
          id
          name
          phone
        }
      }
      days {
        date
        reported
        total
      }
    }
  }
`);
