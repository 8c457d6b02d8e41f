import { writeRefusal } from './write-gate.js';
import { daysBetween, formatMonthDay, addDays } from './dates.js';
import type { Finding } from './findings.js';
import { finding, isExplained } from './findings.js';
import type { Rules } from './rules.js';
import type { ResolvedGate, StageDefinition } from './stages.js';
import { REGISTRATION_ADDITIONS, REGISTRATION_REMOVALS, dueDate, dueRuleText } from './stages.js';
import type { StageStatus } from './stage-workflow.js';

export type Counts = Partial<Record<string, number | null>>;

/** Another stage of the same unit election, as stored. */
export interface SiblingRecord {
  status: StageStatus;
  doneDate: string | null;
  counts: Counts;
}

export interface StageCheckInput {
  stage: StageDefinition;
  /** A draft may be incomplete; a submission must be complete. */
  mode: 'save' | 'submit';
  doneDate: string | null;
  counts: Counts;
  hasPhoto: boolean;
  electionDay: string;
  today: string;
  rules: Rules;
  gates: readonly (ResolvedGate & { approved: boolean })[];
  /** The other stages of this unit election, by stage code. */
  siblings: Partial<Record<string, SiblingRecord>>;
  /** Track F: the items of this stage's checklist not done yet (follow-up.ts), by name. */
  openChecklist?: readonly string[];
  /**
   * Track F: records another part of the platform holds that this stage rests on and that are not
   * entered yet, by name (the supporting bodies are chosen by the 村民代表会议: its 村民代表).
   */
  missingRecords?: readonly string[];
}

export const MAX_COUNT = 1_000_000;

const ENTRY_RULES = '换届选举数据填报规范：据实、完整填报';

/** A well-formed count, or null (missing or invalid values are reported once, not re-checked). */
function num(counts: Counts, key: string): number | null {
  const value = counts[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT
    ? value
    : null;
}

/** Every rule check of one stage entry: errors block it, warnings need an explanation. */
export function checkStage(input: StageCheckInput): Finding[] {
  const { stage, mode, doneDate, counts, today } = input;
  const findings: Finding[] = [];

  const refusal = writeRefusal({ step: 'stage', stage, gates: input.gates });
  if (refusal) findings.push(finding('stage.gate', refusal.citation, refusal.message));

  const fields = new Map(stage.counts.map((f) => [f.key, f]));
  for (const [key, value] of Object.entries(counts)) {
    const field = fields.get(key);
    if (!field) {
      findings.push(
        finding('counts.unknown', ENTRY_RULES, `「${stage.name}」没有“${key}”这一项`, [
          'counts',
          key,
        ]),
      );
    } else if (
      value !== null &&
      value !== undefined &&
      (!Number.isInteger(value) || value < 0 || value > MAX_COUNT)
    ) {
      findings.push(
        finding('counts.invalid', ENTRY_RULES, `“${field.label}”须为0至${MAX_COUNT}之间的整数`, [
          'counts',
          key,
        ]),
      );
    }
  }

  if (doneDate !== null && doneDate > today) {
    findings.push(
      finding(
        'stage.date_future',
        ENTRY_RULES,
        `完成日期${formatMonthDay(doneDate)}晚于今天，请填写实际完成的日期`,
        ['doneDate'],
      ),
    );
  }

  if (mode === 'submit') {
    if (doneDate === null) {
      findings.push(
        finding('stage.date_required', ENTRY_RULES, '提交前须填写完成日期', ['doneDate']),
      );
    }
    for (const field of stage.counts) {
      if (field.required && (counts[field.key] ?? null) === null) {
        findings.push(
          finding('counts.required', ENTRY_RULES, `提交前须填写“${field.label}”`, [
            'counts',
            field.key,
          ]),
        );
      }
    }
    const open = input.openChecklist ?? [];
    if (open.length > 0) {
      findings.push(
        finding(
          'follow_up.checklist_open',
          '换届后续工作清单：各项完成后方可提交',
          `「${stage.name}」还有${open.length}项未完成：${open.join('、')}`,
          ['checklist'],
        ),
      );
    }
    const missing = input.missingRecords ?? [];
    if (missing.length > 0) {
      findings.push(
        finding(
          'follow_up.records_missing',
          '村民委员会组织法第二十五条：村民代表由村民按每五户至十五户推选一人，或者由各村民小组推选若干人',
          `「${stage.name}」提交前须先录入${missing.join('、')}：本村尚未录入${missing.join('、')}`,
          ['representatives'],
        ),
      );
    }
    if (stage.photo && !input.hasPhoto) {
      findings.push(
        finding(
          'evidence.photo_required',
          '换届选举公告须张榜公布并留存影像资料',
          `「${stage.name}」须上传张榜（公示）照片`,
          ['photo'],
        ),
      );
    }
  }

  if (doneDate !== null) findings.push(...deadlineFindings(input, doneDate));
  findings.push(...stageSpecificFindings(input));
  return findings;
}

function deadlineFindings(input: StageCheckInput, doneDate: string): Finding[] {
  const { stage, rules, electionDay } = input;
  const due = dueDate(stage, electionDay, rules);
  const rule = stage.due.rule;
  if (stage.due.relation === 'on' || rule === null) {
    if (doneDate === electionDay) return [];
    return [
      finding(
        'election.day',
        '县换届选举工作实施方案（选举日安排）',
        `「${stage.name}」应在选举日${formatMonthDay(electionDay)}进行，实际日期为${formatMonthDay(doneDate)}`,
        ['doneDate'],
      ),
    ];
  }
  if (doneDate <= due) return [];
  const late = daysBetween(due, doneDate);
  return [
    finding(
      rule,
      rules.citation(rule),
      `「${stage.name}」应于${dueRuleText(stage, rules)}（${formatMonthDay(due)}前）完成，实际完成日期${formatMonthDay(doneDate)}，晚了${late}天`,
      ['doneDate'],
    ),
  ];
}

function stageSpecificFindings(input: StageCheckInput): Finding[] {
  const { stage, counts, rules } = input;
  const out: Finding[] = [];
  const submit = input.mode === 'submit';
  switch (stage.code) {
    case 'registration': {
      const previous = num(counts, 'previous');
      const registered = num(counts, 'registered');
      if (previous !== null && registered !== null) {
        const added = REGISTRATION_ADDITIONS.reduce((s, f) => s + (num(counts, f.key) ?? 0), 0);
        const removed = REGISTRATION_REMOVALS.reduce((s, f) => s + (num(counts, f.key) ?? 0), 0);
        const expected = previous + added - removed;
        if (expected !== registered) {
          out.push(
            finding(
              'registration.balance',
              '选民登记“四增四减”：本届登记选民数＝上届登记数＋新增－减少',
              `本届登记选民数${registered}与上届${previous}＋新增${added}－减少${removed}＝${expected}不符`,
              ['counts', 'registered'],
            ),
          );
        }
      }
      break;
    }
    case 'voter_list': {
      const listed = num(counts, 'listed');
      const registered = num(input.siblings.registration?.counts ?? {}, 'registered');
      if (listed !== null && registered !== null && listed !== registered) {
        out.push(
          finding(
            'voter_list.matches_registration',
            '《村民委员会组织法》第十三条、第十四条：公布登记参加选举的村民名单',
            `公布的选民人数${listed}与选民登记的${registered}人不一致`,
            ['counts', 'listed'],
          ),
        );
      }
      break;
    }
    case 'objections': {
      const received = num(counts, 'received');
      const decided = (num(counts, 'upheld') ?? 0) + (num(counts, 'rejected') ?? 0);
      if (received !== null && decided > received) {
        out.push(
          finding(
            'objections.decided',
            ENTRY_RULES,
            `处理的申诉${decided}件多于收到的${received}件`,
            ['counts', 'received'],
          ),
        );
      } else if (submit && received !== null && decided < received) {
        out.push(
          finding(
            'objections.undecided',
            rules.citation('voter_list.decision_days'),
            `还有${received - decided}件申诉未作出处理决定`,
            ['counts', 'upheld'],
          ),
        );
      }
      const posted = input.siblings.voter_list?.doneDate ?? null;
      if (posted !== null && input.doneDate !== null) {
        const limit = addDays(
          posted,
          rules.days('voter_list.objection_days') + rules.days('voter_list.decision_days'),
        );
        if (input.doneDate > limit) {
          out.push(
            finding(
              'voter_list.decision_days',
              rules.citation('voter_list.decision_days'),
              `选民名单${formatMonthDay(posted)}公布，申诉应在${rules.days('voter_list.objection_days')}日内提出、${rules.days('voter_list.decision_days')}日内处理（${formatMonthDay(limit)}前），实际${formatMonthDay(input.doneDate)}`,
              ['doneDate'],
            ),
          );
        }
      }
      break;
    }
  }
  return out;
}

export type SubmissionVerdict =
  | { verdict: 'accept' }
  | { verdict: 'errors'; message: string }
  | { verdict: 'explain'; message: string };

/** Errors that refuse even a draft; the others are shown with the draft and refuse submission. */
const DRAFT_BLOCKING = new Set([
  'stage.gate',
  'counts.unknown',
  'counts.invalid',
  'stage.date_future',
]);

/**
 * Errors refuse a submission (a draft only for the few above); warnings refuse a submission until
 * it carries an explanation (情况说明) that the township then reads with the record.
 */
export function submissionVerdict(
  findings: readonly Finding[],
  explanation: string | null,
  mode: 'save' | 'submit',
): SubmissionVerdict {
  const errors = findings.filter(
    (f) => f.severity === 'error' && (mode === 'submit' || DRAFT_BLOCKING.has(f.rule)),
  );
  if (errors.length > 0) {
    return { verdict: 'errors', message: `有${errors.length}项不符合要求：${errors[0]?.message}` };
  }
  const warnings = findings.filter((f) => f.severity === 'warning');
  if (mode === 'submit' && warnings.length > 0 && !isExplained(explanation)) {
    return {
      verdict: 'explain',
      message: `有${warnings.length}项需要说明：${warnings[0]?.message}。请填写情况说明后再提交`,
    };
  }
  return { verdict: 'accept' };
}
