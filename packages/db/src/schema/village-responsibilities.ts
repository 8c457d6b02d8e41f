import { RESPONSIBILITY_KINDS } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { index, integer, snakeCase, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { cadres } from './cadres.js';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';

/** 第一责任人 (one per village) and 直接责任人 (one or more) of a village in a campaign. */
export const villageResponsibilities = snakeCase.table(
  'village_responsibilities',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    kind: text({ enum: RESPONSIBILITY_KINDS }).notNull(),
    cadreId: integer()
      .notNull()
      .references(() => cadres.id),
  },
  (t) => [
    unique('village_responsibilities_unique').on(t.campaignId, t.regionId, t.kind, t.cadreId),
    uniqueIndex('village_responsibilities_one_first')
      .on(t.campaignId, t.regionId)
      .where(sql`${t.kind} = 'first'`),
    index('village_responsibilities_path_idx').using(
      'btree',
      t.campaignId,
      t.regionPath.op('text_pattern_ops'),
    ),
    index('village_responsibilities_cadre_idx').on(t.cadreId),
  ],
);

export type VillageResponsibilityRow = typeof villageResponsibilities.$inferSelect;
