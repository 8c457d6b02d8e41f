import { describe, expect, it } from 'vitest';
import { nationalRuleValues } from './rule-catalogue.js';
import { citesProvincialRegulation, overrideProblem } from './rule-overrides.js';

const catalogue = nationalRuleValues();
const PROVINCIAL = '《浙江省村民委员会选举办法》第二十条';
const check = (code: string, value: number | boolean | string, citation = '某县实施方案') =>
  overrideProblem(code, value, citation, catalogue);

describe('citesProvincialRegulation', () => {
  it.each([
    ['《浙江省村民委员会选举办法》第二十条', true],
    ['广西壮族自治区村民委员会选举办法', true],
    ['上海市居民委员会选举办法第十条', true],
    ['河南省实施《村民委员会组织法》办法', true],
    ['浙江省民政厅通知', false],
    ['省级村民委员会选举办法', false],
    ['某省办法', false],
    ['县换届选举工作实施方案', false],
  ] as const)('%s → %s', (citation, expected) => {
    expect(citesProvincialRegulation(citation)).toBe(expected);
  });
});

describe('overrideProblem: values that do not parse are refused, naming the rule', () => {
  it.each([
    ['v.formal_list_days_before', 7.5, '须为不小于 0 的整数'],
    ['v.formal_list_days_before', Number.NaN, '须为不小于 0 的整数'],
    ['v.formal_list_days_before', 400, '0 至 365'],
    ['v.formal_list_days_before', '7', '取值类型'],
    ['representatives.women_share', 'half', '分数'],
    ['v.quorum', '三分之二', '分数'],
    ['v.quorum', '3/2', '分数'],
    ['v.committee_min', Number.NaN, '整数'],
    ['v.competitive', '也许', '“是”或“否”'],
    ['composition.age_bands', '35,abc', '整数年龄'],
    ['composition.age_bands', '45,35', '由小到大'],
    ['statistics.rounding', 'round', 'half_up'],
    ['no.such_rule', 1, '未知的规则代码'],
  ] as const)('%s = %j', (code, value, problem) => {
    const result = check(code, value, PROVINCIAL);
    expect(result).toContain(problem);
    if (code !== 'no.such_rule') expect(result).toMatch(/^「.+」/);
  });

  it('names the rule in Chinese', () => {
    expect(check('v.quorum', 'x')).toContain('「村委会选举有效');
  });

  it('asks for a citation', () => {
    expect(check('v.formal_list_days_before', 7, ' ')).toContain('须注明依据');
  });
});

describe('overrideProblem: the legal bound, passable only on a provincial regulation', () => {
  it.each([
    // at or stricter than the law: any citation will do
    ['v.formal_list_days_before', 7],
    ['v.majority', '2/3'],
    ['v.quorum', '1/2'],
    ['v.runoff_min_share', '2/5'],
    ['p.quorum', '5/6'],
    ['v.committee_min', 5],
    ['v.committee_max', 5],
    ['c.committee_max', 9],
    ['voter_list.decision_days', 2],
    ['representatives.women_share', '2/5'],
    ['v.competitive', true],
    ['statistics.percent_decimals', 2],
  ] as const)('%s = %j is accepted on a county citation', (code, value) => {
    expect(check(code, value)).toBeNull();
  });

  it.each([
    ['v.majority', '1/3', '不低于半数'],
    ['v.quorum', '2/5', '不低于半数'],
    ['c.majority', '1/3', '不低于半数'],
    ['v.runoff_min_share', '1/4', '不低于三分之一'],
    ['p.quorum', '2/3', '不低于五分之四'],
    ['p.committee_margin', '1/10', '不低于五分之一'],
    ['representatives.women_share', '1/5', '不低于三分之一'],
    ['voter_list.days_before', 15, '不少于 20'],
    ['voter_list.decision_days', 5, '不超过 3'],
    ['v.committee_min', 2, '不少于 3'],
    ['v.committee_max', 9, '不超过 7'],
    ['c.committee_min', 3, '不少于 5'],
    ['term.years', 3, '为「5」'],
    ['v.competitive', false, '为「是」'],
    ['p.proxy_allowed', true, '为「否」'],
  ] as const)('%s = %j below the law needs a provincial regulation', (code, value, bound) => {
    const refused = check(code, value, '某省办法');
    expect(refused).toContain(bound);
    expect(refused).toContain('省级法规');
    expect(check(code, value, PROVINCIAL)).toBeNull();
  });

  it('cites the law the bound comes from', () => {
    expect(check('v.majority', '1/3')).toContain('村民委员会组织法');
    expect(check('c.committee_min', 3)).toContain('城市居民委员会组织法');
  });
});

describe('the national defaults', () => {
  it('each pass the check with their own citation', () => {
    for (const [code, entry] of Object.entries(catalogue)) {
      expect(overrideProblem(code, entry.value, entry.citation, catalogue), code).toBeNull();
    }
  });
});
