/**
 * 村民代表 and 村民小组长 / 副组长, recorded by a village after its committee election (track F),
 * and the rules that check them: one representative per 5–15 households, or a few per villager
 * group where the province so provides; women at least one third of the representatives; every
 * group led, and one leader per group. Values and citations come from the rule set like every
 * other rule (rule-catalogue.ts); the women's share is the workflow's 'representatives.women_share'.
 */
import type { RuleFraction } from './elections/rule-values.js';
import { parseFraction } from './elections/rule-values.js';
import type { Finding } from './findings.js';
import { finding } from './findings.js';
import type { Gender } from './guidance.js';
import type { RuleSetValue, RuleSetValues } from './rules.js';
import { RULES } from './rules.js';

/** How a representative was chosen (组织法 第二十五条: 每五户至十五户推选一人，或者由各村民小组推选若干人). */
export const REPRESENTATIVE_METHODS = ['households', 'group', 'other'] as const;
export type RepresentativeMethod = (typeof REPRESENTATIVE_METHODS)[number];

export const REPRESENTATIVE_METHOD_LABEL: Record<RepresentativeMethod, string> = {
  households: '户代表推选',
  group: '村民小组推选',
  other: '其他方式',
};

export const GROUP_LEADER_POSTS = ['leader', 'deputy'] as const;
export type GroupLeaderPost = (typeof GROUP_LEADER_POSTS)[number];

export const GROUP_LEADER_POST_LABEL: Record<GroupLeaderPost, string> = {
  leader: '村民小组长',
  deputy: '村民小组副组长',
};

/** The province's basis for the number of representatives: per households, or per group. */
export const REPRESENTATIVE_BASES = ['households', 'groups'] as const;
export type RepresentativeBasis = (typeof REPRESENTATIVE_BASES)[number];

const ORGANIC_LAW = '《村民委员会组织法》';

/** Rule codes of this module (the women's share is the workflow's, rules.ts). */
export const REPRESENTATIVE_RULE_DEFAULTS = {
  'representatives.basis': {
    value: 'households',
    citation: `${ORGANIC_LAW}第二十五条：村民代表由村民按每五户至十五户推选一人，或者由各村民小组推选若干人（households 按户数，groups 按村民小组，由省级选举办法确定）`,
  },
  'representatives.households_min': {
    value: 5,
    citation: `${ORGANIC_LAW}第二十五条：村民代表由村民按每五户至十五户推选一人`,
  },
  'representatives.households_max': {
    value: 15,
    citation: `${ORGANIC_LAW}第二十五条：村民代表由村民按每五户至十五户推选一人`,
  },
  'representatives.per_group_min': {
    value: 2,
    citation: `${ORGANIC_LAW}第二十五条：或者由各村民小组推选若干人（人数按省级选举办法，一般2—5人）`,
  },
  'representatives.per_group_max': {
    value: 5,
    citation: `${ORGANIC_LAW}第二十五条：或者由各村民小组推选若干人（人数按省级选举办法，一般2—5人）`,
  },
  'group_leaders.every_group': {
    value: true,
    citation: `${ORGANIC_LAW}第二十八条：村民小组组长由村民小组会议推选，任期与村民委员会的任期相同`,
  },
} as const satisfies Record<string, RuleSetValue>;

export type RepresentativeRuleCode = keyof typeof REPRESENTATIVE_RULE_DEFAULTS;

export const REPRESENTATIVE_RULE_LABEL: Record<RepresentativeRuleCode, string> = {
  'representatives.basis': '村民代表名额计算依据（households 按户，groups 按村民小组）',
  'representatives.households_min': '每名村民代表联系户数（不少于）',
  'representatives.households_max': '每名村民代表联系户数（不超过）',
  'representatives.per_group_min': '按村民小组推选时每组代表人数（不少于）',
  'representatives.per_group_max': '按村民小组推选时每组代表人数（不超过）',
  'group_leaders.every_group': '每个村民小组均应推选组长',
};

/** The rules in force for representatives, with their citations. */
export interface RepresentativeRules {
  basis: { value: RepresentativeBasis; citation: string };
  householdsMin: { value: number; citation: string };
  householdsMax: { value: number; citation: string };
  perGroupMin: { value: number; citation: string };
  perGroupMax: { value: number; citation: string };
  everyGroup: { value: boolean; citation: string };
  womenShare: { value: RuleFraction; citation: string };
}

export function readRepresentativeRules(values: RuleSetValues = {}): RepresentativeRules {
  const num = (code: RepresentativeRuleCode) => {
    const stored = values[code];
    const fallback = REPRESENTATIVE_RULE_DEFAULTS[code];
    return stored && typeof stored.value === 'number' && Number.isInteger(stored.value)
      ? { value: stored.value, citation: stored.citation }
      : { value: Number(fallback.value), citation: fallback.citation };
  };
  const basis = values['representatives.basis'];
  const women = values['representatives.women_share'];
  const share = typeof women?.value === 'string' ? parseFraction(women.value) : null;
  const every = values['group_leaders.every_group'];
  return {
    basis:
      basis && (basis.value === 'households' || basis.value === 'groups')
        ? { value: basis.value, citation: basis.citation }
        : {
            value: 'households',
            citation: REPRESENTATIVE_RULE_DEFAULTS['representatives.basis'].citation,
          },
    householdsMin: num('representatives.households_min'),
    householdsMax: num('representatives.households_max'),
    perGroupMin: num('representatives.per_group_min'),
    perGroupMax: num('representatives.per_group_max'),
    everyGroup:
      every && typeof every.value === 'boolean'
        ? { value: every.value, citation: every.citation }
        : {
            value: true,
            citation: REPRESENTATIVE_RULE_DEFAULTS['group_leaders.every_group'].citation,
          },
    womenShare: share
      ? { value: share, citation: women?.citation ?? RULES['representatives.women_share'].citation }
      : {
          value: parseFraction(RULES['representatives.women_share'].value) ?? { n: 1, d: 3 },
          citation: RULES['representatives.women_share'].citation,
        },
  };
}

export interface VillagerGroup {
  id: number;
  name: string;
}

export interface RepresentativeFact {
  groupId: number;
  gender: Gender;
  partyMember: boolean;
}

export interface GroupLeaderFact {
  groupId: number;
  post: GroupLeaderPost;
  /** The representative this leader also is, if any. */
  representativeId: number | null;
}

export interface RepresentativeCheckInput {
  /** The village's households (户数); null when the region list does not give them. */
  households: number | null;
  groups: readonly VillagerGroup[];
  representatives: readonly RepresentativeFact[];
  leaders: readonly GroupLeaderFact[];
}

/** Households per representative as a figure for the screen (one decimal), or null. */
export function householdsPerRepresentative(
  households: number | null,
  reps: number,
): number | null {
  if (households === null || reps === 0) return null;
  return Math.round((households * 10) / reps) / 10;
}

/**
 * The findings on a village's representatives and group leaders. All are warnings (what was
 * elected is entered as it was); each names its rule and citation. Comparisons are in whole
 * numbers: households ÷ representatives within [min, max] ⇔ min·reps ≤ households ≤ max·reps.
 */
export function checkRepresentatives(
  input: RepresentativeCheckInput,
  rules: RepresentativeRules,
): Finding[] {
  const out: Finding[] = [];
  const reps = input.representatives.length;
  if (reps === 0) return out;
  if (rules.basis.value === 'households') {
    const { householdsMin: min, householdsMax: max } = rules;
    if (input.households === null) {
      out.push(
        finding(
          'representatives.households_min',
          min.citation,
          '本村户数未登记，无法核对村民代表名额（请县换届办在行政区划中补录户数）',
          ['representatives'],
        ),
      );
    } else if (input.households < min.value * reps) {
      out.push(
        finding(
          'representatives.households_min',
          min.citation,
          `村民代表${reps}人，本村${input.households}户，平均每${householdsPerRepresentative(input.households, reps)}户一名代表，少于每${min.value}户一名（代表过多）`,
          ['representatives'],
        ),
      );
    } else if (input.households > max.value * reps) {
      out.push(
        finding(
          'representatives.households_max',
          max.citation,
          `村民代表${reps}人，本村${input.households}户，平均每${householdsPerRepresentative(input.households, reps)}户一名代表，多于每${max.value}户一名（代表过少）`,
          ['representatives'],
        ),
      );
    }
  } else {
    const { perGroupMin: min, perGroupMax: max } = rules;
    for (const group of input.groups) {
      const n = input.representatives.filter((r) => r.groupId === group.id).length;
      if (n < min.value) {
        out.push(
          finding(
            'representatives.per_group_min',
            min.citation,
            `${group.name}村民代表${n}人，少于每组${min.value}人`,
            ['representatives'],
          ),
        );
      } else if (n > max.value) {
        out.push(
          finding(
            'representatives.per_group_max',
            max.citation,
            `${group.name}村民代表${n}人，多于每组${max.value}人`,
            ['representatives'],
          ),
        );
      }
    }
  }
  const women = input.representatives.filter((r) => r.gender === 'female').length;
  const share = rules.womenShare.value;
  if (women * share.d < reps * share.n) {
    out.push(
      finding(
        'representatives.women_share',
        rules.womenShare.citation,
        `妇女代表${women}人，不足村民代表${reps}人的${share.n}/${share.d}（至少应有${Math.ceil((reps * share.n) / share.d)}人）`,
        ['representatives', 'gender'],
      ),
    );
  }
  return out;
}

/** Findings on the group leaders: every group led (a warning while groups are without one). */
export function checkGroupLeaders(
  input: Pick<RepresentativeCheckInput, 'groups' | 'leaders'>,
  rules: RepresentativeRules,
): Finding[] {
  if (!rules.everyGroup.value || input.leaders.length === 0) return [];
  const led = new Set(input.leaders.filter((l) => l.post === 'leader').map((l) => l.groupId));
  const unled = input.groups.filter((g) => !led.has(g.id));
  if (unled.length === 0) return [];
  return [
    finding(
      'group_leaders.every_group',
      rules.everyGroup.citation,
      `${unled.map((g) => g.name).join('、')}尚无村民小组长（共${input.groups.length}个小组，已推选组长${led.size}人）`,
      ['leaders'],
    ),
  ];
}

/**
 * Why a set of group leaders cannot be stored, or null: a leader outside the village's groups, or
 * more than one 组长 in a group (so never more group leaders than groups).
 */
export function groupLeaderProblem(
  groups: readonly VillagerGroup[],
  leaders: readonly Pick<GroupLeaderFact, 'groupId' | 'post'>[],
): { field: string; message: string } | null {
  const known = new Set(groups.map((g) => g.id));
  if (leaders.some((l) => !known.has(l.groupId))) {
    return { field: 'groupId', message: '所属村民小组须为本村的村民小组' };
  }
  const heads = leaders.filter((l) => l.post === 'leader');
  if (heads.length > groups.length) {
    return {
      field: 'post',
      message: `村民小组长${heads.length}人，多于村民小组数${groups.length}个：每个小组只能有一名组长`,
    };
  }
  const seen = new Set<number>();
  for (const head of heads) {
    if (seen.has(head.groupId)) {
      const name = groups.find((g) => g.id === head.groupId)?.name ?? '该小组';
      return { field: 'post', message: `${name}已有村民小组长，每个小组只能有一名组长` };
    }
    seen.add(head.groupId);
  }
  return null;
}

/** The figures of a set of villages' representatives and leaders, each with its denominator. */
export interface RepresentativeFigures {
  /** Villages that recorded any representative: the units the other figures cover. */
  villagesReporting: number;
  representatives: number;
  /** Of representatives. */
  women: number;
  /** Of representatives. */
  partyMembers: number;
  /** Representatives who are also a 组长 (of representatives). */
  alsoGroupLeader: number;
  groupLeaders: number;
  groupDeputies: number;
}
