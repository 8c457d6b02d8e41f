import type { Db, ResultStatus, RevisionKind } from '@huanjie/db';
import {
  electionMeetings,
  electionResults,
  meetingVotes,
  persons,
  resultRevisions,
  users,
} from '@huanjie/db';
import type {
  ElectedSeat,
  ElectedWriteIn,
  Finding,
  PersonGender,
  PoliticalStatus,
  Post,
  ResultEvaluation,
  ResultSheet,
  Round,
  WriteInVote,
} from '@huanjie/domain';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { PersonRowView } from '../../shared/person.js';
import { personColumns } from '../../shared/person.js';
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
  submittedBy: number | null;
  reviewedAt: Date | null;
  selfReviewed: boolean;
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
  submittedBy: electionResults.submittedBy,
  reviewedAt: electionResults.reviewedAt,
  selfReviewed: electionResults.selfReviewed,
  returnReason: electionResults.returnReason,
};

export async function findResult(db: Db, unitId: number): Promise<ResultRow | null> {
  const [row] = await db
    .select(resultColumns)
    .from(electionResults)
    .where(eq(electionResults.unitElectionId, unitId));
  return row ?? null;
}

/** The results of several unit elections, by unit election. */
export async function findResults(db: Db, unitIds: number[]): Promise<Map<number, ResultRow>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .select(resultColumns)
    .from(electionResults)
    .where(inArray(electionResults.unitElectionId, unitIds));
  return new Map(rows.map((r) => [r.unitElectionId, r]));
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
  writeIns: WriteInView[];
}

/** Votes of a written-in person (另选他人). */
export interface WriteInView {
  name: string;
  gender: PersonGender;
  birthDate: string | null;
  post: Post;
  votesFor: number;
  elected: boolean | null;
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
  return (await meetingsOfResults(db, [resultId])).get(resultId) ?? [];
}

/** The meetings of several results, by result, each in order: two statements for all. */
export async function meetingsOfResults(
  db: Db,
  resultIds: number[],
): Promise<Map<number, MeetingView[]>> {
  const byResult = new Map<number, MeetingView[]>(resultIds.map((id) => [id, []]));
  if (resultIds.length === 0) return byResult;
  const meetings = await db
    .select()
    .from(electionMeetings)
    .where(inArray(electionMeetings.resultId, resultIds))
    .orderBy(asc(electionMeetings.resultId), asc(electionMeetings.seq));
  if (meetings.length === 0) return byResult;
  const votes = await db
    .select({
      vote: meetingVotes,
      name: persons.name,
      gender: persons.gender,
      birthDate: persons.birthDate,
    })
    .from(meetingVotes)
    .leftJoin(persons, eq(persons.id, meetingVotes.writeInPersonId))
    .where(
      inArray(
        meetingVotes.meetingId,
        meetings.map((m) => m.id),
      ),
    )
    .orderBy(asc(meetingVotes.id));
  const votesOf = new Map<number, typeof votes>();
  for (const v of votes) {
    const own = votesOf.get(v.vote.meetingId);
    if (own) own.push(v);
    else votesOf.set(v.vote.meetingId, [v]);
  }
  for (const m of meetings) {
    const own = votesOf.get(m.id) ?? [];
    byResult.get(m.resultId)?.push({
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
      votes: own.flatMap(({ vote: v }) =>
        v.candidateId !== null
          ? [
              {
                candidateId: v.candidateId,
                post: v.post,
                votesFor: v.votesFor,
                against: v.against,
                abstain: v.abstain,
                elected: v.elected,
              },
            ]
          : [],
      ),
      writeIns: own.flatMap(({ vote: v, name, gender, birthDate }) =>
        name !== null && gender !== null
          ? [{ name, gender, birthDate, post: v.post, votesFor: v.votesFor, elected: v.elected }]
          : [],
      ),
    });
  }
  return byResult;
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
  personOfWriteIn?: (w: WriteInVote) => number,
) {
  if (everSubmitted) {
    await tx.delete(electionMeetings).where(eq(electionMeetings.resultId, resultId));
  }
  const rows = meetingRowsOf(sheet, evaluation, postOf, partyTrack, personOfWriteIn);
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

/** A written-in person elected, with the person record the seat is stored under. */
export type StoredWriteIn = ElectedWriteIn & { personId: number };

export interface StoredOutcome {
  elected: ElectedSeat[];
  /** Absent in outcomes stored before write-ins were recorded. */
  electedWriteIns?: StoredWriteIn[];
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

/** The revisions of several results, by result, each in order. */
export async function revisionsOfResults(
  db: Db,
  resultIds: number[],
): Promise<Map<number, RevisionView[]>> {
  const byResult = new Map<number, RevisionView[]>(resultIds.map((id) => [id, []]));
  if (resultIds.length === 0) return byResult;
  const rows = await db
    .select(revisionColumns)
    .from(resultRevisions)
    .innerJoin(users, eq(users.id, resultRevisions.createdBy))
    .where(inArray(resultRevisions.resultId, resultIds))
    .orderBy(asc(resultRevisions.resultId), asc(resultRevisions.revision));
  for (const row of rows) byResult.get(row.resultId)?.push(row);
  return byResult;
}

export async function revisionByKey(db: Db, key: string): Promise<RevisionView | null> {
  const [row] = await db
    .select(revisionColumns)
    .from(resultRevisions)
    .innerJoin(users, eq(users.id, resultRevisions.createdBy))
    .where(eq(resultRevisions.idempotencyKey, key));
  return row ?? null;
}

export interface RevisionValues {
  resultId: number;
  revision: number;
  kind: RevisionKind;
  reason: string | null;
  explanation: string | null;
  sheet: ResultSheet;
  outcome: StoredOutcome;
  idempotencyKey: string;
  createdBy: number;
}

/**
 * Stores a revision and moves its result to it, in one statement. The revision's idempotency key
 * is unique: when a revision holds the key already (a retry), nothing is stored and the answer is
 * false; the result row is updated only with the revision that was inserted.
 */
export async function insertRevision(
  tx: Db,
  values: RevisionValues,
  result: Partial<typeof electionResults.$inferInsert>,
): Promise<boolean> {
  const inserted = tx
    .$with('inserted')
    .as(
      tx
        .insert(resultRevisions)
        .values(values)
        .onConflictDoNothing({ target: resultRevisions.idempotencyKey })
        .returning({ id: resultRevisions.id }),
    );
  const updated = await tx
    .with(inserted)
    .update(electionResults)
    .set({ ...result, revision: values.revision })
    .where(and(eq(electionResults.id, values.resultId), sql`exists (select 1 from ${inserted})`))
    .returning({ id: electionResults.id });
  return updated.length > 0;
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

/** A village's persons of a name, oldest first: a written-in person may be on record already. */
export async function personsNamedIn(db: Db, regionId: number, name: string) {
  return db
    .select({ id: persons.id, birthDate: persons.birthDate })
    .from(persons)
    .where(and(eq(persons.regionId, regionId), eq(persons.name, name)))
    .orderBy(persons.id);
}

export async function insertPerson(
  tx: Db,
  values: {
    regionId: number;
    regionPath: string;
    name: string;
    gender: PersonGender;
    birthDate: string | null;
    politicalStatus: PoliticalStatus;
  },
): Promise<number> {
  const [created] = await tx.insert(persons).values(values).returning({ id: persons.id });
  if (!created) throw new Error('person insert returned nothing');
  return created.id;
}

/** The persons elected as written in (另选他人) in a result's stored meetings. */
export async function writeInPersonsOf(db: Db, resultId: number): Promise<PersonRowView[]> {
  return db
    .selectDistinct(personColumns)
    .from(meetingVotes)
    .innerJoin(electionMeetings, eq(electionMeetings.id, meetingVotes.meetingId))
    .innerJoin(persons, eq(persons.id, meetingVotes.writeInPersonId))
    .where(and(eq(electionMeetings.resultId, resultId), isNotNull(meetingVotes.writeInPersonId)));
}
