import { ELECTED_TRACKS, POSTS } from '@huanjie/domain';
import { index, integer, snakeCase, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { persons } from './persons.js';
import { regions } from './regions.js';

/**
 * Seats of earlier terms (imported from the last term's roster): the baseline for 连任 and for
 * the change against the previous term. Seats of the current campaign are not copied here; they
 * are read from the approved results.
 */
export const officeHolders = snakeCase.table(
  'office_holders',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => persons.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    track: text({ enum: ELECTED_TRACKS }).notNull(),
    post: text({ enum: POSTS }).notNull(),
    termNumber: integer().notNull(),
    source: text({ enum: ['import', 'demo'] }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('office_holders_one_seat').on(t.regionId, t.track, t.termNumber, t.personId),
    index('office_holders_path_idx').using(
      'btree',
      t.track,
      t.termNumber,
      t.regionPath.op('text_pattern_ops'),
    ),
  ],
);

export type OfficeHolderRow = typeof officeHolders.$inferSelect;
