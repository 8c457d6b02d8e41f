import { graphql } from '@huanjie/client';

const DraftFragment = graphql(`
  fragment WorkSummaryDraftFields on WorkSummaryDraft @_unmask {
    title
    regionId
    regionName
    campaignName
    mayEdit
    sections {
      key
      heading
      paragraphs {
        kind
        key
        label
        maxLength
        text
      }
    }
  }
`);

export const SummaryRegionsQuery = graphql(`
  query SummaryRegions {
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

export const WorkSummaryDraftQuery = graphql(
  `
    query WorkSummaryDraft($campaignId: ID!, $regionId: ID!) {
      workSummaryDraft(campaignId: $campaignId, regionId: $regionId) {
        ...WorkSummaryDraftFields
      }
    }
  `,
  [DraftFragment],
);

export const SaveWorkSummaryNarrativesMutation = graphql(
  `
    mutation SaveWorkSummaryNarratives(
      $campaignId: ID!
      $regionId: ID!
      $narratives: [WorkSummaryNarrativeInput!]!
    ) {
      saveWorkSummaryNarratives(
        campaignId: $campaignId
        regionId: $regionId
        narratives: $narratives
      ) {
        __typename
        ... on WorkSummaryDraft {
          ...WorkSummaryDraftFields
        }
        ... on Error {
          message
        }
      }
    }
  `,
  [DraftFragment],
);
