import { TRACKS } from '@huanjie/domain';
import { date, index, integer, snakeCase, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';
import { users } from './users.js';

/**
 * Election days that differ from the campaign's day: for the whole county per track, for a
 * township (all tracks or one), as the plan says. A village's own day lives on its unit elections
 * (unit_elections.election_day). Nothing derived from a day is stored: due dates are computed
 * from the effective day (unit_election_days below), so they move when the day moves.
 */
export const electionDays = snakeCase.table(
  'election_days',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    /** Null: every track of the region. */
    track: text({ enum: TRACKS }),
    day: date({ mode: 'string' }).notNull(),
    setBy: integer()
      .notNull()
      .references(() => users.id),
    setAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('election_days_one_per_region_track')
      .on(t.campaignId, t.regionId, t.track)
      .nullsNotDistinct(),
    index('election_days_campaign_idx').on(t.campaignId),
  ],
);

export type ElectionDayRow = typeof electionDays.$inferSelect;
