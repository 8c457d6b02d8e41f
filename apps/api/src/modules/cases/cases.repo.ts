import type { Db } from '@huanjie/db';
import {
  cadres,
  candidates,
  caseActions,
  cases,
  guidanceTeamMembers,
  guidanceTeams,
  persons,
  regions,
  users,
} from '@huanjie/db';
import type { CaseCategory, CaseStatus } from '@huanjie/domain';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { underPath } from '../../shared/sql.js';

const handlerRegions = alias(regions, 'handler_region');
const townships = alias(regions, 'case_township');

const caseColumns = {
  id: cases.id,
  campaignId: cases.campaignId,
  regionId: cases.regionId,
  regionPath: cases.regionPath,
  villageName: regions.name,
  villageLevel: regions.level,
  townshipId: townships.id,
  townshipName: townships.name,
  channel: cases.channel,
  category: cases.category,
  severity: cases.severity,
  allegation: cases.allegation,
  receivedOn: cases.receivedOn,
  candidateId: cases.candidateId,
  candidateName: persons.name,
  personConcerned: cases.personConcerned,
  reporterName: cases.reporterName,
  reporterPhone: cases.reporterPhone,
  reporterIdNumber: cases.reporterIdNumber,
  status: cases.status,
  handlerKind: cases.handlerKind,
  handlerTeamId: cases.handlerTeamId,
  handlerTeamName: guidanceTeams.name,
  handlerRegionId: cases.handlerRegionId,
  handlerRegionName: handlerRegions.name,
  assignedOn: cases.assignedOn,
  acknowledgedOn: cases.acknowledgedOn,
  closedOn: cases.closedOn,
  outcome: cases.outcome,
  measures: cases.measures,
  measuresNote: cases.measuresNote,
  reply: cases.reply,
  openedByName: users.displayName,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
  version: cases.version,
};

function selectCases(db: Db) {
  return db
    .select(caseColumns)
    .from(cases)
    .innerJoin(regions, eq(regions.id, cases.regionId))
    .leftJoin(townships, eq(townships.id, regions.parentId))
    .innerJoin(users, eq(users.id, cases.openedBy))
    .leftJoin(candidates, eq(candidates.id, cases.candidateId))
    .leftJoin(persons, eq(persons.id, candidates.personId))
    .leftJoin(guidanceTeams, eq(guidanceTeams.id, cases.handlerTeamId))
    .leftJoin(handlerRegions, eq(handlerRegions.id, cases.handlerRegionId));
}

export async function findCase(db: Db, id: number) {
  const [row] = await selectCases(db).where(eq(cases.id, id));
  return row;
}
export type CaseRecord = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function casesUnder(
  db: Db,
  campaignId: number,
  path: string,
  filter: { status?: CaseStatus | null; category?: CaseCategory | null; openOnly?: boolean },
) {
  return selectCases(db)
    .where(
      and(
        eq(cases.campaignId, campaignId),
        underPath(cases.regionPath, path),
        filter.status ? eq(cases.status, filter.status) : undefined,
        filter.category ? eq(cases.category, filter.category) : undefined,
        filter.openOnly ? ne(cases.status, 'closed') : undefined,
      ),
    )
    .orderBy(desc(cases.receivedOn), desc(cases.id))
    .limit(1000);
}

/** Open cases per village under a path (the villages' open problems). */
export async function openCaseCounts(db: Db, campaignId: number, path: string) {
  return db
    .select({ regionId: cases.regionId, open: sql<number>`count(*)::int` })
    .from(cases)
    .where(
      and(
        eq(cases.campaignId, campaignId),
        underPath(cases.regionPath, path),
        ne(cases.status, 'closed'),
      ),
    )
    .groupBy(cases.regionId);
}

export async function insertCase(db: Db, values: typeof cases.$inferInsert) {
  const [row] = await db.insert(cases).values(values).returning({ id: cases.id });
  if (!row) throw new Error('case insert returned no row');
  return row.id;
}

/** Updates a case if it is still at `version`; false when someone changed it meanwhile. */
export async function updateCase(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof cases.$inferInsert>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(cases)
    .set({ ...values, updatedAt: now, version: version + 1 })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .returning({ id: cases.id });
  return rows.length === 1;
}

export async function insertAction(db: Db, values: typeof caseActions.$inferInsert) {
  const [row] = await db.insert(caseActions).values(values).returning({ id: caseActions.id });
  if (!row) throw new Error('case action insert returned no row');
  return row.id;
}

export async function actionsOf(db: Db, caseIds: readonly number[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({
      id: caseActions.id,
      caseId: caseActions.caseId,
      actionOn: caseActions.actionOn,
      actor: caseActions.actor,
      action: caseActions.action,
      enteredByName: users.displayName,
      createdAt: caseActions.createdAt,
    })
    .from(caseActions)
    .innerJoin(users, eq(users.id, caseActions.enteredBy))
    .where(inArray(caseActions.caseId, [...caseIds]))
    .orderBy(asc(caseActions.actionOn), asc(caseActions.id));
}
export type CaseActionRecord = Awaited<ReturnType<typeof actionsOf>>[number];

/** The teams (guidance or supervision) the user sits on, through their cadre record. */
export async function teamIdsOfUser(db: Db, userId: number): Promise<Set<number>> {
  const rows = await db
    .select({ teamId: guidanceTeamMembers.teamId })
    .from(guidanceTeamMembers)
    .innerJoin(cadres, eq(cadres.id, guidanceTeamMembers.cadreId))
    .where(eq(cadres.userId, userId));
  return new Set(rows.map((r) => r.teamId));
}

export async function findTeam(db: Db, id: number) {
  const [row] = await db
    .select({
      id: guidanceTeams.id,
      kind: guidanceTeams.kind,
      campaignId: guidanceTeams.campaignId,
      regionPath: guidanceTeams.regionPath,
      name: guidanceTeams.name,
    })
    .from(guidanceTeams)
    .where(eq(guidanceTeams.id, id));
  return row;
}

export async function findCandidate(db: Db, id: number) {
  const [row] = await db
    .select({ id: candidates.id, regionPath: candidates.regionPath, name: persons.name })
    .from(candidates)
    .innerJoin(persons, eq(persons.id, candidates.personId))
    .where(eq(candidates.id, id));
  return row;
}

/** Upheld 贿选 cases on candidates, for the candidates' elections. */
export async function briberyCasesOnCandidates(db: Db, candidateIds: readonly number[]) {
  if (candidateIds.length === 0) return [];
  return db
    .select({
      id: cases.id,
      candidateId: cases.candidateId,
      category: cases.category,
      status: cases.status,
      outcome: cases.outcome,
      closedOn: cases.closedOn,
    })
    .from(cases)
    .where(
      and(
        inArray(cases.candidateId, [...candidateIds]),
        eq(cases.category, 'bribery'),
        eq(cases.status, 'closed'),
      ),
    );
}
