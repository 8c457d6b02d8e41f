import { RISK_LEVELS, ROLES } from '@huanjie/domain';
import { index, integer, snakeCase, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';
import { users } from './users.js';

/**
 * A village's risk level in a campaign (一般 / 重点 / 难点) and why. The 一村一策 plan of a 重点 or
 * 难点 village is its own record (risk_plans: owner, measures, escalation), not a text here.
 */
export const villageRisks = snakeCase.table(
  'village_risks',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    level: text({ enum: RISK_LEVELS }).notNull(),
    reason: text().notNull(),
    setBy: integer()
      .notNull()
      .references(() => users.id),
    setByRole: text({ enum: ROLES }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    unique('village_risks_one_per_village').on(t.campaignId, t.regionId),
    index('village_risks_path_idx').using(
      'btree',
      t.campaignId,
      t.regionPath.op('text_pattern_ops'),
    ),
  ],
);

export type VillageRiskRow = typeof villageRisks.$inferSelect;
