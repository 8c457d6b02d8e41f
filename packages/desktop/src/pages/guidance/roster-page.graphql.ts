import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';
import { CadreFieldsFragment } from './teams-panel.graphql.js';

export const RosterQuery = graphql(
  `
    query CadreRoster($regionId: ID!) {
      cadres(regionId: $regionId) {
        ...CadreFields
      }
    }
  `,
  [CadreFieldsFragment],
);

export const RosterTemplateQuery = graphql(`
  query CadreRosterTemplate($regionId: ID!) {
    cadreRosterTemplate(regionId: $regionId) {
      fileName
      contentBase64
    }
  }
`);

export const CreateCadreMutation = graphql(
  `
    mutation CreateCadre($regionId: ID!, $input: CadreInput!) {
      createCadre(regionId: $regionId, input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on Cadre {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const UpdateCadreMutation = graphql(
  `
    mutation UpdateCadre($id: ID!, $input: CadreInput!) {
      updateCadre(id: $id, input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on Cadre {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const DeleteCadreMutation = graphql(
  `
    mutation DeleteCadre($id: ID!) {
      deleteCadre(id: $id) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on DeletedObject {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const ImportCadresMutation = graphql(
  `
    mutation ImportCadres($regionId: ID!, $contentBase64: String!) {
      importCadres(regionId: $regionId, contentBase64: $contentBase64) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on CadreImportReport {
          committed
          fileError
          total
          created
          updated
          unchanged
          rejected
          rows {
            row
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
