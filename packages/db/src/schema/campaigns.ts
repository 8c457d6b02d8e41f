import { CAMPAIGN_STATUSES, ELECTION_DAY_PLANS, ORDERING_POLICIES } from '@huanjie/domain';
import type { Track } from '@huanjie/domain';
import { date, index, integer, jsonb, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { ruleSets } from './rule-sets.js';
import { users } from './users.js';

/** 换届届次: one county's re-election campaign. */
export const campaigns = snakeCase.table(
  'campaigns',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    countyId: integer()
      .notNull()
      .references(() => regions.id),
    name: text().notNull(),
    tracks: jsonb().$type<Track[]>().notNull(),
    /** The term number of each body, e.g. { "V": 12 } for 第十二届村委会. */
    termNumbers: jsonb().$type<Partial<Record<Track, number>>>().notNull(),
    electionDayPlan: text({ enum: ELECTION_DAY_PLANS }).notNull(),
    /** The county-wide election day, or the default when days are set per township or village. */
    electionDay: date({ mode: 'string' }).notNull(),
    windowStart: date({ mode: 'string' }),
    windowEnd: date({ mode: 'string' }),
    ordering: text({ enum: ORDERING_POLICIES }).notNull(),
    ruleSetId: integer()
      .notNull()
      .references(() => ruleSets.id),
    status: text({ enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    startedAt: timestamp({ withTimezone: true }),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Optimistic concurrency: every update checks and bumps it. */
    version: integer().notNull().default(1),
  },
  (t) => [index('campaigns_county_idx').on(t.countyId)],
);

export type CampaignRow = typeof campaigns.$inferSelect;
