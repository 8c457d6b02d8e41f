import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment } from '@huanjie/ui';

export const FollowUpItemFields = graphql(`
  fragment FollowUpItemFields on VillageFollowUp @_unmask {
    electionDay
    today
    canEnter
    done
    total
    overdue
    village {
      id
      name
    }
    items {
      code
      stageName
      name
      hint
      dueDate
      dueText
      citation
      status
      statusLabel
      late
      doneOn
      doneBy
      note
      version
    }
  }
`);

export const VillageFollowUpQuery = graphql(
  `
    query VillageFollowUp($villageId: ID!, $campaignId: ID) {
      villageFollowUp(villageId: $villageId, campaignId: $campaignId) {
        ...FollowUpItemFields
      }
    }
  `,
  [FollowUpItemFields],
);

export const RecordFollowUpItemMutation = graphql(
  `
    mutation RecordFollowUpItem($input: RecordFollowUpItemInput!) {
      recordFollowUpItem(input: $input) {
        __typename
        ... on VillageFollowUp {
          ...FollowUpItemFields
        }
        ...ErrorFields
      }
    }
  `,
  [FollowUpItemFields, ErrorFieldsFragment],
);
