import type { RuleFraction } from './elections/rule-values.js';
import { parseFraction } from './elections/rule-values.js';

/**
 * Legal thresholds and working deadlines of the campaign workflow, as data. A stored rule set holds
 * a value and a citation per code; these are the national defaults it is seeded with (PRODUCT.md
 * §4). `legal` rules come from law or regulation; `plan` rules are the county's working schedule
 * (工作安排), which a county may move freely. Election-result rules (quorum, majorities) live in
 * elections/rule-values.ts; guidance rules in guidance.ts. One rule set stores all of them.
 */
export type RuleUnit = 'days' | 'years' | 'fraction';

export interface RuleDefinition {
  label: string;
  unit: RuleUnit;
  kind: 'legal' | 'plan';
  /** Days and years are whole numbers; fractions are written "n/d" (whole-number comparisons). */
  value: number | string;
  citation: string;
  /** Inclusive bounds a county override must respect (for fractions: of the fraction's value). */
  min: number;
  max: number;
}

const ORGANIC_LAW = '《村民委员会组织法》';
const RESIDENTS_LAW = '《城市居民委员会组织法》';
const COUNTY_PLAN = '县换届选举工作实施方案（工作安排）';

function days(
  label: string,
  value: number,
  citation: string,
  kind: 'legal' | 'plan' = 'legal',
): RuleDefinition {
  return { label, unit: 'days', kind, value, citation, min: 0, max: 365 };
}

export const RULES = {
  'voter_list.days_before': days(
    '选民名单在选举日前公布的天数（不少于）',
    20,
    `${ORGANIC_LAW}第十四条；各省村民委员会选举办法`,
  ),
  'voter_list.objection_days': days(
    '对选民名单有异议的，自公布之日起提出申诉的期限',
    5,
    `${ORGANIC_LAW}第十四条`,
  ),
  'voter_list.decision_days': days(
    '村民选举委员会对申诉作出处理决定的期限',
    3,
    `${ORGANIC_LAW}第十四条`,
  ),
  // The two codes below are shared with the election-results rules (elections/rule-values.ts):
  // same code, same default, one stored value.
  'v.formal_list_days_before': days(
    '正式候选人名单在选举日前公布的天数（不少于；部分省规定7日）',
    5,
    '省级村民委员会选举办法：正式候选人名单应当在选举日的五日以前公布',
  ),
  'candidates.publicity_min_days': days(
    '候选人（预备人选）公示天数（不少于）',
    5,
    '换届工作实施方案：候选人人选公示期一般为3—5天',
  ),
  'term.years': {
    label: '任期',
    unit: 'years',
    kind: 'legal',
    value: 5,
    citation: `${ORGANIC_LAW}第十一条；${RESIDENTS_LAW}`,
    min: 1,
    max: 10,
  },
  'handover.days_after': days(
    '新老班子工作移交期限（选举后）',
    10,
    `${ORGANIC_LAW}第十二条；各省村民委员会选举办法`,
  ),
  'supporting_bodies.days_after': days(
    '村民小组长、村民代表等配套组织推选期限（选举后）',
    10,
    '各地换届选举工作实施方案',
    'plan',
  ),
  'exit_talks.days_after': days(
    '与离任、落选人员谈心谈话期限（选举后）',
    5,
    '各地换届选举工作实施方案',
    'plan',
  ),
  'representatives.women_share': {
    label: '村民代表中妇女代表的比例（不少于）',
    unit: 'fraction',
    kind: 'legal',
    value: '1/3',
    citation: `${ORGANIC_LAW}第二十五条`,
    min: 0,
    max: 1,
  },
  'results.report_days_after': days(
    '选举结果报告乡镇的期限（选举当天）',
    0,
    '各地换届选举工作规程',
    'plan',
  ),
  'schedule.audit_days_before': days(
    '离任（届期）经济责任审计及公示完成时间（选举日前）',
    30,
    `${COUNTY_PLAN}；${ORGANIC_LAW}第三十五条`,
    'plan',
  ),
  'schedule.election_committee_days_before': days(
    '村（居）民选举委员会推选完成时间（选举日前）',
    28,
    `${COUNTY_PLAN}；${ORGANIC_LAW}第十二条`,
    'plan',
  ),
  'schedule.review_days_before': days(
    '民主评议（述职测评）完成时间（选举日前）',
    25,
    COUNTY_PLAN,
    'plan',
  ),
  'schedule.registration_days_before': days(
    '选民登记完成时间（选举日前）',
    23,
    COUNTY_PLAN,
    'plan',
  ),
  'schedule.nomination_days_before': days(
    '候选人推荐提名完成时间（选举日前）',
    15,
    COUNTY_PLAN,
    'plan',
  ),
  'schedule.objections_days_before': days(
    '选民资格申诉处理完成时间（选举日前）',
    12,
    COUNTY_PLAN,
    'plan',
  ),
  'schedule.vetting_days_before': days(
    '候选人资格联审和考察完成时间（选举日前）',
    10,
    COUNTY_PLAN,
    'plan',
  ),
  'schedule.publicity_days_before': days(
    '候选人预备人选公示结束时间（选举日前）',
    5,
    COUNTY_PLAN,
    'plan',
  ),
  'schedule.approval_days_before': days(
    '乡镇党委审批候选人完成时间（选举日前）',
    3,
    COUNTY_PLAN,
    'plan',
  ),
  // 信访工作条例 (2022): acceptance told within 15 days of receipt, the matter answered within 60
  // days of acceptance. The article numbers were not checked against the text here; a county edits
  // the citation with the value.
  'cases.accept_days': days(
    '信访举报受理告知期限（自收到之日起）',
    15,
    '《信访工作条例》：收到信访事项之日起15日内告知是否受理',
  ),
  'cases.answer_days': days(
    '信访举报办结答复期限（自受理之日起）',
    60,
    '《信访工作条例》：信访事项应当自受理之日起60日内办结',
  ),
  'schedule.rules_days_after': days('建章立制完成时间（选举后）', 30, COUNTY_PLAN, 'plan'),
  'schedule.archive_days_after': days('换届资料立卷归档时间（选举后）', 30, COUNTY_PLAN, 'plan'),
} as const satisfies Record<string, RuleDefinition>;

export type RuleCode = keyof typeof RULES;
/** The rules measured in days: the ones a due date can be derived from. */
export type DaysRuleCode = Exclude<RuleCode, 'term.years' | 'representatives.women_share'>;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(value: string): value is RuleCode {
  return Object.hasOwn(RULES, value);
}

/** One stored value of a rule set (the shape of rule_sets.values entries). */
export interface RuleSetValue {
  value: number | boolean | string;
  citation: string;
}
export type RuleSetValues = Partial<Record<string, RuleSetValue>>;

/** This module's national defaults as stored values. */
export function workflowDefaultValues(): Record<RuleCode, RuleSetValue> {
  return Object.fromEntries(
    RULE_CODES.map((code) => [code, { value: RULES[code].value, citation: RULES[code].citation }]),
  ) as Record<RuleCode, RuleSetValue>;
}

/** Typed access to a rule set: its value when well-formed, the national default otherwise. */
export interface Rules {
  days: (code: DaysRuleCode | 'term.years') => number;
  fraction: (code: 'representatives.women_share') => RuleFraction;
  citation: (code: RuleCode) => string;
}

export function rulesFrom(values: RuleSetValues): Rules {
  return {
    days: (code) => {
      const stored = values[code]?.value;
      return typeof stored === 'number' && Number.isInteger(stored) && stored >= 0
        ? stored
        : Number(RULES[code].value);
    },
    fraction: (code) => {
      const stored = values[code]?.value;
      return (
        (typeof stored === 'string' ? parseFraction(stored) : null) ??
        parseFraction(RULES[code].value) ?? { n: 1, d: 3 }
      );
    },
    citation: (code) => values[code]?.citation ?? RULES[code].citation,
  };
}

export const NATIONAL_DEFAULTS: Rules = rulesFrom({});
