/**
 * The life of one stage record (unit election × stage): the village enters it (draft), submits it,
 * the township approves it (locked) or returns it with a comment; a returned stage is corrected and
 * submitted again; an approved stage is re-opened only with a reason, which returns it.
 */
export const STAGE_STATUSES = [
  'not_started',
  'draft',
  'submitted',
  'approved',
  'returned',
] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const STAGE_STATUS_LABEL: Record<StageStatus, string> = {
  not_started: '未开始',
  draft: '填报中',
  submitted: '待审核',
  approved: '已通过',
  returned: '已退回',
};

export type StageEvent =
  | { type: 'save' }
  | { type: 'submit' }
  | { type: 'approve' }
  | { type: 'return'; comment: string }
  | { type: 'reopen'; reason: string };

export type Transition = { ok: true; status: StageStatus } | { ok: false; reason: string };

const refuse = (reason: string): Transition => ({ ok: false, reason });

export function transition(status: StageStatus, event: StageEvent): Transition {
  switch (event.type) {
    case 'save':
    case 'submit':
      if (status === 'approved')
        return refuse('该环节已审核通过并锁定，如需修改请联系乡镇重新打开');
      if (status === 'submitted') return refuse('该环节已提交，正在等待乡镇审核，不能修改');
      if (event.type === 'submit') return { ok: true, status: 'submitted' };
      // a returned stage stays "returned" while the village corrects it, so both sides see why
      return { ok: true, status: status === 'returned' ? 'returned' : 'draft' };
    case 'approve':
      return status === 'submitted'
        ? { ok: true, status: 'approved' }
        : refuse('只有待审核的环节可以审核通过');
    case 'return':
      if (status !== 'submitted') return refuse('只有待审核的环节可以退回');
      if (event.comment.trim() === '') return refuse('退回时须填写退回意见');
      return { ok: true, status: 'returned' };
    case 'reopen':
      if (status !== 'approved') return refuse('只有已通过的环节需要重新打开');
      if (event.reason.trim() === '') return refuse('重新打开须填写原因');
      return { ok: true, status: 'returned' };
  }
}

/** What a checklist, a matrix cell or a funnel shows: the record's status, or why it is stuck. */
export const DISPLAY_STATUSES = [...STAGE_STATUSES, 'overdue', 'blocked'] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

export const DISPLAY_STATUS_LABEL: Record<DisplayStatus, string> = {
  ...STAGE_STATUS_LABEL,
  overdue: '已逾期',
  blocked: '受前置环节限制',
};

export interface DisplayInput {
  status: StageStatus;
  dueDate: string;
  today: string;
  /** Every gate of the stage is approved. */
  gatesOpen: boolean;
  /** The China day the village first submitted the stage, null while it never has. */
  firstSubmittedOn?: string | null;
  /** The day the records holding the stage's fact date it (the list posted, the meeting held). */
  factDate?: string | null;
}

/**
 * Submitted and approved stages are done on the village's side. Otherwise a stage past its due
 * date is overdue (even when a gate holds it: it is late either way) — unless the village first
 * submitted it by the due date (a township's later return is the reviewer's time, not the
 * village's delay), or the records holding its fact show it done by then (the formal list
 * posted in time is not late for want of its stage form). A stage whose gate is not approved is
 * blocked.
 */
export function displayStatus(input: DisplayInput): DisplayStatus {
  const { status, dueDate, today, gatesOpen } = input;
  if (status === 'submitted' || status === 'approved') return status;
  const onTime =
    (input.firstSubmittedOn != null && input.firstSubmittedOn <= dueDate) ||
    (input.factDate != null && input.factDate <= dueDate);
  if (dueDate < today && !onTime) return 'overdue';
  if (!gatesOpen) return 'blocked';
  return status;
}

/** One village's standing in a track, for progress counts: the first that applies. */
export const UNIT_PROGRESS = ['overdue', 'done', 'blocked', 'in_progress', 'not_started'] as const;
export type UnitProgress = (typeof UNIT_PROGRESS)[number];

export const UNIT_PROGRESS_LABEL: Record<UnitProgress, string> = {
  overdue: '有逾期',
  done: '全部完成',
  blocked: '受阻',
  in_progress: '推进中',
  not_started: '未开始',
};

/**
 * Overdue: any stage overdue. Done: every stage approved. Blocked: everything left to do waits on
 * a gate (e.g. the audit is submitted but not yet approved). In progress: something is entered.
 */
export function unitProgress(stages: readonly DisplayStatus[]): UnitProgress {
  if (stages.includes('overdue')) return 'overdue';
  if (stages.length > 0 && stages.every((s) => s === 'approved')) return 'done';
  const remaining = stages.filter((s) => s !== 'approved' && s !== 'submitted');
  if (remaining.length > 0 && remaining.every((s) => s === 'blocked')) return 'blocked';
  if (stages.some((s) => s !== 'not_started' && s !== 'blocked')) return 'in_progress';
  return 'not_started';
}
