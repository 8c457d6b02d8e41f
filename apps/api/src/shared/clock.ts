import { todayInChina } from '@huanjie/domain';

/**
 * The API's one source of "now" and of "today in China" (due dates, "overdue", the default day of
 * a daily report, a birth date that lies in the future). Services read it from the request context;
 * nothing else in the API reads the system time for what it decides or records.
 */
export interface Clock {
  now: () => Date;
  /** The calendar day in China ("2026-03-20") at now(). */
  today: () => string;
}

function clockReading(epochMs: () => number): Clock {
  return {
    now: () => new Date(epochMs()),
    today: () => todayInChina(new Date(epochMs())),
  };
}

export const systemClock: Clock = clockReading(() => Date.now());

/**
 * A clock that reads `start` when it is made and runs forward in real time from there: the API
 * started with HUANJIE_NOW, so that browser tests do not depend on the hour they run at.
 */
export function clockStartingAt(start: Date, real: () => number = () => Date.now()): Clock {
  const offset = start.getTime() - real();
  return clockReading(() => real() + offset);
}

/** A clock that stands still at `at`, for tests of what a day decides. */
export function fixedClock(at: Date): Clock {
  const epochMs = at.getTime();
  return clockReading(() => epochMs);
}
