import type { RuleFraction } from './elections/rule-values.js';
import { formatFraction, parseFraction } from './elections/rule-values.js';
import { nationalRuleValues, ruleLabel } from './rule-catalogue.js';
import type { RuleSetValue, RuleSetValues } from './rules.js';
import { RULES, isRuleCode } from './rules.js';

/**
 * What the law requires of a rule's value, for the rules a county may not loosen on its own: a
 * fraction or a number at least (or at most) so much, a yes/no fixed. The basis is the rule's
 * national citation in the catalogue. A county's rule set may pass the bound only when its
 * citation names a provincial regulation (the law leaves details to the provinces' 选举办法).
 * For 居民委员会 the thresholds are the provinces' usual standard (the residents' law has none).
 */
export type LegalBound =
  | { kind: 'fraction_at_least'; value: string }
  | { kind: 'at_least'; value: number }
  | { kind: 'at_most'; value: number }
  | { kind: 'exactly'; value: number | boolean };

export const LEGAL_BOUNDS: Readonly<Record<string, LegalBound>> = {
  'voter_list.days_before': { kind: 'at_least', value: 20 },
  'voter_list.objection_days': { kind: 'at_least', value: 5 },
  'voter_list.decision_days': { kind: 'at_most', value: 3 },
  'v.formal_list_days_before': { kind: 'at_least', value: 5 },
  'term.years': { kind: 'exactly', value: 5 },
  'handover.days_after': { kind: 'at_most', value: 10 },
  'representatives.women_share': {
    kind: 'fraction_at_least',
    value: '1/3',
  },
  'representatives.households_min': { kind: 'at_least', value: 5 },
  'representatives.households_max': { kind: 'at_most', value: 15 },
  'v.quorum': { kind: 'fraction_at_least', value: '1/2' },
  'v.majority': { kind: 'fraction_at_least', value: '1/2' },
  'v.runoff_min_share': {
    kind: 'fraction_at_least',
    value: '1/3',
  },
  'v.committee_min': { kind: 'at_least', value: 3 },
  'v.committee_max': { kind: 'at_most', value: 7 },
  'v.competitive': { kind: 'exactly', value: true },
  'v.women_member': { kind: 'exactly', value: true },
  'c.quorum': { kind: 'fraction_at_least', value: '1/2' },
  'c.majority': { kind: 'fraction_at_least', value: '1/2' },
  'c.runoff_min_share': { kind: 'fraction_at_least', value: '1/3' },
  'c.committee_min': { kind: 'at_least', value: 5 },
  'c.committee_max': { kind: 'at_most', value: 9 },
  'p.quorum': { kind: 'fraction_at_least', value: '4/5' },
  'p.majority': { kind: 'fraction_at_least', value: '1/2' },
  'p.committee_margin': { kind: 'fraction_at_least', value: '1/5' },
  'p.proxy_allowed': { kind: 'exactly', value: false },
  'ballots.returned_le_voted': { kind: 'exactly', value: true },
};

/** The 31 provincial-level units of the mainland, as their regulations name them. */
const PROVINCES = [
  '北京市', '天津市', '上海市', '重庆市',
  '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省', '安徽省', '福建省',
  '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '海南省', '四川省', '贵州省',
  '云南省', '陕西省', '甘肃省', '青海省',
  '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区',
] as const; // prettier-ignore

/**
 * Whether a citation names a provincial regulation: a province (自治区, 直辖市) by name and a
 * regulation's kind (条例, 办法, 规定, 实施细则), e.g. 《浙江省村民委员会选举办法》第二十条. A generic
 * "省级选举办法" or "某省办法" names none.
 */
export function citesProvincialRegulation(citation: string): boolean {
  return PROVINCES.some((p) => citation.includes(p)) && /条例|办法|规定|细则/.test(citation);
}

/** The bound a value breaks, in words (e.g. "不少于 1/2"), or null when it keeps it. */
function breach(bound: LegalBound, value: number | boolean | string): string | null {
  switch (bound.kind) {
    case 'fraction_at_least': {
      const f = typeof value === 'string' ? parseFraction(value) : null;
      const min = parseFraction(bound.value) as RuleFraction;
      return f && f.n * min.d >= min.n * f.d
        ? null
        : `不低于${formatFraction(min)}（${bound.value}）`;
    }
    case 'at_least':
      return typeof value === 'number' && value >= bound.value ? null : `不少于 ${bound.value}`;
    case 'at_most':
      return typeof value === 'number' && value <= bound.value ? null : `不超过 ${bound.value}`;
    case 'exactly':
      return value === bound.value ? null : `为「${shown(bound.value)}」`;
  }
}

function shown(value: number | boolean): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

const NON_NEGATIVE_INTEGER = (v: number) => Number.isInteger(v) && v >= 0;

/** Why a value of this shape cannot be read, or null: the check every rule's value passes. */
function malformed(code: string, value: number | boolean | string): string | null {
  if (typeof value === 'number') {
    if (!NON_NEGATIVE_INTEGER(value)) return '须为不小于 0 的整数';
    if (isRuleCode(code)) {
      const { min, max } = RULES[code];
      if (value < min || value > max) return `须在 ${min} 至 ${max} 之间`;
    }
    if (code === 'statistics.percent_decimals' && value > 4) return '须在 0 至 4 之间';
    return null;
  }
  if (typeof value === 'boolean') return null;
  if (code === 'composition.age_bands') {
    const items = value.split(/[,，、]/).map((s) => s.trim());
    const ages = items.map(Number);
    const ascending = ages.every((a, i) => i === 0 || a > (ages[i - 1] ?? 0));
    return items.length > 0 && ages.every((a) => Number.isInteger(a) && a > 0) && ascending
      ? null
      : '须写成由小到大的整数年龄，以逗号分隔，如 35,45,55';
  }
  if (code === 'representatives.basis') {
    return value === 'households' || value === 'groups' ? null : '须为 households 或 groups';
  }
  if (code === 'statistics.rounding') {
    return value === 'half_up' || value === 'truncate' ? null : '须为 half_up 或 truncate';
  }
  if (code === 'candidates.vetting_departments') {
    return value.split(/[,，、]/).some((s) => s.trim() !== '') ? null : '须列出至少一个部门';
  }
  return null;
}

/**
 * Why an override of a rule's value cannot be stored, or null: the one check every writer of rule
 * values calls. `defaults` is the whole catalogue the rule set holds; a value keeps its default's
 * type, must be readable (a fraction as "n/d", a whole number in range, …), and may pass its legal
 * bound only on a provincial regulation named in the citation.
 */
export function overrideProblem(
  code: string,
  value: number | boolean | string,
  citation: string,
  defaults: RuleSetValues,
): string | null {
  const fallback: RuleSetValue | undefined = defaults[code];
  if (!fallback) return `未知的规则代码：${code}`;
  const name = `「${ruleLabel(code)}」`;
  if (citation.trim() === '') return `${name}须注明依据`;
  if (typeof value !== typeof fallback.value) {
    return typeof fallback.value === 'boolean'
      ? `${name}须填写“是”或“否”`
      : `${name}的取值类型不正确`;
  }
  const isFraction = typeof fallback.value === 'string' && parseFraction(fallback.value) !== null;
  if (isFraction && (typeof value !== 'string' || !parseFraction(value))) {
    return `${name}须写成不大于 1 的分数，如 1/3`;
  }
  const shape = malformed(code, value);
  if (shape) return `${name}${shape}`;
  const bound = LEGAL_BOUNDS[code];
  const broken = bound ? breach(bound, value) : null;
  if (bound && broken && !citesProvincialRegulation(citation)) {
    const basis = nationalRuleValues()[code]?.citation ?? '法律规定';
    return `${name}依${basis}，应${broken}；确需突破的，依据须写明省级法规的名称，如《××省村民委员会选举办法》第×条`;
  }
  return null;
}
