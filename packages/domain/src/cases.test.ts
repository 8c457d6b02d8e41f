import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseStatus } from './cases.js';
import { caseDeadlines, caseLateness, caseTransition, isBriberyFinding } from './cases.js';
import { NATIONAL_DEFAULTS, rulesFrom } from './rules.js';

describe('case workflow', () => {
  const table: [CaseStatus, CaseEvent['type'], string][] = [
    ['received', 'assign', 'assigned'],
    ['assigned', 'assign', 'assigned'],
    ['acknowledged', 'assign', '案件已受理，不能再改派办理单位'],
    ['received', 'acknowledge', '案件尚未交办，请先指定办理单位'],
    ['assigned', 'acknowledge', 'acknowledged'],
    ['acknowledged', 'acknowledge', '案件已受理'],
    ['received', 'investigate', '案件受理后才能登记调查处理情况'],
    ['assigned', 'investigate', '案件受理后才能登记调查处理情况'],
    ['acknowledged', 'investigate', 'investigating'],
    ['investigating', 'investigate', 'investigating'],
    ['received', 'close', '案件须先登记调查处理情况才能办结'],
    ['acknowledged', 'close', '案件须先登记调查处理情况才能办结'],
    ['investigating', 'close', 'closed'],
    ['closed', 'assign', '案件已办结，不能再变更'],
    ['closed', 'investigate', '案件已办结，不能再变更'],
    ['closed', 'close', '案件已办结，不能再变更'],
  ];
  it.each(table)('%s + %s → %s', (status, type, expected) => {
    const t = caseTransition(status, { type });
    if (t.ok) expect(t.status).toBe(expected);
    else expect(t.reason).toBe(expected);
  });
});

describe('case deadlines from the rule set', () => {
  it('accepts within 15 days of receipt and answers within 60 days of acceptance', () => {
    const d = caseDeadlines('2026-03-01', null, NATIONAL_DEFAULTS);
    expect(d.acceptBy).toBe('2026-03-16');
    expect(d.answerBy).toBe('2026-05-15');
    expect(d.acceptCitation).toContain('信访工作条例');
    expect(caseDeadlines('2026-03-01', '2026-03-03', NATIONAL_DEFAULTS).answerBy).toBe(
      '2026-05-02',
    );
  });

  it('takes a county’s own values and citations', () => {
    const rules = rulesFrom({
      'cases.accept_days': { value: 7, citation: '某省信访条例' },
      'cases.answer_days': { value: 30, citation: '某省信访条例' },
    });
    const d = caseDeadlines('2026-03-01', '2026-03-02', rules);
    expect(d).toEqual({
      acceptBy: '2026-03-08',
      answerBy: '2026-04-01',
      acceptCitation: '某省信访条例',
      answerCitation: '某省信访条例',
    });
  });

  const deadlines = { acceptBy: '2026-03-16', answerBy: '2026-05-15' };
  const lateness: [CaseStatus, string | null, string, string][] = [
    ['assigned', null, '2026-03-16', 'on_time'],
    ['assigned', null, '2026-03-17', 'accept_overdue'],
    ['acknowledged', '2026-03-10', '2026-03-17', 'on_time'],
    ['investigating', '2026-03-10', '2026-05-15', 'on_time'],
    ['investigating', '2026-03-10', '2026-05-16', 'answer_overdue'],
    ['closed', '2026-03-10', '2026-09-01', 'on_time'],
  ];
  it.each(lateness)('%s accepted %s on %s: %s', (status, acknowledgedOn, today, expected) => {
    expect(caseLateness({ status, acknowledgedOn }, deadlines, today)).toBe(expected);
  });
});

describe('bribery findings', () => {
  it('only an upheld or partly upheld 贿选 case that is closed', () => {
    expect(isBriberyFinding({ category: 'bribery', status: 'closed', outcome: 'upheld' })).toBe(
      true,
    );
    expect(
      isBriberyFinding({ category: 'bribery', status: 'closed', outcome: 'partly_upheld' }),
    ).toBe(true);
    expect(isBriberyFinding({ category: 'bribery', status: 'closed', outcome: 'not_upheld' })).toBe(
      false,
    );
    expect(isBriberyFinding({ category: 'canvassing', status: 'closed', outcome: 'upheld' })).toBe(
      false,
    );
    expect(isBriberyFinding({ category: 'bribery', status: 'investigating', outcome: null })).toBe(
      false,
    );
  });
});
