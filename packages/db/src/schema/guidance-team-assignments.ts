import { sql } from 'drizzle-orm';
import { check, index, integer, snakeCase, unique } from 'drizzle-orm/pg-core';
import { guidanceTeams } from './guidance-teams.js';
import { regions } from './regions.js';
import { zones } from './zones.js';

/**
 * What a team covers: a region (a village for a guidance team, a township for a supervision
 * team) or a zone (片区), which stands for every village in it.
 */
export const guidanceTeamAssignments = snakeCase.table(
  'guidance_team_assignments',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    teamId: integer()
      .notNull()
      .references(() => guidanceTeams.id, { onDelete: 'cascade' }),
    regionId: integer().references(() => regions.id),
    zoneId: integer().references(() => zones.id),
  },
  (t) => [
    check(
      'guidance_team_assignments_one_target',
      sql`num_nonnulls(${t.regionId}, ${t.zoneId}) = 1`,
    ),
    unique('guidance_team_assignments_region_unique').on(t.teamId, t.regionId),
    unique('guidance_team_assignments_zone_unique').on(t.teamId, t.zoneId),
    index('guidance_team_assignments_region_idx').on(t.regionId),
    index('guidance_team_assignments_zone_idx').on(t.zoneId),
  ],
);

export type GuidanceTeamAssignmentRow = typeof guidanceTeamAssignments.$inferSelect;
