import type { ElectionRules } from './rule-values.js';

export type Rounding = 'half_up' | 'truncate';

export interface PercentPolicy {
  decimals: number;
  rounding: Rounding;
}

/** A count with its denominator and the percentage computed from them: never typed by hand. */
export interface Ratio {
  count: number;
  denominator: number;
  /** null when the denominator is 0. */
  percent: number | null;
  /** "14.8%", or "—" without a denominator. */
  text: string;
}

export function percentPolicy(rules: ElectionRules): PercentPolicy {
  return {
    decimals: Math.min(4, Math.max(0, Math.trunc(rules.percentDecimals.value))),
    rounding: rules.rounding.value,
  };
}

/** num/den × 100 rounded to `decimals`, in whole-number arithmetic (no 0.1 + 0.2 drift). */
function scaledPercent(num: number, den: number, p: PercentPolicy): number {
  const negative = num < 0 !== den < 0 && num !== 0;
  const a = Math.abs(num) * 100 * 10 ** p.decimals;
  const b = Math.abs(den);
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (p.rounding === 'half_up' && r * 2 >= b) q += 1;
  return negative ? -q : q;
}

function render(scaled: number, p: PercentPolicy): string {
  const sign = scaled < 0 ? '-' : '';
  const abs = Math.abs(scaled);
  const int = Math.floor(abs / 10 ** p.decimals);
  const frac = abs % 10 ** p.decimals;
  return p.decimals === 0
    ? `${sign}${int}`
    : `${sign}${int}.${String(frac).padStart(p.decimals, '0')}`;
}

export function ratio(count: number, denominator: number, p: PercentPolicy): Ratio {
  if (denominator <= 0) return { count, denominator, percent: null, text: '—' };
  const scaled = scaledPercent(count, denominator, p);
  const text = render(scaled, p);
  return { count, denominator, percent: Number(text), text: `${text}%` };
}

export interface Change {
  /** Percentage points, current minus previous; null when either side has no denominator. */
  points: number | null;
  /** "+2.3个百分点", "-1.0个百分点", "持平". */
  text: string;
}

/** The change of a rate against the previous term, in percentage points computed exactly. */
export function pointChange(current: Ratio, previous: Ratio, p: PercentPolicy): Change {
  if (current.denominator <= 0 || previous.denominator <= 0) return { points: null, text: '—' };
  const num = current.count * previous.denominator - previous.count * current.denominator;
  const scaled = scaledPercent(num, current.denominator * previous.denominator, p);
  const text = render(scaled, p);
  if (scaled === 0) return { points: 0, text: '持平' };
  return { points: Number(text), text: `${scaled > 0 ? '+' : ''}${text}个百分点` };
}
