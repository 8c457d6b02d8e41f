import { describe, expect, it } from 'vitest';
import { canBeChildOf, childPath, isWithin, isWithinAny, pathIds } from './regions.js';

describe('region paths', () => {
  it.each([
    ['1.4.37.', '1.4.', true],
    ['1.4.', '1.4.', true],
    ['1.4.', '1.4.37.', false],
    ['1.41.', '1.4.', false], // a sibling whose id starts with the same digits is not inside
    ['2.4.', '1.', false],
    ['1.4.', '', false], // an empty scope contains nothing
  ])('%s within %s is %s', (path, root, expected) => {
    expect(isWithin(path, root)).toBe(expected);
  });

  it('checks any of several roots', () => {
    expect(isWithinAny('1.4.37.', ['1.5.', '1.4.37.'])).toBe(true);
    expect(isWithinAny('1.4.38.', ['1.5.', '1.4.37.'])).toBe(false);
    expect(isWithinAny('1.', [])).toBe(false);
  });

  it('builds and reads paths', () => {
    expect(childPath(null, 1)).toBe('1.');
    expect(childPath('1.4.', 37)).toBe('1.4.37.');
    expect(pathIds('1.4.37.')).toEqual([1, 4, 37]);
  });

  it.each([
    ['township', 'county', true],
    ['village', 'township', true],
    ['community', 'township', true],
    ['group', 'community', true],
    ['village', 'county', false],
    ['county', 'township', false],
  ] as const)('%s under %s allowed: %s', (child, parent, expected) => {
    expect(canBeChildOf(child, parent)).toBe(expected);
  });
});
