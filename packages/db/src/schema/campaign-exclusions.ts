import { integer, snakeCase, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';
import { users } from './users.js';

/** A village the county leaves out of a campaign (e.g. 撤并中), with the reason. */
export const campaignExclusions = snakeCase.table(
  'campaign_exclusions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    reason: text().notNull(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('campaign_exclusions_one_per_village').on(t.campaignId, t.regionId)],
);

export type CampaignExclusionRow = typeof campaignExclusions.$inferSelect;
