import { REGION_LEVELS, TOWNSHIP_KINDS } from '@huanjie/domain';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { date, index, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { zones } from './zones.js';

export const regions = snakeCase.table(
  'regions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer(),
    level: text({ enum: REGION_LEVELS }).notNull(),
    name: text().notNull(),
    /** Administrative division code (统计用区划代码). */
    code: text().notNull().unique(),
    /** Materialized path of ids, e.g. "1.4.37."; see domain/regions.ts. */
    path: text().notNull().unique(),
    zoneId: integer().references(() => zones.id),
    /** 乡, 镇 or 街道, as the civil affairs list says; null for other levels and older rows. */
    townshipKind: text({ enum: TOWNSHIP_KINDS }),
    households: integer(),
    population: integer(),
    /** 村民小组数 as the civil affairs list gives it. */
    villagerGroups: integer(),
    /**
     * 撤并: the day a village was merged into another. It stays, with its past records, but no
     * new campaign counts it.
     */
    mergedOn: date({ mode: 'string' }),
    mergedIntoId: integer().references((): AnyPgColumn => regions.id),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('regions_path_prefix_idx').using('btree', t.path.op('text_pattern_ops')),
    index('regions_parent_idx').on(t.parentId, t.sortOrder),
    index('regions_name_idx').on(t.name),
  ],
);

export type RegionRow = typeof regions.$inferSelect;
