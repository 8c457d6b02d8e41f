import { describe, expect, it } from 'vitest';
import {
  countMeasures,
  deadlineProblem,
  isMeasureOverdue,
  measureStep,
  needsPlan,
  planStep,
  riskPlanStatus,
} from './risk-plans.js';

const plan = (escalatedOn: string | null, answeredOn: string | null, resolvedOn: string | null) => ({
  escalatedOn,
  answeredOn,
  resolvedOn,
});

describe('一村一策 plan status', () => {
  it.each([
    [plan(null, null, null), 'open'],
    [plan('2026-03-02', null, null), 'escalated'],
    [plan('2026-03-02', '2026-03-04', null), 'answered'],
    [plan('2026-03-02', null, '2026-03-09'), 'resolved'],
  ] as const)('%o → %s', (p, expected) => {
    expect(riskPlanStatus(p)).toBe(expected);
  });

  it('only 重点 and 难点 villages carry a plan', () => {
    expect([needsPlan('key'), needsPlan('difficult'), needsPlan('normal'), needsPlan(null)]).toEqual(
      [true, true, false, false],
    );
  });
});

describe('plan steps', () => {
  it('refuses to resolve while a measure is open, naming how many', () => {
    const r = planStep(plan(null, null, null), { type: 'resolve', openMeasures: 2 });
    expect(r).toEqual({
      ok: false,
      field: 'resolvedOn',
      reason: '尚有2项措施未完成，请先完成或撤销后再标记化解',
    });
    expect(planStep(plan(null, null, null), { type: 'resolve', openMeasures: 0 }).ok).toBe(true);
  });

  it('escalates once until the county answers, then again', () => {
    expect(planStep(plan('2026-03-02', null, null), { type: 'escalate' }).ok).toBe(false);
    expect(planStep(plan('2026-03-02', '2026-03-03', null), { type: 'escalate' }).ok).toBe(true);
    expect(planStep(plan(null, null, null), { type: 'answer' }).ok).toBe(false);
    expect(planStep(plan('2026-03-02', null, null), { type: 'answer' }).ok).toBe(true);
  });

  it('a resolved plan takes no step', () => {
    const resolved = plan(null, null, '2026-03-09');
    for (const type of ['edit', 'add_measure', 'escalate', 'answer'] as const) {
      expect(planStep(resolved, { type }).ok).toBe(false);
    }
  });
});

describe('measures', () => {
  it('a deadline before the plan date is refused, on the day itself allowed', () => {
    expect(deadlineProblem('2026-02-28', '2026-03-01')).toContain('不能早于方案制定日期');
    expect(deadlineProblem('2026-03-01', '2026-03-01')).toBeNull();
  });

  it('is overdue the day after its deadline, and never once done or dropped', () => {
    expect(isMeasureOverdue({ status: 'open', deadline: '2026-03-05' }, '2026-03-05')).toBe(false);
    expect(isMeasureOverdue({ status: 'open', deadline: '2026-03-05' }, '2026-03-06')).toBe(true);
    expect(isMeasureOverdue({ status: 'done', deadline: '2026-03-05' }, '2026-03-09')).toBe(false);
    expect(isMeasureOverdue({ status: 'dropped', deadline: '2026-03-05' }, '2026-03-09')).toBe(
      false,
    );
  });

  it('is closed once: done not before the plan date, dropped with a reason', () => {
    expect(measureStep('open', { type: 'complete', doneOn: '2026-03-01', planDate: '2026-03-02' }))
      .toMatchObject({ ok: false, field: 'doneOn' });
    expect(measureStep('open', { type: 'drop', reason: '  ' })).toMatchObject({
      ok: false,
      field: 'reason',
    });
    expect(measureStep('done', { type: 'drop', reason: '重复' })).toMatchObject({ ok: false });
    expect(measureStep('open', { type: 'drop', reason: '重复' }).ok).toBe(true);
  });

  it('counts open and overdue measures over all measures', () => {
    expect(
      countMeasures(
        [
          { status: 'open', deadline: '2026-03-01' },
          { status: 'open', deadline: '2026-03-10' },
          { status: 'done', deadline: '2026-03-01' },
          { status: 'dropped', deadline: '2026-03-01' },
        ],
        '2026-03-05',
      ),
    ).toEqual({ total: 4, open: 2, overdue: 1 });
  });
});
