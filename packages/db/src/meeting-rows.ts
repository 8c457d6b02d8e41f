import type { Post, ResultEvaluation, ResultSheet, WriteInVote } from '@huanjie/domain';
import { writeInKey } from '@huanjie/domain';
import type { electionMeetings, meetingVotes } from './schema/index.js';

type MeetingRow = Omit<typeof electionMeetings.$inferInsert, 'id' | 'resultId'>;
type VoteRow = Omit<typeof meetingVotes.$inferInsert, 'meetingId'>;

/**
 * An accepted sheet as the rows it is stored in: each meeting with its votes. `elected` comes from
 * the evaluation, never from input; against/abstain exist on the party track only. Used by result
 * entry (apps/api results.repo) and by the demo seeding alike. Written-in persons (另选他人) are
 * stored as their person: `personOfWriteIn` names the record each was matched to or created as.
 */
export function meetingRowsOf(
  sheet: ResultSheet,
  evaluation: ResultEvaluation,
  postOf: (candidateId: number) => Post,
  partyTrack: boolean,
  personOfWriteIn: (w: WriteInVote) => number = () => {
    throw new Error('a written-in person needs a person record');
  },
): { meeting: MeetingRow; votes: VoteRow[] }[] {
  return sheet.meetings.map((m, seq) => {
    const winners = new Set(
      evaluation.elected.filter((e) => e.meetingIndex === seq).map((e) => e.candidateId),
    );
    const writeInWinners = new Set(
      evaluation.electedWriteIns
        .filter((e) => e.meetingIndex === seq)
        .map((e) => writeInKey({ ...e.writeIn, post: e.post })),
    );
    return {
      meeting: {
        seq,
        round: m.round,
        heldOn: m.heldOn,
        entitled: m.entitled,
        inPerson: m.inPerson,
        proxy: m.proxy,
        other: m.other,
        ballotsIssued: m.ballotsIssued,
        ballotsReturned: m.ballotsReturned,
        ballotsValid: m.ballotsValid,
        ballotsInvalid: m.ballotsInvalid,
      },
      votes: [
        ...m.votes.map((v): VoteRow => ({
          candidateId: v.candidateId,
          post: postOf(v.candidateId),
          votesFor: v.votesFor,
          against: partyTrack ? (v.against ?? 0) : null,
          abstain: partyTrack ? (v.abstain ?? 0) : null,
          elected: winners.has(v.candidateId),
        })),
        ...(m.writeIns ?? []).map((w): VoteRow => ({
          candidateId: null,
          writeInPersonId: personOfWriteIn(w),
          post: w.post,
          votesFor: w.votesFor,
          against: null,
          abstain: null,
          elected: writeInWinners.has(writeInKey(w)),
        })),
      ],
    };
  });
}
