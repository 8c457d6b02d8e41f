/**
 * Guidance teams (指导组) and supervision teams (督导组): who they are made of, what they are
 * assigned to, and the rule values that coverage is checked against.
 */
import { addDays } from './dates.js';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABEL: Record<Gender, string> = { male: '男', female: '女' };

/** A cadre's rank (职级), highest first. */
export const CADRE_RANKS = ['division', 'section', 'deputy_section', 'staff'] as const;
export type CadreRank = (typeof CADRE_RANKS)[number];
export const CADRE_RANK_LABEL: Record<CadreRank, string> = {
  division: '县处级',
  section: '正科级',
  deputy_section: '副科级',
  staff: '一般干部',
};

/** 副科级 and above: a leader who may take charge of a difficult village. */
export function isSeniorRank(rank: CadreRank): boolean {
  return rank !== 'staff';
}

/**
 * A guidance team is owned by a township and assigned to its villages (or zones); a supervision
 * team is owned by the county and assigned to its townships.
 */
export const TEAM_KINDS = ['guidance', 'supervision'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const TEAM_KIND_LABEL: Record<TeamKind, string> = {
  guidance: '指导组',
  supervision: '督导组',
};

/** Roles inside a team: the four guidance roles and the one supervision role. */
export const TEAM_ROLES = ['leader', 'cadre', 'instructor', 'liaison', 'supervisor'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABEL: Record<TeamRole, string> = {
  leader: '包村领导',
  cadre: '包村干部',
  instructor: '驻村指导员',
  liaison: '联络员',
  supervisor: '督导员',
};

const ROLES_OF_KIND: Record<TeamKind, readonly TeamRole[]> = {
  guidance: ['leader', 'cadre', 'instructor', 'liaison'],
  supervision: ['supervisor'],
};

export function rolesForTeamKind(kind: TeamKind): readonly TeamRole[] {
  return ROLES_OF_KIND[kind];
}

/** The kind of team a region owns: townships build guidance teams, the county supervision teams. */
export function teamKindOfOwner(level: string): TeamKind | null {
  if (level === 'township') return 'guidance';
  if (level === 'county') return 'supervision';
  return null;
}

/** 第一责任人 / 直接责任人 of a village. */
export const RESPONSIBILITY_KINDS = ['first', 'direct'] as const;
export type ResponsibilityKind = (typeof RESPONSIBILITY_KINDS)[number];
export const RESPONSIBILITY_LABEL: Record<ResponsibilityKind, string> = {
  first: '第一责任人',
  direct: '直接责任人',
};

/** 走访 / 谈话. */
export const VISIT_KINDS = ['visit', 'talk'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABEL: Record<VisitKind, string> = { visit: '走访', talk: '谈话' };

/** The status line of a daily report (一日一汇报). */
export const DAILY_STATUSES = ['on_track', 'attention', 'blocked'] as const;
export type DailyStatus = (typeof DAILY_STATUSES)[number];
export const DAILY_STATUS_LABEL: Record<DailyStatus, string> = {
  on_track: '正常推进',
  attention: '需要关注',
  blocked: '受阻需协调',
};

export interface RuleValueOf<T> {
  value: T;
  citation: string;
}

export interface GuidanceRules {
  minCadresPerVillage: RuleValueOf<number>;
  maxVillagesPerCadre: RuleValueOf<number>;
}

/**
 * Rule codes in a rule set's values; the defaults apply when a campaign's rule set has no value
 * for them. (They are not statute: they come from county work plans, which vary.)
 */
export const GUIDANCE_RULE_CODES = {
  minCadresPerVillage: 'guidance.min_cadres_per_village',
  maxVillagesPerCadre: 'guidance.max_villages_per_cadre',
} as const satisfies Record<keyof GuidanceRules, string>;

export const GUIDANCE_RULE_DEFAULTS: GuidanceRules = {
  minCadresPerVillage: {
    value: 2,
    citation: '县换届选举工作实施方案：每村(社区)至少明确2名包村干部',
  },
  maxVillagesPerCadre: {
    value: 4,
    citation: '县换届选举工作实施方案：包村干部包联村数不超过规定上限',
  },
};

/** The guidance rules of a rule set: its values where it has a whole number, else the defaults. */
export function readGuidanceRules(
  values: Record<string, { value: unknown; citation?: string }> | null | undefined,
): GuidanceRules {
  const read = (key: keyof GuidanceRules): RuleValueOf<number> => {
    const entry = values?.[GUIDANCE_RULE_CODES[key]];
    if (entry && typeof entry.value === 'number' && Number.isInteger(entry.value)) {
      return {
        value: entry.value,
        citation: entry.citation ?? GUIDANCE_RULE_DEFAULTS[key].citation,
      };
    }
    return GUIDANCE_RULE_DEFAULTS[key];
  };
  return {
    minCadresPerVillage: read('minCadresPerVillage'),
    maxVillagesPerCadre: read('maxVillagesPerCadre'),
  };
}

/** A mainland mobile number (11 digits, 1[3-9]…) or a landline with area code. */
export function isValidPhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone) || /^0\d{2,3}-?\d{7,8}$/.test(phone);
}

/** Days before election day that daily reports start when the campaign sets no window. */
export const DAILY_REPORT_DEFAULT_LEAD_DAYS = 30;

/**
 * The days on which guidance members file a daily report (一日一汇报): the campaign's election
 * window, or when it sets none, the 30 days up to election day.
 */
export function dailyReportWindow(campaign: {
  electionDay: string;
  windowStart: string | null;
  windowEnd: string | null;
}): { start: string; end: string } {
  return {
    start: campaign.windowStart ?? addDays(campaign.electionDay, -DAILY_REPORT_DEFAULT_LEAD_DAYS),
    end: campaign.windowEnd ?? campaign.electionDay,
  };
}

/** Every day from start to end, inclusive. */
export function daysFrom(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = start; day <= end && days.length < 400; day = addDays(day, 1)) days.push(day);
  return days;
}
