import type { BirthPrecision } from './dates.js';
import { ageRangeOn } from './dates.js';

/**
 * The one policy for text people type (names, notes, reasons, objections, citations): what it
 * may not contain, and how long each kind of field may be. The API checks every text input with
 * it; forms may check it early with the same words.
 *
 * Refused everywhere: control characters (NUL, which PostgreSQL text cannot hold, above all),
 * zero-width characters (an invisible difference between two names) and bidirectional controls
 * (U+202E turns the rest of a line around on a printed notice), and lone surrogates. A
 * single-line field refuses line breaks and tabs as well; a multi-line one keeps them.
 */
const REFUSED_ANYWHERE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|\p{Cs}/u;
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/;

export type TextShape = 'line' | 'multiline';

/** True when `value` holds a character the text policy refuses for a field of this shape. */
export function hasRefusedChars(value: string, shape: TextShape = 'multiline'): boolean {
  return REFUSED_ANYWHERE.test(value) || (shape === 'line' && LINE_BREAKS.test(value));
}

/** The message for a field that holds a refused character, naming the field. */
export function refusedCharsMessage(label: string): string {
  return `${label}含有不可见或控制字符，请删除后重新输入`;
}

/** The longest text (in characters, after trimming) each kind of field takes. */
export const TEXT_LIMITS = {
  /** A person's name as printed on a candidate list or notice. */
  personName: 20,
  ethnicity: 10,
  tag: 20,
  /** Short notes beside an entry (a candidate, a vetting answer, a decision). */
  shortNote: 500,
  /** Reasons: a return, a re-opening, an amendment, an exclusion, a risk, a rule change. */
  reason: 500,
  /** The township's comment on a stage it approves, returns or re-opens. */
  reviewComment: 1000,
  /** Longer free text: stage notes and 情况说明, an objection, a plan. */
  longText: 2000,
  department: 50,
  ruleCode: 100,
  ruleValue: 500,
  citation: 500,
} as const;

/** The earliest birth date a candidate (or anyone elected) may plausibly have. */
export const EARLIEST_CANDIDATE_BIRTH = '1920-01-01';
/** Candidates and the elected are adults: 选举权和被选举权 come at eighteen. */
export const MIN_CANDIDATE_AGE = 18;

/**
 * Why a candidate's birth date (already parsed) is implausible on `today`, or null when it is
 * plausible: not before EARLIEST_CANDIDATE_BIRTH, and eighteen or older on every day the birth
 * may have been (a birth known only to the month counts from the month's last day).
 */
export function candidateBirthProblem(
  birth: { date: string; precision: BirthPrecision },
  today: string,
): string | null {
  if (birth.date < EARLIEST_CANDIDATE_BIRTH) {
    return `出生日期不能早于${EARLIEST_CANDIDATE_BIRTH}`;
  }
  if (
    birth.date > today ||
    ageRangeOn(birth.date, birth.precision, today).youngest < MIN_CANDIDATE_AGE
  ) {
    return `候选人应年满${String(MIN_CANDIDATE_AGE)}周岁，出生日期不合理`;
  }
  return null;
}
