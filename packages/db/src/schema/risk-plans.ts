import { MEASURE_STATUSES, RISK_LEVELS, ROLES } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, snakeCase, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { cadres } from './cadres.js';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';
import { users } from './users.js';

/**
 * The 一村一策 plan of a 重点 / 难点 village in a campaign: its owner (a cadre of the roster), the
 * day it was drawn up, escalation to the county and the county's answer, and the day the risk was
 * resolved. Its status is derived from these dates (risk-plans.ts in domain), never stored.
 */
export const riskPlans = snakeCase.table(
  'risk_plans',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    ownerCadreId: integer()
      .notNull()
      .references(() => cadres.id),
    planDate: date({ mode: 'string' }).notNull(),
    summary: text().notNull(),
    escalatedOn: date({ mode: 'string' }),
    escalationNote: text(),
    escalatedBy: integer().references(() => users.id),
    answeredOn: date({ mode: 'string' }),
    answer: text(),
    answeredBy: integer().references(() => users.id),
    resolvedOn: date({ mode: 'string' }),
    resolutionNote: text(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    unique('risk_plans_one_per_village').on(t.campaignId, t.regionId),
    index('risk_plans_path_idx').using('btree', t.campaignId, t.regionPath.op('text_pattern_ops')),
    check('risk_plans_resolved_after_plan', sql`${t.resolvedOn} is null or ${t.resolvedOn} >= ${t.planDate}`),
  ],
);

/** One measure of a plan: what, by when, and how it ended (done on a day with a note, or dropped). */
export const riskMeasures = snakeCase.table(
  'risk_measures',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    planId: integer()
      .notNull()
      .references(() => riskPlans.id),
    regionPath: text().notNull(),
    description: text().notNull(),
    deadline: date({ mode: 'string' }).notNull(),
    status: text({ enum: MEASURE_STATUSES }).notNull().default('open'),
    doneOn: date({ mode: 'string' }),
    note: text(),
    dropReason: text(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    closedBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('risk_measures_plan_idx').on(t.planId),
    index('risk_measures_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
    check(
      'risk_measures_closed',
      sql`(${t.status} = 'open' and ${t.doneOn} is null and ${t.dropReason} is null)
        or (${t.status} = 'done' and ${t.doneOn} is not null)
        or (${t.status} = 'dropped' and ${t.dropReason} is not null)`,
    ),
  ],
);

/** Every change of a village's risk level: who, when, from → to, why. Written with the level. */
export const riskLevelChanges = snakeCase.table(
  'risk_level_changes',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    fromLevel: text({ enum: RISK_LEVELS }),
    toLevel: text({ enum: RISK_LEVELS }).notNull(),
    reason: text().notNull(),
    changedBy: integer()
      .notNull()
      .references(() => users.id),
    changedByRole: text({ enum: ROLES }).notNull(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('risk_level_changes_village_idx').on(t.campaignId, t.regionId),
    index('risk_level_changes_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

export type RiskPlanRow = typeof riskPlans.$inferSelect;
export type RiskMeasureRow = typeof riskMeasures.$inferSelect;
export type RiskLevelChangeRow = typeof riskLevelChanges.$inferSelect;
