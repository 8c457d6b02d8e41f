import type { FindingCategory } from '@huanjie/domain';
import { date, index, integer, jsonb, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';
import { users } from './users.js';

/** One finding of an inspection: its category and what was found. */
export interface InspectionFinding {
  category: FindingCategory;
  text: string;
}

/** 督导检查: a county supervisor's inspection of one township they are assigned to. */
export const inspections = snakeCase.table(
  'inspections',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    /** The township inspected. */
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    inspectedOn: date({ mode: 'string' }).notNull(),
    /** The villages of the township visited (ids of regions under it). */
    villageIds: integer().array().notNull(),
    findings: jsonb().$type<InspectionFinding[]>().notNull(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspections_path_idx').using(
      'btree',
      t.campaignId,
      t.regionPath.op('text_pattern_ops'),
      t.inspectedOn,
    ),
  ],
);

export type InspectionRow = typeof inspections.$inferSelect;
