import { date, index, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { inspections } from './inspections.js';
import { regions } from './regions.js';
import { users } from './users.js';

/**
 * 整改通知: what a county supervisor orders a township to correct, by a deadline; the township
 * answers with what it did. Open, overdue or answered is computed from the dates (supervision.ts).
 */
export const correctionOrders = snakeCase.table(
  'correction_orders',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    /** The township that must correct. */
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    /** The inspection that found it, when one did. */
    inspectionId: integer().references(() => inspections.id),
    issuedOn: date({ mode: 'string' }).notNull(),
    deadline: date({ mode: 'string' }).notNull(),
    requirement: text().notNull(),
    issuedBy: integer()
      .notNull()
      .references(() => users.id),
    answer: text(),
    answeredOn: date({ mode: 'string' }),
    answeredBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('correction_orders_path_idx').using(
      'btree',
      t.campaignId,
      t.regionPath.op('text_pattern_ops'),
      t.deadline,
    ),
  ],
);

export type CorrectionOrderRow = typeof correctionOrders.$inferSelect;
