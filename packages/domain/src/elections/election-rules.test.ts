import { describe, expect, it } from 'vitest';
import type {
  ElectionCandidate,
  MeetingInput,
  ResultContext,
  ResultSheet,
} from './election-rules.js';
import { checkCandidateList, checkSeats, evaluateResult } from './election-rules.js';
import { resolveElectionRules } from './rule-values.js';

const rules = resolveElectionRules();

/** A V election: chair 1 seat (2 candidates), member 2 seats (3 candidates); 1000 registered. */
const V_CANDIDATES: ElectionCandidate[] = [
  { id: 1, name: '王芳', post: 'chair', female: true, formal: true },
  { id: 2, name: '李强', post: 'chair', female: false, formal: true },
  { id: 3, name: '张伟', post: 'member', female: false, formal: true },
  { id: 4, name: '刘洋', post: 'member', female: false, formal: true },
  { id: 5, name: '陈静', post: 'member', female: true, formal: true },
];

const vCtx: ResultContext = {
  track: 'V',
  rules,
  seats: { chair: 1, member: 2 },
  candidates: V_CANDIDATES,
  today: '2026-05-20',
  formalListPostedOn: '2026-05-01',
};

function meeting(over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    round: 'regular',
    heldOn: '2026-05-10',
    entitled: 1000,
    inPerson: 700,
    proxy: 50,
    other: 10,
    ballotsIssued: 760,
    ballotsReturned: 760,
    ballotsValid: 750,
    ballotsInvalid: 10,
    votes: [
      { candidateId: 1, votesFor: 500 },
      { candidateId: 2, votesFor: 240 },
      { candidateId: 3, votesFor: 600 },
      { candidateId: 4, votesFor: 420 },
      { candidateId: 5, votesFor: 300 },
    ],
    ...over,
  };
}

const rulesOf = (sheet: ResultSheet, ctx = vCtx) =>
  evaluateResult(sheet, ctx).findings.map((f) => `${f.severity}:${f.rule}`);

describe('ballot reconciliation and turnout (each refused with its rule)', () => {
  it.each([
    [
      'returned ≤ issued',
      { ballotsIssued: 750, ballotsReturned: 760 },
      'ballots.returned_le_issued',
      ['meetings', '0', 'ballotsReturned'],
    ],
    [
      'valid + invalid = returned',
      { ballotsValid: 751 },
      'ballots.valid_plus_invalid',
      ['meetings', '0', 'ballotsValid'],
    ],
    [
      'voted ≤ registered',
      { inPerson: 990, proxy: 50 },
      'voters.voted_le_registered',
      ['meetings', '0', 'inPerson'],
    ],
    [
      'returned ≤ voted',
      { inPerson: 690, ballotsIssued: 760 },
      'ballots.returned_le_voted',
      ['meetings', '0', 'ballotsReturned'],
    ],
    [
      'counts are whole numbers',
      { proxy: -1 },
      'meeting.counts_integer',
      ['meetings', '0', 'proxy'],
    ],
    [
      'quorum: more than half voted',
      {
        inPerson: 440,
        proxy: 50,
        other: 10,
        ballotsIssued: 500,
        ballotsReturned: 500,
        ballotsValid: 490,
      },
      'v.quorum',
      ['meetings', '0', 'inPerson'],
    ],
    [
      'meeting date not in the future',
      { heldOn: '2026-06-01' },
      'meeting.date_future',
      ['meetings', '0', 'heldOn'],
    ],
  ] as const)('%s', (_label, over, rule, path) => {
    const result = evaluateResult({ meetings: [meeting(over)] }, vCtx);
    const finding = result.findings.find((f) => f.rule === rule);
    expect(finding?.severity).toBe('error');
    expect(finding?.path).toEqual(path);
    expect(finding?.citation.length).toBeGreaterThan(4);
    expect(result.elected).toEqual([]);
  });

  it('names the numbers in the message', () => {
    const f = evaluateResult({ meetings: [meeting({ ballotsValid: 751 })] }, vCtx).findings[0];
    expect(f?.message).toContain('有效票(751)+无效票(10)=761，不等于收回选票(760)');
  });

  it('quorum is strictly more than half: 500 of 1000 fails, 501 passes', () => {
    const base = {
      proxy: 0,
      other: 0,
      ballotsIssued: 500,
      ballotsReturned: 500,
      ballotsValid: 500,
      ballotsInvalid: 0,
    };
    const votes = [
      { candidateId: 1, votesFor: 300 },
      { candidateId: 2, votesFor: 200 },
      { candidateId: 3, votesFor: 300 },
      { candidateId: 4, votesFor: 300 },
      { candidateId: 5, votesFor: 100 },
    ];
    expect(rulesOf({ meetings: [meeting({ ...base, inPerson: 500, votes })] })).toContain(
      'error:v.quorum',
    );
    expect(rulesOf({ meetings: [meeting({ ...base, inPerson: 501, votes })] })).not.toContain(
      'error:v.quorum',
    );
  });
});

describe('votes', () => {
  it("refuses a candidate's votes above the valid ballots", () => {
    const m = meeting();
    m.votes[0] = { candidateId: 1, votesFor: 751 };
    expect(rulesOf({ meetings: [m] })).toContain('error:votes.candidate_le_valid');
  });

  it('refuses a post total above seats × valid ballots', () => {
    const m = meeting();
    m.votes[2] = { candidateId: 3, votesFor: 700 };
    m.votes[3] = { candidateId: 4, votesFor: 700 };
    m.votes[4] = { candidateId: 5, votesFor: 101 }; // 1501 > 2 × 750
    const f = evaluateResult({ meetings: [m] }, vCtx).findings.find(
      (x) => x.rule === 'votes.post_total_le_seats',
    );
    expect(f?.message).toContain('1501');
    expect(f?.message).toContain('1500');
  });

  it('refuses unknown, duplicate and missing candidates', () => {
    const m = meeting();
    m.votes = [
      ...m.votes.slice(1),
      { candidateId: 99, votesFor: 1 },
      { candidateId: 3, votesFor: 1 },
    ];
    expect(rulesOf({ meetings: [m] })).toEqual(
      expect.arrayContaining([
        'error:votes.unknown_candidate',
        'error:votes.duplicate',
        'error:votes.missing_candidate',
      ]),
    );
  });

  it('refuses votes for a candidate who is not on the formal list', () => {
    const ctx = {
      ...vCtx,
      candidates: [
        ...V_CANDIDATES,
        { id: 6, name: '赵六', post: 'member' as const, female: false, formal: false },
      ],
    };
    const m = meeting();
    m.votes.push({ candidateId: 6, votesFor: 5 });
    expect(rulesOf({ meetings: [m] }, ctx)).toContain('error:votes.not_formal');
  });
});

describe('who is elected (V: more than half of those who voted)', () => {
  it('elects by the majority of voters and the seats', () => {
    const r = evaluateResult({ meetings: [meeting()] }, vCtx);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // 760 voted: a winner needs 381. 张伟 600 and 刘洋 420 take the two member seats.
    expect(r.meetings[0]?.races.map((x) => [x.post, x.threshold, x.elected])).toEqual([
      ['chair', 381, [1]],
      ['member', 381, [3, 4]],
    ]);
    expect(r.oneTimeSuccess).toBe(true);
  });

  it('exactly half is not enough: 380 of 760 leaves the seat to 另行选举', () => {
    const m = meeting();
    m.votes[3] = { candidateId: 4, votesFor: 380 };
    const r = evaluateResult({ meetings: [m] }, vCtx);
    expect(r.vacancies).toEqual({ chair: 0, member: 1 });
    expect(r.oneTimeSuccess).toBe(false);
    expect(r.findings.find((f) => f.rule === 'election.vacancy')?.message).toContain(
      '委员1名未选出，需另行选举',
    );
  });

  it('a tie at the last seat leaves it to 另行选举 among the tied', () => {
    const m = meeting();
    m.votes[3] = { candidateId: 4, votesFor: 400 };
    m.votes[4] = { candidateId: 5, votesFor: 400 };
    const r = evaluateResult({ meetings: [m] }, vCtx);
    expect(r.meetings[0]?.races[1]?.elected).toEqual([3]);
    expect(r.findings.find((f) => f.rule === 'election.tie')?.message).toContain(
      '刘洋、陈静得票相等(400票)',
    );
  });

  it('takes the seats in order of votes when more qualify than seats', () => {
    const m = meeting();
    m.votes[2] = { candidateId: 3, votesFor: 400 };
    m.votes[3] = { candidateId: 4, votesFor: 500 };
    m.votes[4] = { candidateId: 5, votesFor: 450 };
    expect(evaluateResult({ meetings: [m] }, vCtx).meetings[0]?.races[1]?.elected).toEqual([4, 5]);
  });
});

describe('另行选举', () => {
  const first = (() => {
    const m = meeting();
    m.votes[3] = { candidateId: 4, votesFor: 370 };
    m.votes[4] = { candidateId: 5, votesFor: 350 };
    return m;
  })();
  const runoff = (over: Partial<MeetingInput> = {}): MeetingInput =>
    meeting({
      round: 'runoff',
      ballotsIssued: 600,
      ballotsReturned: 600,
      ballotsValid: 590,
      ballotsInvalid: 10,
      inPerson: 560,
      proxy: 40,
      other: 0,
      votes: [
        { candidateId: 4, votesFor: 300 },
        { candidateId: 5, votesFor: 250 },
      ],
      ...over,
    });

  it('fills the seat by most votes when it reaches a third of the ballots cast', () => {
    const r = evaluateResult({ meetings: [first, runoff()] }, vCtx);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // 1/3 of 600 ballots cast = 200
    expect(r.meetings[1]?.races).toEqual([
      { post: 'member', seats: 1, threshold: 200, elected: [4], vacancies: 0 },
    ]);
    expect(r.elected.map((e) => [e.candidateId, e.round])).toEqual([
      [1, 'regular'],
      [3, 'regular'],
      [4, 'runoff'],
    ]);
    expect(r.vacancies.member).toBe(0);
    expect(r.oneTimeSuccess).toBe(false);
  });

  it('199 of 600 is below a third: the seat stays vacant; 200 is enough', () => {
    const low = runoff({
      votes: [
        { candidateId: 4, votesFor: 199 },
        { candidateId: 5, votesFor: 190 },
      ],
    });
    expect(evaluateResult({ meetings: [first, low] }, vCtx).vacancies.member).toBe(1);
    const ok = runoff({
      votes: [
        { candidateId: 4, votesFor: 200 },
        { candidateId: 5, votesFor: 190 },
      ],
    });
    expect(evaluateResult({ meetings: [first, ok] }, vCtx).vacancies.member).toBe(0);
  });

  it('refuses a runoff when every seat was filled, and elected candidates in a runoff', () => {
    expect(rulesOf({ meetings: [meeting(), runoff()] })).toContain('error:runoff.not_needed');
    const withWinner = runoff({
      votes: [
        { candidateId: 3, votesFor: 300 },
        { candidateId: 4, votesFor: 250 },
      ],
    });
    expect(rulesOf({ meetings: [first, withWinner] })).toContain(
      'error:runoff.candidate_not_eligible',
    );
  });

  it('warns when a runoff skips a candidate with more first-round votes', () => {
    const ctx = {
      ...vCtx,
      seats: { chair: 1, member: 3 },
      candidates: [
        ...V_CANDIDATES,
        { id: 6, name: '赵敏', post: 'member' as const, female: true, formal: true },
      ],
    };
    const m = meeting({ votes: [...first.votes, { candidateId: 6, votesFor: 100 }] });
    m.votes[3] = { candidateId: 4, votesFor: 370 }; // 刘洋 370, 陈静 350, 赵敏 100: two seats left
    const r2 = runoff({
      votes: [
        { candidateId: 4, votesFor: 300 },
        { candidateId: 6, votesFor: 250 },
      ],
    });
    expect(rulesOf({ meetings: [m, r2] }, ctx)).toContain('warning:runoff.candidates_by_votes');
  });

  it('P runoff still needs more than half of those present', () => {
    const pCtx: ResultContext = {
      track: 'P',
      rules,
      seats: { secretary: 1, member: 3 },
      candidates: [
        { id: 11, name: '周军', post: 'secretary', female: false, formal: true },
        { id: 12, name: '吴敏', post: 'member', female: true, formal: true },
        { id: 13, name: '郑涛', post: 'member', female: false, formal: true },
        { id: 14, name: '孙丽', post: 'member', female: true, formal: true },
        { id: 15, name: '马超', post: 'member', female: false, formal: true },
      ],
      today: '2026-05-20',
    };
    const base = {
      entitled: 50,
      inPerson: 45,
      proxy: 0,
      other: 0,
      ballotsIssued: 45,
      ballotsReturned: 45,
      ballotsValid: 45,
      ballotsInvalid: 0,
    };
    const m1 = meeting({
      ...base,
      votes: [
        { candidateId: 11, votesFor: 40, against: 3, abstain: 2 },
        { candidateId: 12, votesFor: 30 },
        { candidateId: 13, votesFor: 28 },
        { candidateId: 14, votesFor: 20 },
        { candidateId: 15, votesFor: 19 },
      ],
    });
    const m2 = meeting({
      ...base,
      round: 'runoff',
      votes: [
        { candidateId: 14, votesFor: 22 },
        { candidateId: 15, votesFor: 20 },
      ],
    });
    // 45 present: 23 needed; 22 is the most votes but not a majority
    const r = evaluateResult({ meetings: [m1, m2] }, pCtx);
    expect(r.meetings[1]?.races[0]?.threshold).toBe(23);
    expect(r.vacancies.member).toBe(1);
  });
});

describe('P meeting (两推一选)', () => {
  const pCtx: ResultContext = {
    track: 'P',
    rules,
    seats: { secretary: 1, member: 2 },
    candidates: [
      { id: 11, name: '周军', post: 'secretary', female: false, formal: true },
      { id: 12, name: '吴敏', post: 'member', female: true, formal: true },
      { id: 13, name: '郑涛', post: 'member', female: false, formal: true },
      { id: 14, name: '孙丽', post: 'member', female: true, formal: true },
    ],
    today: '2026-05-20',
  };
  const pMeeting = (over: Partial<MeetingInput> = {}) =>
    meeting({
      entitled: 40,
      inPerson: 36,
      proxy: 0,
      other: 0,
      ballotsIssued: 36,
      ballotsReturned: 36,
      ballotsValid: 36,
      ballotsInvalid: 0,
      votes: [
        { candidateId: 11, votesFor: 30, against: 4, abstain: 2 },
        { candidateId: 12, votesFor: 25, against: 5, abstain: 6 },
        { candidateId: 13, votesFor: 20, against: 10, abstain: 6 },
        { candidateId: 14, votesFor: 18, against: 10, abstain: 8 },
      ],
      ...over,
    });

  it('quorum: present must exceed four fifths of those entitled (32 of 40 fails, 33 passes)', () => {
    const at = (n: number) =>
      rulesOf(
        {
          meetings: [
            pMeeting({
              inPerson: n,
              ballotsIssued: n,
              ballotsReturned: n,
              ballotsValid: n,
              votes: pMeeting().votes.map((v) => ({ ...v, votesFor: 17, against: 0, abstain: 0 })),
            }),
          ],
        },
        pCtx,
      );
    expect(at(32)).toContain('error:p.quorum');
    expect(at(33)).not.toContain('error:p.quorum');
  });

  it('elects by approval above half of those present (36 present: 19 needed)', () => {
    const r = evaluateResult({ meetings: [pMeeting()] }, pCtx);
    expect(r.meetings[0]?.races.map((x) => [x.post, x.threshold, x.elected])).toEqual([
      ['secretary', 19, [11]],
      ['member', 19, [12, 13]],
    ]);
  });

  it('refuses for + against + abstain above the valid ballots, and proxy votes', () => {
    const m = pMeeting();
    m.votes[0] = { candidateId: 11, votesFor: 30, against: 5, abstain: 2 };
    expect(rulesOf({ meetings: [m] }, pCtx)).toContain('error:votes.p_sum_le_valid');
    expect(rulesOf({ meetings: [pMeeting({ inPerson: 35, proxy: 1 })] }, pCtx)).toContain(
      'error:p.proxy_allowed',
    );
  });
});

describe('差额 and the candidate list', () => {
  const list = (
    track: 'P' | 'V',
    seats: Record<string, number>,
    counts: Record<string, number>,
    female = true,
  ) =>
    checkCandidateList({
      track,
      rules,
      seats,
      candidates: Object.entries(counts).flatMap(([post, n]) =>
        Array.from({ length: n }, (_, i) => ({
          id: i,
          name: `候选${i}`,
          post: post as 'member',
          female: female && i === 0,
          formal: true,
        })),
      ),
    }).map((f) => `${f.severity}:${f.rule}`);

  it.each([
    ['V chair 2 for 1', 'V', { chair: 1, member: 2 }, { chair: 2, member: 3 }, []],
    [
      'V chair 等额: a warning to explain',
      'V',
      { chair: 1, member: 2 },
      { chair: 1, member: 3 },
      ['warning:v.competitive'],
    ],
    [
      'V member 等额: a warning to explain',
      'V',
      { chair: 1, member: 2 },
      { chair: 2, member: 2 },
      ['warning:v.competitive'],
    ],
    [
      'P committee of 4 (书记 1 + 委员 3) needs 5 candidates; an uncontested secretary is allowed by the default rules',
      'P',
      { secretary: 1, member: 3 },
      { secretary: 1, member: 4 },
      [],
    ],
    [
      'P committee of 5 (书记 1 + 委员 4): 1 + 5 = 6 candidates suffice',
      'P',
      { secretary: 1, member: 4 },
      { secretary: 1, member: 5 },
      [],
    ],
    [
      'P committee of 5 with 1 + 4 = 5 candidates: a warning to explain',
      'P',
      { secretary: 1, member: 4 },
      { secretary: 1, member: 4 },
      ['warning:p.committee_margin'],
    ],
    [
      'P committee of 6 (书记 1 + 委员 5) needs 8: 6 委员 for 5 seats are not enough over the whole committee',
      'P',
      { secretary: 1, member: 5 },
      { secretary: 1, member: 6 },
      ['warning:p.committee_margin'],
    ],
    [
      'P committee of 5 (书记, 副书记, 委员 3): the margin may come from a contested 书记 race',
      'P',
      { secretary: 1, deputy_secretary: 1, member: 3 },
      { secretary: 2, deputy_secretary: 1, member: 3 },
      [],
    ],
    [
      'P committee of 7 (书记 1 + 委员 6) needs 9',
      'P',
      { secretary: 1, member: 6 },
      { secretary: 2, member: 6 },
      ['warning:p.committee_margin'],
    ],
    [
      'P a post short of candidates is reported once, as too few',
      'P',
      { secretary: 1, member: 4 },
      { secretary: 1, member: 3 },
      ['warning:candidates.too_few'],
    ],
    [
      'V committee of 8 refused',
      'V',
      { chair: 1, vice_chair: 1, member: 6 },
      { chair: 2, vice_chair: 2, member: 7 },
      ['error:v.committee_size'],
    ],
    [
      'V committee of 2 refused',
      'V',
      { chair: 1, member: 1 },
      { chair: 2, member: 2 },
      ['error:v.committee_size'],
    ],
    [
      'too few candidates: a warning (the seat stays vacant)',
      'V',
      { chair: 1, member: 2 },
      { chair: 2, member: 1 },
      ['warning:candidates.too_few'],
    ],
  ] as const)('%s', (_l, track, seats, counts, expected) => {
    expect(list(track, seats, counts)).toEqual(expected);
  });

  it('warns when no woman is among the candidates', () => {
    expect(list('V', { chair: 1, member: 2 }, { chair: 2, member: 3 }, false)).toEqual([
      'warning:candidates.women',
    ]);
  });

  it('formal list published at least 5 days before election day (V)', () => {
    const at = (postedOn: string) =>
      checkCandidateList({ ...vCtx, electionDay: '2026-05-10', formalListPostedOn: postedOn }).map(
        (f) => f.rule,
      );
    expect(at('2026-05-05')).toEqual([]);
    expect(at('2026-05-06')).toEqual(['v.formal_list_days_before']);
  });

  it('a county rule set can demand 7 days', () => {
    const seven = resolveElectionRules({
      'v.formal_list_days_before': { value: 7, citation: '某省办法：七日以前' },
    });
    const f = checkCandidateList({
      ...vCtx,
      rules: seven,
      electionDay: '2026-05-10',
      formalListPostedOn: '2026-05-05',
    });
    expect(f.map((x) => [x.rule, x.citation])).toEqual([
      ['v.formal_list_days_before', '某省办法：七日以前'],
    ]);
  });
});

describe('women elected', () => {
  it('warns when no woman is elected to the villagers committee', () => {
    const m = meeting();
    m.votes[0] = { candidateId: 1, votesFor: 200 };
    m.votes[1] = { candidateId: 2, votesFor: 540 };
    expect(rulesOf({ meetings: [m] })).toContain('warning:v.women_member');
    expect(rulesOf({ meetings: [meeting()] })).not.toContain('warning:v.women_member');
  });
});

describe('另选他人 (write-in votes)', () => {
  // members: 2 seats; 760 voted, so 381 votes elect; 750 valid ballots allow 1500 member votes
  const withWriteIn = (votesFor: number, over: Partial<MeetingInput> = {}) =>
    meeting({
      votes: [
        { candidateId: 1, votesFor: 500 },
        { candidateId: 2, votesFor: 240 },
        { candidateId: 3, votesFor: 600 },
        { candidateId: 4, votesFor: 300 },
        { candidateId: 5, votesFor: 150 },
      ],
      writeIns: [
        { name: '赵磊', gender: 'male', birthDate: '1980-03-01', post: 'member', votesFor },
      ],
      ...over,
    });

  it('elects a written-in person with more than half of the votes, like a candidate', () => {
    const r = evaluateResult({ meetings: [withWriteIn(450)] }, vCtx);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.elected.filter((e) => e.post === 'member')).toEqual([
      { candidateId: 3, post: 'member', round: 'regular', meetingIndex: 0, votes: 600 },
    ]);
    expect(r.electedWriteIns).toEqual([
      {
        writeIn: { name: '赵磊', gender: 'male', birthDate: '1980-03-01', politicalStatus: null },
        post: 'member',
        round: 'regular',
        meetingIndex: 0,
        votes: 450,
      },
    ]);
    expect(r.oneTimeSuccess).toBe(true);
  });

  it('does not elect a written-in person at half of the votes or fewer', () => {
    const r = evaluateResult({ meetings: [withWriteIn(380)] }, vCtx);
    expect(r.electedWriteIns).toEqual([]);
    expect(r.vacancies.member).toBe(1);
  });

  it('counts write-in votes in the post total against valid ballots × seats', () => {
    // 600 + 300 + 150 + 450 = 1500 = 2 × 750; one vote more does not reconcile
    expect(rulesOf({ meetings: [withWriteIn(450)] })).not.toContain(
      'error:votes.post_total_le_seats',
    );
    expect(rulesOf({ meetings: [withWriteIn(451)] })).toContain('error:votes.post_total_le_seats');
  });

  it('a written-in person with the most votes of the first vote stands in the 另行选举', () => {
    const first = withWriteIn(370, {
      votes: [
        { candidateId: 1, votesFor: 500 },
        { candidateId: 2, votesFor: 240 },
        { candidateId: 3, votesFor: 600 },
        { candidateId: 4, votesFor: 300 },
        { candidateId: 5, votesFor: 150 },
      ],
    });
    const runoff = meeting({
      round: 'runoff',
      heldOn: '2026-05-11',
      votes: [{ candidateId: 4, votesFor: 300 }],
      writeIns: [
        { name: '赵磊', gender: 'male', birthDate: '1980-03-01', post: 'member', votesFor: 420 },
      ],
    });
    const r = evaluateResult({ meetings: [first, runoff] }, vCtx);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.electedWriteIns.map((e) => [e.writeIn.name, e.meetingIndex])).toEqual([['赵磊', 1]]);
  });

  it('refuses a write-in that repeats a candidate of the same post, or has no name', () => {
    const m = withWriteIn(100);
    m.writeIns = [
      { name: '刘洋', gender: 'male', post: 'member', votesFor: 10 },
      { name: ' ', gender: 'female', post: 'member', votesFor: 10 },
    ];
    expect(rulesOf({ meetings: [m] })).toEqual(
      expect.arrayContaining(['error:write_in.is_candidate', 'error:write_in.name']),
    );
  });

  it('refuses write-ins in a party committee election (P), with the rule and its basis', () => {
    const pCtx: ResultContext = {
      track: 'P',
      rules,
      seats: { secretary: 1, member: 2 },
      candidates: [
        { id: 11, name: '周军', post: 'secretary', female: false, formal: true },
        { id: 12, name: '吴敏', post: 'member', female: true, formal: true },
        { id: 13, name: '郑涛', post: 'member', female: false, formal: true },
        { id: 14, name: '孙丽', post: 'member', female: true, formal: true },
      ],
      today: '2026-05-20',
    };
    const m = meeting({
      entitled: 40,
      inPerson: 36,
      proxy: 0,
      other: 0,
      ballotsIssued: 36,
      ballotsReturned: 36,
      ballotsValid: 36,
      ballotsInvalid: 0,
      votes: [
        { candidateId: 11, votesFor: 30, against: 4, abstain: 2 },
        { candidateId: 12, votesFor: 25, against: 5, abstain: 6 },
        { candidateId: 13, votesFor: 20, against: 10, abstain: 6 },
        { candidateId: 14, votesFor: 18, against: 10, abstain: 8 },
      ],
      writeIns: [{ name: '赵磊', gender: 'male', post: 'member', votesFor: 30 }],
    });
    const r = evaluateResult({ meetings: [m] }, pCtx);
    const refused = r.findings.find((f) => f.rule === 'p.write_in');
    expect(refused).toMatchObject({
      severity: 'error',
      path: ['meetings', '0', 'writeIns', '0', 'name'],
    });
    expect(refused?.citation).toMatch(/中国共产党基层组织选举工作条例/);
    expect(r.electedWriteIns).toEqual([]);
  });
});

describe('居民委员会 (C): its own law and its own values', () => {
  const cCandidates: ElectionCandidate[] = [
    { id: 1, name: '王芳', post: 'chair', female: true, formal: true },
    { id: 2, name: '李强', post: 'chair', female: false, formal: true },
    ...[3, 4, 5, 6, 7].map((id) => ({
      id,
      name: `委员${id}`,
      post: 'member' as const,
      female: false,
      formal: true,
    })),
  ];
  const cCtx: ResultContext = {
    ...vCtx,
    track: 'C',
    seats: { chair: 1, member: 4 },
    candidates: cCandidates,
  };
  const citations = (ctx: ResultContext, sheet: ResultSheet) =>
    evaluateResult(sheet, ctx).findings.map((f) => `${f.rule} ${f.citation}`);

  it('a committee of 3 is too small for a residents committee (5–9), not for a village (3–7)', () => {
    const small = { chair: 1, member: 2 };
    expect(checkSeats('V', small, rules).map((f) => f.rule)).toEqual([]);
    const c = checkSeats('C', small, rules);
    expect(c.map((f) => f.rule)).toEqual(['c.committee_size']);
    expect(c[0]?.citation).toContain('城市居民委员会组织法');
    expect(checkSeats('C', { chair: 1, member: 4 }, rules)).toEqual([]);
    expect(checkSeats('C', { chair: 1, member: 9 }, rules).map((f) => f.rule)).toEqual([
      'c.committee_size',
    ]);
  });

  it('an uncontested race and no woman elected cite the residents rules, never 村民委员会组织法', () => {
    const uncontested = checkCandidateList({
      ...cCtx,
      candidates: cCandidates.filter((c) => c.id !== 2),
      electionDay: null,
    });
    expect(uncontested.map((f) => f.rule)).toEqual(['c.competitive']);
    const m = meeting({
      votes: [
        { candidateId: 1, votesFor: 200 },
        { candidateId: 2, votesFor: 540 },
        ...[3, 4, 5, 6].map((candidateId) => ({ candidateId, votesFor: 500 })),
        { candidateId: 7, votesFor: 100 },
      ],
    });
    const found = citations(cCtx, { meetings: [m] });
    expect(found.some((f) => f.startsWith('c.women_member'))).toBe(true);
    for (const f of found) expect(f).not.toContain('村民委员会组织法');
  });

  it('reads the quorum, the majority and the 另行选举 share from the c.* codes', () => {
    const strict = resolveElectionRules({
      'c.quorum': { value: '2/3', citation: '某市居民委员会选举办法' },
      'c.majority': { value: '2/3', citation: '某市居民委员会选举办法' },
    });
    const m = meeting({ inPerson: 600, proxy: 0, other: 0, ballotsIssued: 600 });
    m.ballotsReturned = 600;
    m.ballotsValid = 600;
    m.ballotsInvalid = 0;
    expect(rulesOf({ meetings: [m] }, { ...cCtx, rules: strict })).toContain('error:c.quorum');
    expect(rulesOf({ meetings: [m] }, { ...vCtx, rules: strict })).not.toContain('error:v.quorum');
    expect(strict.committee.C.runoffMinShare.code).toBe('c.runoff_min_share');
    expect(strict.majority.C.code).toBe('c.majority');
  });
});
