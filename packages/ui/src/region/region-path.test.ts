import { describe, expect, it } from 'vitest';
import { pageErrorKey } from './page-error.js';
import { regionPath, scopedCrumbs } from './region-path.js';

const county = { id: 'Region:1', name: '云岭县', level: 'county' as const };
const township = { id: 'Region:2', name: '城关镇', level: 'township' as const };

describe('scopedCrumbs', () => {
  it.each([
    { roots: ['Region:1'], browsable: [true, true], who: 'a county user' },
    { roots: ['Region:2'], browsable: [false, true], who: 'a township user' },
    { roots: ['Region:3'], browsable: [false, false], who: 'a village user on their own village' },
    { roots: [], browsable: [false, false], who: 'a user without roots' },
  ])('links only the crumbs $who may open', ({ roots, browsable }) => {
    const crumbs = scopedCrumbs([county, township], 'Region:3', roots);
    expect(crumbs.map((c) => c.browsable)).toEqual(browsable);
  });
});

describe('regionPath', () => {
  it('escapes the global id', () => {
    expect(regionPath('Region:3')).toBe('/regions/Region%3A3');
  });
});

describe('pageErrorKey', () => {
  it.each([
    ['FORBIDDEN', 'error.FORBIDDEN'],
    ['NOT_FOUND', 'error.NOT_FOUND'],
    ['BAD_USER_INPUT', 'error.NOT_FOUND'],
    ['NETWORK', 'error.NETWORK'],
    ['INTERNAL_SERVER_ERROR', 'error.UNKNOWN'],
  ])('maps %s to %s', (code, key) => {
    expect(pageErrorKey(code)).toBe(key);
  });
});
