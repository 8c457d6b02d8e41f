import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const TownshipZonesQuery = graphql(`
  query TownshipZones($id: ID!) {
    region(id: $id) {
      id
      name
      zones {
        id
        name
        headName
        villageCount
        villages {
          id
          name
        }
      }
      children {
        id
        name
        level
        mergedOn
        zone {
          id
        }
      }
    }
  }
`);

export const CreateZoneMutation = graphql(
  `
    mutation CreateZone($townshipId: ID!, $input: ZoneInput!) {
      createZone(townshipId: $townshipId, input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on ZoneSaved {
          zoneId
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const UpdateZoneMutation = graphql(
  `
    mutation UpdateZone($id: ID!, $input: ZoneInput!) {
      updateZone(id: $id, input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on ZoneSaved {
          zoneId
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const DeleteZoneMutation = graphql(
  `
    mutation DeleteZone($id: ID!) {
      deleteZone(id: $id) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on ZoneSaved {
          zoneId
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const SetZoneVillagesMutation = graphql(
  `
    mutation SetZoneVillages($id: ID!, $villageIds: [ID!]!) {
      setZoneVillages(id: $id, villageIds: $villageIds) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on ZoneSaved {
          zoneId
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
