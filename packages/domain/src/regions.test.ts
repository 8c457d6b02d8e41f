import { describe, expect, it } from 'vitest';
import {
  allPathIds,
  lastPathId,
  canBeChildOf,
  childPath,
  divisionCode12,
  isDivisionCode,
  isWithin,
  isWithinAny,
  parseRegionKind,
  pathIds,
  countyPathIn,
  parentPathIn,
  regionKindLabel,
} from './regions.js';

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

describe('region kinds and codes', () => {
  it.each([
    ['镇', 'township', 'zhen'],
    ['街道', 'township', 'jiedao'],
    [' 乡 ', 'township', 'xiang'],
    ['行政村', 'village', null],
    ['社区', 'community', null],
    ['村民小组', 'group', null],
  ] as const)('reads %s as %s', (text, level, townshipKind) => {
    expect(parseRegionKind(text)).toEqual({ level, townshipKind });
  });

  it('reads no unknown kind', () => {
    expect(parseRegionKind('县')).toBeNull();
    expect(parseRegionKind('')).toBeNull();
  });

  it('names a kind as the list does', () => {
    expect(regionKindLabel('township', 'jiedao')).toBe('街道');
    expect(regionKindLabel('township', null)).toBe('乡镇');
    expect(regionKindLabel('community', null)).toBe('社区');
  });

  it('checks and pads division codes', () => {
    expect(isDivisionCode('530923101201')).toBe(true);
    expect(isDivisionCode('53092310120')).toBe(false);
    expect(isDivisionCode('53092310120a')).toBe(false);
    expect(divisionCode12('530923')).toBe('530923000000');
    expect(divisionCode12('530923101')).toBe('530923101000');
    expect(divisionCode12('530923101201')).toBe('530923101201');
  });
});

describe('paths above the county', () => {
  const province = childPath(null, 90, 'province');
  const city = childPath(province, 91, 'city');
  const county = childPath(city, 1);
  const village = childPath(childPath(county, 4), 37);

  it('writes a province and a city with a slash, the county and below with a dot', () => {
    expect([province, city, county, village]).toEqual([
      '90/',
      '90/91/',
      '90/91/1.',
      '90/91/1.4.37.',
    ]);
  });

  it('keeps the county first in pathIds, and every id in allPathIds', () => {
    expect(pathIds(village)).toEqual([1, 4, 37]);
    expect(pathIds(city)).toEqual([]);
    expect(allPathIds(village)).toEqual([90, 91, 1, 4, 37]);
    expect(lastPathId(city)).toBe(91);
    expect(lastPathId(village)).toBe(37);
  });

  it('names the county and the parent of a path with the province and city in front', () => {
    expect(countyPathIn(village)).toBe('90/91/1.');
    expect(countyPathIn('1.4.37.')).toBe('1.');
    expect(countyPathIn(city)).toBeUndefined();
    expect(parentPathIn(village)).toBe('90/91/1.4.');
    expect(parentPathIn('1.4.')).toBe('1.');
    expect(isWithin(village, countyPathIn(village) ?? '')).toBe(true);
  });

  it('finds everything below a province or city by prefix, nothing of another', () => {
    expect(isWithin(village, province)).toBe(true);
    expect(isWithin(village, city)).toBe(true);
    expect(isWithin(village, '92/')).toBe(false);
    expect(isWithin(province, city)).toBe(false);
  });

  it('puts a city under a province and a county under a city, nothing else', () => {
    expect(canBeChildOf('city', 'province')).toBe(true);
    expect(canBeChildOf('county', 'city')).toBe(true);
    expect(canBeChildOf('county', 'province')).toBe(false);
    expect(canBeChildOf('township', 'city')).toBe(false);
  });
});
