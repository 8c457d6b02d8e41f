import { TEAM_ROLES } from '@huanjie/domain';
import { index, integer, snakeCase, text, unique } from 'drizzle-orm/pg-core';
import { cadres } from './cadres.js';
import { guidanceTeams } from './guidance-teams.js';

/** A cadre in a team, in one role (包村领导, 包村干部, 驻村指导员, 联络员; 督导员). */
export const guidanceTeamMembers = snakeCase.table(
  'guidance_team_members',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    teamId: integer()
      .notNull()
      .references(() => guidanceTeams.id, { onDelete: 'cascade' }),
    cadreId: integer()
      .notNull()
      .references(() => cadres.id),
    role: text({ enum: TEAM_ROLES }).notNull(),
  },
  (t) => [
    unique('guidance_team_members_unique').on(t.teamId, t.cadreId),
    index('guidance_team_members_cadre_idx').on(t.cadreId),
  ],
);

export type GuidanceTeamMemberRow = typeof guidanceTeamMembers.$inferSelect;
