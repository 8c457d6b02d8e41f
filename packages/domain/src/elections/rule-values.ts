import type { ElectedTrack } from './posts.js';

/** One rule of a rule set: its value and its legal basis (same shape as rule_sets.values). */
export interface RuleEntry {
  value: number | boolean | string;
  citation: string;
}

const ORG_LAW = '村民委员会组织法';
const RESIDENTS_LAW = '城市居民委员会组织法';
/** The residents' law leaves the voting thresholds to the provinces' 居民委员会选举办法. */
const RESIDENTS_PROVINCIAL = '各省（自治区、直辖市）居民委员会选举办法';
const PARTY_REG = '中国共产党基层组织选举工作条例';

/**
 * National defaults of the rules this module applies, each with its citation (PRODUCT.md §4–5).
 * A campaign's rule set overrides any of them by code; fractions are written "n/d" so that
 * thresholds are compared in whole numbers, never in floating point.
 */
export const ELECTION_RULE_DEFAULTS = {
  'v.quorum': { value: '1/2', citation: `${ORG_LAW} 第十五条：过半数登记选民投票，选举有效` },
  'v.majority': {
    value: '1/2',
    citation: `${ORG_LAW} 第十五条：候选人获得参加投票的村民过半数的选票，始得当选`,
  },
  'v.runoff_min_share': {
    value: '1/3',
    citation: `${ORG_LAW} 第十五条：另行选举以得票多的当选，但所得票数不得少于已投选票数的三分之一`,
  },
  'v.committee_min': {
    value: 3,
    citation: `${ORG_LAW} 第六条：村民委员会由主任、副主任和委员共三至七人组成`,
  },
  'v.committee_max': {
    value: 7,
    citation: `${ORG_LAW} 第六条：村民委员会由主任、副主任和委员共三至七人组成`,
  },
  'v.competitive': {
    value: true,
    citation: `${ORG_LAW} 第十五条：选举村民委员会，应当实行差额选举`,
  },
  'v.women_member': {
    value: true,
    citation: `${ORG_LAW} 第六条：村民委员会成员中，应当有妇女成员`,
  },
  'v.formal_list_days_before': {
    value: 5,
    citation: '省级村民委员会选举办法：正式候选人名单应当在选举日的五日以前公布',
  },
  // 居民委员会 (track C): its own law and the provinces' election rules, never the villagers' law.
  'c.quorum': {
    value: '1/2',
    citation: `${RESIDENTS_PROVINCIAL}：过半数登记选民（户代表、居民代表）投票，选举有效`,
  },
  'c.majority': {
    value: '1/2',
    citation: `${RESIDENTS_PROVINCIAL}：候选人获得参加投票的选民过半数的选票，始得当选`,
  },
  'c.runoff_min_share': {
    value: '1/3',
    citation: `${RESIDENTS_PROVINCIAL}：另行选举以得票多的当选，但所得票数不得少于已投选票数的三分之一`,
  },
  'c.committee_min': {
    value: 5,
    citation: `${RESIDENTS_LAW} 第七条：居民委员会由主任、副主任和委员共五至九人组成`,
  },
  'c.committee_max': {
    value: 9,
    citation: `${RESIDENTS_LAW} 第七条：居民委员会由主任、副主任和委员共五至九人组成`,
  },
  'c.competitive': {
    value: true,
    citation: `${RESIDENTS_PROVINCIAL}：居民委员会成员的选举实行差额选举`,
  },
  'c.women_member': {
    value: true,
    citation: '村(社区)“两委”换届工作指导意见：社区“两委”班子中至少有一名妇女成员',
  },
  'p.quorum': {
    value: '4/5',
    citation: `${PARTY_REG}：有选举权的到会人数超过应到会人数的五分之四，会议有效`,
  },
  'p.majority': {
    value: '1/2',
    citation: `${PARTY_REG}：被选举人获得的赞成票超过实到会有选举权的人数的一半，始得当选`,
  },
  'p.committee_margin': {
    value: '1/5',
    citation: `${PARTY_REG}：委员候选人数应多于应选人数的20%`,
  },
  'p.secretary_uncontested': {
    value: true,
    citation: `${PARTY_REG}：书记、副书记候选人可以等额选举`,
  },
  'p.proxy_allowed': { value: false, citation: `${PARTY_REG}：党内选举不得委托他人投票` },
  'p.women_candidate': {
    value: true,
    citation: '村(社区)“两委”换届工作指导意见：两委班子中至少有一名妇女成员',
  },
  'ballots.returned_le_voted': {
    value: true,
    citation: `${ORG_LAW} 及 ${PARTY_REG}：收回的选票多于投票人数的，选举无效`,
  },
  'candidates.vetting_departments': {
    value: '纪委,组织部,公安,法院,检察院,民政,信访',
    citation: '村(社区)“两委”换届候选人资格联审办法',
  },
  'candidates.publicity_min_days': {
    value: 5,
    citation: '换届工作实施方案：候选人人选公示期一般为3—5天(默认取5天，可按省级规定调整)',
  },
  'composition.age_bands': {
    value: '35,45,55',
    citation: '统计口径：35岁及以下、36—45岁、46—55岁、56岁及以上(可调整)',
  },
  'statistics.percent_decimals': { value: 1, citation: '统计口径：百分比保留一位小数(可调整)' },
  'statistics.rounding': {
    value: 'half_up',
    citation: '统计口径：四舍五入(half_up)或截断(truncate)',
  },
  'statistics.cross_includes_dual': {
    value: true,
    citation: '统计口径：交叉任职人数含“一肩挑”人员(可调整)',
  },
} satisfies Record<string, RuleEntry>;

export type ElectionRuleCode = keyof typeof ELECTION_RULE_DEFAULTS;

export interface RuleFraction {
  n: number;
  d: number;
}

export interface ResolvedRule<T> {
  code: ElectionRuleCode;
  value: T;
  citation: string;
}

/** The 村民委员会 (V) and the 居民委员会 (C): each elected under its own law. */
export type CommitteeTrack = Exclude<ElectedTrack, 'P'>;

/** The rules of a V or C committee election, each read from that track's own codes. */
export interface CommitteeRules {
  runoffMinShare: ResolvedRule<RuleFraction>;
  committeeMin: ResolvedRule<number>;
  committeeMax: ResolvedRule<number>;
  competitive: ResolvedRule<boolean>;
  womenMember: ResolvedRule<boolean>;
}

export interface ElectionRules {
  quorum: Record<ElectedTrack, ResolvedRule<RuleFraction>>;
  majority: Record<ElectedTrack, ResolvedRule<RuleFraction>>;
  committee: Record<CommitteeTrack, CommitteeRules>;
  formalListDaysBefore: ResolvedRule<number>;
  committeeMargin: ResolvedRule<RuleFraction>;
  secretaryUncontested: ResolvedRule<boolean>;
  proxyAllowed: ResolvedRule<boolean>;
  partyWomenCandidate: ResolvedRule<boolean>;
  returnedLeVoted: ResolvedRule<boolean>;
  vettingDepartments: ResolvedRule<string[]>;
  publicityMinDays: ResolvedRule<number>;
  ageBands: ResolvedRule<number[]>;
  percentDecimals: ResolvedRule<number>;
  rounding: ResolvedRule<'half_up' | 'truncate'>;
  crossIncludesDual: ResolvedRule<boolean>;
}

export function parseFraction(text: string): RuleFraction | null {
  const match = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const n = Number(match[1]);
  const d = Number(match[2]);
  return d > 0 && n <= d ? { n, d } : null;
}

/** The smallest whole x with x > f·total. */
export function minExceeding(total: number, f: RuleFraction): number {
  return Math.floor((total * f.n) / f.d) + 1;
}

/** The smallest whole x with x ≥ f·total. */
export function minReaching(total: number, f: RuleFraction): number {
  return Math.ceil((total * f.n) / f.d);
}

export function formatFraction(f: RuleFraction): string {
  if (f.n === 1 && f.d === 2) return '半数';
  const zh = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return f.d <= 10 && f.n <= 10 ? `${zh[f.d] ?? f.d}分之${zh[f.n] ?? f.n}` : `${f.n}/${f.d}`;
}

/**
 * The rules in force: the campaign's rule set values where present and well-formed, the national
 * defaults otherwise. A malformed override falls back to the default rather than silently
 * disabling a legal check.
 */
export function resolveElectionRules(values: Record<string, RuleEntry> = {}): ElectionRules {
  function entry(code: ElectionRuleCode): RuleEntry {
    const override = values[code];
    const fallback = ELECTION_RULE_DEFAULTS[code];
    return override && typeof override.value === typeof fallback.value ? override : fallback;
  }
  function fraction(code: ElectionRuleCode): ResolvedRule<RuleFraction> {
    const e = entry(code);
    const parsed = parseFraction(String(e.value));
    const fallback = ELECTION_RULE_DEFAULTS[code];
    const fallbackValue = parseFraction(String(fallback.value));
    if (!fallbackValue) throw new Error(`default of ${code} is not a fraction`);
    return parsed
      ? { code, value: parsed, citation: e.citation }
      : { code, value: fallbackValue, citation: fallback.citation };
  }
  function num(code: ElectionRuleCode): ResolvedRule<number> {
    const e = entry(code);
    return { code, value: Number(e.value), citation: e.citation };
  }
  function bool(code: ElectionRuleCode): ResolvedRule<boolean> {
    const e = entry(code);
    return { code, value: e.value === true, citation: e.citation };
  }
  function list(code: ElectionRuleCode): ResolvedRule<string[]> {
    const e = entry(code);
    const items = String(e.value)
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    return { code, value: items, citation: e.citation };
  }
  const bands = list('composition.age_bands');
  const rounding = entry('statistics.rounding');
  return {
    quorum: { P: fraction('p.quorum'), V: fraction('v.quorum'), C: fraction('c.quorum') },
    majority: { P: fraction('p.majority'), V: fraction('v.majority'), C: fraction('c.majority') },
    committee: {
      V: {
        runoffMinShare: fraction('v.runoff_min_share'),
        committeeMin: num('v.committee_min'),
        committeeMax: num('v.committee_max'),
        competitive: bool('v.competitive'),
        womenMember: bool('v.women_member'),
      },
      C: {
        runoffMinShare: fraction('c.runoff_min_share'),
        committeeMin: num('c.committee_min'),
        committeeMax: num('c.committee_max'),
        competitive: bool('c.competitive'),
        womenMember: bool('c.women_member'),
      },
    },
    formalListDaysBefore: num('v.formal_list_days_before'),
    committeeMargin: fraction('p.committee_margin'),
    secretaryUncontested: bool('p.secretary_uncontested'),
    proxyAllowed: bool('p.proxy_allowed'),
    partyWomenCandidate: bool('p.women_candidate'),
    returnedLeVoted: bool('ballots.returned_le_voted'),
    vettingDepartments: list('candidates.vetting_departments'),
    publicityMinDays: num('candidates.publicity_min_days'),
    ageBands: {
      ...bands,
      value: bands.value
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0)
        .sort((a, b) => a - b),
    },
    percentDecimals: num('statistics.percent_decimals'),
    rounding: {
      code: 'statistics.rounding',
      value: rounding.value === 'truncate' ? 'truncate' : 'half_up',
      citation: rounding.citation,
    },
    crossIncludesDual: bool('statistics.cross_includes_dual'),
  };
}
