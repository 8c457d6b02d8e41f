import { describe, expect, it } from 'vitest';
import { addDays, chinaDate, daysBetween, formatMonthDay, isIsoDate } from './dates.js';

describe('calendar days', () => {
  it.each([
    ['2026-03-20', -20, '2026-02-28'],
    ['2028-03-20', -20, '2028-02-29'],
    ['2026-12-28', 10, '2027-01-07'],
    ['2026-03-29', 1, '2026-03-30'],
  ])('%s %+d days is %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-3-1', false],
    ['2028-02-29', true],
  ])('isIsoDate(%s) is %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('takes the day in China, not in UTC', () => {
    expect(chinaDate(new Date('2026-03-19T17:00:00Z'))).toBe('2026-03-20');
    expect(formatMonthDay('2026-03-05')).toBe('3月5日');
  });
});
