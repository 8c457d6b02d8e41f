import type { Db } from '@huanjie/db';
import { electionResults, recordComments, regions, unitElections, users } from '@huanjie/db';
import type { SQL } from 'drizzle-orm';
import { and, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { underPath } from '../../shared/sql.js';

/** A unit election with its village, and whether it has a result record. */
export async function findUnit(db: Db, id: number) {
  const [row] = await db
    .select({
      id: unitElections.id,
      campaignId: unitElections.campaignId,
      track: unitElections.track,
      regionId: unitElections.regionId,
      regionPath: unitElections.regionPath,
      resultId: electionResults.id,
    })
    .from(unitElections)
    .leftJoin(electionResults, eq(electionResults.unitElectionId, unitElections.id))
    .where(eq(unitElections.id, id));
  return row;
}

export async function insertComment(db: Db, values: typeof recordComments.$inferInsert) {
  const [row] = await db.insert(recordComments).values(values).returning({ id: recordComments.id });
  if (!row) throw new Error('comment insert returned no row');
  return row.id;
}

const author = alias(users, 'author');
const resolver = alias(users, 'resolver');
const township = alias(regions, 'township');

const columns = {
  id: recordComments.id,
  campaignId: recordComments.campaignId,
  regionId: recordComments.regionId,
  regionPath: recordComments.regionPath,
  villageName: regions.name,
  villageLevel: regions.level,
  townshipName: township.name,
  unitElectionId: recordComments.unitElectionId,
  track: unitElections.track,
  stageCode: recordComments.stageCode,
  body: recordComments.body,
  escalated: recordComments.escalated,
  authorName: author.displayName,
  createdAt: recordComments.createdAt,
  resolution: recordComments.resolution,
  resolverName: resolver.displayName,
  resolvedAt: recordComments.resolvedAt,
};

function selectComments(db: Db) {
  return db
    .select(columns)
    .from(recordComments)
    .innerJoin(regions, eq(regions.id, recordComments.regionId))
    .leftJoin(township, eq(township.id, regions.parentId))
    .innerJoin(unitElections, eq(unitElections.id, recordComments.unitElectionId))
    .innerJoin(author, eq(author.id, recordComments.userId))
    .leftJoin(resolver, eq(resolver.id, recordComments.resolvedBy));
}

export async function findComment(db: Db, id: number) {
  const [row] = await selectComments(db).where(eq(recordComments.id, id));
  return row;
}
export type CommentRow = NonNullable<Awaited<ReturnType<typeof findComment>>>;

/** Comments on one unit election: a stage's (stageCode), or the result's (null). */
export async function commentsOn(db: Db, unitElectionId: number, stageCode: string | null) {
  return selectComments(db)
    .where(
      and(
        eq(recordComments.unitElectionId, unitElectionId),
        stageCode === null
          ? isNull(recordComments.stageCode)
          : eq(recordComments.stageCode, stageCode),
      ),
    )
    .orderBy(recordComments.createdAt, recordComments.id);
}

export type EscalationFilter = 'open' | 'resolved' | 'all';

function escalationFilter(filter: EscalationFilter): SQL | undefined {
  switch (filter) {
    case 'open':
      return isNull(recordComments.resolvedAt);
    case 'resolved':
      return isNotNull(recordComments.resolvedAt);
    case 'all':
      return undefined;
  }
}

/** Escalated comments under the paths, the oldest open first. */
export async function escalationsUnder(
  db: Db,
  campaignId: number,
  paths: readonly string[],
  filter: EscalationFilter,
  limit: number,
) {
  const under = paths.map((p) => underPath(recordComments.regionPath, p));
  return selectComments(db)
    .where(
      and(
        eq(recordComments.campaignId, campaignId),
        eq(recordComments.escalated, true),
        under.length === 0 ? sql`false` : or(...under),
        escalationFilter(filter),
      ),
    )
    .orderBy(sql`${recordComments.resolvedAt} is not null`, desc(recordComments.createdAt))
    .limit(limit);
}

export async function resolveComment(
  db: Db,
  id: number,
  values: { resolution: string; resolvedBy: number; resolvedAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(recordComments)
    .set(values)
    .where(
      and(
        eq(recordComments.id, id),
        eq(recordComments.escalated, true),
        isNull(recordComments.resolvedAt),
      ),
    )
    .returning({ id: recordComments.id });
  return rows.length === 1;
}
