import { severityOf } from './rule-severity.js';

/**
 * The result of a rule check. An error blocks the submission; a warning allows it with an
 * explanation. Every finding names its rule and the legal basis, so a village clerk sees why.
 */
export interface Finding {
  severity: 'error' | 'warning';
  /** Stable code of the rule, e.g. "voter_list.deadline". */
  rule: string;
  /** The legal basis, e.g. "村民委员会组织法 第十四条". */
  citation: string;
  /** What is wrong, in Chinese, with the numbers involved. */
  message: string;
  /** The input field it concerns, e.g. ["counts", "registered"]. */
  path?: string[];
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** A finding of a rule, with the one severity that rule has (rule-severity.ts). */
export function finding(rule: string, citation: string, message: string, path?: string[]): Finding {
  return { severity: severityOf(rule), rule, citation, message, ...(path ? { path } : {}) };
}

/** A 情况说明 needs at least this many characters: the reviewer must read what happened. */
export const MIN_EXPLANATION_CHARS = 2;

/** Is a submission with warnings explained (stage records and results alike)? */
export function isExplained(explanation: string | null | undefined): boolean {
  return (explanation ?? '').trim().length >= MIN_EXPLANATION_CHARS;
}
