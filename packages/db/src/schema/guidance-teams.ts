import { TEAM_KINDS } from '@huanjie/domain';
import { index, integer, snakeCase, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { cadres } from './cadres.js';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';

/**
 * A guidance team (指导组) of a township, assigned to its villages or zones; or a supervision team
 * (督导组) of the county, assigned to its townships. One campaign's teams.
 */
export const guidanceTeams = snakeCase.table(
  'guidance_teams',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    kind: text({ enum: TEAM_KINDS }).notNull(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    /** The township (guidance) or county (supervision) that owns the team. */
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    name: text().notNull(),
    /** 组长: one of the members. */
    leaderCadreId: integer().references(() => cadres.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('guidance_teams_name_unique').on(t.campaignId, t.regionId, t.name),
    index('guidance_teams_path_idx').using(
      'btree',
      t.campaignId,
      t.regionPath.op('text_pattern_ops'),
    ),
  ],
);

export type GuidanceTeamRow = typeof guidanceTeams.$inferSelect;
