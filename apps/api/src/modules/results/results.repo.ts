import type { Db, ResultStatus, RevisionKind } from '@huanjie/db';
import {
  electionMeetings,
  electionResults,
  meetingVotes,
  resultRevisions,
  users,
} from '@huanjie/db';
import type {
  ElectedSeat,
  Finding,
  Post,
  ResultEvaluation,
  ResultSheet,
  Round,
} from '@huanjie/domain';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { meetingRowsOf, queryRows } from '@huanjie/db';

export interface ResultRow {
  id: number;
  unitElectionId: number;
  regionPath: string;
  status: ResultStatus;
  draft: ResultSheet | null;
  draftSavedAt: Date | null;
  revision: number;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  returnReason: string | null;
}

const resultColumns = {
  id: electionResults.id,
  unitElectionId: electionResults.unitElectionId,
  regionPath: electionResults.regionPath,
  status: electionResults.status,
  draft: electionResults.draft,
  draftSavedAt: electionResults.draftSavedAt,
  revision: electionResults.revision,
  submittedAt: electionResults.submittedAt,
  reviewedAt: electionResults.reviewedAt,
  returnReason: electionResults.returnReason,
};

export async function findResult(db: Db, unitId: number): Promise<ResultRow | null> {
  const [row] = await db
    .select(resultColumns)
    .from(electionResults)
    .where(eq(electionResults.unitElectionId, unitId));
  return row ?? null;
}

/**
 * The unit's result row, created if missing, locked until the transaction ends (one writer per
 * result). One statement: an insert that meets the existing row updates it to itself, which locks
 * it and returns it as it is now.
 */
export async function lockResult(tx: Db, unitId: number, regionPath: string): Promise<ResultRow> {
  const [row] = await tx
    .insert(electionResults)
    .values({ unitElectionId: unitId, regionPath })
    .onConflictDoUpdate({
      target: electionResults.unitElectionId,
      set: { unitElectionId: sql`excluded.unit_election_id` },
    })
    .returning(resultColumns);
  if (!row) throw new Error('result row vanished');
  return row;
}

export async function updateResult(
  tx: Db,
  id: number,
  values: Partial<typeof electionResults.$inferInsert>,
) {
  await tx.update(electionResults).set(values).where(eq(electionResults.id, id));
}

export interface MeetingView {
  id: number;
  seq: number;
  round: Round;
  heldOn: string;
  entitled: number;
  inPerson: number;
  proxy: number;
  other: number;
  voted: number;
  ballotsIssued: number;
  ballotsReturned: number;
  ballotsValid: number;
  ballotsInvalid: number;
  votes: VoteView[];
}

export interface VoteView {
  candidateId: number;
  post: Post;
  votesFor: number;
  against: number | null;
  abstain: number | null;
  elected: boolean | null;
}

export async function meetingsOf(db: Db, resultId: number): Promise<MeetingView[]> {
  const meetings = await db
    .select()
    .from(electionMeetings)
    .where(eq(electionMeetings.resultId, resultId))
    .orderBy(asc(electionMeetings.seq));
  if (meetings.length === 0) return [];
  const votes = await db
    .select()
    .from(meetingVotes)
    .where(
      inArray(
        meetingVotes.meetingId,
        meetings.map((m) => m.id),
      ),
    )
    .orderBy(asc(meetingVotes.id));
  return meetings.map((m) => ({
    id: m.id,
    seq: m.seq,
    round: m.round,
    heldOn: m.heldOn,
    entitled: m.entitled,
    inPerson: m.inPerson,
    proxy: m.proxy,
    other: m.other,
    voted: m.voted,
    ballotsIssued: m.ballotsIssued,
    ballotsReturned: m.ballotsReturned,
    ballotsValid: m.ballotsValid,
    ballotsInvalid: m.ballotsInvalid,
    votes: votes
      .filter((v) => v.meetingId === m.id)
      .map((v) => ({
        candidateId: v.candidateId,
        post: v.post,
        votesFor: v.votesFor,
        against: v.against,
        abstain: v.abstain,
        elected: v.elected,
      })),
  }));
}

/**
 * Replaces the stored meetings with the accepted sheet; `elected` comes from the evaluation, never
 * from input. At most three statements whatever the sheet: the old meetings go (their votes with
 * them, by the foreign key's cascade; a result never submitted has none), then every meeting, then
 * every vote. (Not one statement: the votes'
 * row-level security policy looks their meeting up, and a meeting inserted by the same statement is
 * not visible to it yet.)
 */
export async function replaceMeetings(
  tx: Db,
  resultId: number,
  sheet: ResultSheet,
  evaluation: ResultEvaluation,
  postOf: (candidateId: number) => Post,
  partyTrack: boolean,
  everSubmitted: boolean,
) {
  if (everSubmitted) {
    await tx.delete(electionMeetings).where(eq(electionMeetings.resultId, resultId));
  }
  const rows = meetingRowsOf(sheet, evaluation, postOf, partyTrack);
  if (rows.length === 0) return;
  const stored = await tx
    .insert(electionMeetings)
    .values(rows.map((r) => ({ ...r.meeting, resultId })))
    .returning({ id: electionMeetings.id, seq: electionMeetings.seq });
  const idOf = new Map(stored.map((m) => [m.seq, m.id]));
  const votes = rows.flatMap((r) =>
    r.votes.map((v) => ({ ...v, meetingId: idOf.get(r.meeting.seq) ?? 0 })),
  );
  if (votes.length > 0) await tx.insert(meetingVotes).values(votes);
}

export interface StoredOutcome {
  elected: ElectedSeat[];
  vacancies: Partial<Record<Post, number>>;
  oneTimeSuccess: boolean;
  warnings: Finding[];
}

export interface RevisionView {
  id: number;
  revision: number;
  kind: RevisionKind;
  reason: string | null;
  explanation: string | null;
  sheet: ResultSheet;
  outcome: StoredOutcome;
  idempotencyKey: string;
  createdAt: Date;
  createdByName: string;
  resultId: number;
}

const revisionColumns = {
  id: resultRevisions.id,
  revision: resultRevisions.revision,
  kind: resultRevisions.kind,
  reason: resultRevisions.reason,
  explanation: resultRevisions.explanation,
  sheet: resultRevisions.sheet,
  outcome: sql<StoredOutcome>`${resultRevisions.outcome}`,
  idempotencyKey: resultRevisions.idempotencyKey,
  createdAt: resultRevisions.createdAt,
  createdByName: users.displayName,
  resultId: resultRevisions.resultId,
};

export async function revisionsOf(db: Db, resultId: number): Promise<RevisionView[]> {
  return db
    .select(revisionColumns)
    .from(resultRevisions)
    .innerJoin(users, eq(users.id, resultRevisions.createdBy))
    .where(eq(resultRevisions.resultId, resultId))
    .orderBy(asc(resultRevisions.revision));
}

export async function revisionByKey(db: Db, key: string): Promise<RevisionView | null> {
  const [row] = await db
    .select(revisionColumns)
    .from(resultRevisions)
    .innerJoin(users, eq(users.id, resultRevisions.createdBy))
    .where(eq(resultRevisions.idempotencyKey, key));
  return row ?? null;
}

export async function insertRevision(
  tx: Db,
  values: {
    resultId: number;
    revision: number;
    kind: RevisionKind;
    reason: string | null;
    explanation: string | null;
    sheet: ResultSheet;
    outcome: StoredOutcome;
    idempotencyKey: string;
    createdBy: number;
  },
) {
  await tx.insert(resultRevisions).values(values);
}

/** Units under a path whose results are in one of the statuses: the township's review queue. */
export async function resultUnitIdsUnder(
  db: Db,
  path: string,
  statuses: readonly ResultStatus[],
): Promise<number[]> {
  if (statuses.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select r.unit_election_id as id from election_results r where r.region_path like ${`${path}%`} and r.status in (${sql.join(
      statuses.map((s) => sql`${s}`),
      sql`, `,
    )}) order by r.submitted_at nulls last, r.id`,
  );
  return rows.map((r) => r.id);
}
