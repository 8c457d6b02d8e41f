import { graphql } from '@huanjie/client';

/** Guidance teams: the documents every guidance screen runs (routes query, components render). */

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

export const FindingFieldsFragment = graphql(`
  fragment FindingFields on CoverageFinding {
    severity
    rule
    citation
    message
    villageIds
    townshipIds
    cadreId
  }
`);

export const MyHomeQuery = graphql(`
  query GuidanceMyHome {
    me {
      id
      role
      homeRegion {
        id
        name
        level
      }
    }
  }
`);

export const GuidanceBoardQuery = graphql(
  `
    query GuidanceBoard($townshipId: ID!) {
      guidanceBoard(townshipId: $townshipId) {
        campaign {
          id
          name
          electionDay
        }
        township {
          id
          name
        }
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
    }
  `,
  [FindingFieldsFragment, TeamFieldsFragment, CadreFieldsFragment],
);

export const CountyGuidanceQuery = graphql(
  `
    query CountyGuidance($countyId: ID!) {
      countyGuidance(countyId: $countyId) {
        campaign {
          id
          name
          electionDay
        }
        county {
          id
          name
        }
        rules {
          minCadresPerVillage
          maxVillagesPerCadre
        }
        findings {
          ...FindingFields
        }
        townships {
          township {
            id
            name
          }
          summary {
            villages
            coveredVillages
            villagesMeetingMinimum
            errors
            warnings
          }
          teams
          rosterSize
          supervisionTeamNames
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
    }
  `,
  [FindingFieldsFragment, TeamFieldsFragment, CadreFieldsFragment],
);

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

export const MissingReportsQuery = graphql(`
  query MissingDailyReports($townshipId: ID!, $date: String) {
    missingDailyReports(townshipId: $townshipId, date: $date) {
      date
      windowStart
      windowEnd
      inWindow
      total
      reported
      missing {
        village {
          id
          name
        }
        teamNames
        cadres {
          id
          name
          phone
        }
      }
      days {
        date
        reported
        total
      }
    }
  }
`);

export const VillageGuidanceQuery = graphql(`
  query VillageGuidance($villageId: ID!, $today: String!) {
    villageGuidance(villageId: $villageId) {
      village {
        id
        name
      }
      campaign {
        id
        name
        electionDay
        windowStart
        windowEnd
      }
      teams {
        id
        name
        members {
          roleLabel
          cadre {
            id
            name
            phone
          }
        }
      }
      firstResponsible {
        id
        name
        phone
      }
      directResponsible {
        id
        name
      }
    }
    dailyReports(regionId: $villageId, from: $today, to: $today) {
      id
      date
      status
      statusLabel
      problems
      needs
      authorName
    }
    visitLogs(regionId: $villageId, first: 10) {
      id
      kindLabel
      date
      withWhom
      topic
      outcome
      followUpNeeded
      followUp
      authorName
    }
  }
`);

export const CreateCadreMutation = graphql(`
  mutation CreateCadre($regionId: ID!, $input: CadreInput!) {
    createCadre(regionId: $regionId, input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on Cadre {
        id
      }
    }
  }
`);

export const UpdateCadreMutation = graphql(`
  mutation UpdateCadre($id: ID!, $input: CadreInput!) {
    updateCadre(id: $id, input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on Cadre {
        id
      }
    }
  }
`);

export const DeleteCadreMutation = graphql(`
  mutation DeleteCadre($id: ID!) {
    deleteCadre(id: $id) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on DeletedObject {
        id
      }
    }
  }
`);

export const ImportCadresMutation = graphql(`
  mutation ImportCadres($regionId: ID!, $contentBase64: String!) {
    importCadres(regionId: $regionId, contentBase64: $contentBase64) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
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
`);

export const CreateTeamMutation = graphql(`
  mutation CreateGuidanceTeam($ownerId: ID!, $name: String!) {
    createGuidanceTeam(ownerId: $ownerId, name: $name) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GuidanceTeam {
        id
      }
    }
  }
`);

export const DeleteTeamMutation = graphql(`
  mutation DeleteGuidanceTeam($id: ID!) {
    deleteGuidanceTeam(id: $id) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on DeletedObject {
        id
      }
    }
  }
`);

export const UpdateTeamMutation = graphql(`
  mutation UpdateGuidanceTeam($id: ID!, $leaderId: ID) {
    updateGuidanceTeam(id: $id, leaderId: $leaderId) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GuidanceTeam {
        id
      }
    }
  }
`);

export const SetMemberMutation = graphql(`
  mutation SetTeamMember($teamId: ID!, $cadreId: ID!, $role: TeamRole!) {
    setTeamMember(teamId: $teamId, cadreId: $cadreId, role: $role) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GuidanceTeam {
        id
      }
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveTeamMember($teamId: ID!, $cadreId: ID!) {
    removeTeamMember(teamId: $teamId, cadreId: $cadreId) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GuidanceTeam {
        id
      }
    }
  }
`);

export const AssignTeamMutation = graphql(`
  mutation AssignTeam($teamId: ID!, $regionId: ID, $zoneId: ID) {
    assignTeam(teamId: $teamId, regionId: $regionId, zoneId: $zoneId) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GuidanceTeam {
        id
      }
    }
  }
`);

export const UnassignTeamMutation = graphql(`
  mutation UnassignTeam($teamId: ID!, $regionId: ID, $zoneId: ID) {
    unassignTeam(teamId: $teamId, regionId: $regionId, zoneId: $zoneId) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GuidanceTeam {
        id
      }
    }
  }
`);

export const SetResponsibilityMutation = graphql(`
  mutation SetVillageResponsibility(
    $villageId: ID!
    $kind: ResponsibilityKind!
    $cadreIds: [ID!]!
  ) {
    setVillageResponsibility(villageId: $villageId, kind: $kind, cadreIds: $cadreIds) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on VillageResponsibility {
        kind
      }
    }
  }
`);

export const LogVisitMutation = graphql(`
  mutation LogVisit($input: VisitInput!) {
    logVisit(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on VisitLog {
        id
      }
    }
  }
`);

export const SubmitDailyReportMutation = graphql(`
  mutation SubmitDailyReport($input: DailyReportInput!) {
    submitDailyReport(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on DailyReport {
        id
        statusLabel
      }
    }
  }
`);
