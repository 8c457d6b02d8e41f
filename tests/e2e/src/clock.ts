import { CHINA_TIME_ZONE, addDays, todayInChina } from '@huanjie/domain';

/**
 * The instant every browser test starts at: the demo is seeded for its day, the API's clock
 * (HUANJIE_NOW) and each browser context's clock start there and run on in real time. 03:00 in
 * China is 19:00 UTC of the day before, so a page or service that takes "today" from UTC shows
 * the wrong day here, on every run, instead of only when the suite happens to run after 16:00 UTC.
 */
export const NOW = new Date('2026-03-18T19:00:00Z');

/** The day the suite runs on, in China (2026-03-19). */
export const TODAY = todayInChina(NOW);

/** The browser's zone: the pages show days as a clerk in China sees them. */
export const TIME_ZONE = CHINA_TIME_ZONE;

/** A day relative to TODAY ("YYYY-MM-DD"). */
export function dayFromToday(days: number): string {
  return addDays(TODAY, days);
}
