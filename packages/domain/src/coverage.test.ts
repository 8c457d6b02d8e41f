import { describe, expect, it } from 'vitest';
import type { CoverageCadre, CoverageInput, CoverageTeam, CoverageVillage } from './coverage.js';
import { COVERAGE_RULES, checkCoverage, checkSupervision, summarizeCoverage } from './coverage.js';
import { GUIDANCE_RULE_DEFAULTS, readGuidanceRules } from './guidance.js';

const village = (id: number, over: Partial<CoverageVillage> = {}): CoverageVillage => ({
  id,
  name: `村${id}`,
  riskLevel: 'normal',
  electionDays: [`2026-05-${String(id).padStart(2, '0')}`],
  teamIds: [1],
  hasFirstResponsible: true,
  ...over,
});

const cadres: CoverageCadre[] = [
  { id: 10, name: '王科长', rank: 'section' },
  { id: 11, name: '李干事', rank: 'staff' },
  { id: 12, name: '赵干事', rank: 'staff' },
  { id: 13, name: '孙副科', rank: 'deputy_section' },
];

const team1: CoverageTeam = {
  id: 1,
  name: '第一指导组',
  members: [
    { cadreId: 11, role: 'cadre' },
    { cadreId: 12, role: 'instructor' },
  ],
};

function run(over: Partial<CoverageInput>) {
  return checkCoverage({
    villages: [village(1)],
    teams: [team1],
    cadres,
    rules: GUIDANCE_RULE_DEFAULTS,
    ...over,
  });
}

const rulesOf = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('checkCoverage', () => {
  it.each<[string, Partial<CoverageInput>, string[]]>([
    ['a village with a team of two cadres is covered', {}, []],
    [
      'a village without a team',
      { villages: [village(1, { teamIds: [] })] },
      [COVERAGE_RULES.villageWithoutTeam],
    ],
    [
      'a team of one cadre is below the minimum of two',
      { teams: [{ ...team1, members: [{ cadreId: 11, role: 'cadre' }] }] },
      [COVERAGE_RULES.tooFewCadres],
    ],
    [
      'an empty team counts zero cadres',
      { teams: [{ ...team1, members: [] }] },
      [COVERAGE_RULES.tooFewCadres],
    ],
    [
      'two teams together reach the minimum',
      {
        villages: [village(1, { teamIds: [1, 2] })],
        teams: [
          { ...team1, members: [{ cadreId: 11, role: 'cadre' }] },
          { id: 2, name: '第二组', members: [{ cadreId: 12, role: 'liaison' }] },
        ],
      },
      [],
    ],
    [
      'one cadre in two teams of the village counts once',
      {
        villages: [village(1, { teamIds: [1, 2] })],
        teams: [
          { ...team1, members: [{ cadreId: 11, role: 'cadre' }] },
          { id: 2, name: '第二组', members: [{ cadreId: 11, role: 'liaison' }] },
        ],
      },
      [COVERAGE_RULES.tooFewCadres],
    ],
    [
      'a rule set may raise the minimum',
      {
        rules: readGuidanceRules({
          'guidance.min_cadres_per_village': { value: 3, citation: '某县方案' },
        }),
      },
      [COVERAGE_RULES.tooFewCadres],
    ],
    [
      'a difficult village without a 包村领导',
      { villages: [village(1, { riskLevel: 'difficult' })] },
      [COVERAGE_RULES.difficultWithoutLeader],
    ],
    [
      'a difficult village whose 包村领导 is below 副科级',
      {
        villages: [village(1, { riskLevel: 'difficult' })],
        teams: [
          {
            ...team1,
            members: [
              { cadreId: 11, role: 'leader' },
              { cadreId: 12, role: 'cadre' },
            ],
          },
        ],
      },
      [COVERAGE_RULES.difficultWithoutLeader],
    ],
    [
      'a difficult village with a 副科级 cadre who is not in the 包村领导 role',
      {
        villages: [village(1, { riskLevel: 'difficult' })],
        teams: [{ ...team1, members: [...team1.members, { cadreId: 13, role: 'cadre' }] }],
      },
      [COVERAGE_RULES.difficultWithoutLeader],
    ],
    [
      'a difficult village with a 副科级 包村领导 is covered',
      {
        villages: [village(1, { riskLevel: 'difficult' })],
        teams: [{ ...team1, members: [...team1.members, { cadreId: 13, role: 'leader' }] }],
      },
      [],
    ],
    [
      'a village without a risk level is not treated as difficult',
      { villages: [village(1, { riskLevel: null })] },
      [],
    ],
    ['a key (重点) village needs no leader', { villages: [village(1, { riskLevel: 'key' })] }, []],
    [
      'a village without a first responsible person',
      { villages: [village(1, { hasFirstResponsible: false })] },
      [COVERAGE_RULES.noFirstResponsible],
    ],
    [
      'a cadre over the limit of four villages',
      { villages: [1, 2, 3, 4, 5].map((id) => village(id)) },
      [COVERAGE_RULES.cadreOverloaded, COVERAGE_RULES.cadreOverloaded],
    ],
    ['four villages are within the limit', { villages: [1, 2, 3, 4].map((id) => village(id)) }, []],
    [
      'two villages of one cadre on the same election day',
      {
        villages: [
          village(1, { electionDays: ['2026-05-10'] }),
          village(2, { electionDays: ['2026-05-10', '2026-05-20'] }),
        ],
      },
      [COVERAGE_RULES.sameDayVillages, COVERAGE_RULES.sameDayVillages],
    ],
    [
      'different days are fine',
      {
        villages: [
          village(1, { electionDays: ['2026-05-10'] }),
          village(2, { electionDays: ['2026-05-11'] }),
        ],
      },
      [],
    ],
    [
      'the same day in villages of different cadres is fine',
      {
        villages: [
          village(1, { electionDays: ['2026-05-10'] }),
          village(2, { electionDays: ['2026-05-10'], teamIds: [2] }),
        ],
        teams: [
          team1,
          {
            id: 2,
            name: '第二组',
            members: [
              { cadreId: 10, role: 'leader' },
              { cadreId: 13, role: 'cadre' },
            ],
          },
        ],
      },
      [],
    ],
  ])('%s', (_name, over, expected) => {
    expect(rulesOf(run(over))).toEqual(expected);
  });

  it('names the village, the numbers and the citation', () => {
    const [finding] = run({ teams: [{ ...team1, members: [{ cadreId: 11, role: 'cadre' }] }] });
    expect(finding).toMatchObject({
      severity: 'warning',
      message: '村1仅有1名包村干部，少于规定的2名',
      citation: GUIDANCE_RULE_DEFAULTS.minCadresPerVillage.citation,
      villageIds: [1],
      cadreId: null,
    });
  });

  it('points an overload at the cadre and every one of their villages', () => {
    const findings = run({ villages: [1, 2, 3, 4, 5].map((id) => village(id)) });
    const overload = findings.find((f) => f.cadreId === 11);
    expect(overload?.villageIds).toEqual([1, 2, 3, 4, 5]);
    expect(overload?.message).toBe('李干事包联5个村(社区)，超过上限4个：村1、村2、村3、村4、村5');
  });

  it('names the two villages and the day of a clash', () => {
    const findings = run({
      villages: [
        village(1, { electionDays: ['2026-05-10'] }),
        village(2, { electionDays: ['2026-05-10'] }),
      ],
      teams: [{ ...team1, members: [{ cadreId: 11, role: 'cadre' }] }],
    });
    const clash = findings.find((f) => f.rule === COVERAGE_RULES.sameDayVillages);
    expect(clash).toMatchObject({
      message: '李干事包联的村1、村2同在2026-05-10选举',
      villageIds: [1, 2],
      cadreId: 11,
    });
  });
});

describe('summarizeCoverage', () => {
  it('gives each village its distinct cadres and each cadre its villages', () => {
    const { cadresOfVillage, villagesOfCadre } = summarizeCoverage({
      villages: [
        village(1, { teamIds: [1, 2] }),
        village(2, { teamIds: [2] }),
        village(3, { teamIds: [] }),
      ],
      teams: [team1, { id: 2, name: '第二组', members: [{ cadreId: 11, role: 'liaison' }] }],
    });
    expect([...(cadresOfVillage.get(1)?.entries() ?? [])]).toEqual([
      [11, ['cadre', 'liaison']],
      [12, ['instructor']],
    ]);
    expect(cadresOfVillage.get(3)?.size).toBe(0);
    expect(villagesOfCadre.get(11)).toEqual([1, 2]);
    expect(villagesOfCadre.get(12)).toEqual([1]);
  });
});

describe('checkSupervision', () => {
  it('flags townships without a supervision team', () => {
    const findings = checkSupervision([
      { id: 4, name: '城关镇', teamIds: [7] },
      { id: 5, name: '河西乡', teamIds: [] },
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: COVERAGE_RULES.townshipWithoutSupervision,
        message: '河西乡尚未分配县级督导组',
        townshipIds: [5],
      }),
    ]);
  });
});
