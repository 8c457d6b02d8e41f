import { index, integer, jsonb, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { users } from './users.js';

export interface RuleValue {
  value: number | boolean | string;
  /** The legal basis, e.g. "村民委员会组织法 第十四条". */
  citation: string;
}

/**
 * A versioned set of legal thresholds. Rows are never edited: a change is a new row whose
 * basedOnId points at the set it copies. countyId is null for the national defaults.
 */
export const ruleSets = snakeCase.table(
  'rule_sets',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    countyId: integer().references(() => regions.id),
    name: text().notNull(),
    version: integer().notNull().default(1),
    basedOnId: integer(),
    values: jsonb().$type<Record<string, RuleValue>>().notNull(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rule_sets_county_idx').on(t.countyId)],
);

export type RuleSetRow = typeof ruleSets.$inferSelect;
