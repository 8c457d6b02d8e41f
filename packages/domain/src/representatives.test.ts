import { describe, expect, it } from 'vitest';
import { nationalRuleValues, ruleKind, ruleLabel } from './rule-catalogue.js';
import { overrideProblem } from './rule-overrides.js';
import type { RepresentativeFact } from './representatives.js';
import {
  checkGroupLeaders,
  checkRepresentatives,
  groupLeaderProblem,
  householdsPerRepresentative,
  readRepresentativeRules,
} from './representatives.js';

const groups = [
  { id: 1, name: '第一村民小组' },
  { id: 2, name: '第二村民小组' },
  { id: 3, name: '第三村民小组' },
];

function reps(
  n: number,
  women: number,
  groupOf = (i: number) => (i % 3) + 1,
): RepresentativeFact[] {
  return Array.from({ length: n }, (_, i) => ({
    groupId: groupOf(i),
    gender: i < women ? ('female' as const) : ('male' as const),
    partyMember: false,
  }));
}

const national = readRepresentativeRules(nationalRuleValues());

function rules(input: { households: number | null; n: number; women: number }) {
  return checkRepresentatives(
    {
      households: input.households,
      groups,
      representatives: reps(input.n, input.women),
      leaders: [],
    },
    national,
  ).map((f) => `${f.severity}:${f.rule}`);
}

describe('one representative per 5–15 households (组织法 第二十五条)', () => {
  it.each([
    // households, representatives, expected
    [50, 10, []], // exactly 5 per representative
    [150, 10, []], // exactly 15 per representative
    [100, 10, []],
    [49, 10, ['warning:representatives.households_min']], // 4.9
    [151, 10, ['warning:representatives.households_max']], // 15.1
  ])('%i households, %i representatives → %j', (households, n, expected) => {
    expect(rules({ households, n, women: 4 })).toEqual(expected);
  });

  it('names the rule, the figure and the citation', () => {
    const [f] = checkRepresentatives(
      { households: 151, groups, representatives: reps(10, 4), leaders: [] },
      national,
    );
    expect(f?.message).toContain('每15.1户一名代表');
    expect(f?.citation).toContain('第二十五条');
  });

  it('warns when the households are unknown, and says nothing for no representatives', () => {
    expect(rules({ households: null, n: 10, women: 4 })).toEqual([
      'warning:representatives.households_min',
    ]);
    expect(rules({ households: 100, n: 0, women: 0 })).toEqual([]);
  });

  it('per group where the province says so (2–5 per group)', () => {
    const perGroup = readRepresentativeRules({
      ...nationalRuleValues(),
      'representatives.basis': { value: 'groups', citation: '《浙江省村民委员会选举办法》' },
    });
    const check = (groupOf: (i: number) => number, n: number) =>
      checkRepresentatives(
        { households: 1000, groups, representatives: reps(n, n, groupOf), leaders: [] },
        perGroup,
      ).map((f) => f.message);
    expect(check((i) => (i % 3) + 1, 6)).toEqual([]);
    expect(check((i) => (i < 6 ? 1 : i < 8 ? 2 : 3), 10)).toEqual([
      '第一村民小组村民代表6人，多于每组5人',
    ]);
    expect(check((i) => (i < 3 ? 1 : 2), 6)).toEqual(['第三村民小组村民代表0人，少于每组2人']);
  });
});

describe('women at least one third of the representatives', () => {
  it.each([
    [9, 3, []], // exactly 1/3
    [9, 2, ['warning:representatives.women_share']],
    [10, 4, []],
    [10, 3, ['warning:representatives.women_share']], // 3/10 < 1/3
    [12, 4, []],
  ])('%i representatives, %i women → %j', (n, women, expected) => {
    expect(rules({ households: n * 10, n, women })).toEqual(expected);
  });

  it('follows a county that raised the share', () => {
    const stricter = readRepresentativeRules({
      'representatives.women_share': { value: '2/5', citation: '某县方案' },
    });
    const findings = checkRepresentatives(
      { households: 100, groups, representatives: reps(10, 3), leaders: [] },
      stricter,
    );
    expect(findings.map((f) => [f.rule, f.citation])).toEqual([
      ['representatives.women_share', '某县方案'],
    ]);
    expect(findings[0]?.message).toContain('至少应有4人');
  });
});

describe('group leaders', () => {
  it('warns while a group has no leader, and is quiet when every group is led', () => {
    const some = checkGroupLeaders(
      { groups, leaders: [{ groupId: 1, post: 'leader', representativeId: null }] },
      national,
    );
    expect(some.map((f) => [f.severity, f.rule])).toEqual([
      ['warning', 'group_leaders.every_group'],
    ]);
    expect(some[0]?.message).toContain('第二村民小组、第三村民小组尚无村民小组长');
    const deputyOnly = checkGroupLeaders(
      {
        groups,
        leaders: [
          { groupId: 1, post: 'leader', representativeId: null },
          { groupId: 2, post: 'leader', representativeId: null },
          { groupId: 3, post: 'deputy', representativeId: null },
        ],
      },
      national,
    );
    expect(deputyOnly).toHaveLength(1);
    const all = groups.map((g) => ({
      groupId: g.id,
      post: 'leader' as const,
      representativeId: null,
    }));
    expect(checkGroupLeaders({ groups, leaders: all }, national)).toEqual([]);
  });

  it('refuses a second leader in a group and a group of another village', () => {
    const one = [{ groupId: 1, post: 'leader' as const }];
    expect(groupLeaderProblem(groups, one)).toBeNull();
    expect(groupLeaderProblem(groups, [...one, { groupId: 1, post: 'deputy' }])).toBeNull();
    expect(groupLeaderProblem(groups, [...one, { groupId: 1, post: 'leader' }])?.message).toBe(
      '第一村民小组已有村民小组长，每个小组只能有一名组长',
    );
    expect(groupLeaderProblem(groups, [{ groupId: 9, post: 'leader' }])?.field).toBe('groupId');
    expect(
      groupLeaderProblem(
        [groups[0]!],
        [
          { groupId: 1, post: 'leader' },
          { groupId: 1, post: 'leader' },
        ],
      )?.message,
    ).toContain('多于村民小组数1个');
  });
});

describe('rules as data', () => {
  it('are in the national rule set with labels, kinds and legal bounds', () => {
    const values = nationalRuleValues();
    expect(values['representatives.households_min']?.value).toBe(5);
    expect(values['representatives.households_max']?.value).toBe(15);
    expect(ruleLabel('representatives.households_max')).toBe('每名村民代表联系户数（不超过）');
    expect(ruleKind('group_leaders.every_group')).toBe('legal');
    expect(overrideProblem('representatives.households_max', 20, '某县方案', values)).toContain(
      '不超过 15',
    );
    expect(
      overrideProblem('representatives.basis', 'groups', '《浙江省村民委员会选举办法》', values),
    ).toBeNull();
    expect(overrideProblem('representatives.basis', 'x', '某县方案', values)).toContain(
      'households 或 groups',
    );
  });

  it('shows households per representative with one decimal', () => {
    expect(householdsPerRepresentative(151, 10)).toBe(15.1);
    expect(householdsPerRepresentative(100, 0)).toBeNull();
  });
});
