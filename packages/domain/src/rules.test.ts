import { describe, expect, it } from 'vitest';
import { RULES, rulesFrom, workflowDefaultValues } from './rules.js';

describe('national defaults (PRODUCT.md §4)', () => {
  it.each([
    ['voter_list.days_before', 20],
    ['voter_list.objection_days', 5],
    ['voter_list.decision_days', 3],
    ['v.formal_list_days_before', 5],
    ['handover.days_after', 10],
    ['term.years', 5],
  ] as const)('%s defaults to %d, with a citation', (code, value) => {
    expect(RULES[code].value).toBe(value);
    expect(RULES[code].citation.length).toBeGreaterThan(4);
  });

  it('stores every default with its citation', () => {
    const values = workflowDefaultValues();
    for (const [code, entry] of Object.entries(values)) {
      expect(entry.citation, code).not.toBe('');
    }
  });
});

describe('rulesFrom', () => {
  it('reads an override and falls back to the default for missing or malformed values', () => {
    const rules = rulesFrom({
      'v.formal_list_days_before': { value: 7, citation: '某省选举办法第二十条' },
      'voter_list.days_before': { value: 'twenty', citation: 'x' },
      'representatives.women_share': { value: '2/5', citation: 'y' },
    });
    expect(rules.days('v.formal_list_days_before')).toBe(7);
    expect(rules.citation('v.formal_list_days_before')).toBe('某省选举办法第二十条');
    expect(rules.days('voter_list.days_before')).toBe(20);
    expect(rules.days('handover.days_after')).toBe(10);
    expect(rules.fraction('representatives.women_share')).toEqual({ n: 2, d: 5 });
  });
});
