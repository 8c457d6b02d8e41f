import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const PreviousTermQuery = graphql(`
  query PreviousTermMembers($townshipId: ID!) {
    previousTermMembers(townshipId: $townshipId) {
      campaignId
      campaignName
      townshipName
      partyTerm
      committeeTerm
      columns {
        key
        header
        required
        note
      }
      members {
        village {
          id
          name
        }
        track
        bodyLabel
        post
        postLabel
        termNumber
        source
        person {
          id
          name
          gender
          birthDate
          ethnicity
          educationLabel
          politicalStatusLabel
        }
      }
    }
  }
`);

export const PreviousTermTemplateQuery = graphql(`
  query PreviousTermTemplate($townshipId: ID!) {
    previousTermTemplate(townshipId: $townshipId) {
      fileName
      contentBase64
    }
  }
`);

export const ImportPreviousTermMutation = graphql(
  `
    mutation ImportPreviousTerm($input: ImportPreviousTermInput!) {
      importPreviousTerm(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on PreviousTermImportReport {
          committed
          total
          created
          matched
          rejected
          replaced
          preview
          replacing {
            village
            track
            post
            name
          }
          rows {
            row
            village
            name
            status
            issues {
              column
              message
            }
          }
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
