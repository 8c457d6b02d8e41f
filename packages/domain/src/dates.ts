/**
 * Calendar days as ISO strings ("2026-03-20"), the way PostgreSQL `date` columns travel. Arithmetic
 * runs in UTC so that no time zone or daylight-saving shift moves a day.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function toUtc(iso: string): number {
  if (!isIsoDate(iso)) throw new Error(`not an ISO date: ${iso}`);
  return Date.parse(`${iso}T00:00:00Z`);
}

const DAY_MS = 86_400_000;

export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The calendar day of an instant in China (UTC+8, no daylight saving). */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** "3月20日" for messages. */
export function formatMonthDay(iso: string): string {
  const [, , month, day] = ISO_DATE.exec(iso) ?? [];
  return `${Number(month)}月${Number(day)}日`;
}
