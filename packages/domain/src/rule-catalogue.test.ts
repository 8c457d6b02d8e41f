import { describe, expect, it } from 'vitest';
import { nationalRuleValues, ruleKind, ruleLabel } from './rule-catalogue.js';

describe('national rule catalogue', () => {
  const values = nationalRuleValues();
  it('holds every module’s rules, each with a citation and a Chinese label', () => {
    for (const code of [
      'voter_list.days_before',
      'v.formal_list_days_before',
      'p.quorum',
      'v.quorum',
      'guidance.min_cadres_per_village',
    ]) {
      expect(values[code]?.citation, code).toBeTruthy();
    }
    for (const code of Object.keys(values)) {
      expect(ruleLabel(code), code).not.toBe(code);
    }
  });

  it('holds the PRODUCT.md §4 defaults', () => {
    expect(values['voter_list.days_before']?.value).toBe(20);
    expect(values['v.formal_list_days_before']?.value).toBe(5);
    expect(values['handover.days_after']?.value).toBe(10);
    expect(values['p.quorum']?.value).toBe('4/5');
  });

  it.each([
    ['voter_list.days_before', 'legal'],
    ['schedule.audit_days_before', 'plan'],
    ['p.quorum', 'legal'],
    ['guidance.min_cadres_per_village', 'plan'],
    ['statistics.rounding', 'other'],
  ] as const)('%s is a %s rule', (code, kind) => {
    expect(ruleKind(code)).toBe(kind);
  });
});
