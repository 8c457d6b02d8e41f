import { describe, expect, it } from 'vitest';
import type { Action, Actor } from './policy.js';
import { can } from './policy.js';
import {
  GUIDANCE_RULE_DEFAULTS,
  dailyReportWindow,
  daysFrom,
  isSeniorRank,
  isValidPhone,
  readGuidanceRules,
  rolesForTeamKind,
  teamKindOfOwner,
} from './guidance.js';

describe('readGuidanceRules', () => {
  it.each([
    ['no rule set', null, 2, 4],
    [
      'a set without guidance values',
      { 'voter_list.days_before': { value: 20, citation: 'x' } },
      2,
      4,
    ],
    [
      'overrides',
      {
        'guidance.min_cadres_per_village': { value: 3, citation: 'A县方案' },
        'guidance.max_villages_per_cadre': { value: 2, citation: 'A县方案' },
      },
      3,
      2,
    ],
    [
      'a value that is not a whole number is ignored',
      { 'guidance.min_cadres_per_village': { value: '3', citation: '' } },
      2,
      4,
    ],
  ] as const)('%s', (_name, values, min, max) => {
    const rules = readGuidanceRules(values);
    expect(rules.minCadresPerVillage.value).toBe(min);
    expect(rules.maxVillagesPerCadre.value).toBe(max);
  });

  it('keeps the citation of an override', () => {
    const rules = readGuidanceRules({
      'guidance.min_cadres_per_village': { value: 3, citation: 'A县方案' },
    });
    expect(rules.minCadresPerVillage.citation).toBe('A县方案');
    expect(rules.maxVillagesPerCadre).toEqual(GUIDANCE_RULE_DEFAULTS.maxVillagesPerCadre);
  });
});

describe('teams', () => {
  it.each([
    ['township', 'guidance'],
    ['county', 'supervision'],
    ['village', null],
  ] as const)('a %s owns %s teams', (level, kind) => {
    expect(teamKindOfOwner(level)).toBe(kind);
  });

  it('guidance teams take the four guidance roles, supervision teams the supervisor role', () => {
    expect(rolesForTeamKind('guidance')).toEqual(['leader', 'cadre', 'instructor', 'liaison']);
    expect(rolesForTeamKind('supervision')).toEqual(['supervisor']);
  });

  it.each([
    ['division', true],
    ['section', true],
    ['deputy_section', true],
    ['staff', false],
  ] as const)('%s senior: %s', (rank, senior) => {
    expect(isSeniorRank(rank)).toBe(senior);
  });
});

describe('isValidPhone', () => {
  it.each([
    ['13812345678', true],
    ['0871-63123456', true],
    ['12812345678', false],
    ['1381234567', false],
    ['abc', false],
  ])('%s -> %s', (phone, ok) => {
    expect(isValidPhone(phone)).toBe(ok);
  });
});

describe('who may do what with guidance teams', () => {
  const actor = (role: Actor['role'], scopeRoots: string[]): Actor => ({
    userId: 1,
    role,
    homeRegionId: 4,
    homePath: '1.4.',
    scopeRoots,
  });
  it.each<[Actor, Action, string, boolean]>([
    [actor('township_coordinator', ['1.4.']), 'guidance.manage', '1.4.', true],
    [actor('township_coordinator', ['1.4.']), 'guidance.manage', '1.5.', false],
    [actor('township_coordinator', ['1.4.']), 'supervision.manage', '1.', false],
    [actor('county_admin', ['1.']), 'supervision.manage', '1.', true],
    [actor('county_admin', ['1.']), 'guidance.manage', '1.4.', false],
    [actor('county_admin', ['1.']), 'roster.manage', '1.', true],
    [actor('guidance_member', ['1.4.37.']), 'guidance.log', '1.4.37.', true],
    [actor('guidance_member', ['1.4.37.']), 'guidance.log', '1.4.38.', false],
    [actor('guidance_member', []), 'guidance.log', '1.4.37.', false],
    [actor('guidance_member', ['1.4.37.']), 'guidance.manage', '1.4.37.', false],
    [actor('village_clerk', ['1.4.37.']), 'guidance.log', '1.4.37.', false],
    [actor('village_clerk', ['1.4.37.']), 'guidance.read', '1.4.37.', true],
    [actor('county_supervisor', ['1.4.']), 'guidance.read', '1.4.37.', true],
    [actor('county_supervisor', ['1.4.']), 'guidance.read', '1.5.', false],
  ])('%#: %o %s on %s -> %s', (who, action, regionPath, expected) => {
    expect(can(who, action, { regionPath })).toBe(expected);
  });
});

describe('dailyReportWindow', () => {
  it('is the campaign window when set', () => {
    expect(
      dailyReportWindow({
        electionDay: '2026-05-20',
        windowStart: '2026-05-01',
        windowEnd: '2026-05-31',
      }),
    ).toEqual({ start: '2026-05-01', end: '2026-05-31' });
  });
  it('defaults to the 30 days up to election day', () => {
    expect(
      dailyReportWindow({ electionDay: '2026-03-10', windowStart: null, windowEnd: null }),
    ).toEqual({
      start: '2026-02-08',
      end: '2026-03-10',
    });
  });
  it('lists its days', () => {
    expect(daysFrom('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(daysFrom('2026-03-02', '2026-03-01')).toEqual([]);
  });
});
