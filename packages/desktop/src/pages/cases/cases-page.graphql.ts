import { graphql } from '@huanjie/client';

export const CaseRowFragment = graphql(`
  fragment CaseRow on Case {
    id
    receivedOn
    village {
      id
      name
    }
    township {
      id
      name
    }
    channelLabel
    categoryLabel
    severity
    severityLabel
    allegation
    status
    statusLabel
    handlerName
    acceptBy
    answerBy
    overdue
    latenessLabel
    outcomeLabel
  }
`);

export const CaseListQuery = graphql(
  `
    query CaseList(
      $regionId: ID!
      $status: CaseStatus
      $category: CaseCategory
      $overdueOnly: Boolean
      $openOnly: Boolean
    ) {
      cases(
        regionId: $regionId
        status: $status
        category: $category
        overdueOnly: $overdueOnly
        openOnly: $openOnly
      ) {
        id
        ...CaseRow
      }
    }
  `,
  [CaseRowFragment],
);

export const CaseTownshipsQuery = graphql(`
  query CaseTownships($regionId: ID!) {
    region(id: $regionId) {
      id
      children {
        id
        name
      }
    }
  }
`);
