import { TRACKS } from '@huanjie/domain';
import { date, index, integer, snakeCase, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';

/** One election of one body (track) in one village within a campaign. */
export const unitElections = snakeCase.table(
  'unit_elections',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    /** The village's path (regions never move): subtree filters and row-level security use it. */
    regionPath: text().notNull(),
    track: text({ enum: TRACKS }).notNull(),
    /** This village's own election day, when the plan sets days per village. */
    electionDay: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('unit_elections_one_per_track').on(t.campaignId, t.regionId, t.track),
    index('unit_elections_path_idx').using(
      'btree',
      t.campaignId,
      t.regionPath.op('text_pattern_ops'),
    ),
  ],
);

export type UnitElectionRow = typeof unitElections.$inferSelect;
