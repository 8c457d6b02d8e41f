import {
  CANDIDATE_STAGES,
  NOMINATION_SOURCES,
  OBJECTION_DECISIONS,
  POSTS,
  PUBLICITY_KINDS,
  VETTING_RESULTS,
} from '@huanjie/domain';
import type { Post } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  snakeCase,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { persons } from './persons.js';
import { unitElections } from './unit-elections.js';
import { users } from './users.js';

/** Per unit election: seats per post (职数) and the participants of the 两推 rounds. */
export const electionSetups = snakeCase.table(
  'election_setups',
  {
    unitElectionId: integer()
      .primaryKey()
      .references(() => unitElections.id),
    regionPath: text().notNull(),
    seats: jsonb().$type<Partial<Record<Post, number>>>().notNull(),
    partyRoundParticipants: integer(),
    massRoundParticipants: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'election_setups_rounds',
      sql`coalesce(${t.partyRoundParticipants}, 0) >= 0 and coalesce(${t.massRoundParticipants}, 0) >= 0`,
    ),
  ],
);

/** A person nominated for one post of one unit election, moving initial → preliminary → formal. */
export const candidates = snakeCase.table(
  'candidates',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    unitElectionId: integer()
      .notNull()
      .references(() => unitElections.id),
    regionPath: text().notNull(),
    personId: integer()
      .notNull()
      .references(() => persons.id),
    post: text({ enum: POSTS }).notNull(),
    stage: text({ enum: CANDIDATE_STAGES }).notNull().default('initial'),
    nominationSource: text({ enum: NOMINATION_SOURCES }).notNull(),
    /** 两推: votes in the party members' round and in the masses' round (P). */
    partyVotes: integer(),
    massVotes: integer(),
    /** 联名提名: voters who signed the nomination (V, C). */
    jointNominators: integer(),
    /** 预选 (V, C): votes among the nominees when they exceed the formal number; null when none was held. */
    preliminaryVotes: integer(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('candidates_one_per_person').on(t.unitElectionId, t.personId),
    index('candidates_unit_idx').on(t.unitElectionId, t.post),
    check(
      'candidates_counts',
      sql`coalesce(${t.partyVotes}, 0) >= 0 and coalesce(${t.massVotes}, 0) >= 0 and coalesce(${t.jointNominators}, 0) >= 0`,
    ),
    check('candidates_preliminary_votes', sql`coalesce(${t.preliminaryVotes}, 0) >= 0`),
  ],
);

/** 资格联审: one department's answer on one candidate. */
export const vettingAnswers = snakeCase.table(
  'vetting_answers',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    candidateId: integer()
      .notNull()
      .references(() => candidates.id),
    department: text().notNull(),
    result: text({ enum: VETTING_RESULTS }).notNull(),
    note: text(),
    enteredBy: integer()
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('vetting_one_per_department').on(t.candidateId, t.department)],
);

/** 公示 of candidates, or the publication of the formal list (then endsOn may be null). */
export const publicityNotices = snakeCase.table(
  'publicity_notices',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    unitElectionId: integer()
      .notNull()
      .references(() => unitElections.id),
    regionPath: text().notNull(),
    kind: text({ enum: PUBLICITY_KINDS }).notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('publicity_one_per_kind').on(t.unitElectionId, t.kind),
    check('publicity_dates', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** An objection received during a 公示, and how it was decided. */
export const publicityObjections = snakeCase.table(
  'publicity_objections',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    publicityId: integer()
      .notNull()
      .references(() => publicityNotices.id),
    candidateId: integer().references(() => candidates.id),
    receivedOn: date({ mode: 'string' }).notNull(),
    content: text().notNull(),
    decision: text({ enum: OBJECTION_DECISIONS }).notNull().default('pending'),
    decidedOn: date({ mode: 'string' }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('objections_publicity_idx').on(t.publicityId)],
);

export type CandidateRow = typeof candidates.$inferSelect;
