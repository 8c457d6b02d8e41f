import { ROLES } from '@huanjie/domain';
import { date, index, integer, snakeCase, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { storedFiles } from './stored-files.js';
import { unitElections } from './unit-elections.js';
import { users } from './users.js';

/**
 * One ticked item of a village's track F checklist (domain follow-up.ts): a handover item, a
 * supporting committee, an exit talk, the rules, the archive. No row means not done. Its due date is
 * never stored: it follows from the election day and the rule set.
 */
export const followUpItems = snakeCase.table(
  'follow_up_items',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** The village's track F unit election. */
    unitElectionId: integer()
      .notNull()
      .references(() => unitElections.id),
    regionPath: text().notNull(),
    itemCode: text().notNull(),
    doneOn: date({ mode: 'string' }).notNull(),
    /** Who handed over / received, who held the talk (as the village writes it). */
    doneBy: text().notNull(),
    note: text(),
    fileId: integer().references(() => storedFiles.id),
    enteredBy: integer()
      .notNull()
      .references(() => users.id),
    enteredRole: text({ enum: ROLES }).notNull(),
    enteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    unique('follow_up_items_one_per_item').on(t.unitElectionId, t.itemCode),
    index('follow_up_items_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

export type FollowUpItemRow = typeof followUpItems.$inferSelect;
