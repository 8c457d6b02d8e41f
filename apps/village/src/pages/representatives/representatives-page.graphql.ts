import { graphql } from '@huanjie/client';
import { ErrorFieldsFragment, RuleFindingFragment, ValidationIssuesFragment } from '@huanjie/ui';

export const RepresentativesFragment = graphql(
  `
    fragment RepresentativesFields on VillageRepresentatives @_unmask {
      village {
        id
        name
      }
      campaignId
      campaignName
      households
      householdsPerRepresentative
      women
      partyMembers
      canEdit
      groups {
        id
        name
      }
      representatives {
        id
        groupId
        name
        gender
        genderLabel
        partyMember
        method
        methodLabel
      }
      leaders {
        id
        groupId
        post
        postLabel
        name
        gender
        partyMember
        representativeId
      }
      findings {
        ...RuleFinding
      }
    }
  `,
  [RuleFindingFragment],
);

export const VillageRepresentativesQuery = graphql(
  `
    query VillageRepresentatives($villageId: ID!, $campaignId: ID) {
      villageRepresentatives(villageId: $villageId, campaignId: $campaignId) {
        ...RepresentativesFields
      }
    }
  `,
  [RepresentativesFragment],
);

export const SaveRepresentativeMutation = graphql(
  `
    mutation SaveVillageRepresentative($input: VillageRepresentativeInput!) {
      saveVillageRepresentative(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ...RepresentativesFields
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, RepresentativesFragment],
);

export const RemoveRepresentativeMutation = graphql(
  `
    mutation RemoveVillageRepresentative($id: ID!) {
      removeVillageRepresentative(id: $id) {
        __typename
        ...ErrorFields
        ...RepresentativesFields
      }
    }
  `,
  [ErrorFieldsFragment, RepresentativesFragment],
);

export const SaveGroupLeaderMutation = graphql(
  `
    mutation SaveGroupLeader($input: GroupLeaderInput!) {
      saveGroupLeader(input: $input) {
        __typename
        ...ErrorFields
        ...ValidationIssues
        ...RepresentativesFields
      }
    }
  `,
  [ErrorFieldsFragment, ValidationIssuesFragment, RepresentativesFragment],
);

export const RemoveGroupLeaderMutation = graphql(
  `
    mutation RemoveGroupLeader($id: ID!) {
      removeGroupLeader(id: $id) {
        __typename
        ...ErrorFields
        ...RepresentativesFields
      }
    }
  `,
  [ErrorFieldsFragment, RepresentativesFragment],
);
