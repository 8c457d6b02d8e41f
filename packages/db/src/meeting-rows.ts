import type { Post, ResultEvaluation, ResultSheet } from '@huanjie/domain';
import type { electionMeetings, meetingVotes } from './schema/index.js';

type MeetingRow = Omit<typeof electionMeetings.$inferInsert, 'id' | 'resultId'>;
type VoteRow = Omit<typeof meetingVotes.$inferInsert, 'meetingId'>;

/**
 * An accepted sheet as the rows it is stored in: each meeting with its votes. `elected` comes from
 * the evaluation, never from input; against/abstain exist on the party track only. Used by result
 * entry (apps/api results.repo) and by the demo seeding alike.
 */
export function meetingRowsOf(
  sheet: ResultSheet,
  evaluation: ResultEvaluation,
  postOf: (candidateId: number) => Post,
  partyTrack: boolean,
): { meeting: MeetingRow; votes: VoteRow[] }[] {
  return sheet.meetings.map((m, seq) => {
    const winners = new Set(
      evaluation.elected.filter((e) => e.meetingIndex === seq).map((e) => e.candidateId),
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
      votes: m.votes.map((v) => ({
        candidateId: v.candidateId,
        post: postOf(v.candidateId),
        votesFor: v.votesFor,
        against: partyTrack ? (v.against ?? 0) : null,
        abstain: partyTrack ? (v.abstain ?? 0) : null,
        elected: winners.has(v.candidateId),
      })),
    };
  });
}
