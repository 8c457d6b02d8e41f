import { describe, expect, it } from 'vitest';
import type { StageChangeFacts } from './candidates.js';
import {
  checkPublicityPeriod,
  checkRecommendationTallies,
  checkStageChange,
  vettingStatus,
} from './candidates.js';
import { resolveElectionRules } from './rule-values.js';

const rules = resolveElectionRules();
const ALL = rules.vettingDepartments.value;

describe('资格联审', () => {
  it('uses the seven departments by default and a county list when set', () => {
    expect(ALL).toEqual(['纪委', '组织部', '公安', '法院', '检察院', '民政', '信访']);
    const own = resolveElectionRules({
      'candidates.vetting_departments': { value: '纪委、公安，卫健', citation: 'x' },
    });
    expect(own.vettingDepartments.value).toEqual(['纪委', '公安', '卫健']);
  });

  it.each([
    [ALL.map((d) => ({ department: d, result: 'pass' as const })), 'passed'],
    [ALL.slice(1).map((d) => ({ department: d, result: 'pass' as const })), 'pending'],
    [
      [
        ...ALL.slice(1).map((d) => ({ department: d, result: 'pass' as const })),
        { department: '纪委', result: 'fail' as const },
      ],
      'failed',
    ],
    [[{ department: '公安', result: 'fail' as const }], 'failed'],
  ])('answers → %#: %s', (answers, status) => {
    expect(vettingStatus(ALL, answers).status).toBe(status);
  });
});

describe('stage changes', () => {
  const passed = vettingStatus(
    ALL,
    ALL.map((d) => ({ department: d, result: 'pass' as const })),
  );
  const base: StageChangeFacts = {
    name: '王芳',
    from: 'preliminary',
    to: 'formal',
    vetting: passed,
    publicity: { startsOn: '2026-04-20', endsOn: '2026-04-24' },
    objections: { pending: 0, upheld: 0 },
    today: '2026-04-26',
  };
  const rulesOf = (over: Partial<StageChangeFacts>) =>
    checkStageChange({ ...base, ...over }, rules).map((f) => f.rule);

  it('allows a vetted, publicised candidate without objections to become formal', () => {
    expect(rulesOf({})).toEqual([]);
  });

  it.each([
    [
      'a failed vetting',
      { vetting: vettingStatus(ALL, [{ department: '公安', result: 'fail' }]) },
      'candidates.vetting_departments',
    ],
    ['a pending vetting', { vetting: vettingStatus(ALL, []) }, 'candidates.vetting_departments'],
    ['no 公示', { publicity: null }, 'candidates.publicity_pending'],
    ['公示 not over', { today: '2026-04-24' }, 'candidates.publicity_pending'],
    [
      'an upheld objection',
      { objections: { pending: 0, upheld: 1 } },
      'candidates.objection_upheld',
    ],
    [
      'a pending objection',
      { objections: { pending: 1, upheld: 0 } },
      'candidates.objection_pending',
    ],
    ['skipping the preliminary stage', { from: 'initial' as const }, 'candidates.stage_order'],
  ])('refuses formal with %s', (_l, over, rule) => {
    expect(rulesOf(over)).toContain(rule);
  });

  it('names the failing department', () => {
    const f = checkStageChange(
      {
        ...base,
        vetting: vettingStatus(ALL, [
          ...ALL.map((d) => ({ department: d, result: 'pass' as const })).slice(0, 6),
          { department: '信访', result: 'fail' },
        ]),
      },
      rules,
    );
    expect(f[0]?.message).toBe('王芳资格联审未通过(信访)，不能列为正式候选人');
  });

  it('a nominee who failed 资格联审 cannot enter the 预选; one still being vetted can', () => {
    const failed = checkStageChange(
      {
        ...base,
        from: 'initial',
        to: 'preliminary',
        vetting: vettingStatus(ALL, [{ department: '公安', result: 'fail' }]),
        publicity: null,
      },
      rules,
    );
    expect(failed.map((f) => `${f.severity}:${f.rule}`)).toEqual([
      'error:candidates.vetting_departments',
    ]);
    expect(failed[0]?.message).toBe('王芳资格联审未通过(公安)，不能列为预备人选参加预选');
    expect(
      rulesOf({ from: 'initial', to: 'preliminary', vetting: vettingStatus(ALL, []) }),
    ).toEqual([]);
  });

  it('lets anyone withdraw', () => {
    expect(rulesOf({ to: 'withdrawn', vetting: vettingStatus(ALL, []) })).toEqual([]);
  });
});

describe('公示 period', () => {
  it.each([
    ['2026-04-20', '2026-04-24', []],
    ['2026-04-20', '2026-04-23', ['candidates.publicity_min_days']],
    ['2026-04-20', '2026-04-19', ['publicity.dates']],
    ['2026-02-30', '2026-03-05', ['publicity.dates']],
  ])('%s – %s', (startsOn, endsOn, expected) => {
    expect(checkPublicityPeriod({ startsOn, endsOn }, rules).map((f) => f.rule)).toEqual(expected);
  });
});

describe('两推 tallies', () => {
  it('cannot exceed the round participants (430 party members, 323 representatives)', () => {
    const rounds = { partyParticipants: 430, massParticipants: 323 };
    expect(checkRecommendationTallies('王芳', { partyVotes: 430, massVotes: 300 }, rounds)).toEqual(
      [],
    );
    expect(
      checkRecommendationTallies('王芳', { partyVotes: 431, massVotes: 324 }, rounds).map(
        (f) => f.path,
      ),
    ).toEqual([['partyVotes'], ['massVotes']]);
    expect(
      checkRecommendationTallies(
        '王芳',
        { partyVotes: 10, massVotes: null },
        { partyParticipants: null, massParticipants: null },
      )[0]?.rule,
    ).toBe('recommendation.round_missing');
  });
});
