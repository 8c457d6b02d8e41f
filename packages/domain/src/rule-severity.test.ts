import { describe, expect, it } from 'vitest';
import { checkCandidateList } from './elections/election-rules.js';
import { resolveElectionRules } from './elections/rule-values.js';
import { severityOf } from './rule-severity.js';

describe('one severity per rule code', () => {
  it.each([
    ['v.competitive', 'warning'],
    ['p.committee_margin', 'warning'],
    ['candidates.women', 'warning'],
    ['v.formal_list_days_before', 'warning'],
    ['candidates.publicity_min_days', 'warning'],
    ['voter_list.days_before', 'warning'],
    ['schedule.audit_days_before', 'warning'],
    ['v.quorum', 'error'],
    ['v.majority', 'error'],
    ['v.runoff_min_share', 'error'],
    ['ballots.valid_plus_invalid', 'error'],
    ['seats.head', 'error'],
    ['candidates.preliminary_order', 'error'],
    ['candidates.preliminary_tie', 'warning'],
    ['candidates.preliminary_missing', 'warning'],
  ] as const)('%s is a %s', (rule, severity) => {
    expect(severityOf(rule)).toBe(severity);
  });

  it('an uncontested 主任 race and a late formal list are warnings at result time too', () => {
    const findings = checkCandidateList({
      track: 'V',
      rules: resolveElectionRules({}),
      seats: { chair: 1, member: 2 },
      candidates: [
        { id: 1, name: '王芳', post: 'chair', formal: true, female: true },
        { id: 2, name: '李强', post: 'member', formal: true, female: false },
        { id: 3, name: '张伟', post: 'member', formal: true, female: false },
        { id: 4, name: '刘洋', post: 'member', formal: true, female: false },
      ],
      electionDay: '2026-12-25',
      formalListPostedOn: '2026-12-23',
    });
    expect(findings.map((f) => `${f.severity}:${f.rule}`).sort()).toEqual([
      'warning:v.competitive',
      'warning:v.formal_list_days_before',
    ]);
  });
});
