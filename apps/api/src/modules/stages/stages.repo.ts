import type { Db } from '@huanjie/db';
import { queryRows } from '@huanjie/db';
import type { StageFact, UnitFacts, UnitFigures } from '@huanjie/domain';
import {
  auditLog,
  campaigns,
  regions,
  stageRecords,
  storedFiles,
  unitElectionDays,
  unitElections,
  users,
} from '@huanjie/db';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { underPath } from '../../shared/sql.js';
import { unitFactsSql } from '../../shared/unit-facts.sql.js';

export async function findUnit(db: Db, unitId: number) {
  const [row] = await db
    .select({
      id: unitElections.id,
      campaignId: unitElections.campaignId,
      track: unitElections.track,
      regionId: unitElections.regionId,
      regionPath: unitElections.regionPath,
      campaignStatus: campaigns.status,
    })
    .from(unitElections)
    .innerJoin(campaigns, eq(campaigns.id, unitElections.campaignId))
    .where(eq(unitElections.id, unitId));
  return row;
}

/** A village's unit elections in a campaign with their effective election days. */
export function unitsWithDays(db: Db, campaignId: number, regionId: number) {
  return db
    .select({
      id: unitElectionDays.unitElectionId,
      track: unitElectionDays.track,
      day: unitElectionDays.day,
    })
    .from(unitElectionDays)
    .where(
      and(eq(unitElectionDays.campaignId, campaignId), eq(unitElectionDays.regionId, regionId)),
    );
}

export async function findCampaignOrdering(db: Db, campaignId: number) {
  const [row] = await db
    .select({ ordering: campaigns.ordering })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  return row;
}

/**
 * A village's unit elections in a campaign with the status of each stage record: with the facts of
 * factsOfUnits, what the write gate reads (which gate stages are approved).
 */
export function stageStatusesOfVillage(db: Db, campaignId: number, regionId: number) {
  return db
    .select({
      unitId: unitElections.id,
      track: unitElections.track,
      stageCode: stageRecords.stageCode,
      status: stageRecords.status,
    })
    .from(unitElections)
    .leftJoin(stageRecords, eq(stageRecords.unitElectionId, unitElections.id))
    .where(and(eq(unitElections.campaignId, campaignId), eq(unitElections.regionId, regionId)));
}

/** Per unit election: the facts its candidates, 公示 and result hold (domain stage-facts.ts). */
export async function factsOfUnits(db: Db, unitIds: number[]): Promise<Map<number, UnitFacts>> {
  if (unitIds.length === 0) return new Map();
  const ids = sql`array[${sql.join(
    unitIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::int[]`;
  const rows = await queryRows<{
    unit_id: number;
    result_status: UnitFacts['resultStatus'];
    present: StageFact[];
  }>(db, unitFactsSql(ids));
  return new Map(
    rows.map((r) => [r.unit_id, { resultStatus: r.result_status, present: r.present }]),
  );
}

/** Per unit election: the figures its candidates, 公示 and result hold (domain UnitFigures). */
export async function figuresOfUnits(db: Db, unitIds: number[]): Promise<Map<number, UnitFigures>> {
  if (unitIds.length === 0) return new Map();
  const rows = await queryRows<UnitFigures & { unitId: number }>(
    db,
    sql`select ue.id as "unitId",
      (select count(*)::int from candidates c where c.unit_election_id = ue.id and c.stage <> 'withdrawn') as nominees,
      (select coalesce(sum(j.value::int), 0)::int from election_setups es, jsonb_each_text(es.seats) j
        where es.unit_election_id = ue.id) as seats,
      (select count(*)::int from candidates c where c.unit_election_id = ue.id and c.stage = 'formal') as formal,
      (select count(distinct c.id)::int from candidates c join vetting_answers va on va.candidate_id = c.id
        where c.unit_election_id = ue.id and c.stage <> 'withdrawn') as vetted,
      (select count(distinct c.id)::int from candidates c join vetting_answers va on va.candidate_id = c.id
        where c.unit_election_id = ue.id and c.stage <> 'withdrawn' and va.result = 'fail') as "vettingFailed",
      (select es.party_round_participants from election_setups es where es.unit_election_id = ue.id) as "partyRound",
      (select es.mass_round_participants from election_setups es where es.unit_election_id = ue.id) as "massRound",
      (select p.starts_on::text from publicity_notices p where p.unit_election_id = ue.id and p.kind = 'candidates') as "publicityStartsOn",
      (select p.ends_on::text from publicity_notices p where p.unit_election_id = ue.id and p.kind = 'candidates') as "publicityEndsOn",
      (select p.starts_on::text from publicity_notices p where p.unit_election_id = ue.id and p.kind = 'formal_list') as "formalListOn",
      (select m.held_on::text from election_results r join election_meetings m on m.result_id = r.id
        where r.unit_election_id = ue.id and m.seq = 0) as "meetingOn"
    from unit_elections ue
    where ue.id in (${sql.join(
      unitIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map(({ unitId, ...figures }) => [unitId, figures]));
}

const entered = alias(users, 'entered_user');
const submitted = alias(users, 'submitted_user');
const reviewed = alias(users, 'reviewed_user');

const recordColumns = {
  record: stageRecords,
  enteredByName: entered.displayName,
  submittedByName: submitted.displayName,
  reviewedByName: reviewed.displayName,
};

function recordsQuery(db: Db) {
  return db
    .select(recordColumns)
    .from(stageRecords)
    .innerJoin(entered, eq(entered.id, stageRecords.enteredBy))
    .leftJoin(submitted, eq(submitted.id, stageRecords.submittedBy))
    .leftJoin(reviewed, eq(reviewed.id, stageRecords.reviewedBy));
}

export type RecordWithNames = Awaited<ReturnType<typeof recordsOfUnits>>[number];

export function recordsOfUnits(db: Db, unitIds: number[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return recordsQuery(db).where(inArray(stageRecords.unitElectionId, unitIds));
}

export async function findRecordById(db: Db, id: number) {
  const [row] = await db.select().from(stageRecords).where(eq(stageRecords.id, id));
  return row;
}

export async function findRecord(db: Db, unitId: number, stageCode: string) {
  const [row] = await db
    .select()
    .from(stageRecords)
    .where(and(eq(stageRecords.unitElectionId, unitId), eq(stageRecords.stageCode, stageCode)));
  return row;
}

export async function insertRecord(db: Db, values: typeof stageRecords.$inferInsert) {
  const [row] = await db.insert(stageRecords).values(values).returning();
  if (!row) throw new Error('stage record insert returned nothing');
  return row;
}

/** Updates when the version still matches; undefined means someone else changed it first. */
export async function updateRecord(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof stageRecords.$inferInsert>,
) {
  const [row] = await db
    .update(stageRecords)
    .set({ ...values, version: version + 1 })
    .where(and(eq(stageRecords.id, id), eq(stageRecords.version, version)))
    .returning();
  return row;
}

export async function insertFile(db: Db, values: typeof storedFiles.$inferInsert) {
  const [row] = await db.insert(storedFiles).values(values).returning({
    id: storedFiles.id,
    regionPath: storedFiles.regionPath,
    mimeType: storedFiles.mimeType,
    size: storedFiles.size,
  });
  if (!row) throw new Error('file insert returned nothing');
  return row;
}

export async function findFileMeta(db: Db, id: number) {
  const [row] = await db
    .select({
      id: storedFiles.id,
      regionPath: storedFiles.regionPath,
      mimeType: storedFiles.mimeType,
      size: storedFiles.size,
    })
    .from(storedFiles)
    .where(eq(storedFiles.id, id));
  return row;
}

export async function fileContent(db: Db, id: number) {
  const [row] = await db
    .select({ content: storedFiles.content, mimeType: storedFiles.mimeType })
    .from(storedFiles)
    .where(eq(storedFiles.id, id));
  return row;
}

const village = alias(regions, 'village');
const township = alias(regions, 'township');

/** Submitted stages under the roots, oldest submission first. */
export function submittedUnder(db: Db, campaignId: number | null, roots: readonly string[]) {
  if (roots.length === 0) return Promise.resolve([]);
  return db
    .select({
      ...recordColumns,
      unitId: unitElections.id,
      campaignId: unitElections.campaignId,
      track: unitElections.track,
      villageId: village.id,
      villageName: village.name,
      villageLevel: village.level,
      townshipName: township.name,
    })
    .from(stageRecords)
    .innerJoin(unitElections, eq(unitElections.id, stageRecords.unitElectionId))
    .innerJoin(campaigns, eq(campaigns.id, unitElections.campaignId))
    .innerJoin(village, eq(village.id, unitElections.regionId))
    .innerJoin(township, eq(township.id, village.parentId))
    .innerJoin(entered, eq(entered.id, stageRecords.enteredBy))
    .leftJoin(submitted, eq(submitted.id, stageRecords.submittedBy))
    .leftJoin(reviewed, eq(reviewed.id, stageRecords.reviewedBy))
    .where(
      and(
        eq(stageRecords.status, 'submitted'),
        eq(campaigns.status, 'running'),
        campaignId === null ? undefined : eq(unitElections.campaignId, campaignId),
        or(...roots.map((root) => underPath(unitElections.regionPath, root))),
      ),
    )
    .orderBy(asc(stageRecords.submittedAt), asc(stageRecords.id))
    .limit(500);
}

/** The audit entries of one stage record, newest first, with who did it. */
export function historyOf(db: Db, recordId: number) {
  return db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      role: auditLog.role,
      userName: users.displayName,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entityType, 'stage_record'), eq(auditLog.entityId, String(recordId))))
    .orderBy(desc(auditLog.at), desc(auditLog.seq));
}

export { sql };
