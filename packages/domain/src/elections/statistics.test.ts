import { describe, expect, it } from 'vitest';
import { compose } from './composition.js';
import type { HeldSeat, PersonFacts } from './composition.js';
import { evaluateResult } from './election-rules.js';
import { resolveElectionRules } from './rule-values.js';
import { pointChange, ratio } from './statistics.js';

const p1 = { decimals: 1, rounding: 'half_up' as const };
const p2 = { decimals: 2, rounding: 'half_up' as const };

describe('ratio: percentages from their denominators, in whole-number arithmetic', () => {
  it.each([
    [1, 3, p1, '33.3%'],
    [2, 3, p1, '66.7%'],
    [1, 8, { decimals: 2, rounding: 'half_up' as const }, '12.50%'],
    [1, 200, { decimals: 0, rounding: 'half_up' as const }, '1%'],
    [1, 201, { decimals: 0, rounding: 'half_up' as const }, '0%'],
    [0, 5, p1, '0.0%'],
    [5, 5, p1, '100.0%'],
  ])('%i / %i', (count, den, policy, text) => {
    expect(ratio(count, den, policy).text).toBe(text);
  });

  it('shows no percentage without a denominator', () => {
    expect(ratio(0, 0, p1)).toEqual({ count: 0, denominator: 0, percent: null, text: '—' });
  });

  it('changes against the previous term in percentage points', () => {
    expect(pointChange(ratio(30, 100, p1), ratio(25, 100, p1), p1).text).toBe('+5.0个百分点');
    expect(pointChange(ratio(1, 3, p1), ratio(1, 2, p1), p1).text).toBe('-16.7个百分点');
    expect(pointChange(ratio(2, 4, p1), ratio(1, 2, p1), p1).text).toBe('持平');
    expect(pointChange(ratio(2, 4, p1), ratio(0, 0, p1), p1).points).toBeNull();
  });
});

/**
 * The data-consistency findings of the research notes (seed-notes-000-001.md §C.7 and
 * seed-notes-002-003.md §C8): hand-typed summaries whose parts, totals and percentages disagree.
 * Here every figure is computed from records, so each of them comes out consistent — or, where the
 * input itself is impossible, is refused.
 */
describe('research data-consistency findings cannot be produced here', () => {
  const rules = resolveElectionRules();

  function committee(posts: { secretary: number; deputy: number; member: number }, ages: number[]) {
    const persons = new Map<number, PersonFacts>();
    const seats: HeldSeat[] = [];
    let id = 0;
    const add = (post: HeldSeat['post'], n: number) => {
      for (let i = 0; i < n; i++) {
        id += 1;
        const age = ages[(id - 1) % ages.length] ?? 40;
        persons.set(id, {
          id,
          gender: 'male',
          birthDate: `${2026 - age}-01-01`,
          ethnicity: '汉族',
          education: id % 7 === 0 ? 'college' : 'high_school',
          politicalStatus: 'party_member',
        });
        seats.push({ personId: id, regionId: id, track: 'P', post });
      }
    };
    add('secretary', posts.secretary);
    add('deputy_secretary', posts.deputy);
    add('member', posts.member);
    return compose({
      seats,
      previousSeats: [],
      persons,
      asOf: '2026-06-01',
      ageBounds: rules.ageBands.value,
      crossIncludesDual: true,
    });
  }

  it('#1 D1-A3 "61 支部委员 = 书记17 + 副书记9 + 委员39": members are the sum of their posts (65)', () => {
    const c = committee({ secretary: 17, deputy: 9, member: 39 }, [30, 40, 50, 60]).bodies.P;
    expect(c.members).toBe(65);
    expect(c.posts.secretary + c.posts.deputy_secretary + c.posts.member).toBe(c.members);
  });

  it('#2 D1-A3 age bands 2+20+25+15 = 62 ≠ 61: bands always sum to the members', () => {
    const c = committee({ secretary: 17, deputy: 9, member: 35 }, [33, 41, 50, 58, 62]).bodies.P;
    expect(c.members).toBe(61);
    expect(c.ageBands.reduce((s, n) => s + n, 0)).toBe(61);
  });

  it('#3 D1-A3 大专以上 9 "14%": 9/61 is 14.8% (half-up) — and 14% only under truncation at 0 decimals', () => {
    expect(ratio(9, 61, p1).text).toBe('14.8%');
    expect(ratio(9, 61, { decimals: 0, rounding: 'truncate' }).text).toBe('14%');
    expect(ratio(9, 61, { decimals: 0, rounding: 'half_up' }).text).toBe('15%');
  });

  it('#4 D0-A3 participants 11,657 of 11,599 registered ("参选率99%"): refused, turnout can never exceed 100%', () => {
    const r = evaluateResult(
      {
        meetings: [
          {
            round: 'regular',
            heldOn: '2026-05-10',
            entitled: 11599,
            inPerson: 6557,
            proxy: 5100,
            other: 0,
            ballotsIssued: 11657,
            ballotsReturned: 11657,
            ballotsValid: 11657,
            ballotsInvalid: 0,
            votes: [],
          },
        ],
      },
      { track: 'V', rules, seats: { chair: 1, member: 2 }, candidates: [], today: '2026-06-01' },
    );
    const f = r.findings.find((x) => x.rule === 'voters.voted_le_registered');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('11657');
  });

  it.each([
    ['#5 D0-A3 direct voters 6,557 "56.2%"', 6557, 11599, p1, '56.5%'],
    ['#6 D0-A3 party-member reps 166 "79%"', 166, 201, p1, '82.6%'],
    ['#9 D0-A3 agricultural population 14,918 "95%"', 14918, 15830, p1, '94.2%'],
    ['#11 D0-A3 women group heads 1 "1%"', 1, 157, p1, '0.6%'],
    ['#12 D1-A4 初中以下 438 "62、35%"', 438, 698, p2, '62.75%'],
    ['#13 D1-A4 non-party deputies 65 "35.72%"', 65, 182, p2, '35.71%'],
    ['#14 D1-A4 women initial candidates 94 "22.59%" (truncated)', 94, 416, p2, '22.60%'],
    ['C8 [002-7] 118/138 reported 92.2%', 118, 138, p1, '85.5%'],
    ['C8 [003-F4] 131/184 reported 72%', 131, 184, p1, '71.2%'],
    ['C8 [003-F4] 4/184 reported 2.5%', 4, 184, p1, '2.2%'],
  ])('%s is computed from its denominator: %i/%i → %s', (_l, count, den, policy, text) => {
    expect(ratio(count, den, policy).text).toBe(text);
  });

  it('#14 the truncated figure comes out only when the rule set says truncate', () => {
    expect(ratio(94, 416, { decimals: 2, rounding: 'truncate' }).text).toBe('22.59%');
  });

  it('#7 D0-A3 VC education 1+5+9+20+10 = 45 ≠ 47: the education mix always sums to the members', () => {
    const c = committee({ secretary: 0, deputy: 0, member: 47 }, [40]).bodies.P;
    expect(Object.values(c.education).reduce((s, n) => s + n, 0)).toBe(47);
  });

  it('C8 [003-F14] 9 书记 + 9 主任 − 4 一肩挑 = 14 主职: derived from who holds which post', () => {
    const persons = new Map<number, PersonFacts>();
    const seats: HeldSeat[] = [];
    for (let v = 1; v <= 9; v++) {
      const secretary = v * 10;
      const chair = v <= 4 ? secretary : v * 10 + 1;
      for (const id of new Set([secretary, chair])) {
        persons.set(id, {
          id,
          gender: 'male',
          birthDate: '1980-01-01',
          ethnicity: '汉族',
          education: 'college',
          politicalStatus: 'party_member',
        });
      }
      seats.push({ personId: secretary, regionId: v, track: 'P', post: 'secretary' });
      seats.push({ personId: chair, regionId: v, track: 'V', post: 'chair' });
    }
    const c = compose({
      seats,
      previousSeats: [],
      persons,
      asOf: '2026-06-01',
      ageBounds: [35, 45, 55],
      crossIncludesDual: true,
    });
    expect(c.dualRoleVillages).toBe(4);
    expect(c.persons).toBe(14);
    expect(c.bodies.P.posts.secretary + c.bodies.V.posts.chair - c.dualRoleVillages).toBe(
      c.persons,
    );
  });

  it('C8 [003-F6] "一次选举成功" and "另行选举" cannot both hold for one election', () => {
    const candidates = [
      { id: 1, name: '甲', post: 'chair' as const, female: true, formal: true },
      { id: 2, name: '乙', post: 'chair' as const, female: false, formal: true },
    ];
    const ctx = {
      track: 'V' as const,
      rules: resolveElectionRules({ 'v.committee_min': { value: 1, citation: 'test' } }),
      seats: { chair: 1 },
      candidates,
      today: '2026-06-01',
    };
    const counts = {
      heldOn: '2026-05-10',
      entitled: 100,
      inPerson: 80,
      proxy: 0,
      other: 0,
      ballotsIssued: 80,
      ballotsReturned: 80,
      ballotsValid: 80,
      ballotsInvalid: 0,
    };
    const r = evaluateResult(
      {
        meetings: [
          {
            ...counts,
            round: 'regular',
            votes: [
              { candidateId: 1, votesFor: 40 },
              { candidateId: 2, votesFor: 40 },
            ],
          },
          {
            ...counts,
            round: 'runoff',
            votes: [
              { candidateId: 1, votesFor: 50 },
              { candidateId: 2, votesFor: 30 },
            ],
          },
        ],
      },
      ctx,
    );
    expect(r.elected.map((e) => e.round)).toEqual(['runoff']);
    expect(r.oneTimeSuccess).toBe(false);
  });
});
