import { DAILY_STATUSES } from '@huanjie/domain';
import { date, index, integer, snakeCase, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';
import { users } from './users.js';

/** 一日一汇报: one short report per village per day during the election window. */
export const dailyReports = snakeCase.table(
  'daily_reports',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    reportDate: date({ mode: 'string' }).notNull(),
    status: text({ enum: DAILY_STATUSES }).notNull(),
    problems: text().notNull().default(''),
    needs: text().notNull().default(''),
    /** Who filed (or last corrected) it. */
    userId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('daily_reports_one_per_day').on(t.campaignId, t.regionId, t.reportDate),
    index('daily_reports_path_idx').using(
      'btree',
      t.campaignId,
      t.reportDate,
      t.regionPath.op('text_pattern_ops'),
    ),
  ],
);

export type DailyReportRow = typeof dailyReports.$inferSelect;
