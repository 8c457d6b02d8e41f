import { addDays, daysBetween, formatMonthDay } from './dates.js';
import type { DaysRuleCode, Rules } from './rules.js';

/**
 * Track F behind its stage records (PRODUCT.md §2, §3 "After"): the handover from the old committee
 * to the new (交接) with its evidence, the supporting committees and the 村务监督委员会, the exit
 * talks with each outgoing member, the rules adopted (建章立制) and the archive closed. Each item is
 * due a rule-set number of days after the village's election day; the track F stage it belongs to
 * cannot be submitted while one of its items is open (stage-checks.ts, 'follow_up.checklist_open').
 */

/** The track F stages (stages.ts followUpStages) an item can belong to. */
export const FOLLOW_UP_STAGES = [
  'handover',
  'exit_talks',
  'supporting_bodies',
  'rules',
  'archive',
] as const;
export type FollowUpStage = (typeof FOLLOW_UP_STAGES)[number];

const DUE_RULE: Record<FollowUpStage, DaysRuleCode> = {
  handover: 'handover.days_after',
  exit_talks: 'exit_talks.days_after',
  supporting_bodies: 'supporting_bodies.days_after',
  rules: 'schedule.rules_days_after',
  archive: 'schedule.archive_days_after',
};

export interface FollowUpItemDefinition {
  code: string;
  stage: FollowUpStage;
  name: string;
  /** What counts as done, in one line. */
  hint: string;
}

/** The fixed items; exit talks are one per outgoing member (exitTalkItem). */
export const FOLLOW_UP_ITEMS: readonly FollowUpItemDefinition[] = [
  {
    code: 'handover.seal',
    stage: 'handover',
    name: '公章移交',
    hint: '村（居）委会公章及各类印章',
  },
  {
    code: 'handover.finance',
    stage: 'handover',
    name: '财务账目移交',
    hint: '账簿、凭证、银行账户及往来账目',
  },
  {
    code: 'handover.assets',
    stage: 'handover',
    name: '集体资产移交',
    hint: '集体资产、资源清单及合同',
  },
  {
    code: 'handover.archives',
    stage: 'handover',
    name: '档案资料移交',
    hint: '文书、会议记录等档案',
  },
  {
    code: 'handover.pending',
    stage: 'handover',
    name: '未办事项移交',
    hint: '未了事项、债权债务清单',
  },
  {
    code: 'bodies.supervision',
    stage: 'supporting_bodies',
    name: '村（居）务监督委员会',
    hint: '选举或推选产生',
  },
  {
    code: 'bodies.mediation',
    stage: 'supporting_bodies',
    name: '人民调解委员会',
    hint: '推选产生或调整',
  },
  {
    code: 'bodies.security',
    stage: 'supporting_bodies',
    name: '治安保卫委员会',
    hint: '推选产生或调整',
  },
  {
    code: 'bodies.health',
    stage: 'supporting_bodies',
    name: '公共卫生委员会',
    hint: '推选产生或调整',
  },
  {
    code: 'rules.adopted',
    stage: 'rules',
    name: '建章立制',
    hint: '修订村规民约、村民自治章程、议事规则等',
  },
  { code: 'archive.closed', stage: 'archive', name: '换届资料立卷归档', hint: '换届资料整理归档' },
];

const EXIT_TALK_PREFIX = 'exit_talk.';

/** Someone who held a seat last term and holds none now (office-holders' previous term). */
export interface OutgoingMember {
  personId: number;
  name: string;
}

export function exitTalkItem(member: OutgoingMember): FollowUpItemDefinition {
  return {
    code: `${EXIT_TALK_PREFIX}${String(member.personId)}`,
    stage: 'exit_talks',
    name: `与${member.name}离任谈话`,
    hint: '离任（落选）人员谈心谈话',
  };
}

/** The village's items: the fixed ones and one exit talk per outgoing member. */
export function followUpItemsOf(outgoing: readonly OutgoingMember[]): FollowUpItemDefinition[] {
  const fixed = FOLLOW_UP_ITEMS.filter((i) => i.stage !== 'rules' && i.stage !== 'archive');
  const last = FOLLOW_UP_ITEMS.filter((i) => i.stage === 'rules' || i.stage === 'archive');
  return [...fixed, ...outgoing.map(exitTalkItem), ...last];
}

/** A code the API accepts: a fixed item, or an exit talk with a person among the outgoing. */
export function findFollowUpItem(
  code: string,
  outgoing: readonly OutgoingMember[],
): FollowUpItemDefinition | undefined {
  return followUpItemsOf(outgoing).find((i) => i.code === code);
}

export function followUpDueRule(stage: FollowUpStage): DaysRuleCode {
  return DUE_RULE[stage];
}

export function followUpDueDate(stage: FollowUpStage, electionDay: string, rules: Rules): string {
  return addDays(electionDay, rules.days(DUE_RULE[stage]));
}

export type FollowUpItemStatus = 'done' | 'open' | 'overdue';

export const FOLLOW_UP_STATUS_LABEL: Record<FollowUpItemStatus, string> = {
  done: '已完成',
  open: '未完成',
  overdue: '已逾期',
};

/** Done once it has a date; otherwise overdue the day after its due date, "until done". */
export function followUpItemStatus(
  doneOn: string | null,
  dueDate: string,
  today: string,
): FollowUpItemStatus {
  if (doneOn !== null) return 'done';
  return today > dueDate ? 'overdue' : 'open';
}

export interface FollowUpItemState extends FollowUpItemDefinition {
  dueDate: string;
  /** The rule's text, e.g. "选举日后10天内", and its citation. */
  dueText: string;
  citation: string;
  doneOn: string | null;
  status: FollowUpItemStatus;
  /** Done after its due date (kept visible, not blocking). */
  late: boolean;
  /** Days from today to the due date: negative when overdue. */
  daysLeft: number;
}

/** Each item with its due date (from the election day and the rule set) and status. */
export function followUpChecklist(input: {
  electionDay: string;
  today: string;
  rules: Rules;
  outgoing: readonly OutgoingMember[];
  doneOn: ReadonlyMap<string, string>;
}): FollowUpItemState[] {
  return followUpItemsOf(input.outgoing).map((item) => {
    const rule = DUE_RULE[item.stage];
    const due = followUpDueDate(item.stage, input.electionDay, input.rules);
    const doneOn = input.doneOn.get(item.code) ?? null;
    return {
      ...item,
      dueDate: due,
      dueText: `选举日后${String(input.rules.days(rule))}天内`,
      citation: input.rules.citation(rule),
      doneOn,
      status: followUpItemStatus(doneOn, due, input.today),
      late: doneOn !== null && doneOn > due,
      daysLeft: daysBetween(input.today, due),
    };
  });
}

/** The items of one track F stage that are not done yet, by name. */
export function openItemsOf(
  stage: string,
  items: readonly Pick<FollowUpItemState, 'stage' | 'name' | 'doneOn'>[],
): string[] {
  return items.filter((i) => i.stage === stage && i.doneOn === null).map((i) => i.name);
}

/** The date a stage's checklist was completed (its last item), null while one is open or none. */
export function checklistDoneOn(
  stage: string,
  items: readonly Pick<FollowUpItemState, 'stage' | 'doneOn'>[],
): string | null {
  const dates = items.filter((i) => i.stage === stage).map((i) => i.doneOn);
  if (dates.length === 0) return null;
  let last = '';
  for (const d of dates) {
    if (d === null) return null;
    if (d > last) last = d;
  }
  return last;
}

/**
 * Why a done date is refused, in Chinese naming the field; null when it may be recorded. The
 * handover follows the election: a date before the election day or after today is a typing error.
 */
export function followUpDateProblem(
  doneOn: string,
  electionDay: string,
  today: string,
): string | null {
  if (doneOn < electionDay) {
    return `完成日期${formatMonthDay(doneOn)}早于选举日${formatMonthDay(electionDay)}：换届后续工作在选举后进行`;
  }
  if (doneOn > today) return `完成日期${formatMonthDay(doneOn)}晚于今天，请填写实际完成的日期`;
  return null;
}
