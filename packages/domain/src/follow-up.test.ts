import { describe, expect, it } from 'vitest';
import {
  checklistDoneOn,
  findFollowUpItem,
  followUpChecklist,
  followUpDateProblem,
  followUpItemsOf,
  openItemsOf,
} from './follow-up.js';
import { NATIONAL_DEFAULTS, rulesFrom } from './rules.js';
import { checkStage } from './stage-checks.js';
import { findStage } from './stages.js';

const DAY = '2026-03-20';
const OUTGOING = [{ personId: 7, name: '王老三' }];

function checklist(today: string, done: Record<string, string> = {}, rules = NATIONAL_DEFAULTS) {
  return followUpChecklist({
    electionDay: DAY,
    today,
    rules,
    outgoing: OUTGOING,
    doneOn: new Map(Object.entries(done)),
  });
}

describe('follow-up checklist', () => {
  it('holds the five handover items, the committees, one exit talk per outgoing member, rules and archive', () => {
    const names = followUpItemsOf(OUTGOING).map((i) => i.name);
    expect(names).toEqual([
      '公章移交',
      '财务账目移交',
      '集体资产移交',
      '档案资料移交',
      '未办事项移交',
      '村（居）务监督委员会',
      '人民调解委员会',
      '治安保卫委员会',
      '公共卫生委员会',
      '与王老三离任谈话',
      '建章立制',
      '换届资料立卷归档',
    ]);
    expect(findFollowUpItem('exit_talk.7', OUTGOING)?.name).toBe('与王老三离任谈话');
    expect(findFollowUpItem('exit_talk.8', OUTGOING)).toBeUndefined();
  });

  it('dates the handover 10 days after the election day by default, with its citation', () => {
    const seal = checklist(DAY).find((i) => i.code === 'handover.seal')!;
    expect(seal.dueDate).toBe('2026-03-30');
    expect(seal.dueText).toBe('选举日后10天内');
    expect(seal.citation).toContain('村民委员会组织法');
    const talk = checklist(DAY).find((i) => i.code === 'exit_talk.7')!;
    expect(talk.dueDate).toBe('2026-03-25');
  });

  it('follows the rule set when the county sets another deadline', () => {
    const rules = rulesFrom({ 'handover.days_after': { value: 7, citation: '某省办法' } });
    const seal = checklist(DAY, {}, rules).find((i) => i.code === 'handover.seal')!;
    expect(seal.dueDate).toBe('2026-03-27');
    expect(seal.citation).toBe('某省办法');
  });

  it('is open on the due date, overdue the day after, and done (late) once dated', () => {
    const seal = (today: string, done: Record<string, string> = {}) =>
      checklist(today, done).find((i) => i.code === 'handover.seal')!;
    expect(seal('2026-03-30').status).toBe('open');
    expect(seal('2026-03-31').status).toBe('overdue');
    expect(seal('2026-03-31').daysLeft).toBe(-1);
    const late = seal('2026-04-05', { 'handover.seal': '2026-04-02' });
    expect(late.status).toBe('done');
    expect(late.late).toBe(true);
  });

  it('names the open items of a stage and dates its completion by the last item', () => {
    const items = checklist('2026-03-25', {
      'handover.seal': '2026-03-21',
      'handover.finance': '2026-03-24',
      'handover.assets': '2026-03-22',
      'handover.archives': '2026-03-22',
    });
    expect(openItemsOf('handover', items)).toEqual(['未办事项移交']);
    expect(checklistDoneOn('handover', items)).toBeNull();
    const all = items.map((i) =>
      i.code === 'handover.pending' ? { ...i, doneOn: '2026-03-23' } : i,
    );
    expect(openItemsOf('handover', all)).toEqual([]);
    expect(checklistDoneOn('handover', all)).toBe('2026-03-24');
  });

  it('refuses a done date before the election day or after today, naming the date', () => {
    expect(followUpDateProblem('2026-03-19', DAY, '2026-03-25')).toContain('早于选举日');
    expect(followUpDateProblem('2026-03-26', DAY, '2026-03-25')).toContain('晚于今天');
    expect(followUpDateProblem(DAY, DAY, '2026-03-25')).toBeNull();
  });
});

describe('a track F stage and its checklist', () => {
  const base = {
    stage: findStage('F', 'handover')!,
    doneDate: '2026-03-25',
    counts: {},
    hasPhoto: false,
    electionDay: DAY,
    today: '2026-03-26',
    rules: NATIONAL_DEFAULTS,
    gates: [],
    siblings: {},
  };

  it('cannot be submitted while an item is open, and says which', () => {
    const findings = checkStage({ ...base, mode: 'submit', openChecklist: ['公章移交'] });
    const open = findings.find((f) => f.rule === 'follow_up.checklist_open');
    expect(open?.severity).toBe('error');
    expect(open?.message).toContain('公章移交');
  });

  it('the supporting bodies cannot be submitted while the village has no 村民代表 recorded, and say so', () => {
    const stage = findStage('F', 'supporting_bodies')!;
    const input = { ...base, stage, mode: 'submit' as const, openChecklist: [] };
    const missing = checkStage({ ...input, missingRecords: ['村民代表'] }).find(
      (f) => f.rule === 'follow_up.records_missing',
    );
    expect(missing?.severity).toBe('error');
    expect(missing?.message).toContain('村民代表');
    expect(missing?.path).toEqual(['representatives']);
    expect(checkStage({ ...input, mode: 'save', missingRecords: ['村民代表'] })).toEqual([]);
    expect(checkStage({ ...input, missingRecords: [] })).toEqual([]);
  });

  it('may be saved as a draft meanwhile, and submitted once the list is done', () => {
    expect(
      checkStage({ ...base, mode: 'save', openChecklist: ['公章移交'] }).filter(
        (f) => f.severity === 'error',
      ),
    ).toEqual([]);
    expect(checkStage({ ...base, mode: 'submit', openChecklist: [] })).toEqual([]);
  });
});
