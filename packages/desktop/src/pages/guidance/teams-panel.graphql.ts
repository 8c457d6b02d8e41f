import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const CadreFieldsFragment = graphql(`
  fragment CadreFields on Cadre {
    id
    name
    gender
    genderLabel
    rank
    rankLabel
    post
    phone
    hasLogin
    username
  }
`);

export const TeamFieldsFragment = graphql(
  `
    fragment TeamFields on GuidanceTeam {
      id
      kind
      name
      leader {
        id
        name
      }
      members {
        role
        roleLabel
        cadre {
          ...CadreFields
        }
      }
      assignments {
        id
        villageCount
        region {
          id
          name
        }
        zone {
          id
          name
        }
      }
    }
  `,
  [CadreFieldsFragment],
);

export const CreateTeamMutation = graphql(
  `
    mutation CreateGuidanceTeam($ownerId: ID!, $name: String!) {
      createGuidanceTeam(ownerId: $ownerId, name: $name) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on GuidanceTeam {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const DeleteTeamMutation = graphql(
  `
    mutation DeleteGuidanceTeam($id: ID!) {
      deleteGuidanceTeam(id: $id) {
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

export const UpdateTeamMutation = graphql(
  `
    mutation UpdateGuidanceTeam($id: ID!, $leaderId: ID) {
      updateGuidanceTeam(id: $id, leaderId: $leaderId) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on GuidanceTeam {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const SetMemberMutation = graphql(
  `
    mutation SetTeamMember($teamId: ID!, $cadreId: ID!, $role: TeamRole!) {
      setTeamMember(teamId: $teamId, cadreId: $cadreId, role: $role) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on GuidanceTeam {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const RemoveMemberMutation = graphql(
  `
    mutation RemoveTeamMember($teamId: ID!, $cadreId: ID!) {
      removeTeamMember(teamId: $teamId, cadreId: $cadreId) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on GuidanceTeam {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const AssignTeamMutation = graphql(
  `
    mutation AssignTeam($teamId: ID!, $regionId: ID, $zoneId: ID) {
      assignTeam(teamId: $teamId, regionId: $regionId, zoneId: $zoneId) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on GuidanceTeam {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);

export const UnassignTeamMutation = graphql(
  `
    mutation UnassignTeam($teamId: ID!, $regionId: ID, $zoneId: ID) {
      unassignTeam(teamId: $teamId, regionId: $regionId, zoneId: $zoneId) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ... on GuidanceTeam {
          id
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment],
);
