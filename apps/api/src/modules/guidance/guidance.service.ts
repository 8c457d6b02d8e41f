import type { CadreId, CampaignId, GuidanceTeamId, RegionId, ZoneId } from '@huanjie/domain';
import type { Db } from '@huanjie/db';
import type {
  Action,
  Actor,
  CoverageFinding,
  GuidanceRules,
  ResponsibilityKind,
  RiskLevel,
  TeamKind,
  TeamRole,
  Track,
} from '@huanjie/domain';
import {
  RESPONSIBILITY_LABEL,
  TRACKS,
  TEAM_KIND_LABEL,
  TEAM_ROLE_LABEL,
  can,
  checkCoverage,
  checkSupervision,
  isVillageLevel,
  readGuidanceRules,
  rolesForTeamKind,
  stagesOfUnit,
  summarizeCoverage,
  teamKindOfOwner,
} from '@huanjie/domain';
import type { AuthenticatedContext } from '../../context.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { z } from 'zod';
import { parseInput } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './guidance.repo.js';
import { hasControlChars } from '../../shared/text.js';
import {
  assertOpen,
  requireCampaign,
  resolveCampaign,
  ruleValuesOf,
} from '../../shared/campaign.js';
import { authorize, findZone, requireRegion, villagesUnder } from '../../shared/scope.js';
import type { CadreRef, TeamRef } from './guidance.repo.js';
import type { CampaignRef } from '../../shared/campaign.js';
import type { RegionRef, VillageRef } from '../../shared/scope.js';

// ---------------------------------------------------------------------------------------------
// Reading: boards

export interface AssignmentView {
  id: number;
  region: { id: number; name: string; level: RegionRef['level']; path: string } | null;
  zone: { id: number; name: string; townshipPath: string } | null;
  /** Villages it stands for (1 for a village, the zone's villages, a township's villages). */
  villageCount: number;
}

export interface TeamView {
  id: number;
  kind: TeamKind;
  name: string;
  ownerId: number;
  campaignId: number;
  leader: CadreRef | null;
  members: { cadre: CadreRef; role: TeamRole }[];
  assignments: AssignmentView[];
  /** The township's board as the change that answered with this team left it (teamAfterChange). */
  boardAfterChange?: GuidanceBoard | null;
}

export interface BoardVillage extends VillageRef {
  zoneName: string | null;
  riskLevel: RiskLevel | null;
  electionDays: string[];
  tracks: TrackProgress[];
  teamIds: number[];
  cadres: { cadre: CadreRef; roles: TeamRole[]; teamNames: string[] }[];
  first: CadreRef | null;
  direct: CadreRef[];
}

export interface BoardCadre {
  cadre: CadreRef;
  villageIds: number[];
  teamNames: string[];
}

export interface GuidanceBoard {
  campaign: CampaignRef;
  owner: RegionRef;
  rules: GuidanceRules;
  villages: BoardVillage[];
  zones: { id: number; name: string; villageIds: number[] }[];
  teams: TeamView[];
  cadres: BoardCadre[];
  findings: CoverageFinding[];
}

interface Loaded {
  villages: VillageRef[];
  zones: Awaited<ReturnType<typeof repo.zonesOfTownships>>;
  teams: TeamView[];
  cadres: CadreRef[];
  days: Map<number, string[]>;
  risks: Map<number, RiskLevel>;
  first: Map<number, number>;
  direct: Map<number, number[]>;
  tracks: Map<number, TrackProgress[]>;
}

/** A village's stages in one track: how many the township approved, of how many. */
export interface TrackProgress {
  track: Track;
  approved: number;
  submitted: number;
  returned: number;
  total: number;
}

/** Everything the coverage rules need under a township or the county, in a fixed few queries. */
async function loadGuidance(
  db: Db,
  campaign: CampaignRef,
  path: string,
  rosterRegionIds: number[],
): Promise<Loaded> {
  const villages = await villagesUnder(db, path);
  const townshipIds = [
    ...new Set(villages.flatMap((v) => (v.parentId === null ? [] : [v.parentId]))),
  ];
  const [zones, teamRows, cadres, dayRows, risks, responsibilities, progress] = await Promise.all([
    repo.zonesOfTownships(db, townshipIds),
    repo.teamsUnder(db, campaign.id, 'guidance', path),
    repo.cadresOfRegions(db, rosterRegionIds),
    repo.electionDaysUnder(db, campaign, path),
    repo.riskLevelsUnder(db, campaign.id, path),
    repo.responsibilitiesUnder(db, campaign.id, path),
    repo.stageProgressUnder(db, campaign.id, path),
  ]);
  const teams = await assembleTeams(db, teamRows, cadres, villages, zones);
  const days = new Map<number, string[]>();
  for (const row of dayRows.unitDays) {
    days.set(row.regionId, [...(days.get(row.regionId) ?? []), row.day]);
  }
  // Before the campaign starts there are no unit elections: the planned day of the village's
  // township (or the county) for all tracks, else the campaign's day.
  const planned = [...dayRows.planned].sort((a, b) => b.regionPath.length - a.regionPath.length);
  for (const v of villages) {
    if (days.has(v.id)) continue;
    const day = planned.find((p) => v.path.startsWith(p.regionPath))?.day ?? campaign.electionDay;
    days.set(v.id, [day]);
  }
  const tracks = new Map<number, TrackProgress[]>();
  const tracksOf = new Map<number, Track[]>();
  for (const row of progress)
    tracksOf.set(row.regionId, [...(tracksOf.get(row.regionId) ?? []), row.track]);
  for (const row of progress) {
    const list = tracks.get(row.regionId) ?? [];
    list.push({
      track: row.track,
      approved: row.approved,
      submitted: row.submitted,
      returned: row.returned,
      total: stagesOfUnit(row.track, tracksOf.get(row.regionId) ?? []).length,
    });
    tracks.set(row.regionId, list);
  }
  for (const list of tracks.values())
    list.sort((a, b) => TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track));
  const first = new Map<number, number>();
  const direct = new Map<number, number[]>();
  for (const r of responsibilities) {
    if (r.kind === 'first') first.set(r.regionId, r.cadreId);
    else direct.set(r.regionId, [...(direct.get(r.regionId) ?? []), r.cadreId]);
  }
  return { villages, zones, teams, cadres, days, risks, first, direct, tracks };
}

async function assembleTeams(
  db: Db,
  teamRows: TeamRef[],
  knownCadres: CadreRef[],
  villages: VillageRef[],
  zones: { id: number; name: string; townshipId: number }[],
): Promise<TeamView[]> {
  const teamIds = teamRows.map((t) => t.id);
  const [members, assignments] = await Promise.all([
    repo.membersOf(db, teamIds),
    repo.assignmentsOf(db, teamIds),
  ]);
  const cadreById = new Map(knownCadres.map((c) => [c.id, c]));
  const missing = [
    ...new Set([
      ...members.map((m) => m.cadreId),
      ...teamRows.flatMap((t) => (t.leaderCadreId === null ? [] : [t.leaderCadreId])),
    ]),
  ].filter((id) => !cadreById.has(id));
  for (const c of await repo.cadresByIds(db, missing)) cadreById.set(c.id, c);

  const villageById = new Map(villages.map((v) => [v.id, v]));
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const regionIds = assignments.flatMap((a) =>
    a.regionId !== null && !villageById.has(a.regionId) ? [a.regionId] : [],
  );
  const otherRegions = new Map(
    (await repo.regionsByIds(db, [...new Set(regionIds)])).map((r) => [r.id, r]),
  );
  const villagesInZone = (zoneId: number) => villages.filter((v) => v.zoneId === zoneId).length;
  const townshipPaths = new Map(
    villages.flatMap((v) =>
      v.parentId === null ? [] : [[v.parentId, v.path.slice(0, v.path.length - `${v.id}.`.length)]],
    ),
  );
  const villagesUnderPath = (path: string) =>
    villages.filter((v) => v.path.startsWith(path)).length;

  return teamRows.map((team) => ({
    id: team.id,
    kind: team.kind,
    name: team.name,
    ownerId: team.regionId,
    campaignId: team.campaignId,
    leader: team.leaderCadreId === null ? null : (cadreById.get(team.leaderCadreId) ?? null),
    members: members
      .filter((m) => m.teamId === team.id)
      .flatMap((m) => {
        const cadre = cadreById.get(m.cadreId);
        return cadre ? [{ cadre, role: m.role }] : [];
      }),
    assignments: assignments
      .filter((a) => a.teamId === team.id)
      .flatMap((a): AssignmentView[] => {
        if (a.zoneId !== null) {
          const zone = zoneById.get(a.zoneId);
          const townshipPath = zone ? townshipPaths.get(zone.townshipId) : undefined;
          if (!zone || townshipPath === undefined) return [];
          return [
            {
              id: a.id,
              region: null,
              zone: { id: zone.id, name: zone.name, townshipPath },
              villageCount: villagesInZone(zone.id),
            },
          ];
        }
        const region =
          a.regionId === null
            ? undefined
            : (villageById.get(a.regionId) ?? otherRegions.get(a.regionId));
        if (!region) return [];
        return [
          {
            id: a.id,
            region: { id: region.id, name: region.name, level: region.level, path: region.path },
            zone: null,
            villageCount: isVillageLevel(region.level) ? 1 : villagesUnderPath(region.path),
          },
        ];
      }),
  }));
}

/** The teams assigned to each village: directly, or through the village's zone. */
function teamIdsByVillage(villages: VillageRef[], teams: TeamView[]): Map<number, number[]> {
  const result = new Map<number, number[]>(villages.map((v) => [v.id, []]));
  const zoneVillages = new Map<number, number[]>();
  for (const v of villages) {
    if (v.zoneId !== null)
      zoneVillages.set(v.zoneId, [...(zoneVillages.get(v.zoneId) ?? []), v.id]);
  }
  for (const team of teams) {
    for (const a of team.assignments) {
      const ids = a.zone ? (zoneVillages.get(a.zone.id) ?? []) : a.region ? [a.region.id] : [];
      for (const id of ids) {
        const list = result.get(id);
        if (list && !list.includes(team.id)) list.push(team.id);
      }
    }
  }
  return result;
}

function buildBoard(
  campaign: CampaignRef,
  owner: RegionRef,
  rules: GuidanceRules,
  data: Loaded,
  villages: VillageRef[],
  cadres: CadreRef[],
  teams: TeamView[],
): GuidanceBoard {
  const teamIds = teamIdsByVillage(villages, teams);
  const zoneName = new Map(data.zones.map((z) => [z.id, z.name]));
  const cadreById = new Map(cadres.map((c) => [c.id, c]));
  for (const t of teams) for (const m of t.members) cadreById.set(m.cadre.id, m.cadre);
  const coverageVillages = villages.map((v) => ({
    id: v.id,
    name: v.name,
    riskLevel: data.risks.get(v.id) ?? null,
    electionDays: data.days.get(v.id) ?? [campaign.electionDay],
    teamIds: teamIds.get(v.id) ?? [],
    hasFirstResponsible: data.first.has(v.id),
  }));
  const coverageTeams = teams.map((t) => ({
    id: t.id,
    name: t.name,
    members: t.members.map((m) => ({ cadreId: m.cadre.id, role: m.role })),
  }));
  const findings = checkCoverage({
    villages: coverageVillages,
    teams: coverageTeams,
    cadres: [...cadreById.values()],
    rules,
  });
  const { cadresOfVillage, villagesOfCadre } = summarizeCoverage({
    villages: coverageVillages,
    teams: coverageTeams,
  });
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const teamNamesOf = (cadreId: number, within: number[]) =>
    within.flatMap((id) => {
      const team = teamById.get(id);
      return team?.members.some((m) => m.cadre.id === cadreId) ? [team.name] : [];
    });
  const boardVillages = villages.map((v, i): BoardVillage => {
    const covering = cadresOfVillage.get(v.id) ?? new Map<number, TeamRole[]>();
    const firstId = data.first.get(v.id);
    return {
      ...v,
      zoneName: v.zoneId === null ? null : (zoneName.get(v.zoneId) ?? null),
      riskLevel: coverageVillages[i]?.riskLevel ?? null,
      electionDays: [...(coverageVillages[i]?.electionDays ?? [])].sort(),
      tracks: data.tracks.get(v.id) ?? [],
      teamIds: teamIds.get(v.id) ?? [],
      cadres: [...covering].flatMap(([cadreId, roles]) => {
        const cadre = cadreById.get(cadreId);
        return cadre
          ? [
              {
                cadre,
                roles: [...new Set(roles)],
                teamNames: teamNamesOf(cadreId, teamIds.get(v.id) ?? []),
              },
            ]
          : [];
      }),
      first: firstId === undefined ? null : (cadreById.get(firstId) ?? null),
      direct: (data.direct.get(v.id) ?? []).flatMap((id) => {
        const cadre = cadreById.get(id);
        return cadre ? [cadre] : [];
      }),
    };
  });
  return {
    campaign,
    owner,
    rules,
    villages: boardVillages,
    zones: data.zones
      .filter((z) => z.townshipId === owner.id)
      .map((z) => ({
        id: z.id,
        name: z.name,
        villageIds: villages.filter((v) => v.zoneId === z.id).map((v) => v.id),
      })),
    teams,
    cadres: cadres.map((cadre) => ({
      cadre,
      villageIds: villagesOfCadre.get(cadre.id) ?? [],
      teamNames: teams
        .filter((t) => t.members.some((m) => m.cadre.id === cadre.id))
        .map((t) => t.name),
    })),
    findings,
  };
}

/** A township's assignment board: villages, teams, roster, and every coverage problem. */
export async function townshipBoard(
  ctx: AuthenticatedContext,
  townshipId: RegionId,
  campaignId: CampaignId | null | undefined,
): Promise<GuidanceBoard> {
  const township = await requireRegion(ctx.db, townshipId);
  authorize(ctx.actor, 'guidance.read', township.path, '无权查看该乡镇的指导组');
  if (township.level !== 'township') throw new ValidationError('请选择乡镇(街道)');
  const campaign = await resolveCampaign(ctx.db, township.path, campaignId);
  const rules = readGuidanceRules(await ruleValuesOf(ctx.db, campaign));
  const data = await loadGuidance(ctx.db, campaign, township.path, [township.id]);
  return buildBoard(campaign, township, rules, data, data.villages, data.cadres, data.teams);
}

export interface TownshipCoverage {
  township: { id: number; name: string; path: string };
  villages: number;
  coveredVillages: number;
  villagesMeetingMinimum: number;
  teams: number;
  rosterSize: number;
  findings: CoverageFinding[];
  supervisionTeamIds: number[];
}

export interface CountyGuidance {
  campaign: CampaignRef;
  county: RegionRef;
  rules: GuidanceRules;
  townships: TownshipCoverage[];
  teams: TeamView[];
  cadres: BoardCadre[];
  findings: CoverageFinding[];
}

/** The county at a glance: each township's coverage, and the supervision teams over them. */
export async function countyGuidance(
  ctx: AuthenticatedContext,
  countyId: RegionId,
  campaignId: CampaignId | null | undefined,
): Promise<CountyGuidance> {
  const county = await requireRegion(ctx.db, countyId);
  authorize(ctx.actor, 'guidance.read', county.path, '无权查看全县指导组');
  if (county.level !== 'county') throw new ValidationError('请选择县');
  const campaign = await resolveCampaign(ctx.db, county.path, campaignId);
  const rules = readGuidanceRules(await ruleValuesOf(ctx.db, campaign));
  const townships = await repo.childrenOfLevel(ctx.db, county.path, 'township');
  const data = await loadGuidance(
    ctx.db,
    campaign,
    county.path,
    townships.map((t) => t.id),
  );
  const [supervisionRows, countyCadres] = await Promise.all([
    repo.teamsUnder(ctx.db, campaign.id, 'supervision', county.path),
    repo.cadresOfRegions(ctx.db, [county.id]),
  ]);
  const supervision = await assembleTeams(ctx.db, supervisionRows, countyCadres, data.villages, []);

  const coverage = townships.map((t): TownshipCoverage => {
    const villages = data.villages.filter((v) => v.parentId === t.id);
    const teams = data.teams.filter((team) => team.ownerId === t.id);
    const board = buildBoard(
      campaign,
      { ...county, id: t.id, name: t.name, path: t.path, level: 'township' },
      rules,
      data,
      villages,
      data.cadres.filter((c) => c.regionId === t.id),
      teams,
    );
    return {
      township: t,
      villages: villages.length,
      coveredVillages: board.villages.filter((v) => v.teamIds.length > 0).length,
      villagesMeetingMinimum: board.villages.filter(
        (v) => v.cadres.length >= rules.minCadresPerVillage.value,
      ).length,
      teams: teams.length,
      rosterSize: board.cadres.length,
      findings: board.findings,
      supervisionTeamIds: supervision
        .filter((s) => s.assignments.some((a) => a.region?.id === t.id))
        .map((s) => s.id),
    };
  });
  const findings = checkSupervision(
    coverage.map((c) => ({
      id: c.township.id,
      name: c.township.name,
      teamIds: c.supervisionTeamIds,
    })),
  );
  const townshipsOfTeam = (teamId: number) =>
    coverage.filter((c) => c.supervisionTeamIds.includes(teamId)).map((c) => c.township.id);
  return {
    campaign,
    county,
    rules,
    townships: coverage,
    teams: supervision,
    cadres: countyCadres.map((cadre) => {
      const teams = supervision.filter((s) => s.members.some((m) => m.cadre.id === cadre.id));
      return {
        cadre,
        villageIds: [...new Set(teams.flatMap((s) => townshipsOfTeam(s.id)))],
        teamNames: teams.map((s) => s.name),
      };
    }),
    findings,
  };
}

export interface VillageGuidance {
  village: RegionRef;
  campaign: CampaignRef;
  teams: TeamView[];
  first: CadreRef | null;
  direct: CadreRef[];
}

/** Who guides one village: its teams and responsible persons (for its clerk and its members). */
export async function villageGuidance(
  ctx: AuthenticatedContext,
  villageId: RegionId,
  campaignId: CampaignId | null | undefined,
): Promise<VillageGuidance> {
  const village = await requireRegion(ctx.db, villageId);
  authorize(ctx.actor, 'guidance.read', village.path, '无权查看该村(社区)');
  if (!isVillageLevel(village.level)) throw new ValidationError('请选择村(社区)');
  const campaign = await resolveCampaign(ctx.db, village.path, campaignId);
  const teamIds = await repo.teamIdsCovering(ctx.db, campaign.id, village);
  const teamRows = await repo.teamsByIds(ctx.db, teamIds);
  const siblings = await villagesUnder(ctx.db, village.path.slice(0, -`${village.id}.`.length));
  const zones =
    village.parentId === null ? [] : await repo.zonesOfTownships(ctx.db, [village.parentId]);
  const teams = await assembleTeams(ctx.db, teamRows, [], siblings, zones);
  const responsibilities = await repo.responsibilitiesUnder(ctx.db, campaign.id, village.path);
  const cadres = new Map(
    (
      await repo.cadresByIds(
        ctx.db,
        responsibilities.map((r) => r.cadreId),
      )
    ).map((c) => [c.id, c]),
  );
  const firstId = responsibilities.find((r) => r.kind === 'first')?.cadreId;
  return {
    village,
    campaign,
    teams,
    first: firstId === undefined ? null : (cadres.get(firstId) ?? null),
    direct: responsibilities.flatMap((r) => {
      const cadre = r.kind === 'direct' ? cadres.get(r.cadreId) : undefined;
      return cadre ? [cadre] : [];
    }),
  };
}

/** Whether a team's assignment may be shown to the actor (nested fields never leak a region). */
export function assignmentVisible(actor: Actor, a: AssignmentView): boolean {
  const path = a.region?.path ?? a.zone?.townshipPath;
  return path !== undefined && can(actor, 'guidance.read', { regionPath: path });
}

// ---------------------------------------------------------------------------------------------
// Writing: teams, members, assignments, responsibilities

const MANAGE_ACTION: Record<TeamKind, Action> = {
  guidance: 'guidance.manage',
  supervision: 'supervision.manage',
};

async function requireTeam(ctx: AuthenticatedContext, teamId: GuidanceTeamId) {
  const team = await repo.findTeam(ctx.db, teamId);
  if (!team) throw new NotFoundError('该指导组不存在或无权查看');
  authorize(
    ctx.actor,
    MANAGE_ACTION[team.kind],
    team.regionPath,
    `无权修改该${TEAM_KIND_LABEL[team.kind]}`,
  );
  assertOpen(await requireCampaign(ctx.db, team.campaignId as CampaignId));
  return team;
}

const teamNameShape = z.object({
  name: z
    .string()
    .transform((n) => n.trim())
    .refine((n) => n !== '' && n.length <= 40 && !hasControlChars(n), {
      message: '组名须为1至40个字',
    }),
});

function teamName(name: string): string {
  return parseInput(teamNameShape, { name }, '组名有误').name;
}

export async function teamView(db: Db, teamId: number): Promise<TeamView> {
  const team = await repo.findTeam(db, teamId);
  if (!team) throw new NotFoundError('该指导组不存在或无权查看');
  const owner = await requireRegion(db, team.regionId as RegionId);
  const villages = await villagesUnder(db, owner.path);
  const zones = owner.level === 'township' ? await repo.zonesOfTownships(db, [owner.id]) : [];
  const [view] = await assembleTeams(db, [team], [], villages, zones);
  if (!view) throw new Error('team vanished');
  return view;
}

export async function createTeam(
  ctx: AuthenticatedContext,
  input: { ownerId: RegionId; campaignId?: CampaignId | null; name: string },
): Promise<TeamView> {
  const owner = await requireRegion(ctx.db, input.ownerId);
  const kind = teamKindOfOwner(owner.level);
  if (!kind) {
    authorize(ctx.actor, 'guidance.manage', owner.path, '无权在此建立指导组');
    throw new ValidationError('指导组只能建在乡镇，督导组只能建在县', [
      { path: ['ownerId'], message: '请选择乡镇或县' },
    ]);
  }
  authorize(ctx.actor, MANAGE_ACTION[kind], owner.path, `无权在此建立${TEAM_KIND_LABEL[kind]}`);
  const campaign = await resolveCampaign(ctx.db, owner.path, input.campaignId);
  assertOpen(campaign);
  const name = teamName(input.name);
  const id = await ctx.db.transaction(async (tx) => {
    if (await repo.teamNameTaken(tx, campaign.id, owner.id, name, null)) {
      throw new ConflictError(`已有名为「${name}」的${TEAM_KIND_LABEL[kind]}`);
    }
    const teamId = await repo.insertTeam(tx, {
      kind,
      campaignId: campaign.id,
      regionId: owner.id,
      regionPath: owner.path,
      name,
    });
    await recordAudit(tx, ctx, {
      action: `${kind}_team.create`,
      entityType: 'guidance_team',
      entityId: teamId,
      regionPath: owner.path,
      after: { kind, campaignId: campaign.id, name },
    });
    return teamId;
  });
  return teamView(ctx.db, id);
}

export async function updateTeam(
  ctx: AuthenticatedContext,
  teamId: GuidanceTeamId,
  input: { name?: string | null; leaderCadreId?: CadreId | null; clearLeader?: boolean | null },
): Promise<TeamView> {
  const team = await requireTeam(ctx, teamId);
  const name = input.name == null ? team.name : teamName(input.name);
  let leader = input.leaderCadreId ?? (input.clearLeader ? null : team.leaderCadreId);
  await ctx.db.transaction(async (tx) => {
    if (
      name !== team.name &&
      (await repo.teamNameTaken(tx, team.campaignId, team.regionId, name, team.id))
    ) {
      throw new ConflictError(`已有名为「${name}」的${TEAM_KIND_LABEL[team.kind]}`);
    }
    if (leader !== null) {
      const members = await repo.membersOf(tx, [team.id]);
      if (!members.some((m) => m.cadreId === leader)) {
        throw new ValidationError('组长须是本组成员', [
          { path: ['leaderCadreId'], message: '组长须是本组成员，请先加入本组' },
        ]);
      }
    }
    leader = leader ?? null;
    await repo.updateTeam(tx, team.id, { name, leaderCadreId: leader });
    await recordAudit(tx, ctx, {
      action: `${team.kind}_team.update`,
      entityType: 'guidance_team',
      entityId: team.id,
      regionPath: team.regionPath,
      before: { name: team.name, leaderCadreId: team.leaderCadreId },
      after: { name, leaderCadreId: leader },
    });
  });
  return teamAfterChange(ctx, team);
}

export async function deleteTeam(
  ctx: AuthenticatedContext,
  teamId: GuidanceTeamId,
): Promise<number> {
  const team = await requireTeam(ctx, teamId);
  const before = await teamView(ctx.db, team.id);
  await ctx.db.transaction(async (tx) => {
    await repo.deleteTeam(tx, team.id);
    await recordAudit(tx, ctx, {
      action: `${team.kind}_team.delete`,
      entityType: 'guidance_team',
      entityId: team.id,
      regionPath: team.regionPath,
      before: auditTeam(before),
    });
  });
  return team.id;
}

function auditTeam(team: TeamView) {
  return {
    name: team.name,
    leaderCadreId: team.leader?.id ?? null,
    members: team.members.map((m) => ({ cadreId: m.cadre.id, role: m.role })),
    assignments: team.assignments.map((a) => ({
      regionId: a.region?.id ?? null,
      zoneId: a.zone?.id ?? null,
    })),
  };
}

async function requireTeamCadre(ctx: AuthenticatedContext, team: TeamRef, cadreId: CadreId) {
  const cadre = await repo.findCadre(ctx.db, cadreId);
  if (!cadre) throw new NotFoundError('该干部不存在或无权查看');
  if (cadre.regionId !== team.regionId) {
    throw new ValidationError(
      `${cadre.name}不在本${team.kind === 'guidance' ? '乡镇' : '县'}干部花名册中`,
      [{ path: ['cadreId'], message: '只能从本级干部花名册中选人' }],
    );
  }
  return cadre;
}

export async function setTeamMember(
  ctx: AuthenticatedContext,
  input: { teamId: GuidanceTeamId; cadreId: CadreId; role: TeamRole },
): Promise<TeamView> {
  const team = await requireTeam(ctx, input.teamId);
  const cadre = await requireTeamCadre(ctx, team, input.cadreId);
  if (!rolesForTeamKind(team.kind).includes(input.role)) {
    throw new ValidationError(
      `${TEAM_KIND_LABEL[team.kind]}成员不能担任${TEAM_ROLE_LABEL[input.role]}`,
      [
        {
          path: ['role'],
          message: `可选：${rolesForTeamKind(team.kind)
            .map((r) => TEAM_ROLE_LABEL[r])
            .join('、')}`,
        },
      ],
    );
  }
  await ctx.db.transaction(async (tx) => {
    const before = (await repo.membersOf(tx, [team.id])).find((m) => m.cadreId === cadre.id);
    if (before?.role === input.role) return;
    await repo.upsertMember(tx, team.id, cadre.id, input.role);
    await recordAudit(tx, ctx, {
      action: `${team.kind}_team.member_set`,
      entityType: 'guidance_team',
      entityId: team.id,
      regionPath: team.regionPath,
      before: before ? { cadreId: cadre.id, role: before.role } : null,
      after: { cadreId: cadre.id, name: cadre.name, role: input.role },
    });
  });
  return teamAfterChange(ctx, team);
}

export async function removeTeamMember(
  ctx: AuthenticatedContext,
  input: { teamId: GuidanceTeamId; cadreId: CadreId },
): Promise<TeamView> {
  const team = await requireTeam(ctx, input.teamId);
  await ctx.db.transaction(async (tx) => {
    const before = (await repo.membersOf(tx, [team.id])).find((m) => m.cadreId === input.cadreId);
    if (!before) throw new NotFoundError('该干部不是本组成员');
    await repo.deleteMember(tx, team.id, input.cadreId);
    if (team.leaderCadreId === input.cadreId) {
      await repo.updateTeam(tx, team.id, { name: team.name, leaderCadreId: null });
    }
    await recordAudit(tx, ctx, {
      action: `${team.kind}_team.member_remove`,
      entityType: 'guidance_team',
      entityId: team.id,
      regionPath: team.regionPath,
      before: { cadreId: input.cadreId, role: before.role },
    });
  });
  return teamAfterChange(ctx, team);
}

export interface AssignmentTarget {
  regionId?: RegionId | null;
  zoneId?: ZoneId | null;
}

/** Checks that a target fits the team: a village or zone of its township, a township of its county. */
async function resolveTarget(ctx: AuthenticatedContext, team: TeamRef, target: AssignmentTarget) {
  if ((target.regionId == null) === (target.zoneId == null)) {
    throw new ValidationError('请选择一个村(社区)、片区或乡镇', [
      { path: ['regionId'], message: '村(社区)、片区须且只须选一个' },
    ]);
  }
  if (target.zoneId != null) {
    const zone = await findZone(ctx.db, target.zoneId);
    if (!zone) throw new NotFoundError('该片区不存在或无权查看');
    if (team.kind !== 'guidance' || zone.townshipId !== team.regionId) {
      throw new ValidationError(`片区「${zone.name}」不属于本乡镇`, [
        { path: ['zoneId'], message: '只能分配本乡镇的片区' },
      ]);
    }
    return { regionId: null, zoneId: zone.id, label: `${zone.name}(片区)` };
  }
  const region = await requireRegion(ctx.db, target.regionId ?? (0 as RegionId));
  const fits =
    region.parentId === team.regionId &&
    (team.kind === 'guidance' ? isVillageLevel(region.level) : region.level === 'township');
  if (!fits) {
    throw new ValidationError(
      team.kind === 'guidance'
        ? `${region.name}不是本乡镇的村(社区)`
        : `${region.name}不是本县的乡镇`,
      [
        {
          path: ['regionId'],
          message: team.kind === 'guidance' ? '只能分配本乡镇的村(社区)' : '只能分配本县的乡镇',
        },
      ],
    );
  }
  return { regionId: region.id, zoneId: null, label: region.name };
}

export async function assignTeam(
  ctx: AuthenticatedContext,
  teamId: GuidanceTeamId,
  target: AssignmentTarget,
): Promise<TeamView> {
  const team = await requireTeam(ctx, teamId);
  const resolved = await resolveTarget(ctx, team, target);
  await ctx.db.transaction(async (tx) => {
    const inserted = await repo.insertAssignment(tx, team.id, resolved.regionId, resolved.zoneId);
    if (!inserted) return;
    await recordAudit(tx, ctx, {
      action: `${team.kind}_team.assign`,
      entityType: 'guidance_team',
      entityId: team.id,
      regionPath: team.regionPath,
      after: { regionId: resolved.regionId, zoneId: resolved.zoneId, target: resolved.label },
    });
  });
  return teamAfterChange(ctx, team);
}

export async function unassignTeam(
  ctx: AuthenticatedContext,
  teamId: GuidanceTeamId,
  target: AssignmentTarget,
): Promise<TeamView> {
  const team = await requireTeam(ctx, teamId);
  const resolved = await resolveTarget(ctx, team, target);
  await ctx.db.transaction(async (tx) => {
    const deleted = await repo.deleteAssignment(tx, team.id, resolved.regionId, resolved.zoneId);
    if (!deleted) throw new NotFoundError(`本组未分配到${resolved.label}`);
    await recordAudit(tx, ctx, {
      action: `${team.kind}_team.unassign`,
      entityType: 'guidance_team',
      entityId: team.id,
      regionPath: team.regionPath,
      before: { regionId: resolved.regionId, zoneId: resolved.zoneId, target: resolved.label },
    });
  });
  return teamAfterChange(ctx, team);
}

export interface ResponsibilityResult {
  village: RegionRef;
  campaignId: number;
  kind: ResponsibilityKind;
  cadres: CadreRef[];
}

/** Names the first responsible person (one) or the direct responsible persons of a village. */
export async function setResponsibility(
  ctx: AuthenticatedContext,
  input: {
    villageId: RegionId;
    campaignId?: CampaignId | null;
    kind: ResponsibilityKind;
    cadreIds: number[];
  },
): Promise<ResponsibilityResult> {
  const village = await requireRegion(ctx.db, input.villageId);
  authorize(ctx.actor, 'guidance.manage', village.path, '无权为该村(社区)指定责任人');
  if (!isVillageLevel(village.level)) throw new ValidationError('请选择村(社区)');
  const campaign = await resolveCampaign(ctx.db, village.path, input.campaignId);
  assertOpen(campaign);
  const ids = [...new Set(input.cadreIds)];
  const label = RESPONSIBILITY_LABEL[input.kind];
  if (input.kind === 'first' && ids.length > 1) {
    throw new ValidationError(`每村只能有一名${label}`, [
      { path: ['cadreIds'], message: `只能选一名${label}` },
    ]);
  }
  if (ids.length > 10) {
    throw new ValidationError(`${label}最多10名`, [
      { path: ['cadreIds'], message: `${label}最多10名` },
    ]);
  }
  const cadres = await repo.cadresByIds(ctx.db, ids);
  const foreign = cadres.filter((c) => c.regionId !== village.parentId);
  if (cadres.length !== ids.length || foreign.length > 0) {
    throw new ValidationError(`${label}须从本乡镇干部花名册中选择`, [
      { path: ['cadreIds'], message: `${label}须从本乡镇干部花名册中选择` },
    ]);
  }
  await ctx.db.transaction(async (tx) => {
    const before = (await repo.responsibilitiesUnder(tx, campaign.id, village.path))
      .filter((r) => r.kind === input.kind)
      .map((r) => r.cadreId);
    await repo.replaceResponsibilities(tx, {
      campaignId: campaign.id,
      regionId: village.id,
      regionPath: village.path,
      kind: input.kind,
      cadreIds: ids,
    });
    await recordAudit(tx, ctx, {
      action: 'village_responsibility.set',
      entityType: 'village',
      entityId: village.id,
      regionPath: village.path,
      before: { kind: input.kind, cadreIds: before },
      after: { kind: input.kind, cadreIds: ids },
    });
  });
  const byId = new Map(cadres.map((c) => [c.id, c]));
  return {
    village,
    campaignId: campaign.id,
    kind: input.kind,
    cadres: ids.flatMap((id) => byId.get(id) ?? []),
  };
}

/**
 * The township's board as it stands after a change to one of its teams or villages: a change's
 * answer carries the screen it changed, so the board needs no second request. Null for the
 * county's supervision teams, which no township board shows.
 */
export async function boardAfterChange(
  ctx: AuthenticatedContext,
  change: { townshipId: number | null; campaignId: number },
): Promise<GuidanceBoard | null> {
  if (change.townshipId === null) return null;
  return townshipBoard(ctx, change.townshipId as RegionId, change.campaignId as CampaignId);
}

/**
 * A team as a change left it. A guidance team is taken from its township's board, read once
 * after the change and kept with it for the answer's board field; a supervision team is read on
 * its own.
 */
async function teamAfterChange(
  ctx: AuthenticatedContext,
  team: { id: number; kind: TeamKind; regionId: number; campaignId: number },
): Promise<TeamView> {
  if (team.kind === 'guidance') {
    const board = await boardAfterChange(ctx, {
      townshipId: team.regionId,
      campaignId: team.campaignId,
    });
    const view = board?.teams.find((t) => t.id === team.id);
    if (view) return { ...view, boardAfterChange: board };
  }
  return teamView(ctx.db, team.id);
}
