import { tz } from '@date-fns/tz';
import { addDays as fnsAddDays, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  CHINA_TIME_ZONE,
  addDays,
  ageOn,
  ageRangeOn,
  formatBirthDate,
  parseBirthDate,
  daysBetween,
  formatMonthDay,
  isIsoDate,
  startOfChinaDay,
  todayInChina,
} from './dates.js';

describe('calendar days', () => {
  it.each([
    ['2026-03-20', -20, '2026-02-28'],
    ['2028-03-20', -20, '2028-02-29'],
    ['2026-12-28', 10, '2027-01-07'],
    ['2026-03-29', 1, '2026-03-30'],
    // China kept summer time from 1986 to 1991: a day is still a day
    ['1988-04-09', 2, '1988-04-11'],
  ])('%s %+d days is %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-3-1', false],
    ['2026-03', false],
    ['2026-03-20T10:00', false],
    ['', false],
    ['2028-02-29', true],
  ])('isIsoDate(%s) is %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('refuses a day that does not exist instead of answering NaN or another day', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-03-01', 'soon')).toThrow(RangeError);
    expect(() => ageOn('1980-13-01', '2026-01-01')).toThrow(RangeError);
    expect(() => formatMonthDay('')).toThrow(RangeError);
  });

  it('takes the day in China, not in UTC or the machine’s zone', () => {
    expect(todayInChina(new Date('2026-03-19T15:59:59Z'))).toBe('2026-03-19');
    expect(todayInChina(new Date('2026-03-19T16:00:00Z'))).toBe('2026-03-20');
    expect(startOfChinaDay('2026-03-20').toISOString()).toBe('2026-03-19T16:00:00.000Z');
    expect(formatMonthDay('2026-03-05')).toBe('3月5日');
  });

  it.each([
    ['1980-06-15', '2026-06-14', 45],
    ['1980-06-15', '2026-06-15', 46],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('born %s is %i... on %s', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('a birth date known to the month', () => {
  it.each([
    ['1980-05', { date: '1980-05-01', precision: 'month' }],
    [' 1980-05-12 ', { date: '1980-05-12', precision: 'day' }],
    ['1980-13', null],
    ['1980-02-30', null],
    ['1980', null],
  ] as const)('%s reads as %j', (text, parsed) => {
    expect(parseBirthDate(text)).toEqual(parsed);
  });

  it('gives the ages the unknown day allows', () => {
    // born some day of February 1980: on 15 Feb 2026 the birthday may or may not have passed
    expect(ageRangeOn('1980-02-01', 'month', '2026-02-15')).toEqual({ youngest: 45, oldest: 46 });
    expect(ageRangeOn('1980-02-01', 'month', '2026-03-01')).toEqual({ youngest: 46, oldest: 46 });
    expect(ageRangeOn('1980-02-01', 'month', '2026-01-31')).toEqual({ youngest: 45, oldest: 45 });
    expect(ageRangeOn('1980-02-01', 'day', '2026-02-15')).toEqual({ youngest: 46, oldest: 46 });
    expect(formatBirthDate('1980-02-01', 'month')).toBe('1980-02');
  });
});

describe('day arithmetic without a time-zone library', () => {
  it('agrees with date-fns in China time on every day of 1999–2031, over ±400 days, and with its checks', () => {
    const inChina = tz(CHINA_TIME_ZONE);
    const mismatches: string[] = [];
    for (let day = '1999-01-01'; day < '2031-12-31'; day = addDays(day, 7)) {
      for (const n of [-400, -31, -1, 0, 1, 29, 366]) {
        const expected = format(
          fnsAddDays(parseISO(day, { in: inChina }), n, { in: inChina }),
          'yyyy-MM-dd',
          { in: inChina },
        );
        if (addDays(day, n) !== expected) mismatches.push(`${day}+${String(n)}`);
        if (daysBetween(day, expected) !== n) mismatches.push(`${day}→${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(
      ['2024-02-29', '2026-02-29', '2026-04-31', '2026-13-01', '0099-01-01', '2026-1-01'].map(
        isIsoDate,
      ),
    ).toEqual([true, false, false, false, true, false]);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-01-01', 'tomorrow')).toThrow(RangeError);
  });
});
