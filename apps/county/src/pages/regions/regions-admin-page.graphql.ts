import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const RegionAdminFieldsFragment = graphql(`
  fragment RegionAdminFields on Region @_unmask {
    id
    name
    code
    divisionCode
    level
    townshipKind
    kindLabel
    households
    population
    villagerGroups
    totalHouseholds
    totalPopulation
    mergedOn
    mergedInto {
      id
      name
    }
    villageCount
  }
`);

export const CountyTreeQuery = graphql(
  `
    query CountyTree {
      myRegions {
        ...RegionAdminFields
        children {
          ...RegionAdminFields
        }
      }
    }
  `,
  [RegionAdminFieldsFragment],
);

export const TownshipVillagesQuery = graphql(
  `
    query TownshipVillages($id: ID!) {
      region(id: $id) {
        ...RegionAdminFields
        children {
          ...RegionAdminFields
        }
      }
    }
  `,
  [RegionAdminFieldsFragment],
);

export const RegionTemplateQuery = graphql(`
  query RegionImportTemplate($countyId: ID!) {
    regionImportTemplate(countyId: $countyId) {
      fileName
      contentBase64
    }
  }
`);

export const ImportRegionsMutation = graphql(
  `
    mutation ImportRegions($input: ImportRegionsInput!) {
      importRegions(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on RegionImportReport {
          committed
          preview
          total
          created
          updated
          merged
          unchanged
          rejected
          rows(onlyChanged: true) {
            row
            code
            name
            kind
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

export const CreateRegionMutation = graphql(
  `
    mutation CreateRegion($input: CreateRegionInput!) {
      createRegion(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on RegionSaved {
          regionId
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const UpdateRegionMutation = graphql(
  `
    mutation UpdateRegion($input: UpdateRegionInput!) {
      updateRegion(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on RegionSaved {
          regionId
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const MergeRegionMutation = graphql(
  `
    mutation MergeRegion($input: MergeRegionInput!) {
      mergeRegion(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on RegionSaved {
          regionId
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
