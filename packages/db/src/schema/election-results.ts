import { POSTS, ROUNDS } from '@huanjie/domain';
import type { ResultSheet } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { candidates } from './election-candidates.js';
import { persons } from './persons.js';
import { unitElections } from './unit-elections.js';
import { users } from './users.js';

export const RESULT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** The result of one unit election: a draft, then submitted, then approved (locked) by the township. */
export const electionResults = snakeCase.table(
  'election_results',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    unitElectionId: integer()
      .notNull()
      .unique()
      .references(() => unitElections.id),
    regionPath: text().notNull(),
    status: text({ enum: RESULT_STATUSES }).notNull().default('draft'),
    /** The clerk's unsubmitted sheet, saved as typed (checks are advisory until submission). */
    draft: jsonb().$type<ResultSheet>(),
    draftSavedAt: timestamp({ withTimezone: true }),
    /** The number of accepted revisions; the meetings below are those of the latest. */
    revision: integer().notNull().default(0),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: integer().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: integer().references(() => users.id),
    /**
     * The reviewer had submitted the result: allowed only where nobody else may review the
     * village (a township with one coordinator), and shown to the county.
     */
    selfReviewed: boolean().notNull().default(false),
    returnReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('election_results_path_idx').using('btree', t.regionPath.op('text_pattern_ops'))],
);

/**
 * One election meeting (正式选举) or 另行选举 round. The database itself refuses counts that do
 * not reconcile: a hand-made insert cannot store more votes cast than voters, either.
 */
export const electionMeetings = snakeCase.table(
  'election_meetings',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    resultId: integer()
      .notNull()
      .references(() => electionResults.id),
    seq: integer().notNull(),
    round: text({ enum: ROUNDS }).notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    entitled: integer().notNull(),
    inPerson: integer().notNull(),
    proxy: integer().notNull(),
    other: integer().notNull(),
    voted: integer()
      .notNull()
      .generatedAlwaysAs(sql`in_person + proxy + other`),
    ballotsIssued: integer().notNull(),
    ballotsReturned: integer().notNull(),
    ballotsValid: integer().notNull(),
    ballotsInvalid: integer().notNull(),
  },
  (t) => [
    unique('election_meetings_seq').on(t.resultId, t.seq),
    check(
      'election_meetings_counts',
      sql`${t.entitled} > 0 and ${t.inPerson} >= 0 and ${t.proxy} >= 0 and ${t.other} >= 0 and ${t.ballotsIssued} >= 0 and ${t.ballotsValid} >= 0 and ${t.ballotsInvalid} >= 0`,
    ),
    check(
      'election_meetings_voted_le_entitled',
      sql`${t.inPerson} + ${t.proxy} + ${t.other} <= ${t.entitled}`,
    ),
    check('election_meetings_returned_le_issued', sql`${t.ballotsReturned} <= ${t.ballotsIssued}`),
    check(
      'election_meetings_valid_plus_invalid',
      sql`${t.ballotsValid} + ${t.ballotsInvalid} = ${t.ballotsReturned}`,
    ),
  ],
);

/**
 * Votes for one candidate, or for one person written in (另选他人, V and C), in one meeting;
 * `elected` is decided by the rule set at submission, never typed.
 */
export const meetingVotes = snakeCase.table(
  'meeting_votes',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    meetingId: integer()
      .notNull()
      .references(() => electionMeetings.id, { onDelete: 'cascade' }),
    /** Null for a written-in person. */
    candidateId: integer().references(() => candidates.id),
    /** The written-in person (另选他人); null for a candidate, whose person is the candidate's. */
    writeInPersonId: integer().references(() => persons.id),
    post: text({ enum: POSTS }).notNull(),
    votesFor: integer().notNull(),
    against: integer(),
    abstain: integer(),
    elected: boolean().notNull(),
  },
  (t) => [
    unique('meeting_votes_one_per_candidate').on(t.meetingId, t.candidateId),
    unique('meeting_votes_one_per_write_in').on(t.meetingId, t.post, t.writeInPersonId),
    check(
      'meeting_votes_candidate_or_write_in',
      sql`(${t.candidateId} is null) <> (${t.writeInPersonId} is null)`,
    ),
    check(
      'meeting_votes_counts',
      sql`${t.votesFor} >= 0 and coalesce(${t.against}, 0) >= 0 and coalesce(${t.abstain}, 0) >= 0`,
    ),
  ],
);

export const REVISION_KINDS = ['submit', 'resubmit', 'amend'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/**
 * Every accepted version of a result, never changed: the first submission, resubmissions before
 * approval, and amendments after it (with their reason). The idempotency key makes a retried
 * submission return the revision it already created.
 */
export const resultRevisions = snakeCase.table(
  'result_revisions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    resultId: integer()
      .notNull()
      .references(() => electionResults.id),
    revision: integer().notNull(),
    kind: text({ enum: REVISION_KINDS }).notNull(),
    reason: text(),
    /** 情况说明: why the warnings of this sheet (an uncontested race, a late posting…) are what happened. */
    explanation: text(),
    sheet: jsonb().$type<ResultSheet>().notNull(),
    /** Who was elected and the warnings accepted with it. */
    outcome: jsonb().notNull(),
    idempotencyKey: text().notNull().unique(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('result_revisions_number').on(t.resultId, t.revision)],
);

export type ElectionResultRow = typeof electionResults.$inferSelect;
