import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const VillageGuidanceQuery = graphql(`
  query VillageGuidance($villageId: ID!, $today: String!) {
    villageGuidance(villageId: $villageId) {
      village {
        id
        name
      }
      campaign {
        id
        name
        electionDay
        windowStart
        windowEnd
      }
      teams {
        id
        name
        members {
          roleLabel
          cadre {
            id
            name
            phone
          }
        }
      }
      firstResponsible {
        id
        name
        phone
      }
      directResponsible {
        id
        name
      }
    }
    dailyReports(regionId: $villageId, from: $today, to: $today) {
      id
      date
      status
      statusLabel
      problems
      needs
      authorName
    }
    visitLogs(regionId: $villageId, first: 10) {
      id
      kindLabel
      date
      withWhom
      topic
      outcome
      followUpNeeded
      followUp
      authorName
    }
  }
`);

export const LogVisitMutation = graphql(
  `
    mutation LogVisit($input: VisitInput!) {
      logVisit(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on VisitLog {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const SubmitDailyReportMutation = graphql(
  `
    mutation SubmitDailyReport($input: DailyReportInput!) {
      submitDailyReport(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on DailyReport {
          id
          statusLabel
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
