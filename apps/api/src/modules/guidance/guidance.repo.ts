import type { Db } from '@huanjie/db';
import {
  cadres,
  electionDays,
  guidanceTeamAssignments,
  guidanceTeamMembers,
  guidanceTeams,
  queryRows,
  regions,
  stageRecords,
  unitElections,
  users,
  villageResponsibilities,
  villageRisks,
  visitLogs,
  zones,
} from '@huanjie/db';
import type { RegionLevel, ResponsibilityKind, TeamKind, TeamRole } from '@huanjie/domain';
import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { subtreePattern, underPath } from '../../shared/sql.js';

import type { CampaignRef } from '../../shared/campaign.repo.js';

export async function childrenOfLevel(db: Db, path: string, level: RegionLevel) {
  return db
    .select({ id: regions.id, name: regions.name, path: regions.path })
    .from(regions)
    .where(and(underPath(regions.path, path), eq(regions.level, level)))
    .orderBy(asc(regions.sortOrder), asc(regions.id));
}

export async function zonesOfTownships(db: Db, townshipIds: number[]) {
  if (townshipIds.length === 0) return [];
  return db
    .select({ id: zones.id, name: zones.name, townshipId: zones.townshipId })
    .from(zones)
    .where(inArray(zones.townshipId, townshipIds))
    .orderBy(asc(zones.id));
}

/**
 * The days of each village's election meetings in a campaign, from the campaign module's effective
 * days (follow-up work is not a meeting). A village whose unit elections do not exist yet (the
 * campaign has not started) takes the most specific township or county day set for all tracks.
 */
export async function electionDaysUnder(db: Db, campaign: CampaignRef, path: string) {
  const [unitDays, planned] = await Promise.all([
    // The view's columns are snake_case (it is declared without drizzle's casing): plain SQL.
    queryRows<{ regionId: number; day: string }>(
      db,
      sql`select distinct region_id as "regionId", to_char(day, 'YYYY-MM-DD') as "day"
          from unit_election_days
          where campaign_id = ${campaign.id} and track <> 'F'
            and region_path like ${subtreePattern(path)}`,
    ),
    db
      .select({ regionPath: electionDays.regionPath, day: electionDays.day })
      .from(electionDays)
      .where(and(eq(electionDays.campaignId, campaign.id), isNull(electionDays.track))),
  ]);
  return { unitDays, planned };
}

/** Approved and submitted stages per village and track, for the board's track status. */
export async function stageProgressUnder(db: Db, campaignId: number, path: string) {
  return db
    .select({
      regionId: unitElections.regionId,
      track: unitElections.track,
      approved: sql<number>`count(${stageRecords.id}) filter (where ${stageRecords.status} = 'approved')::int`,
      submitted: sql<number>`count(${stageRecords.id}) filter (where ${stageRecords.status} = 'submitted')::int`,
      returned: sql<number>`count(${stageRecords.id}) filter (where ${stageRecords.status} = 'returned')::int`,
    })
    .from(unitElections)
    .leftJoin(stageRecords, eq(stageRecords.unitElectionId, unitElections.id))
    .where(and(eq(unitElections.campaignId, campaignId), underPath(unitElections.regionPath, path)))
    .groupBy(unitElections.regionId, unitElections.track);
}

/** Risk levels (一般 / 重点 / 难点) set in the campaign module; a village without one has none. */
export async function riskLevelsUnder(db: Db, campaignId: number, path: string) {
  const rows = await db
    .select({ regionId: villageRisks.regionId, level: villageRisks.level })
    .from(villageRisks)
    .where(and(eq(villageRisks.campaignId, campaignId), underPath(villageRisks.regionPath, path)));
  return new Map(rows.map((r) => [r.regionId, r.level]));
}

const teamColumns = {
  id: guidanceTeams.id,
  kind: guidanceTeams.kind,
  campaignId: guidanceTeams.campaignId,
  regionId: guidanceTeams.regionId,
  regionPath: guidanceTeams.regionPath,
  name: guidanceTeams.name,
  leaderCadreId: guidanceTeams.leaderCadreId,
};

export async function findTeam(db: Db, id: number) {
  const [row] = await db.select(teamColumns).from(guidanceTeams).where(eq(guidanceTeams.id, id));
  return row;
}
export type TeamRef = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

/** One campaign's teams of one kind owned by regions under a path. */
export async function teamsUnder(db: Db, campaignId: number, kind: TeamKind, path: string) {
  return db
    .select(teamColumns)
    .from(guidanceTeams)
    .where(
      and(
        eq(guidanceTeams.campaignId, campaignId),
        eq(guidanceTeams.kind, kind),
        underPath(guidanceTeams.regionPath, path),
      ),
    )
    .orderBy(asc(guidanceTeams.regionId), asc(guidanceTeams.id));
}

export async function teamsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select(teamColumns)
    .from(guidanceTeams)
    .where(inArray(guidanceTeams.id, ids))
    .orderBy(asc(guidanceTeams.id));
}

export async function membersOf(db: Db, teamIds: number[]) {
  if (teamIds.length === 0) return [];
  return db
    .select({
      teamId: guidanceTeamMembers.teamId,
      cadreId: guidanceTeamMembers.cadreId,
      role: guidanceTeamMembers.role,
    })
    .from(guidanceTeamMembers)
    .where(inArray(guidanceTeamMembers.teamId, teamIds))
    .orderBy(asc(guidanceTeamMembers.id));
}

export async function assignmentsOf(db: Db, teamIds: number[]) {
  if (teamIds.length === 0) return [];
  return db
    .select({
      id: guidanceTeamAssignments.id,
      teamId: guidanceTeamAssignments.teamId,
      regionId: guidanceTeamAssignments.regionId,
      zoneId: guidanceTeamAssignments.zoneId,
    })
    .from(guidanceTeamAssignments)
    .where(inArray(guidanceTeamAssignments.teamId, teamIds))
    .orderBy(asc(guidanceTeamAssignments.id));
}

/** Teams of a campaign assigned to a village, directly or through its zone. */
export async function teamIdsCovering(
  db: Db,
  campaignId: number,
  village: { id: number; zoneId: number | null },
) {
  const rows = await db
    .selectDistinct({ teamId: guidanceTeamAssignments.teamId })
    .from(guidanceTeamAssignments)
    .innerJoin(guidanceTeams, eq(guidanceTeams.id, guidanceTeamAssignments.teamId))
    .where(
      and(
        eq(guidanceTeams.campaignId, campaignId),
        or(
          eq(guidanceTeamAssignments.regionId, village.id),
          village.zoneId === null ? undefined : eq(guidanceTeamAssignments.zoneId, village.zoneId),
        ),
      ),
    );
  return rows.map((r) => r.teamId);
}

export const cadreColumns = {
  id: cadres.id,
  regionId: cadres.regionId,
  name: cadres.name,
  gender: cadres.gender,
  rank: cadres.rank,
  post: cadres.post,
  phone: cadres.phone,
  userId: cadres.userId,
  // a scalar subquery, not a join: behind the cadres' row-level security subplans the planner
  // joined every user to each cadre (150 ms for a township's 48 cadres at province scale)
  username: sql<string | null>`(select u.username from ${users} u where u.id = ${cadres.userId})`,
};

export async function cadresOfRegions(db: Db, regionIds: number[]) {
  if (regionIds.length === 0) return [];
  return db
    .select(cadreColumns)
    .from(cadres)
    .where(inArray(cadres.regionId, regionIds))
    .orderBy(asc(cadres.regionId), asc(cadres.id));
}
export type CadreRef = Awaited<ReturnType<typeof cadresOfRegions>>[number];

export async function cadresByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select(cadreColumns).from(cadres).where(inArray(cadres.id, ids));
}

export async function findCadre(db: Db, id: number) {
  const [row] = await cadresByIds(db, [id]);
  return row;
}

export async function findCadreOfUser(db: Db, userId: number) {
  const [row] = await db.select(cadreColumns).from(cadres).where(eq(cadres.userId, userId));
  return row;
}

export async function responsibilitiesUnder(db: Db, campaignId: number, path: string) {
  return db
    .select({
      regionId: villageResponsibilities.regionId,
      kind: villageResponsibilities.kind,
      cadreId: villageResponsibilities.cadreId,
    })
    .from(villageResponsibilities)
    .where(
      and(
        eq(villageResponsibilities.campaignId, campaignId),
        underPath(villageResponsibilities.regionPath, path),
      ),
    )
    .orderBy(asc(villageResponsibilities.id));
}

export async function findUserByUsername(db: Db, username: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, regionId: users.regionId, username: users.username })
    .from(users)
    .where(eq(users.username, username));
  return row;
}

export async function usersByUsernames(db: Db, usernames: string[]) {
  if (usernames.length === 0) return [];
  return db
    .select({ id: users.id, role: users.role, regionId: users.regionId, username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
}

export async function regionsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: regions.id,
      name: regions.name,
      level: regions.level,
      path: regions.path,
      parentId: regions.parentId,
      zoneId: regions.zoneId,
    })
    .from(regions)
    .where(inArray(regions.id, ids));
}

// --- writes -----------------------------------------------------------------------------------

export async function teamNameTaken(
  db: Db,
  campaignId: number,
  regionId: number,
  name: string,
  exceptId: number | null,
) {
  const rows = await db
    .select({ id: guidanceTeams.id })
    .from(guidanceTeams)
    .where(
      and(
        eq(guidanceTeams.campaignId, campaignId),
        eq(guidanceTeams.regionId, regionId),
        eq(guidanceTeams.name, name),
        exceptId === null ? undefined : ne(guidanceTeams.id, exceptId),
      ),
    );
  return rows.length > 0;
}

export async function insertTeam(db: Db, values: typeof guidanceTeams.$inferInsert) {
  const [row] = await db.insert(guidanceTeams).values(values).returning({ id: guidanceTeams.id });
  if (!row) throw new Error('team insert returned no row');
  return row.id;
}

export async function updateTeam(
  db: Db,
  id: number,
  values: { name: string; leaderCadreId: number | null },
) {
  await db.update(guidanceTeams).set(values).where(eq(guidanceTeams.id, id));
}

export async function deleteTeam(db: Db, id: number) {
  await db.delete(guidanceTeams).where(eq(guidanceTeams.id, id));
}

export async function upsertMember(db: Db, teamId: number, cadreId: number, role: TeamRole) {
  await db
    .insert(guidanceTeamMembers)
    .values({ teamId, cadreId, role })
    .onConflictDoUpdate({
      target: [guidanceTeamMembers.teamId, guidanceTeamMembers.cadreId],
      set: { role },
    });
}

export async function deleteMember(db: Db, teamId: number, cadreId: number) {
  await db
    .delete(guidanceTeamMembers)
    .where(and(eq(guidanceTeamMembers.teamId, teamId), eq(guidanceTeamMembers.cadreId, cadreId)));
}

/** False when the team already had this assignment. */
export async function insertAssignment(
  db: Db,
  teamId: number,
  regionId: number | null,
  zoneId: number | null,
) {
  const rows = await db
    .insert(guidanceTeamAssignments)
    .values({ teamId, regionId, zoneId })
    .onConflictDoNothing()
    .returning({ id: guidanceTeamAssignments.id });
  return rows.length > 0;
}

/** False when the team had no such assignment. */
export async function deleteAssignment(
  db: Db,
  teamId: number,
  regionId: number | null,
  zoneId: number | null,
) {
  const rows = await db
    .delete(guidanceTeamAssignments)
    .where(
      and(
        eq(guidanceTeamAssignments.teamId, teamId),
        regionId === null
          ? eq(guidanceTeamAssignments.zoneId, zoneId ?? 0)
          : eq(guidanceTeamAssignments.regionId, regionId),
      ),
    )
    .returning({ id: guidanceTeamAssignments.id });
  return rows.length > 0;
}

export async function replaceResponsibilities(
  db: Db,
  input: {
    campaignId: number;
    regionId: number;
    regionPath: string;
    kind: ResponsibilityKind;
    cadreIds: number[];
  },
) {
  await db
    .delete(villageResponsibilities)
    .where(
      and(
        eq(villageResponsibilities.campaignId, input.campaignId),
        eq(villageResponsibilities.regionId, input.regionId),
        eq(villageResponsibilities.kind, input.kind),
      ),
    );
  if (input.cadreIds.length === 0) return;
  await db.insert(villageResponsibilities).values(
    input.cadreIds.map((cadreId) => ({
      campaignId: input.campaignId,
      regionId: input.regionId,
      regionPath: input.regionPath,
      kind: input.kind,
      cadreId,
    })),
  );
}

export type CadreValues = Pick<
  typeof cadres.$inferInsert,
  'name' | 'gender' | 'rank' | 'post' | 'phone' | 'userId'
>;

export async function insertCadre(db: Db, regionId: number, values: CadreValues) {
  const [row] = await db
    .insert(cadres)
    .values({ ...values, regionId })
    .returning({ id: cadres.id });
  if (!row) throw new Error('cadre insert returned no row');
  return row.id;
}

export async function updateCadre(db: Db, id: number, values: CadreValues, now: Date) {
  await db
    .update(cadres)
    .set({ ...values, updatedAt: now })
    .where(eq(cadres.id, id));
}

export async function deleteCadre(db: Db, id: number) {
  await db.delete(cadres).where(eq(cadres.id, id));
}

/** Names of the teams a cadre is in, and how many villages name them responsible. */
export async function cadreUses(db: Db, id: number) {
  const teams = await db
    .select({ name: guidanceTeams.name })
    .from(guidanceTeamMembers)
    .innerJoin(guidanceTeams, eq(guidanceTeams.id, guidanceTeamMembers.teamId))
    .where(eq(guidanceTeamMembers.cadreId, id));
  const leads = await db
    .select({ name: guidanceTeams.name })
    .from(guidanceTeams)
    .where(eq(guidanceTeams.leaderCadreId, id));
  const responsible = await db
    .select({ id: villageResponsibilities.id })
    .from(villageResponsibilities)
    .where(eq(villageResponsibilities.cadreId, id));
  const visits = await db
    .select({ id: visitLogs.id })
    .from(visitLogs)
    .where(eq(visitLogs.cadreId, id))
    .limit(1);
  return {
    teams: [...new Set([...teams, ...leads].map((t) => t.name))],
    responsibilities: responsible.length,
    hasVisits: visits.length > 0,
  };
}

/** Cadres linked to these users (a login belongs to at most one roster entry). */
export async function cadresOfUsers(db: Db, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ id: cadres.id, userId: cadres.userId, name: cadres.name })
    .from(cadres)
    .where(inArray(cadres.userId, userIds));
}
