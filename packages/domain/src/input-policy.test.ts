import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import {
  EARLIEST_CANDIDATE_BIRTH,
  TEXT_LIMITS,
  candidateBirthProblem,
  hasRefusedChars,
} from './input-policy.js';

describe('hasRefusedChars: the one input-text policy', () => {
  it.each([
    ['NUL', '张\u0000三'],
    ['BEL', '张\u0007三'],
    ['DEL', '张\u007f三'],
    ['C1 control', '张\u0085三'],
    ['zero-width space', '张\u200b三'],
    ['zero-width joiner', '张\u200d三'],
    ['word joiner', '张\u2060三'],
    ['byte order mark', '\ufeff张三'],
    ['right-to-left override', '张\u202e三'],
    ['left-to-right embedding', '张\u202a三'],
    ['right-to-left isolate', '张\u2067三'],
    ['right-to-left mark', '张\u200f三'],
    ['Arabic letter mark', '张\u061c三'],
    ['soft hyphen', '张\u00ad三'],
    ['lone surrogate', '张\ud800三'],
  ])('refuses %s anywhere', (_what, value) => {
    expect(hasRefusedChars(value, 'multiline')).toBe(true);
    expect(hasRefusedChars(value, 'line')).toBe(true);
  });

  it('keeps line breaks and tabs in multi-line text, refuses them in a single line', () => {
    for (const value of ['第一行\n第二行', '第一行\r\n第二行', '甲\t乙', '甲\u2028乙']) {
      expect(hasRefusedChars(value, 'line')).toBe(true);
    }
    expect(hasRefusedChars('第一行\n第二行\r\n\t第三行', 'multiline')).toBe(false);
  });

  it('accepts ordinary names and notes, rare characters and emoji included', () => {
    for (const value of [
      '张三',
      '欧阳娜娜',
      '阿卜杜拉·买买提',
      '𠀾𪚥',
      'Zhang San',
      '（补）王五，1980年生；备注：无',
      '👍',
    ]) {
      expect(hasRefusedChars(value, 'line'), value).toBe(false);
    }
  });

  it('names a limit for every kind of field', () => {
    expect(TEXT_LIMITS.personName).toBe(20);
    expect(TEXT_LIMITS.longText).toBeGreaterThan(TEXT_LIMITS.shortNote);
  });
});

describe('candidateBirthProblem: plausible birth dates', () => {
  const today = '2026-12-07';
  it.each([
    [EARLIEST_CANDIDATE_BIRTH, 'day', null],
    ['1919-12-31', 'day', '早于1920-01-01'],
    ['1900-01-01', 'day', '早于1920-01-01'],
    ['1985-03-02', 'day', null],
    ['2008-12-07', 'day', null],
    ['2008-12-08', 'day', '年满18周岁'],
    ['2026-12-08', 'day', '年满18周岁'],
    ['2999-01-01', 'day', '年满18周岁'],
    // known to the month: eighteen whichever day of the month it was
    ['2008-11-01', 'month', null],
    ['2008-12-01', 'month', '年满18周岁'],
  ] as const)('%s (%s) → %s', (date, precision, problem) => {
    const answer = candidateBirthProblem({ date, precision }, today);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toContain(problem);
  });

  it('moves with today', () => {
    expect(
      candidateBirthProblem({ date: '2008-12-08', precision: 'day' }, addDays(today, 1)),
    ).toBeNull();
  });
});
