import {
  CASE_CATEGORIES,
  CASE_CHANNELS,
  CASE_HANDLER_KINDS,
  CASE_MEASURES,
  CASE_OUTCOMES,
  CASE_SEVERITIES,
  CASE_STATUSES,
  ROLES,
} from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { candidates } from './election-candidates.js';
import { guidanceTeams } from './guidance-teams.js';
import { regions } from './regions.js';
import { users } from './users.js';

/**
 * A complaint or report (信访 / 举报) about a village in a campaign: where it came from, what is
 * alleged, who handles it, and how it ended. The reporter's name, phone and ID number are kept
 * here and shown only to the handling group and the county admin (the API decides, per field).
 */
export const cases = snakeCase.table(
  'cases',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    channel: text({ enum: CASE_CHANNELS }).notNull(),
    category: text({ enum: CASE_CATEGORIES }).notNull(),
    severity: text({ enum: CASE_SEVERITIES }).notNull(),
    allegation: text().notNull(),
    receivedOn: date({ mode: 'string' }).notNull(),
    /** The candidate concerned, when the case is about one. */
    candidateId: integer().references(() => candidates.id),
    /** The person concerned, as named in the report, when not a candidate. */
    personConcerned: text(),
    reporterName: text(),
    reporterPhone: text(),
    reporterIdNumber: text(),
    status: text({ enum: CASE_STATUSES }).notNull().default('received'),
    handlerKind: text({ enum: CASE_HANDLER_KINDS }),
    /** Null again when the team is dissolved after the case was closed. */
    handlerTeamId: integer().references(() => guidanceTeams.id, { onDelete: 'set null' }),
    /** The township (township office) or county (county office) handling it. */
    handlerRegionId: integer().references(() => regions.id),
    assignedOn: date({ mode: 'string' }),
    acknowledgedOn: date({ mode: 'string' }),
    closedOn: date({ mode: 'string' }),
    outcome: text({ enum: CASE_OUTCOMES }),
    measures: text({ enum: CASE_MEASURES })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    measuresNote: text(),
    reply: text(),
    openedBy: integer()
      .notNull()
      .references(() => users.id),
    openedByRole: text({ enum: ROLES }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('cases_path_idx').using('btree', t.campaignId, t.regionPath.op('text_pattern_ops')),
    index('cases_candidate_idx').on(t.candidateId),
    check(
      'cases_handler',
      sql`(${t.handlerKind} is null and ${t.handlerTeamId} is null and ${t.handlerRegionId} is null)
        or ${t.handlerKind} = 'team'
        or (${t.handlerKind} <> 'team' and ${t.handlerRegionId} is not null)`,
    ),
    check(
      'cases_dates',
      sql`coalesce(${t.acknowledgedOn}, ${t.receivedOn}) >= ${t.receivedOn}
        and coalesce(${t.closedOn}, ${t.receivedOn}) >= ${t.receivedOn}`,
    ),
  ],
);

export type CaseRow = typeof cases.$inferSelect;

/** One step of an investigation (调查处理): what was done, on which day, by whom. */
export const caseActions = snakeCase.table(
  'case_actions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => cases.id),
    regionPath: text().notNull(),
    actionOn: date({ mode: 'string' }).notNull(),
    /** Who did it (names of the investigators, as typed). */
    actor: text().notNull(),
    action: text().notNull(),
    enteredBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_actions_case_idx').on(t.caseId, t.actionOn)],
);

export type CaseActionRow = typeof caseActions.$inferSelect;
