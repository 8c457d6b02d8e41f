import { describe, expect, it } from 'vitest';
import { ROLES, canBeChildOf } from '@huanjie/domain';
import { generateDemoCounty } from './generate.js';

describe('demo county', () => {
  const county = generateDemoCounty();

  it('is a realistic county: about 12 townships and 200+ villages and communities', () => {
    const count = (level: string) => county.regions.filter((r) => r.level === level).length;
    expect(count('county')).toBe(1);
    expect(count('township')).toBe(12);
    expect(count('village') + count('community')).toBeGreaterThanOrEqual(200);
    expect(count('community')).toBeGreaterThan(0);
    expect(count('group')).toBeGreaterThan(count('village'));
    expect(county.zones.length).toBeGreaterThan(0);
  });

  it('is the same for the same seed and different for another', () => {
    expect(generateDemoCounty({ seed: 2026 })).toEqual(county);
    expect(generateDemoCounty({ seed: 7 }).users.map((u) => u.displayName)).not.toEqual(
      county.users.map((u) => u.displayName),
    );
  });

  it('has every role, and every parent fits its children', () => {
    // the province and city roles sit above the county (insertDemoCounty's `above`)
    const upper = new Set(['province_admin', 'province_leader', 'city_admin', 'city_leader']);
    expect(new Set(county.users.map((u) => u.role))).toEqual(
      new Set(ROLES.filter((r) => !upper.has(r))),
    );
    const byKey = new Map(county.regions.map((r) => [r.key, r]));
    for (const r of county.regions) {
      if (r.parentKey === null) continue;
      const parent = byKey.get(r.parentKey);
      expect(parent && canBeChildOf(r.level, parent.level), `${r.name} under ${parent?.name}`).toBe(
        true,
      );
    }
  });

  it('has unique codes, unique usernames, and unique village names within a township', () => {
    expect(new Set(county.regions.map((r) => r.code)).size).toBe(county.regions.length);
    expect(new Set(county.users.map((u) => u.username)).size).toBe(county.users.length);
    const names = county.regions
      .filter((r) => r.level === 'village' || r.level === 'community')
      .map((r) => `${r.parentKey}/${r.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('scales to a requested number of villages', () => {
    const big = generateDemoCounty({ villages: 900 });
    const villages = big.regions.filter((r) => r.level === 'village' || r.level === 'community');
    expect(villages).toHaveLength(900);
    expect(big.regions.filter((r) => r.level === 'township').length).toBe(50);
  });
});
