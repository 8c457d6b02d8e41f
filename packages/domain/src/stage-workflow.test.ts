import { describe, expect, it } from 'vitest';
import type { DisplayStatus, StageEvent, StageStatus } from './stage-workflow.js';
import { displayStatus, transition, unitProgress } from './stage-workflow.js';

describe('stage record transitions', () => {
  const save: StageEvent = { type: 'save' };
  const submit: StageEvent = { type: 'submit' };
  const approve: StageEvent = { type: 'approve' };
  const ret: StageEvent = { type: 'return', comment: '照片不清晰' };
  const reopen: StageEvent = { type: 'reopen', reason: '人数录错' };
  it.each([
    ['not_started', save, 'draft'],
    ['draft', save, 'draft'],
    ['returned', save, 'returned'],
    ['not_started', submit, 'submitted'],
    ['draft', submit, 'submitted'],
    ['returned', submit, 'submitted'],
    ['submitted', approve, 'approved'],
    ['submitted', ret, 'returned'],
    ['approved', reopen, 'returned'],
  ] as [StageStatus, StageEvent, StageStatus][])('%s --%o--> %s', (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, status: to });
  });

  it.each([
    ['approved', save, '锁定'],
    ['approved', submit, '锁定'],
    ['submitted', save, '等待乡镇审核'],
    ['draft', approve, '待审核'],
    ['approved', approve, '待审核'],
    ['draft', ret, '待审核'],
    ['submitted', { type: 'return', comment: '  ' }, '退回意见'],
    ['submitted', reopen, '已通过'],
    ['approved', { type: 'reopen', reason: '' }, '原因'],
  ] as [StageStatus, StageEvent, string][])('%s refuses %o', (from, event, reason) => {
    const result = transition(from, event);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('displayStatus', () => {
  const today = '2026-03-10';
  it.each([
    ['approved', '2026-03-01', false, 'approved'],
    ['submitted', '2026-03-01', true, 'submitted'],
    ['draft', '2026-03-09', true, 'overdue'],
    ['not_started', '2026-03-09', false, 'overdue'],
    ['not_started', '2026-03-10', false, 'blocked'],
    ['returned', '2026-03-11', true, 'returned'],
    ['not_started', '2026-03-11', true, 'not_started'],
  ] as [StageStatus, string, boolean, DisplayStatus][])(
    '%s due %s (gates open %s) shows %s',
    (status, dueDate, gatesOpen, expected) => {
      expect(displayStatus({ status, dueDate, today, gatesOpen })).toBe(expected);
    },
  );

  it.each([
    ['2026-03-05', 'returned'],
    ['2026-03-08', 'returned'],
    ['2026-03-09', 'overdue'],
    [null, 'overdue'],
  ] as [string | null, DisplayStatus][])(
    'returned after its due date 03-08, first submitted %s: %s',
    (firstSubmittedOn, expected) => {
      expect(
        displayStatus({
          status: 'returned',
          dueDate: '2026-03-08',
          today,
          gatesOpen: true,
          firstSubmittedOn,
        }),
      ).toBe(expected);
    },
  );

  it.each([
    ['2026-03-08', 'draft'],
    ['2026-03-09', 'overdue'],
    [null, 'overdue'],
  ] as [string | null, DisplayStatus][])(
    'a formal list due 03-08 whose records date it %s, stage form not submitted: %s',
    (factDate, expected) => {
      expect(
        displayStatus({ status: 'draft', dueDate: '2026-03-08', today, gatesOpen: true, factDate }),
      ).toBe(expected);
    },
  );
});

describe('unitProgress', () => {
  it.each([
    [['approved', 'overdue', 'blocked'], 'overdue'],
    [['approved', 'approved'], 'done'],
    [['submitted', 'blocked', 'blocked'], 'blocked'],
    [['approved', 'draft', 'blocked'], 'in_progress'],
    [['not_started', 'blocked'], 'not_started'],
    [['approved', 'submitted'], 'in_progress'],
  ] as [DisplayStatus[], string][])('%j is %s', (stages, expected) => {
    expect(unitProgress(stages)).toBe(expected);
  });
});
