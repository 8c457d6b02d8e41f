import { index, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { ruleSets } from './rule-sets.js';
import { users } from './users.js';

/** A running campaign switched to another rule set: never silent, always with a reason. */
export const campaignRuleChanges = snakeCase.table(
  'campaign_rule_changes',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    fromRuleSetId: integer()
      .notNull()
      .references(() => ruleSets.id),
    toRuleSetId: integer()
      .notNull()
      .references(() => ruleSets.id),
    reason: text().notNull(),
    changedBy: integer()
      .notNull()
      .references(() => users.id),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaign_rule_changes_campaign_idx').on(t.campaignId, t.changedAt)],
);

export type CampaignRuleChangeRow = typeof campaignRuleChanges.$inferSelect;
