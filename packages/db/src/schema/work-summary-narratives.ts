import { index, integer, snakeCase, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';
import { users } from './users.js';

/**
 * A narrative paragraph of a township's or the county's 工作总结 draft, as its user wrote it (the
 * figures around it are computed when the draft is generated, never stored).
 */
export const workSummaryNarratives = snakeCase.table(
  'work_summary_narratives',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    /** Which paragraph of the draft (summary-sections.ts in the API). */
    key: text().notNull(),
    body: text().notNull(),
    updatedBy: integer()
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('work_summary_narratives_one_per_key').on(t.campaignId, t.regionId, t.key),
    index('work_summary_narratives_path_idx').using(
      'btree',
      t.campaignId,
      t.regionPath.op('text_pattern_ops'),
    ),
  ],
);

export type WorkSummaryNarrativeRow = typeof workSummaryNarratives.$inferSelect;
