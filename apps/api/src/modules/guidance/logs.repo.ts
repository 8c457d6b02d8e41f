import type { Db } from '@huanjie/db';
import { dailyReports, regions, users, visitLogs } from '@huanjie/db';
import type { DailyStatus } from '@huanjie/domain';
import { and, count, desc, eq, gte, lte } from 'drizzle-orm';
import { underPath } from '../../shared/sql.js';

export async function insertVisit(db: Db, values: typeof visitLogs.$inferInsert) {
  const [row] = await db.insert(visitLogs).values(values).returning({ id: visitLogs.id });
  if (!row) throw new Error('visit insert returned no row');
  return row.id;
}

const visitColumns = {
  id: visitLogs.id,
  regionId: visitLogs.regionId,
  regionPath: visitLogs.regionPath,
  villageName: regions.name,
  kind: visitLogs.kind,
  visitDate: visitLogs.visitDate,
  withWhom: visitLogs.withWhom,
  topic: visitLogs.topic,
  outcome: visitLogs.outcome,
  followUpNeeded: visitLogs.followUpNeeded,
  followUp: visitLogs.followUp,
  authorName: users.displayName,
  createdAt: visitLogs.createdAt,
};

export async function findVisit(db: Db, id: number) {
  const [row] = await db
    .select(visitColumns)
    .from(visitLogs)
    .innerJoin(regions, eq(regions.id, visitLogs.regionId))
    .innerJoin(users, eq(users.id, visitLogs.userId))
    .where(eq(visitLogs.id, id));
  return row;
}
export type VisitRow = NonNullable<Awaited<ReturnType<typeof findVisit>>>;

export async function visitsUnder(
  db: Db,
  campaignId: number,
  path: string,
  filter: { followUpOnly: boolean; limit: number },
) {
  return db
    .select(visitColumns)
    .from(visitLogs)
    .innerJoin(regions, eq(regions.id, visitLogs.regionId))
    .innerJoin(users, eq(users.id, visitLogs.userId))
    .where(
      and(
        eq(visitLogs.campaignId, campaignId),
        underPath(visitLogs.regionPath, path),
        filter.followUpOnly ? eq(visitLogs.followUpNeeded, true) : undefined,
      ),
    )
    .orderBy(desc(visitLogs.visitDate), desc(visitLogs.id))
    .limit(filter.limit);
}

const reportColumns = {
  id: dailyReports.id,
  regionId: dailyReports.regionId,
  regionPath: dailyReports.regionPath,
  villageName: regions.name,
  reportDate: dailyReports.reportDate,
  status: dailyReports.status,
  problems: dailyReports.problems,
  needs: dailyReports.needs,
  authorName: users.displayName,
  updatedAt: dailyReports.updatedAt,
};

export async function findReport(db: Db, campaignId: number, regionId: number, date: string) {
  const [row] = await db
    .select(reportColumns)
    .from(dailyReports)
    .innerJoin(regions, eq(regions.id, dailyReports.regionId))
    .innerJoin(users, eq(users.id, dailyReports.userId))
    .where(
      and(
        eq(dailyReports.campaignId, campaignId),
        eq(dailyReports.regionId, regionId),
        eq(dailyReports.reportDate, date),
      ),
    );
  return row;
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export async function upsertReport(
  db: Db,
  values: {
    campaignId: number;
    regionId: number;
    regionPath: string;
    reportDate: string;
    status: DailyStatus;
    problems: string;
    needs: string;
    userId: number;
  },
  now: Date,
) {
  await db
    .insert(dailyReports)
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [dailyReports.campaignId, dailyReports.regionId, dailyReports.reportDate],
      set: {
        status: values.status,
        problems: values.problems,
        needs: values.needs,
        userId: values.userId,
        updatedAt: now,
      },
    });
}

export async function reportsUnder(
  db: Db,
  campaignId: number,
  path: string,
  from: string,
  to: string,
  limit: number,
) {
  return db
    .select(reportColumns)
    .from(dailyReports)
    .innerJoin(regions, eq(regions.id, dailyReports.regionId))
    .innerJoin(users, eq(users.id, dailyReports.userId))
    .where(
      and(
        eq(dailyReports.campaignId, campaignId),
        underPath(dailyReports.regionPath, path),
        gte(dailyReports.reportDate, from),
        lte(dailyReports.reportDate, to),
      ),
    )
    .orderBy(desc(dailyReports.reportDate), dailyReports.regionPath)
    .limit(limit);
}

/** Villages that reported, per day, under a path. */
export async function reportCountsByDay(
  db: Db,
  campaignId: number,
  path: string,
  from: string,
  to: string,
) {
  return db
    .select({ day: dailyReports.reportDate, reported: count() })
    .from(dailyReports)
    .where(
      and(
        eq(dailyReports.campaignId, campaignId),
        underPath(dailyReports.regionPath, path),
        gte(dailyReports.reportDate, from),
        lte(dailyReports.reportDate, to),
      ),
    )
    .groupBy(dailyReports.reportDate);
}

export async function reportedVillageIds(db: Db, campaignId: number, path: string, day: string) {
  const rows = await db
    .select({ regionId: dailyReports.regionId })
    .from(dailyReports)
    .where(
      and(
        eq(dailyReports.campaignId, campaignId),
        eq(dailyReports.reportDate, day),
        underPath(dailyReports.regionPath, path),
      ),
    );
  return new Set(rows.map((r) => r.regionId));
}
