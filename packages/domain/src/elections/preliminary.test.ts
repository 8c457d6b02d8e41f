import { describe, expect, it } from 'vitest';
import type { CandidateStage } from './candidates.js';
import type { Post } from './posts.js';
import type { PreliminaryNominee } from './preliminary.js';
import { checkPreliminaryElection } from './preliminary.js';

/** Nominees as [name, votes, stage], all for one post. */
const nominees = (
  rows: [string, number | null, CandidateStage][],
  post: Post = 'chair',
): PreliminaryNominee[] =>
  rows.map(([name, preliminaryVotes, stage], i) => ({
    id: i + 1,
    name,
    post,
    stage,
    preliminaryVotes,
  }));

const codes = (rows: PreliminaryNominee[]) =>
  checkPreliminaryElection(rows).map((f) => `${f.severity}:${f.rule}`);

describe('预选: the formal list is the top of the preliminary vote', () => {
  it.each([
    [
      'the two with most votes are formal',
      [
        ['赵一', 300, 'formal'],
        ['钱二', 250, 'formal'],
        ['孙三', 200, 'preliminary'],
        ['李四', 100, 'preliminary'],
      ],
      [],
    ],
    [
      'the 100-vote nominee promoted over a 250: the list is false (and the cut-off stays tied)',
      [
        ['赵一', 300, 'formal'],
        ['钱二', 250, 'preliminary'],
        ['孙三', 250, 'preliminary'],
        ['李四', 100, 'formal'],
      ],
      ['error:candidates.preliminary_order', 'warning:candidates.preliminary_tie'],
    ],
    [
      'a 200 promoted over a 250',
      [
        ['赵一', 300, 'formal'],
        ['钱二', 250, 'preliminary'],
        ['孙三', 200, 'formal'],
      ],
      ['error:candidates.preliminary_order'],
    ],
    [
      'nobody formal yet: nothing to compare',
      [
        ['赵一', 300, 'preliminary'],
        ['钱二', 250, 'preliminary'],
      ],
      [],
    ],
    [
      'every nominee formal (no cut-off)',
      [
        ['赵一', 300, 'formal'],
        ['钱二', 300, 'formal'],
      ],
      [],
    ],
    [
      'a withdrawn nominee with more votes does not count',
      [
        ['赵一', 300, 'withdrawn'],
        ['钱二', 250, 'formal'],
        ['孙三', 200, 'preliminary'],
      ],
      [],
    ],
    [
      'a formal candidate without votes beside those with votes: a gap to fill',
      [
        ['赵一', 300, 'formal'],
        ['钱二', null, 'formal'],
        ['孙三', 200, 'preliminary'],
      ],
      ['warning:candidates.preliminary_missing'],
    ],
    [
      'no votes recorded for the post: no 预选 was held',
      [
        ['赵一', null, 'formal'],
        ['钱二', null, 'formal'],
        ['孙三', null, 'preliminary'],
      ],
      [],
    ],
  ] as const)('%s', (_l, rows, expected) => {
    expect(codes(nominees(rows.map((r) => [...r])))).toEqual(expected);
  });

  it('a tie at the cut-off is reported with the tied names, not guessed', () => {
    const findings = checkPreliminaryElection(
      nominees([
        ['赵一', 300, 'formal'],
        ['钱二', 250, 'formal'],
        ['孙三', 250, 'preliminary'],
        ['李四', 100, 'preliminary'],
      ]),
    );
    expect(findings.map((f) => `${f.severity}:${f.rule}`)).toEqual([
      'warning:candidates.preliminary_tie',
    ]);
    expect(findings[0]?.message).toBe(
      '主任正式候选人2名，预选得票在名额界线上相等：钱二、孙三各250票，应按规定再次投票确定',
    );
    expect(findings[0]?.path).toEqual(['candidates', 'chair']);
  });

  it('names the nominee passed over', () => {
    const [f] = checkPreliminaryElection(
      nominees([
        ['赵一', 300, 'formal'],
        ['钱二', 250, 'preliminary'],
        ['李四', 100, 'formal'],
      ]),
    );
    expect(f?.message).toBe(
      '主任预选中李四得100票，少于未列为正式候选人的钱二(250票)，正式候选人应按预选得票多少确定',
    );
  });

  it('checks each post on its own', () => {
    const rows = [
      ...nominees([
        ['赵一', 300, 'formal'],
        ['钱二', 250, 'preliminary'],
      ]),
      ...nominees(
        [
          ['孙三', 90, 'formal'],
          ['李四', 400, 'preliminary'],
        ],
        'member',
      ),
    ];
    expect(checkPreliminaryElection(rows).map((f) => f.path)).toEqual([['candidates', 'member']]);
  });
});
