import type { RiskLevel } from './campaign.js';

/**
 * The 一村一策 plan of a 重点 / 难点 village (PRODUCT.md §8, issue 13) as a case: an owner (a cadre of
 * the roster), measures with deadlines, escalation to the county (the township escalates, the
 * county answers) and a resolution date.
 */
export const MEASURE_STATUSES = ['open', 'done', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABEL: Record<MeasureStatus, string> = {
  open: '未完成',
  done: '已完成',
  dropped: '已撤销',
};

export const RISK_PLAN_STATUSES = ['open', 'escalated', 'answered', 'resolved'] as const;
export type RiskPlanStatus = (typeof RISK_PLAN_STATUSES)[number];
export const RISK_PLAN_STATUS_LABEL: Record<RiskPlanStatus, string> = {
  open: '推进中',
  escalated: '已提请县级协调',
  answered: '县级已答复',
  resolved: '已化解',
};

/** A plan is a risk village's: only a 重点 or 难点 village carries one. */
export function needsPlan(level: RiskLevel | null): boolean {
  return level === 'key' || level === 'difficult';
}

export interface PlanFacts {
  escalatedOn: string | null;
  answeredOn: string | null;
  resolvedOn: string | null;
}

/** Derived, never stored: resolved wins; an escalation is open until the county answers. */
export function riskPlanStatus(p: PlanFacts): RiskPlanStatus {
  if (p.resolvedOn !== null) return 'resolved';
  if (p.escalatedOn !== null && p.answeredOn === null) return 'escalated';
  if (p.answeredOn !== null) return 'answered';
  return 'open';
}

/** An open measure is overdue the day after its deadline; a done or dropped one never is. */
export function isMeasureOverdue(
  m: { status: MeasureStatus; deadline: string },
  today: string,
): boolean {
  return m.status === 'open' && today > m.deadline;
}

export type PlanStep =
  | { type: 'edit' }
  | { type: 'add_measure' }
  | { type: 'escalate' }
  | { type: 'answer' }
  | { type: 'resolve'; openMeasures: number };

export type PlanStepCheck = { ok: true } | { ok: false; field: string; reason: string };

/**
 * What a plan allows in its state. A resolved plan takes no step. Resolving with open measures is
 * refused: each measure is first done (with its date) or dropped (with the reason), so the record
 * of what was done stays complete; an escalation waits for the county's answer before the next.
 */
export function planStep(p: PlanFacts, step: PlanStep): PlanStepCheck {
  const status = riskPlanStatus(p);
  if (status === 'resolved') return { ok: false, field: 'planId', reason: '该村风险已化解，方案不能再变更' };
  switch (step.type) {
    case 'edit':
    case 'add_measure':
      return { ok: true };
    case 'escalate':
      return status === 'escalated'
        ? { ok: false, field: 'planId', reason: '已提请县级协调，等待县级答复' }
        : { ok: true };
    case 'answer':
      return status === 'escalated'
        ? { ok: true }
        : { ok: false, field: 'planId', reason: '该方案未提请县级协调，无需答复' };
    case 'resolve':
      return step.openMeasures > 0
        ? {
            ok: false,
            field: 'resolvedOn',
            reason: `尚有${step.openMeasures}项措施未完成，请先完成或撤销后再标记化解`,
          }
        : { ok: true };
  }
}

export type MeasureEvent =
  | { type: 'complete'; doneOn: string; planDate: string }
  | { type: 'drop'; reason: string };

/** A measure is closed once: done (on a day not before the plan) or dropped with a reason. */
export function measureStep(status: MeasureStatus, event: MeasureEvent): PlanStepCheck {
  if (status !== 'open') {
    return { ok: false, field: 'measureId', reason: `该措施${MEASURE_STATUS_LABEL[status]}，不能再变更` };
  }
  switch (event.type) {
    case 'complete':
      return event.doneOn < event.planDate
        ? { ok: false, field: 'doneOn', reason: '完成日期不能早于方案制定日期' }
        : { ok: true };
    case 'drop':
      return event.reason.trim() === ''
        ? { ok: false, field: 'reason', reason: '撤销措施须写明原因' }
        : { ok: true };
  }
}

/** A deadline before the plan's own date cannot be met: it is refused, naming the field. */
export function deadlineProblem(deadline: string, planDate: string): string | null {
  return deadline < planDate ? `措施完成期限（${deadline}）不能早于方案制定日期（${planDate}）` : null;
}

export interface MeasureCounts {
  /** All measures of the plans counted (the denominator). */
  total: number;
  open: number;
  /** Open measures past their deadline (a part of open). */
  overdue: number;
}

export function countMeasures(
  measures: readonly { status: MeasureStatus; deadline: string }[],
  today: string,
): MeasureCounts {
  let open = 0;
  let overdue = 0;
  for (const m of measures) {
    if (m.status !== 'open') continue;
    open += 1;
    if (isMeasureOverdue(m, today)) overdue += 1;
  }
  return { total: measures.length, open, overdue };
}
