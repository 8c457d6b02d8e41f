import { tz } from '@date-fns/tz';
import { differenceInYears, endOfMonth, format, parseISO } from 'date-fns';

/**
 * Calendar days travel as ISO strings ("2026-03-20"), the way PostgreSQL `date` columns do, and
 * are days in China: "today", "overdue" and a person's age are what a clerk's calendar there shows.
 * Every function here reads and writes days in CHINA_TIME_ZONE, whatever the machine's zone is.
 *
 * Bad input: isIsoDate is the check for what a user typed; every other function is given days
 * that were checked (or came from the database) and throws a RangeError on anything else, rather
 * than answer NaN or a shifted day.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const inChina = tz(CHINA_TIME_ZONE);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_FORMAT = 'yyyy-MM-dd';

const DAY_MS = 86_400_000;

/**
 * A day string as the UTC midnight of that calendar day, null when it names no day. Adding days and
 * counting them is calendar arithmetic, the same in every zone: no time-zone library on this path
 * (parsing through one took ~1 ms a call, and a county's case list computes two deadlines a case).
 */
function utcDay(iso: string): number | null {
  if (!ISO_DATE.test(iso)) return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1;
  const d = Number(iso.slice(8, 10));
  const date = new Date(0);
  date.setUTCFullYear(y, m, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m && date.getUTCDate() === d
    ? date.getTime()
    : null;
}

function checkedUtcDay(iso: string): number {
  const t = utcDay(iso);
  if (t === null) throw new RangeError(`not an ISO date: ${iso.slice(0, 40)}`);
  return t;
}

/** "YYYY-MM-DD" naming a day that exists ("2026-02-29" does not). */
export function isIsoDate(value: string): boolean {
  return utcDay(value) !== null;
}

function parseDay(iso: string): Date {
  checkedUtcDay(iso);
  return parseISO(iso, { in: inChina });
}

/** The instant a day starts in China. */
export function startOfChinaDay(iso: string): Date {
  return new Date(parseDay(iso).getTime());
}

/**
 * The day it is in China at the instant `now` (China's date runs 8 hours ahead of UTC's: from
 * 16:00 UTC on it is already tomorrow there). The API's `now` comes from its clock.
 */
export function todayInChina(now: Date): string {
  return format(now, ISO_FORMAT, { in: inChina });
}

export function addDays(iso: string, days: number): string {
  if (!Number.isFinite(days)) throw new RangeError(`not a number of days: ${String(days)}`);
  return new Date(checkedUtcDay(iso) + Math.trunc(days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((checkedUtcDay(to) - checkedUtcDay(from)) / DAY_MS);
}

/** Age in whole years on a day: the birthday must have passed (29 February counts on 1 March). */
export function ageOn(birthDate: string, on: string): number {
  return differenceInYears(parseDay(on), parseDay(birthDate), { in: inChina });
}

/** How much of a birth date is known: the day, or only the month (stored as its first day). */
export const BIRTH_PRECISIONS = ['day', 'month'] as const;
export type BirthPrecision = (typeof BIRTH_PRECISIONS)[number];

/** A birth date as typed: "1980-05-12" to the day, "1980-05" to the month; null when neither. */
export function parseBirthDate(text: string): { date: string; precision: BirthPrecision } | null {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}$/.test(trimmed)) {
    const date = `${trimmed}-01`;
    return isIsoDate(date) ? { date, precision: 'month' } : null;
  }
  return isIsoDate(trimmed) ? { date: trimmed, precision: 'day' } : null;
}

/** How a birth date is shown: "1980-05" when only the month is known. */
export function formatBirthDate(date: string, precision: BirthPrecision): string {
  return precision === 'month' ? date.slice(0, 7) : date;
}

/**
 * The ages a person can be on a day: one age when the day of birth is known, or when every day of
 * the birth month gives the same one; two (youngest, oldest) when the birthday may or may not have
 * passed.
 */
export function ageRangeOn(
  birthDate: string,
  precision: BirthPrecision,
  on: string,
): { youngest: number; oldest: number } {
  if (precision === 'day') {
    const age = ageOn(birthDate, on);
    return { youngest: age, oldest: age };
  }
  const first = `${birthDate.slice(0, 7)}-01`;
  const last = format(endOfMonth(parseDay(first), { in: inChina }), ISO_FORMAT, { in: inChina });
  return { youngest: ageOn(last, on), oldest: ageOn(first, on) };
}

/** "3月20日" for messages. */
export function formatMonthDay(iso: string): string {
  return format(parseDay(iso), 'M月d日', { in: inChina });
}
