import { graphql } from '@huanjie/client';
import {
  ErrorFieldsFragment,
  RuleFindingsFragment,
  StageItemFragment,
  ValidationIssuesFragment,
} from '@huanjie/ui';

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
        ...ErrorFields
        ...RuleFindings
        ...ValidationIssues
      }
    }
  `,
  [StageItemFragment, ErrorFieldsFragment, RuleFindingsFragment, ValidationIssuesFragment],
);

export const UploadStagePhotoMutation = graphql(
  `
    mutation UploadStagePhoto($villageId: ID!, $mimeType: String!, $dataBase64: String!) {
      uploadStagePhoto(villageId: $villageId, mimeType: $mimeType, dataBase64: $dataBase64) {
        __typename
        ... on StagePhoto {
          id
          size
        }
        ...ErrorFields
      }
    }
  `,
  [ErrorFieldsFragment],
);
