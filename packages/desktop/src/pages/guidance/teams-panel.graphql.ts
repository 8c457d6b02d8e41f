import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, ValidationIssuesFragment } from '@huanjie/ui';
import { FindingFieldsFragment } from './findings-list.js';

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

/** The board as the coordinator's screen shows it: the query's answer and every change's. */
export const GuidanceBoardFieldsFragment = graphql(
  `
    fragment GuidanceBoardFields on GuidanceBoard {
      campaign {
        id
        name
        electionDay
      }
      township {
        id
        name
      }
      electionDays
      rules {
        minCadresPerVillage
        minCadresCitation
        maxVillagesPerCadre
        maxVillagesCitation
      }
      summary {
        villages
        coveredVillages
        villagesMeetingMinimum
        errors
        warnings
      }
      findings {
        ...FindingFields
      }
      villages {
        id
        name
        level
        zoneName
        riskLevel
        riskLabel
        electionDays
        tracks {
          track
          trackLabel
          approved
          submitted
          returned
          total
        }
        teamIds
        cadreCount
        cadres {
          roleLabels
          teamNames
          cadre {
            id
            name
          }
        }
        firstResponsible {
          id
          name
        }
        directResponsible {
          id
          name
        }
      }
      zones {
        id
        name
        villageIds
      }
      teams {
        ...TeamFields
      }
      cadres {
        regionCount
        teamNames
        cadre {
          ...CadreFields
        }
      }
    }
  `,
  [FindingFieldsFragment, TeamFieldsFragment, CadreFieldsFragment],
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
          board {
            ...GuidanceBoardFields
          }
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, GuidanceBoardFieldsFragment],
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
          board {
            ...GuidanceBoardFields
          }
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, GuidanceBoardFieldsFragment],
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
          board {
            ...GuidanceBoardFields
          }
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, GuidanceBoardFieldsFragment],
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
          board {
            ...GuidanceBoardFields
          }
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, GuidanceBoardFieldsFragment],
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
          board {
            ...GuidanceBoardFields
          }
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, GuidanceBoardFieldsFragment],
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
          board {
            ...GuidanceBoardFields
          }
        }
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, GuidanceBoardFieldsFragment],
);
