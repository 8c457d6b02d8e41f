import { ELECTION_RULE_DEFAULTS } from './elections/rule-values.js';
import { GUIDANCE_RULE_CODES, GUIDANCE_RULE_DEFAULTS } from './guidance.js';
import { REPRESENTATIVE_RULE_DEFAULTS, REPRESENTATIVE_RULE_LABEL } from './representatives.js';
import type { RuleSetValue } from './rules.js';
import { RULES, isRuleCode, workflowDefaultValues } from './rules.js';

/**
 * Every rule a rule set holds, across modules: the workflow's deadlines (rules.ts), the election
 * results' thresholds (elections/rule-values.ts) and the guidance coverage rules (guidance.ts).
 * The national default rule set is exactly this; a county copies it and overrides values.
 */
export function nationalRuleValues(): Record<string, RuleSetValue> {
  const guidance = Object.fromEntries(
    (Object.keys(GUIDANCE_RULE_CODES) as (keyof typeof GUIDANCE_RULE_CODES)[]).map((key) => [
      GUIDANCE_RULE_CODES[key],
      { ...GUIDANCE_RULE_DEFAULTS[key] },
    ]),
  );
  const election = Object.fromEntries(
    Object.entries(ELECTION_RULE_DEFAULTS).map(([code, entry]) => [code, { ...entry }]),
  );
  // The workflow's entries come last: for the codes it shares with the election module
  // (v.formal_list_days_before, candidates.publicity_min_days) the values are the same.
  const representatives = Object.fromEntries(
    Object.entries(REPRESENTATIVE_RULE_DEFAULTS).map(([code, entry]) => [code, { ...entry }]),
  );
  return { ...guidance, ...election, ...representatives, ...workflowDefaultValues() };
}

const OTHER_LABELS: Record<string, string> = {
  'guidance.min_cadres_per_village': '每村（社区）包村干部最少人数',
  'guidance.max_villages_per_cadre': '每名包村干部包联村数上限',
  'v.quorum': '村委会选举有效：参加投票选民须超过登记选民的比例',
  'v.majority': '村委会候选人当选：须获参加投票村民的比例（超过）',
  'v.runoff_min_share': '另行选举：当选票数不少于已投选票的比例',
  'v.committee_min': '村委会成员职数下限',
  'v.committee_max': '村委会成员职数上限',
  'v.competitive': '村委会选举实行差额选举',
  'v.women_member': '村委会成员中应有妇女成员',
  'c.quorum': '居委会选举有效：参加投票选民须超过登记选民的比例',
  'c.majority': '居委会候选人当选：须获参加投票选民的比例（超过）',
  'c.runoff_min_share': '居委会另行选举：当选票数不少于已投选票的比例',
  'c.committee_min': '居委会成员职数下限',
  'c.committee_max': '居委会成员职数上限',
  'c.competitive': '居委会选举实行差额选举',
  'c.women_member': '居委会成员中应有妇女成员',
  'p.quorum': '党员大会有效：到会人数须超过应到会人数的比例',
  'p.majority': '党组织委员当选：赞成票须超过实到会人数的比例',
  'p.committee_margin': '党组织委员会候选人差额比例（书记、副书记、委员合计，不少于）',
  'p.secretary_uncontested': '书记、副书记候选人可以等额选举',
  'p.proxy_allowed': '党内选举可以委托投票',
  'p.women_candidate': '两委班子中至少一名妇女成员',
  'ballots.returned_le_voted': '收回选票不得多于投票人数',
  'candidates.vetting_departments': '候选人资格联审部门',
  'composition.age_bands': '年龄分段（岁）',
  'statistics.percent_decimals': '百分比保留小数位数',
  'statistics.rounding': '百分比取舍方式',
  'statistics.cross_includes_dual': '交叉任职人数含“一肩挑”人员',
  ...REPRESENTATIVE_RULE_LABEL,
};

/** A rule's name in Chinese, for the rule set view; the code itself when unknown. */
export function ruleLabel(code: string): string {
  return isRuleCode(code) ? RULES[code].label : (OTHER_LABELS[code] ?? code);
}

/**
 * 'legal' for statute and party regulation (election thresholds included), 'plan' for the county's
 * working arrangements (schedule, guidance staffing), 'other' for statistical conventions.
 */
export type RuleKind = 'legal' | 'plan' | 'other';

export const RULE_KIND_LABEL: Record<RuleKind, { zh: string; en: string }> = {
  legal: { zh: '法定', en: 'Statutory' },
  plan: { zh: '工作安排', en: 'Work plan' },
  other: { zh: '统计与其他', en: 'Statistics and other' },
};

export function ruleKind(code: string): RuleKind {
  if (isRuleCode(code)) return RULES[code].kind;
  if (/^(v|c|p|ballots|representatives|group_leaders)\./.test(code)) return 'legal';
  if (code.startsWith('guidance.') || code.startsWith('candidates.')) return 'plan';
  return 'other';
}
