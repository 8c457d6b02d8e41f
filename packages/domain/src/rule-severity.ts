/**
 * One severity per rule code, for every checker (stage records, candidate lists, results).
 *
 * Errors are only what makes a record false or legally void: arithmetic that does not reconcile,
 * quorum, majority, seats, the ≥ 1/3 of a 另行选举, a vote for someone who was not a candidate,
 * an incomplete or malformed entry. Procedure and structure — an uncontested race, a short 公示, a
 * late posting or deadline, no woman on the committee, a vacancy — are warnings: what really
 * happened can always be entered, with a written explanation (情况说明) the reviewer reads.
 */
import { RULES, isRuleCode } from './rules.js';

export type Severity = 'error' | 'warning';

/** What a breach of a rule of each severity means for the user who enters the record. */
export const SEVERITY_LABEL: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '不予填报', en: 'Refused' },
  warning: { zh: '须写情况说明', en: 'Explanation needed' },
};

export const WARNING_RULES: ReadonlySet<string> = new Set([
  // 差额 and candidate numbers
  'v.competitive',
  'c.competitive',
  'p.committee_margin',
  'p.secretary_uncontested',
  'candidates.too_few',
  // 预选: a tie at the cut-off is settled by a second vote; a formal candidate's votes not yet typed
  'candidates.preliminary_tie',
  'candidates.preliminary_missing',
  // women on the list and on the committee
  'candidates.women',
  'v.women_member',
  'c.women_member',
  'p.women_candidate',
  'representatives.women_share',
  // representatives and group leaders (representatives.ts)
  'representatives.households_min',
  'representatives.households_max',
  'representatives.per_group_min',
  'representatives.per_group_max',
  'group_leaders.every_group',
  // the election held on another day than planned
  'election.day',
  // what a count leaves open
  'runoff.entitled_changed',
  'runoff.candidates_by_votes',
  'election.tie',
  'election.vacancy',
]);

/** Every deadline of the rule set (a value in days) is procedure too: a late stage is a warning. */
export function severityOf(rule: string): Severity {
  const deadline = isRuleCode(rule) && RULES[rule].unit === 'days';
  return WARNING_RULES.has(rule) || deadline ? 'warning' : 'error';
}
