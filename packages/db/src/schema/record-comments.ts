import { boolean, index, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';
import { unitElections } from './unit-elections.js';
import { users } from './users.js';

/**
 * A county leader's comment on one village's record: a stage of one of its unit elections, or
 * (no stage) that election's result. Escalated, it is on the township's queue until the township
 * resolves it with an answer.
 */
export const recordComments = snakeCase.table(
  'record_comments',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    /** The village whose record it is. */
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    unitElectionId: integer()
      .notNull()
      .references(() => unitElections.id),
    /** The stage commented on; null: the election's result. */
    stageCode: text(),
    body: text().notNull(),
    escalated: boolean().notNull(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolution: text(),
    resolvedBy: integer().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('record_comments_path_idx').using(
      'btree',
      t.campaignId,
      t.regionPath.op('text_pattern_ops'),
    ),
    index('record_comments_unit_idx').on(t.unitElectionId, t.stageCode),
  ],
);

export type RecordCommentRow = typeof recordComments.$inferSelect;
