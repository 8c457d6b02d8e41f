import { describe, expect, it } from 'vitest';
import { TRACKS, tracksForRegion } from './campaign.js';

describe('tracksForRegion', () => {
  it.each([
    ['village', ['P', 'V', 'S', 'F']],
    ['community', ['P', 'C', 'S', 'F']],
    ['township', []],
    ['group', []],
  ] as const)('a %s gets %j', (level, expected) => {
    expect(tracksForRegion(level, TRACKS)).toEqual(expected);
  });

  it('keeps only what the campaign covers', () => {
    expect(tracksForRegion('village', ['P', 'C'])).toEqual(['P']);
    expect(tracksForRegion('community', ['V', 'C'])).toEqual(['C']);
  });
});
