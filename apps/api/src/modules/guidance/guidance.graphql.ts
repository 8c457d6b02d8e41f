import type { RiskLevel } from '@huanjie/domain';
import {
  CADRE_RANKS,
  CADRE_RANK_LABEL,
  DAILY_STATUSES,
  DAILY_STATUS_LABEL,
  GENDERS,
  GENDER_LABEL,
  RESPONSIBILITY_KINDS,
  RESPONSIBILITY_LABEL,
  RISK_LABEL,
  TEAM_KINDS,
  TEAM_KIND_LABEL,
  TEAM_ROLES,
  TEAM_ROLE_LABEL,
  TRACK_LABEL,
  VISIT_KINDS,
  VISIT_KIND_LABEL,
} from '@huanjie/domain';
import type { CoverageFinding as CoverageFindingValue } from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { FindingSeverityEnum, MUTATION_ERRORS } from '../../graphql/error-types.js';
import { globalId, idOf, optionalIdOf } from '../../shared/ids.js';
import { RegionLevelEnum, RegionCrumb } from '../regions/regions.graphql.js';
import type { CadreRef } from './guidance.repo.js';
import type { CampaignRef } from '../../shared/campaign.js';
import * as guidance from './guidance.service.js';
import type { AuthenticatedContext, Context } from '../../context.js';
import { actorOf } from '../../shared/scope.js';
import type {
  AssignmentView,
  BoardCadre,
  BoardVillage,
  CountyGuidance,
  GuidanceBoard,
  ResponsibilityResult,
  TeamView,
  TownshipCoverage,
  TrackProgress,
  VillageGuidance,
} from './guidance.service.js';
import * as logs from './logs.service.js';
import type { MissingReports } from './logs.service.js';
import type { ReportRow, VisitRow } from './logs.repo.js';
import * as roster from './roster.service.js';
import type { ImportReport, ImportRowReport } from './roster.service.js';

// --- enums ------------------------------------------------------------------------------------

export const CadreGenderEnum = builder.enumType('CadreGender', { values: GENDERS });
export const CadreRankEnum = builder.enumType('CadreRank', { values: CADRE_RANKS });
export const TeamKindEnum = builder.enumType('TeamKind', { values: TEAM_KINDS });
export const TeamRoleEnum = builder.enumType('TeamRole', { values: TEAM_ROLES });
export const ResponsibilityKindEnum = builder.enumType('ResponsibilityKind', {
  values: RESPONSIBILITY_KINDS,
});
export const VisitKindEnum = builder.enumType('VisitKind', { values: VISIT_KINDS });
export const DailyReportStatusEnum = builder.enumType('DailyReportStatus', {
  values: DAILY_STATUSES,
});

// --- objects ----------------------------------------------------------------------------------

export const Cadre = builder.objectRef<CadreRef>('Cadre').implement({
  description: '干部花名册中的一名干部',
  fields: (t) => ({
    id: t.globalID({ resolve: (c) => ({ type: 'Cadre', id: c.id }) }),
    name: t.exposeString('name'),
    gender: t.field({ type: CadreGenderEnum, resolve: (c) => c.gender }),
    genderLabel: t.string({ resolve: (c) => GENDER_LABEL[c.gender] }),
    rank: t.field({ type: CadreRankEnum, resolve: (c) => c.rank }),
    rankLabel: t.string({ resolve: (c) => CADRE_RANK_LABEL[c.rank] }),
    post: t.exposeString('post', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    hasLogin: t.boolean({ resolve: (c) => c.userId !== null }),
    username: t.exposeString('username', { nullable: true }),
  }),
});

/** Object fields run under the root types' session requirement: the actor is there. */
function authenticated(ctx: Context): AuthenticatedContext {
  actorOf(ctx);
  return ctx as AuthenticatedContext;
}

const GuidanceCampaign = builder.objectRef<CampaignRef>('GuidanceCampaign').implement({
  description: 'The campaign a board belongs to',
  fields: (t) => ({
    id: t.globalID({ resolve: (c) => ({ type: 'Campaign', id: c.id }) }),
    name: t.exposeString('name'),
    status: t.exposeString('status'),
    electionDay: t.exposeString('electionDay'),
    windowStart: t.exposeString('windowStart', { nullable: true }),
    windowEnd: t.exposeString('windowEnd', { nullable: true }),
  }),
});

const ZoneRef = builder
  .objectRef<{ id: number; name: string; villageIds?: number[] }>('GuidanceZone')
  .implement({
    description: '片区 as an assignment target',
    fields: (t) => ({
      id: t.globalID({ resolve: (z) => ({ type: 'Zone', id: z.id }) }),
      name: t.exposeString('name'),
      villageIds: t.idList({
        description: 'Villages in the zone',
        resolve: (z) => (z.villageIds ?? []).map((id) => globalId('Region', id)),
      }),
    }),
  });

const TeamMember = builder.objectRef<TeamView['members'][number]>('TeamMember').implement({
  fields: (t) => ({
    cadre: t.field({ type: Cadre, resolve: (m) => m.cadre }),
    role: t.field({ type: TeamRoleEnum, resolve: (m) => m.role }),
    roleLabel: t.string({ resolve: (m) => TEAM_ROLE_LABEL[m.role] }),
  }),
});

const TeamAssignment = builder.objectRef<AssignmentView>('TeamAssignment').implement({
  description: 'A village, zone or township a team is assigned to',
  fields: (t) => ({
    id: t.globalID({ resolve: (a) => ({ type: 'TeamAssignment', id: a.id }) }),
    region: t.field({ type: RegionCrumb, nullable: true, resolve: (a) => a.region }),
    zone: t.field({ type: ZoneRef, nullable: true, resolve: (a) => a.zone }),
    villageCount: t.exposeInt('villageCount'),
  }),
});

export const GuidanceTeam = builder.objectRef<TeamView>('GuidanceTeam').implement({
  description: '指导组 (a township’s) or 督导组 (the county’s)',
  fields: (t) => ({
    id: t.globalID({ resolve: (team) => ({ type: 'GuidanceTeam', id: team.id }) }),
    kind: t.field({ type: TeamKindEnum, resolve: (team) => team.kind }),
    kindLabel: t.string({ resolve: (team) => TEAM_KIND_LABEL[team.kind] }),
    name: t.exposeString('name'),
    leader: t.field({ type: Cadre, nullable: true, resolve: (team) => team.leader }),
    members: t.field({ type: [TeamMember], resolve: (team) => team.members }),
    board: t.field({
      type: GuidanceBoardRef,
      nullable: true,
      description:
        'The township’s board as it stands (a guidance team; null for a supervision team): what a change to the team changed on the screen',
      resolve: (team, _args, ctx) =>
        team.boardAfterChange !== undefined
          ? team.boardAfterChange
          : guidance.boardAfterChange(authenticated(ctx), {
              townshipId: team.kind === 'guidance' ? team.ownerId : null,
              campaignId: team.campaignId,
            }),
    }),
    assignments: t.field({
      type: [TeamAssignment],
      description: 'Only the assignments inside the caller’s scope',
      resolve: (team, _args, ctx) => {
        const actor = ctx.actor;
        return actor ? team.assignments.filter((a) => guidance.assignmentVisible(actor, a)) : [];
      },
    }),
  }),
});

const CoverageFinding = builder.objectRef<CoverageFindingValue>('CoverageFinding').implement({
  description: 'A coverage problem: the rule, its basis, and the villages or cadre concerned',
  fields: (t) => ({
    severity: t.field({ type: FindingSeverityEnum, resolve: (f) => f.severity }),
    rule: t.exposeString('rule'),
    citation: t.exposeString('citation'),
    message: t.exposeString('message'),
    villageIds: t.idList({ resolve: (f) => f.villageIds.map((id) => globalId('Region', id)) }),
    townshipIds: t.idList({ resolve: (f) => f.townshipIds.map((id) => globalId('Region', id)) }),
    cadreId: t.id({
      nullable: true,
      resolve: (f) => (f.cadreId === null ? null : globalId('Cadre', f.cadreId)),
    }),
  }),
});

const GuidanceRuleValues = builder
  .objectRef<GuidanceBoard['rules']>('GuidanceRuleValues')
  .implement({
    fields: (t) => ({
      minCadresPerVillage: t.int({ resolve: (r) => r.minCadresPerVillage.value }),
      minCadresCitation: t.string({ resolve: (r) => r.minCadresPerVillage.citation }),
      maxVillagesPerCadre: t.int({ resolve: (r) => r.maxVillagesPerCadre.value }),
      maxVillagesCitation: t.string({ resolve: (r) => r.maxVillagesPerCadre.citation }),
    }),
  });

const VillageCadre = builder.objectRef<BoardVillage['cadres'][number]>('VillageCadre').implement({
  fields: (t) => ({
    cadre: t.field({ type: Cadre, resolve: (c) => c.cadre }),
    roles: t.field({ type: [TeamRoleEnum], resolve: (c) => c.roles }),
    roleLabels: t.stringList({ resolve: (c) => c.roles.map((r) => TEAM_ROLE_LABEL[r]) }),
    teamNames: t.exposeStringList('teamNames'),
  }),
});

const riskFields = {
  riskLevel: (v: { riskLevel: RiskLevel | null }) => v.riskLevel,
  riskLabel: (v: { riskLevel: RiskLevel | null }) =>
    v.riskLevel === null ? null : RISK_LABEL[v.riskLevel],
};

const TrackProgressRef = builder.objectRef<TrackProgress>('TrackProgress').implement({
  description: 'A village’s stages in one track, counted from its stage records',
  fields: (t) => ({
    track: t.exposeString('track'),
    trackLabel: t.string({ resolve: (p) => TRACK_LABEL[p.track].zh }),
    approved: t.exposeInt('approved'),
    submitted: t.exposeInt('submitted'),
    returned: t.exposeInt('returned'),
    total: t.exposeInt('total'),
  }),
});

const BoardVillageRef = builder.objectRef<BoardVillage>('BoardVillage').implement({
  description: 'A village on the assignment board',
  fields: (t) => ({
    id: t.globalID({ resolve: (v) => ({ type: 'Region', id: v.id }) }),
    name: t.exposeString('name'),
    level: t.field({ type: RegionLevelEnum, resolve: (v) => v.level }),
    zoneName: t.exposeString('zoneName', { nullable: true }),
    riskLevel: t.string({
      nullable: true,
      description: 'normal | key | difficult, or null when not set',
      resolve: riskFields.riskLevel,
    }),
    riskLabel: t.string({ nullable: true, resolve: riskFields.riskLabel }),
    electionDays: t.exposeStringList('electionDays'),
    tracks: t.field({ type: [TrackProgressRef], resolve: (v) => v.tracks }),
    teamIds: t.idList({ resolve: (v) => v.teamIds.map((id) => globalId('GuidanceTeam', id)) }),
    cadres: t.field({ type: [VillageCadre], resolve: (v) => v.cadres }),
    cadreCount: t.int({ resolve: (v) => v.cadres.length }),
    firstResponsible: t.field({ type: Cadre, nullable: true, resolve: (v) => v.first }),
    directResponsible: t.field({ type: [Cadre], resolve: (v) => v.direct }),
  }),
});

const BoardCadreRef = builder.objectRef<BoardCadre>('BoardCadre').implement({
  description: 'A roster cadre with the villages (or townships) their teams cover',
  fields: (t) => ({
    cadre: t.field({ type: Cadre, resolve: (c) => c.cadre }),
    regionIds: t.idList({ resolve: (c) => c.villageIds.map((id) => globalId('Region', id)) }),
    regionCount: t.int({ resolve: (c) => c.villageIds.length }),
    teamNames: t.exposeStringList('teamNames'),
  }),
});

const CoverageSummary = builder
  .objectRef<{
    villages: number;
    covered: number;
    meetingMinimum: number;
    errors: number;
    warnings: number;
  }>('CoverageSummary')
  .implement({
    description: 'Counts with their denominator (villages)',
    fields: (t) => ({
      villages: t.exposeInt('villages'),
      coveredVillages: t.exposeInt('covered'),
      villagesMeetingMinimum: t.exposeInt('meetingMinimum'),
      errors: t.exposeInt('errors'),
      warnings: t.exposeInt('warnings'),
    }),
  });

function summarize(villages: number, covered: number, meeting: number, f: CoverageFindingValue[]) {
  return {
    villages,
    covered,
    meetingMinimum: meeting,
    errors: f.filter((x) => x.severity === 'error').length,
    warnings: f.filter((x) => x.severity === 'warning').length,
  };
}

export const GuidanceBoardRef = builder.objectRef<GuidanceBoard>('GuidanceBoard');
GuidanceBoardRef.implement({
  description: 'A township’s assignment board',
  fields: (t) => ({
    campaign: t.field({ type: GuidanceCampaign, resolve: (b) => b.campaign }),
    township: t.field({ type: RegionCrumb, resolve: (b) => b.owner }),
    electionDays: t.stringList({
      description:
        'The election days of the township’s villages as set (township, village or county day), earliest first',
      resolve: (b) => [...new Set(b.villages.flatMap((v) => v.electionDays))].sort(),
    }),
    rules: t.field({ type: GuidanceRuleValues, resolve: (b) => b.rules }),
    villages: t.field({ type: [BoardVillageRef], resolve: (b) => b.villages }),
    zones: t.field({ type: [ZoneRef], resolve: (b) => b.zones }),
    teams: t.field({ type: [GuidanceTeam], resolve: (b) => b.teams }),
    cadres: t.field({ type: [BoardCadreRef], resolve: (b) => b.cadres }),
    findings: t.field({ type: [CoverageFinding], resolve: (b) => b.findings }),
    summary: t.field({
      type: CoverageSummary,
      resolve: (b) =>
        summarize(
          b.villages.length,
          b.villages.filter((v) => v.teamIds.length > 0).length,
          b.villages.filter((v) => v.cadres.length >= b.rules.minCadresPerVillage.value).length,
          b.findings,
        ),
    }),
  }),
});

const TownshipCoverageRef = builder
  .objectRef<TownshipCoverage & { teamNames: string[] }>('TownshipCoverage')
  .implement({
    fields: (t) => ({
      township: t.field({
        type: RegionCrumb,
        resolve: (c) => ({ ...c.township, level: 'township' as const }),
      }),
      summary: t.field({
        type: CoverageSummary,
        resolve: (c) =>
          summarize(c.villages, c.coveredVillages, c.villagesMeetingMinimum, c.findings),
      }),
      teams: t.exposeInt('teams'),
      rosterSize: t.exposeInt('rosterSize'),
      findings: t.field({ type: [CoverageFinding], resolve: (c) => c.findings }),
      supervisionTeamNames: t.exposeStringList('teamNames'),
    }),
  });

const CountyGuidanceRef = builder.objectRef<CountyGuidance>('CountyGuidance').implement({
  description: 'Every township’s coverage, and the county’s supervision teams',
  fields: (t) => ({
    campaign: t.field({ type: GuidanceCampaign, resolve: (c) => c.campaign }),
    county: t.field({ type: RegionCrumb, resolve: (c) => c.county }),
    rules: t.field({ type: GuidanceRuleValues, resolve: (c) => c.rules }),
    townships: t.field({
      type: [TownshipCoverageRef],
      resolve: (c) =>
        c.townships.map((tc) => ({
          ...tc,
          teamNames: c.teams.filter((s) => tc.supervisionTeamIds.includes(s.id)).map((s) => s.name),
        })),
    }),
    teams: t.field({ type: [GuidanceTeam], resolve: (c) => c.teams }),
    cadres: t.field({ type: [BoardCadreRef], resolve: (c) => c.cadres }),
    findings: t.field({ type: [CoverageFinding], resolve: (c) => c.findings }),
  }),
});

const VillageGuidanceRef = builder.objectRef<VillageGuidance>('VillageGuidance').implement({
  description: 'Who guides one village',
  fields: (t) => ({
    village: t.field({ type: RegionCrumb, resolve: (v) => v.village }),
    campaign: t.field({ type: GuidanceCampaign, resolve: (v) => v.campaign }),
    teams: t.field({ type: [GuidanceTeam], resolve: (v) => v.teams }),
    firstResponsible: t.field({ type: Cadre, nullable: true, resolve: (v) => v.first }),
    directResponsible: t.field({ type: [Cadre], resolve: (v) => v.direct }),
  }),
});

const VillageResponsibility = builder
  .objectRef<ResponsibilityResult>('VillageResponsibility')
  .implement({
    fields: (t) => ({
      village: t.field({ type: RegionCrumb, resolve: (r) => r.village }),
      kind: t.field({ type: ResponsibilityKindEnum, resolve: (r) => r.kind }),
      kindLabel: t.string({ resolve: (r) => RESPONSIBILITY_LABEL[r.kind] }),
      cadres: t.field({ type: [Cadre], resolve: (r) => r.cadres }),
      board: t.field({
        type: GuidanceBoardRef,
        nullable: true,
        description: 'The village’s township board as it stands, with this change',
        resolve: (r, _args, ctx) =>
          guidance.boardAfterChange(authenticated(ctx), {
            townshipId: r.village.parentId,
            campaignId: r.campaignId,
          }),
      }),
    }),
  });

const villageCrumb = (row: { regionId: number; villageName: string }) => ({
  id: row.regionId,
  name: row.villageName,
  level: 'village' as const,
});

const VisitLog = builder.objectRef<VisitRow>('VisitLog').implement({
  description: '走访 / 谈话记录',
  fields: (t) => ({
    id: t.globalID({ resolve: (v) => ({ type: 'VisitLog', id: v.id }) }),
    village: t.field({ type: RegionCrumb, resolve: villageCrumb }),
    kind: t.field({ type: VisitKindEnum, resolve: (v) => v.kind }),
    kindLabel: t.string({ resolve: (v) => VISIT_KIND_LABEL[v.kind] }),
    date: t.exposeString('visitDate'),
    withWhom: t.exposeString('withWhom'),
    topic: t.exposeString('topic'),
    outcome: t.exposeString('outcome'),
    followUpNeeded: t.exposeBoolean('followUpNeeded'),
    followUp: t.exposeString('followUp', { nullable: true }),
    authorName: t.exposeString('authorName'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const DailyReport = builder.objectRef<ReportRow>('DailyReport').implement({
  description: '一日一汇报',
  fields: (t) => ({
    id: t.globalID({ resolve: (r) => ({ type: 'DailyReport', id: r.id }) }),
    village: t.field({ type: RegionCrumb, resolve: villageCrumb }),
    date: t.exposeString('reportDate'),
    status: t.field({ type: DailyReportStatusEnum, resolve: (r) => r.status }),
    statusLabel: t.string({ resolve: (r) => DAILY_STATUS_LABEL[r.status] }),
    problems: t.exposeString('problems'),
    needs: t.exposeString('needs'),
    authorName: t.exposeString('authorName'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const MissingReportVillage = builder
  .objectRef<MissingReports['missing'][number]>('MissingReportVillage')
  .implement({
    fields: (t) => ({
      village: t.field({
        type: RegionCrumb,
        resolve: (m) => ({
          ...m.village,
          level: m.village.level === 'community' ? ('community' as const) : ('village' as const),
        }),
      }),
      teamNames: t.exposeStringList('teamNames'),
      cadres: t.field({ type: [Cadre], resolve: (m) => m.cadres }),
    }),
  });

const DailyReportDay = builder
  .objectRef<MissingReports['days'][number]>('DailyReportDay')
  .implement({
    fields: (t) => ({
      date: t.exposeString('date'),
      reported: t.exposeInt('reported'),
      total: t.exposeInt('total'),
    }),
  });

const MissingDailyReports = builder.objectRef<MissingReports>('MissingDailyReports').implement({
  description: 'Villages of a township without the day’s report (一日一汇报)',
  fields: (t) => ({
    campaign: t.field({ type: GuidanceCampaign, resolve: (m) => m.campaign }),
    date: t.exposeString('date'),
    windowStart: t.string({ resolve: (m) => m.window.start }),
    windowEnd: t.string({ resolve: (m) => m.window.end }),
    inWindow: t.exposeBoolean('inWindow'),
    total: t.exposeInt('total'),
    reported: t.exposeInt('reported'),
    missing: t.field({ type: [MissingReportVillage], resolve: (m) => m.missing }),
    days: t.field({ type: [DailyReportDay], resolve: (m) => m.days }),
  }),
});

const CadreImportIssue = builder
  .objectRef<ImportRowReport['issues'][number]>('CadreImportIssue')
  .implement({
    fields: (t) => ({ column: t.exposeString('column'), message: t.exposeString('message') }),
  });

const CadreImportRowStatusEnum = builder.enumType('CadreImportRowStatus', {
  values: ['created', 'updated', 'unchanged', 'rejected'] as const,
});

const CadreImportRow = builder.objectRef<ImportRowReport>('CadreImportRow').implement({
  fields: (t) => ({
    row: t.exposeInt('row'),
    name: t.exposeString('name'),
    status: t.field({ type: CadreImportRowStatusEnum, resolve: (r) => r.status }),
    issues: t.field({ type: [CadreImportIssue], resolve: (r) => r.issues }),
  }),
});

const CadreImportReport = builder.objectRef<ImportReport>('CadreImportReport').implement({
  description: 'Row by row; committed is false (and nothing was written) when any row was rejected',
  fields: (t) => ({
    committed: t.exposeBoolean('committed'),
    fileError: t.exposeString('fileError', { nullable: true }),
    total: t.exposeInt('total'),
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged'),
    rejected: t.exposeInt('rejected'),
    rows: t.field({ type: [CadreImportRow], resolve: (r) => r.rows }),
  }),
});

const RosterTemplate = builder
  .objectRef<{ fileName: string; contentBase64: string }>('RosterTemplate')
  .implement({
    fields: (t) => ({
      fileName: t.exposeString('fileName'),
      contentBase64: t.exposeString('contentBase64'),
    }),
  });

const DeletedObject = builder.objectRef<{ id: string }>('DeletedObject').implement({
  fields: (t) => ({ id: t.exposeID('id') }),
});

// --- inputs -----------------------------------------------------------------------------------

const CadreInput = builder.inputType('CadreInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    gender: t.field({ type: CadreGenderEnum, required: true }),
    rank: t.field({ type: CadreRankEnum, required: true }),
    post: t.string(),
    phone: t.string(),
    username: t.string({ description: 'An existing login to link; empty to unlink' }),
  }),
});

const VisitInput = builder.inputType('VisitInput', {
  fields: (t) => ({
    villageId: t.globalID({ required: true }),
    campaignId: t.globalID(),
    kind: t.field({ type: VisitKindEnum, required: true }),
    date: t.string({ required: true }),
    withWhom: t.string({ required: true }),
    topic: t.string({ required: true }),
    outcome: t.string({ required: true }),
    followUpNeeded: t.boolean({ required: true }),
    followUp: t.string(),
  }),
});

const DailyReportInput = builder.inputType('DailyReportInput', {
  fields: (t) => ({
    villageId: t.globalID({ required: true }),
    campaignId: t.globalID(),
    date: t.string({ description: 'Defaults to today (China time)' }),
    status: t.field({ type: DailyReportStatusEnum, required: true }),
    problems: t.string(),
    needs: t.string(),
  }),
});

// --- queries ----------------------------------------------------------------------------------

builder.queryFields((t) => {
  const q = t.withAuth({ session: true });
  return {
    cadres: q.field({
      type: [Cadre],
      description: 'A township’s or the county’s cadre roster',
      args: { regionId: t.arg.globalID({ required: true }) },
      resolve: (_root, args, ctx) =>
        roster.listCadres(ctx, idOf(args.regionId, 'Region', 'regionId')),
    }),
    cadreRosterTemplate: q.field({
      type: RosterTemplate,
      description: 'An empty roster sheet (xlsx, base64) in the layout importCadres reads',
      args: { regionId: t.arg.globalID({ required: true }) },
      resolve: (_root, args, ctx) =>
        roster.rosterTemplateFile(ctx, idOf(args.regionId, 'Region', 'regionId')),
    }),
    guidanceBoard: q.field({
      type: GuidanceBoardRef,
      description: 'A township’s assignment board for a campaign (default: the current one)',
      args: { townshipId: t.arg.globalID({ required: true }), campaignId: t.arg.globalID() },
      resolve: (_root, args, ctx) =>
        guidance.townshipBoard(
          ctx,
          idOf(args.townshipId, 'Region', 'townshipId'),
          optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
        ),
    }),
    countyGuidance: q.field({
      type: CountyGuidanceRef,
      description: 'Every township’s coverage and the county’s supervision teams',
      args: { countyId: t.arg.globalID({ required: true }), campaignId: t.arg.globalID() },
      resolve: (_root, args, ctx) =>
        guidance.countyGuidance(
          ctx,
          idOf(args.countyId, 'Region', 'countyId'),
          optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
        ),
    }),
    villageGuidance: q.field({
      type: VillageGuidanceRef,
      description: 'The teams and responsible persons of one village',
      args: { villageId: t.arg.globalID({ required: true }), campaignId: t.arg.globalID() },
      resolve: (_root, args, ctx) =>
        guidance.villageGuidance(
          ctx,
          idOf(args.villageId, 'Region', 'villageId'),
          optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
        ),
    }),
    visitLogs: q.field({
      type: [VisitLog],
      description: 'Visits and talks in a region’s subtree, newest first',
      args: {
        regionId: t.arg.globalID({ required: true }),
        campaignId: t.arg.globalID(),
        followUpOnly: t.arg.boolean(),
        first: t.arg.int(),
      },
      resolve: (_root, args, ctx) =>
        logs.listVisits(ctx, idOf(args.regionId, 'Region', 'regionId'), {
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
          followUpOnly: args.followUpOnly,
          first: args.first,
        }),
    }),
    dailyReports: q.field({
      type: [DailyReport],
      description: 'Daily reports in a region’s subtree within dates (default: the window)',
      args: {
        regionId: t.arg.globalID({ required: true }),
        campaignId: t.arg.globalID(),
        from: t.arg.string(),
        to: t.arg.string(),
      },
      resolve: (_root, args, ctx) =>
        logs.listDailyReports(ctx, idOf(args.regionId, 'Region', 'regionId'), {
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
          from: args.from,
          to: args.to,
        }),
    }),
    missingDailyReports: q.field({
      type: MissingDailyReports,
      description: 'Villages of a township without a daily report on a day (default: today)',
      args: {
        townshipId: t.arg.globalID({ required: true }),
        campaignId: t.arg.globalID(),
        date: t.arg.string(),
      },
      resolve: (_root, args, ctx) =>
        logs.missingDailyReports(ctx, idOf(args.townshipId, 'Region', 'townshipId'), {
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
          date: args.date,
        }),
    }),
  };
});

// --- mutations --------------------------------------------------------------------------------

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  return {
    createCadre: m.field({
      type: Cadre,
      description: 'Adds a cadre to a township’s or the county’s own roster',
      errors,
      args: {
        regionId: t.arg.globalID({ required: true }),
        input: t.arg({ type: CadreInput, required: true }),
      },
      resolve: (_root, args, ctx) =>
        roster.createCadre(ctx, idOf(args.regionId, 'Region', 'regionId'), args.input),
    }),
    updateCadre: m.field({
      type: Cadre,
      errors,
      args: {
        id: t.arg.globalID({ required: true }),
        input: t.arg({ type: CadreInput, required: true }),
      },
      resolve: (_root, args, ctx) =>
        roster.updateCadre(ctx, idOf(args.id, 'Cadre', 'id'), args.input),
    }),
    deleteCadre: m.field({
      type: DeletedObject,
      description: 'Removes a cadre who is in no team and responsible for no village',
      errors,
      args: { id: t.arg.globalID({ required: true }) },
      resolve: async (_root, args, ctx) => ({
        id: globalId('Cadre', await roster.deleteCadre(ctx, idOf(args.id, 'Cadre', 'id'))),
      }),
    }),
    importCadres: m.field({
      type: CadreImportReport,
      description:
        'Imports a roster sheet (xlsx, base64, ≤ 1 MB) all-or-nothing, with a row-by-row report',
      errors,
      args: {
        regionId: t.arg.globalID({ required: true }),
        contentBase64: t.arg.string({ required: true }),
      },
      resolve: (_root, args, ctx) =>
        roster.importCadres(ctx, idOf(args.regionId, 'Region', 'regionId'), args.contentBase64),
    }),
    createGuidanceTeam: m.field({
      type: GuidanceTeam,
      description: 'A guidance team of a township, or a supervision team of the county',
      errors,
      args: {
        ownerId: t.arg.globalID({ required: true }),
        campaignId: t.arg.globalID(),
        name: t.arg.string({ required: true }),
      },
      resolve: (_root, args, ctx) =>
        guidance.createTeam(ctx, {
          ownerId: idOf(args.ownerId, 'Region', 'ownerId'),
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
          name: args.name,
        }),
    }),
    updateGuidanceTeam: m.field({
      type: GuidanceTeam,
      description: 'Renames a team or names its leader (one of its members)',
      errors,
      args: {
        id: t.arg.globalID({ required: true }),
        name: t.arg.string(),
        leaderId: t.arg.globalID(),
        clearLeader: t.arg.boolean(),
      },
      resolve: (_root, args, ctx) =>
        guidance.updateTeam(ctx, idOf(args.id, 'GuidanceTeam', 'id'), {
          name: args.name,
          leaderCadreId: optionalIdOf(args.leaderId, 'Cadre', 'leaderId'),
          clearLeader: args.clearLeader,
        }),
    }),
    deleteGuidanceTeam: m.field({
      type: DeletedObject,
      errors,
      args: { id: t.arg.globalID({ required: true }) },
      resolve: async (_root, args, ctx) => ({
        id: globalId(
          'GuidanceTeam',
          await guidance.deleteTeam(ctx, idOf(args.id, 'GuidanceTeam', 'id')),
        ),
      }),
    }),
    setTeamMember: m.field({
      type: GuidanceTeam,
      description: 'Adds a roster cadre to a team, or changes their role in it',
      errors,
      args: {
        teamId: t.arg.globalID({ required: true }),
        cadreId: t.arg.globalID({ required: true }),
        role: t.arg({ type: TeamRoleEnum, required: true }),
      },
      resolve: (_root, args, ctx) =>
        guidance.setTeamMember(ctx, {
          teamId: idOf(args.teamId, 'GuidanceTeam', 'teamId'),
          cadreId: idOf(args.cadreId, 'Cadre', 'cadreId'),
          role: args.role,
        }),
    }),
    removeTeamMember: m.field({
      type: GuidanceTeam,
      errors,
      args: {
        teamId: t.arg.globalID({ required: true }),
        cadreId: t.arg.globalID({ required: true }),
      },
      resolve: (_root, args, ctx) =>
        guidance.removeTeamMember(ctx, {
          teamId: idOf(args.teamId, 'GuidanceTeam', 'teamId'),
          cadreId: idOf(args.cadreId, 'Cadre', 'cadreId'),
        }),
    }),
    assignTeam: m.field({
      type: GuidanceTeam,
      description:
        'Assigns a team to a village or zone of its township (guidance) or a township (supervision)',
      errors,
      args: {
        teamId: t.arg.globalID({ required: true }),
        regionId: t.arg.globalID(),
        zoneId: t.arg.globalID(),
      },
      resolve: (_root, args, ctx) =>
        guidance.assignTeam(ctx, idOf(args.teamId, 'GuidanceTeam', 'teamId'), {
          regionId: optionalIdOf(args.regionId, 'Region', 'regionId'),
          zoneId: optionalIdOf(args.zoneId, 'Zone', 'zoneId'),
        }),
    }),
    unassignTeam: m.field({
      type: GuidanceTeam,
      description: 'Takes a village, zone or township from a team; its members lose access at once',
      errors,
      args: {
        teamId: t.arg.globalID({ required: true }),
        regionId: t.arg.globalID(),
        zoneId: t.arg.globalID(),
      },
      resolve: (_root, args, ctx) =>
        guidance.unassignTeam(ctx, idOf(args.teamId, 'GuidanceTeam', 'teamId'), {
          regionId: optionalIdOf(args.regionId, 'Region', 'regionId'),
          zoneId: optionalIdOf(args.zoneId, 'Zone', 'zoneId'),
        }),
    }),
    setVillageResponsibility: m.field({
      type: VillageResponsibility,
      description: 'Names a village’s 第一责任人 (one) or 直接责任人 (several) from the roster',
      errors,
      args: {
        villageId: t.arg.globalID({ required: true }),
        campaignId: t.arg.globalID(),
        kind: t.arg({ type: ResponsibilityKindEnum, required: true }),
        cadreIds: t.arg.globalIDList({ required: true }),
      },
      resolve: (_root, args, ctx) =>
        guidance.setResponsibility(ctx, {
          villageId: idOf(args.villageId, 'Region', 'villageId'),
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
          kind: args.kind,
          cadreIds: args.cadreIds.map((c) => idOf(c, 'Cadre', 'cadreIds')),
        }),
    }),
    logVisit: m.field({
      type: VisitLog,
      description: 'A guidance member records a visit or talk in one of their villages',
      errors,
      args: { input: t.arg({ type: VisitInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        logs.logVisit(ctx, {
          ...input,
          villageId: idOf(input.villageId, 'Region', 'villageId'),
          campaignId: optionalIdOf(input.campaignId, 'Campaign', 'campaignId'),
        }),
    }),
    submitDailyReport: m.field({
      type: DailyReport,
      description: 'Files (or corrects) a village’s daily report during the election window',
      errors,
      args: { input: t.arg({ type: DailyReportInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        logs.submitDailyReport(ctx, {
          ...input,
          villageId: idOf(input.villageId, 'Region', 'villageId'),
          campaignId: optionalIdOf(input.campaignId, 'Campaign', 'campaignId'),
        }),
    }),
  };
});
