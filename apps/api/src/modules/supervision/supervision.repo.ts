import type { Db, InspectionFinding } from '@huanjie/db';
import { correctionOrders, inspections, regions, users } from '@huanjie/db';
import type { SQL } from 'drizzle-orm';
import { and, count, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { alias } from 'drizzle-orm/pg-core';
import { underPath } from '../../shared/sql.js';

/** Rows whose path lies under any of the paths (nothing when there are none). */
function underAny(column: AnyPgColumn, paths: readonly string[]): SQL {
  const parts = paths.map((p) => underPath(column, p));
  return parts.length === 0 ? sql`false` : (or(...parts) ?? sql`false`);
}

export async function insertInspection(
  db: Db,
  values: {
    campaignId: number;
    regionId: number;
    regionPath: string;
    inspectedOn: string;
    villageIds: number[];
    findings: InspectionFinding[];
    userId: number;
  },
): Promise<number> {
  const [row] = await db.insert(inspections).values(values).returning({ id: inspections.id });
  if (!row) throw new Error('inspection insert returned no row');
  return row.id;
}

const inspectionColumns = {
  id: inspections.id,
  campaignId: inspections.campaignId,
  regionId: inspections.regionId,
  regionPath: inspections.regionPath,
  townshipName: regions.name,
  inspectedOn: inspections.inspectedOn,
  villageIds: inspections.villageIds,
  findings: inspections.findings,
  authorName: users.displayName,
  createdAt: inspections.createdAt,
};

export async function findInspection(db: Db, id: number) {
  const [row] = await db
    .select(inspectionColumns)
    .from(inspections)
    .innerJoin(regions, eq(regions.id, inspections.regionId))
    .innerJoin(users, eq(users.id, inspections.userId))
    .where(eq(inspections.id, id));
  return row;
}
export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;

export async function inspectionsUnder(
  db: Db,
  campaignId: number,
  paths: readonly string[],
  limit: number,
): Promise<InspectionRow[]> {
  return db
    .select(inspectionColumns)
    .from(inspections)
    .innerJoin(regions, eq(regions.id, inspections.regionId))
    .innerJoin(users, eq(users.id, inspections.userId))
    .where(and(eq(inspections.campaignId, campaignId), underAny(inspections.regionPath, paths)))
    .orderBy(desc(inspections.inspectedOn), desc(inspections.id))
    .limit(limit);
}

/** Names of regions by id (the villages an inspection visited). */
export async function regionNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(inArray(regions.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertOrder(
  db: Db,
  values: {
    campaignId: number;
    regionId: number;
    regionPath: string;
    inspectionId: number | null;
    issuedOn: string;
    deadline: string;
    requirement: string;
    issuedBy: number;
  },
): Promise<number> {
  const [row] = await db
    .insert(correctionOrders)
    .values(values)
    .returning({ id: correctionOrders.id });
  if (!row) throw new Error('correction order insert returned no row');
  return row.id;
}

const issuer = alias(users, 'issuer');
const answerer = alias(users, 'answerer');

const orderColumns = {
  id: correctionOrders.id,
  campaignId: correctionOrders.campaignId,
  regionId: correctionOrders.regionId,
  regionPath: correctionOrders.regionPath,
  townshipName: regions.name,
  inspectionId: correctionOrders.inspectionId,
  issuedOn: correctionOrders.issuedOn,
  deadline: correctionOrders.deadline,
  requirement: correctionOrders.requirement,
  issuerName: issuer.displayName,
  answer: correctionOrders.answer,
  answeredOn: correctionOrders.answeredOn,
  answererName: answerer.displayName,
};

export async function findOrder(db: Db, id: number) {
  const [row] = await db
    .select(orderColumns)
    .from(correctionOrders)
    .innerJoin(regions, eq(regions.id, correctionOrders.regionId))
    .innerJoin(issuer, eq(issuer.id, correctionOrders.issuedBy))
    .leftJoin(answerer, eq(answerer.id, correctionOrders.answeredBy))
    .where(eq(correctionOrders.id, id));
  return row;
}
export type OrderRow = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

export type OrderFilter = 'all' | 'unanswered' | 'overdue' | 'answered';

function orderFilter(filter: OrderFilter, today: string): SQL | undefined {
  switch (filter) {
    case 'all':
      return undefined;
    case 'unanswered':
      return isNull(correctionOrders.answeredOn);
    case 'overdue':
      return and(isNull(correctionOrders.answeredOn), lt(correctionOrders.deadline, today));
    case 'answered':
      return isNotNull(correctionOrders.answeredOn);
  }
}

export async function ordersUnder(
  db: Db,
  campaignId: number,
  paths: readonly string[],
  filter: OrderFilter,
  today: string,
  limit: number,
): Promise<OrderRow[]> {
  return db
    .select(orderColumns)
    .from(correctionOrders)
    .innerJoin(regions, eq(regions.id, correctionOrders.regionId))
    .innerJoin(issuer, eq(issuer.id, correctionOrders.issuedBy))
    .leftJoin(answerer, eq(answerer.id, correctionOrders.answeredBy))
    .where(
      and(
        eq(correctionOrders.campaignId, campaignId),
        underAny(correctionOrders.regionPath, paths),
        orderFilter(filter, today),
      ),
    )
    .orderBy(correctionOrders.deadline, correctionOrders.id)
    .limit(limit);
}

export async function answerOrder(
  db: Db,
  id: number,
  values: { answer: string; answeredOn: string; answeredBy: number },
): Promise<boolean> {
  const rows = await db
    .update(correctionOrders)
    .set(values)
    .where(and(eq(correctionOrders.id, id), isNull(correctionOrders.answeredOn)))
    .returning({ id: correctionOrders.id });
  return rows.length === 1;
}

/** Inspections and orders under the paths, counted from the records (orders by standing). */
export async function counts(
  db: Db,
  campaignId: number,
  paths: readonly string[],
  today: string,
): Promise<{
  inspections: number;
  orders: number;
  unanswered: number;
  overdue: number;
}> {
  const [visits] = await db
    .select({ n: count() })
    .from(inspections)
    .where(and(eq(inspections.campaignId, campaignId), underAny(inspections.regionPath, paths)));
  const [orders] = await db
    .select({
      total: count(),
      unanswered: sql<number>`count(*) filter (where ${correctionOrders.answeredOn} is null)::int`,
      overdue: sql<number>`count(*) filter (where ${correctionOrders.answeredOn} is null and ${correctionOrders.deadline} < ${today})::int`,
    })
    .from(correctionOrders)
    .where(
      and(
        eq(correctionOrders.campaignId, campaignId),
        underAny(correctionOrders.regionPath, paths),
      ),
    );
  return {
    inspections: visits?.n ?? 0,
    orders: orders?.total ?? 0,
    unanswered: orders?.unanswered ?? 0,
    overdue: orders?.overdue ?? 0,
  };
}
