import type { Db } from '@huanjie/db';
import {
  cadres,
  regions,
  riskLevelChanges,
  riskMeasures,
  riskPlans,
  users,
  villageRisks,
} from '@huanjie/db';
import type { MeasureStatus, RiskLevel, Role } from '@huanjie/domain';
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { underPath } from '../../shared/sql.js';

const cadreRegions = alias(regions, 'cadre_region');

const planColumns = {
  id: riskPlans.id,
  campaignId: riskPlans.campaignId,
  regionId: riskPlans.regionId,
  regionPath: riskPlans.regionPath,
  villageName: regions.name,
  level: villageRisks.level,
  riskReason: villageRisks.reason,
  ownerCadreId: riskPlans.ownerCadreId,
  ownerName: cadres.name,
  ownerPost: cadres.post,
  planDate: riskPlans.planDate,
  summary: riskPlans.summary,
  escalatedOn: riskPlans.escalatedOn,
  escalationNote: riskPlans.escalationNote,
  answeredOn: riskPlans.answeredOn,
  answer: riskPlans.answer,
  resolvedOn: riskPlans.resolvedOn,
  resolutionNote: riskPlans.resolutionNote,
  updatedAt: riskPlans.updatedAt,
  version: riskPlans.version,
};

function selectPlans(db: Db) {
  return db
    .select(planColumns)
    .from(riskPlans)
    .innerJoin(regions, eq(regions.id, riskPlans.regionId))
    // the owner may be on a roster the caller cannot read (row-level security): the plan still shows
    .leftJoin(cadres, eq(cadres.id, riskPlans.ownerCadreId))
    .leftJoin(
      villageRisks,
      and(
        eq(villageRisks.campaignId, riskPlans.campaignId),
        eq(villageRisks.regionId, riskPlans.regionId),
      ),
    );
}

export async function findPlan(db: Db, id: number) {
  const [row] = await selectPlans(db).where(eq(riskPlans.id, id));
  return row;
}
export type PlanRecord = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function planOfVillage(db: Db, campaignId: number, regionId: number) {
  const [row] = await selectPlans(db).where(
    and(eq(riskPlans.campaignId, campaignId), eq(riskPlans.regionId, regionId)),
  );
  return row;
}

export async function plansUnder(db: Db, campaignId: number, roots: readonly string[]) {
  if (roots.length === 0) return [];
  return selectPlans(db)
    .where(
      and(
        eq(riskPlans.campaignId, campaignId),
        or(...roots.map((r) => underPath(riskPlans.regionPath, r))),
      ),
    )
    .orderBy(asc(riskPlans.regionPath));
}

export async function insertPlan(db: Db, values: typeof riskPlans.$inferInsert) {
  const [row] = await db.insert(riskPlans).values(values).returning({ id: riskPlans.id });
  if (!row) throw new Error('plan insert returned nothing');
  return row.id;
}

export async function updatePlan(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof riskPlans.$inferInsert>,
  now: Date,
) {
  const rows = await db
    .update(riskPlans)
    .set({ ...values, updatedAt: now, version: version + 1 })
    .where(and(eq(riskPlans.id, id), eq(riskPlans.version, version)))
    .returning({ id: riskPlans.id });
  return rows.length === 1;
}

const measureColumns = {
  id: riskMeasures.id,
  planId: riskMeasures.planId,
  regionPath: riskMeasures.regionPath,
  description: riskMeasures.description,
  deadline: riskMeasures.deadline,
  status: riskMeasures.status,
  doneOn: riskMeasures.doneOn,
  note: riskMeasures.note,
  dropReason: riskMeasures.dropReason,
  createdAt: riskMeasures.createdAt,
};

export async function measuresOf(db: Db, planIds: readonly number[]) {
  if (planIds.length === 0) return [];
  return db
    .select(measureColumns)
    .from(riskMeasures)
    .where(inArray(riskMeasures.planId, [...planIds]))
    .orderBy(asc(riskMeasures.deadline), asc(riskMeasures.id));
}
export type MeasureRecord = Awaited<ReturnType<typeof measuresOf>>[number];

export async function findMeasure(db: Db, id: number) {
  const [row] = await db.select(measureColumns).from(riskMeasures).where(eq(riskMeasures.id, id));
  return row;
}

export async function insertMeasure(db: Db, values: typeof riskMeasures.$inferInsert) {
  const [row] = await db.insert(riskMeasures).values(values).returning({ id: riskMeasures.id });
  if (!row) throw new Error('measure insert returned nothing');
  return row.id;
}

/** Closes an open measure; false when it was closed meanwhile. */
export async function closeMeasure(
  db: Db,
  id: number,
  values: {
    status: MeasureStatus;
    doneOn: string | null;
    note: string | null;
    dropReason: string | null;
    closedBy: number;
  },
) {
  const rows = await db
    .update(riskMeasures)
    .set(values)
    .where(and(eq(riskMeasures.id, id), eq(riskMeasures.status, 'open')))
    .returning({ id: riskMeasures.id });
  return rows.length === 1;
}

export async function riskOf(db: Db, campaignId: number, regionId: number) {
  const [row] = await db
    .select({ level: villageRisks.level, reason: villageRisks.reason })
    .from(villageRisks)
    .where(and(eq(villageRisks.campaignId, campaignId), eq(villageRisks.regionId, regionId)));
  return row;
}

/** A cadre of a roster, with the path of the township or county that keeps it. */
export async function findCadre(db: Db, id: number) {
  const [row] = await db
    .select({ id: cadres.id, name: cadres.name, rosterPath: cadreRegions.path })
    .from(cadres)
    .innerJoin(cadreRegions, eq(cadreRegions.id, cadres.regionId))
    .where(eq(cadres.id, id));
  return row;
}

export async function insertLevelChange(
  db: Db,
  values: {
    campaignId: number;
    regionId: number;
    regionPath: string;
    fromLevel: RiskLevel | null;
    toLevel: RiskLevel;
    reason: string;
    changedBy: number;
    changedByRole: Role;
    changedAt: Date;
  },
) {
  await db.insert(riskLevelChanges).values(values);
}

export async function levelChangesOf(db: Db, campaignId: number, regionId: number) {
  return db
    .select({
      id: riskLevelChanges.id,
      fromLevel: riskLevelChanges.fromLevel,
      toLevel: riskLevelChanges.toLevel,
      reason: riskLevelChanges.reason,
      changedByName: users.displayName,
      changedByRole: riskLevelChanges.changedByRole,
      changedAt: riskLevelChanges.changedAt,
    })
    .from(riskLevelChanges)
    .innerJoin(users, eq(users.id, riskLevelChanges.changedBy))
    .where(
      and(eq(riskLevelChanges.campaignId, campaignId), eq(riskLevelChanges.regionId, regionId)),
    )
    .orderBy(desc(riskLevelChanges.changedAt), desc(riskLevelChanges.id));
}
export type LevelChangeRecord = Awaited<ReturnType<typeof levelChangesOf>>[number];

/** Villages graded 重点 or 难点 in the campaign, within the roots. */
export async function riskVillageCount(db: Db, campaignId: number, roots: readonly string[]) {
  if (roots.length === 0) return 0;
  const rows = await db
    .select({ id: villageRisks.id })
    .from(villageRisks)
    .where(
      and(
        eq(villageRisks.campaignId, campaignId),
        inArray(villageRisks.level, ['key', 'difficult']),
        or(...roots.map((r) => underPath(villageRisks.regionPath, r))),
      ),
    );
  return rows.length;
}
