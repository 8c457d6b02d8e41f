import { VISIT_KINDS } from '@huanjie/domain';
import { boolean, date, index, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { cadres } from './cadres.js';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';
import { users } from './users.js';

/** 走访 / 谈话: a guidance member's visit or talk in one of their villages. */
export const visitLogs = snakeCase.table(
  'visit_logs',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    kind: text({ enum: VISIT_KINDS }).notNull(),
    visitDate: date({ mode: 'string' }).notNull(),
    withWhom: text().notNull(),
    topic: text().notNull(),
    outcome: text().notNull(),
    followUpNeeded: boolean().notNull(),
    followUp: text(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    /** The author's roster entry, when they have one. */
    cadreId: integer().references(() => cadres.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visit_logs_path_idx').using(
      'btree',
      t.campaignId,
      t.regionPath.op('text_pattern_ops'),
      t.visitDate,
    ),
  ],
);

export type VisitLogRow = typeof visitLogs.$inferSelect;
