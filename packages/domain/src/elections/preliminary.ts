import type { Finding } from '../findings.js';
import { finding } from '../findings.js';
import type { CandidateStage } from './candidates.js';
import type { Post } from './posts.js';
import { POST_LABEL, POSTS } from './posts.js';

/**
 * 预选: when the nominees of a post (村(居)民委员会) exceed the formal number, they stand in a
 * preliminary vote and the formal candidates are those with the most votes.
 */
export const PRELIMINARY_CITATION =
  '省级村民委员会选举办法：被提名人数多于正式候选人名额的，进行预选，按得票多少确定正式候选人';

export interface PreliminaryNominee {
  id: number;
  name: string;
  post: Post;
  stage: CandidateStage;
  /** Votes in the 预选; null when none are recorded. */
  preliminaryVotes: number | null;
}

/** Nominees who stood in the 预选: in the preliminary or formal stage, with votes recorded. */
function stoodIn(c: PreliminaryNominee): c is PreliminaryNominee & { preliminaryVotes: number } {
  return (c.stage === 'preliminary' || c.stage === 'formal') && c.preliminaryVotes !== null;
}

/**
 * The formal list of each post against its 预选, once votes are recorded for the post: the formal
 * candidates (as many as there are) must be the top of the 预选 by votes. A formal candidate
 * chosen over a nominee with more votes makes the list false (an error); a tie at the cut-off is
 * reported for the county's procedure (a second vote) to settle, never guessed; a formal candidate
 * with no votes recorded beside others who have them is a gap to fill (a warning).
 */
export function checkPreliminaryElection(nominees: readonly PreliminaryNominee[]): Finding[] {
  const findings: Finding[] = [];
  for (const post of POSTS) {
    const ofPost = nominees.filter((c) => c.post === post);
    const stood = ofPost.filter(stoodIn).sort((a, b) => b.preliminaryVotes - a.preliminaryVotes);
    if (stood.length === 0) continue;
    const label = POST_LABEL[post].zh;
    const path = ['candidates', post];
    const formal = ofPost.filter((c) => c.stage === 'formal');
    for (const c of formal.filter((f) => f.preliminaryVotes === null)) {
      findings.push(
        finding(
          'candidates.preliminary_missing',
          PRELIMINARY_CITATION,
          `${label}正式候选人${c.name}未登记预选得票`,
          path,
        ),
      );
    }
    const notFormal = stood.filter((c) => c.stage !== 'formal');
    for (const c of stood.filter((f) => f.stage === 'formal')) {
      const passedOver = notFormal.find((o) => o.preliminaryVotes > c.preliminaryVotes);
      if (passedOver) {
        findings.push(
          finding(
            'candidates.preliminary_order',
            PRELIMINARY_CITATION,
            `${label}预选中${c.name}得${c.preliminaryVotes}票，少于未列为正式候选人的${passedOver.name}(${passedOver.preliminaryVotes}票)，正式候选人应按预选得票多少确定`,
            path,
          ),
        );
      }
    }
    // the cut-off: as many places as the post has formal candidates
    const places = formal.length;
    const inside = places > 0 ? stood[places - 1] : undefined;
    const outside = stood[places];
    if (inside && outside && outside.preliminaryVotes === inside.preliminaryVotes) {
      const last = inside.preliminaryVotes;
      const tied = stood.filter((c) => c.preliminaryVotes === last);
      findings.push(
        finding(
          'candidates.preliminary_tie',
          PRELIMINARY_CITATION,
          `${label}正式候选人${places}名，预选得票在名额界线上相等：${tied.map((c) => c.name).join('、')}各${last}票，应按规定再次投票确定`,
          path,
        ),
      );
    }
  }
  return findings;
}
