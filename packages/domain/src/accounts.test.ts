import { describe, expect, it } from 'vitest';
import { grantableRoles, oneTimePassword, passwordProblems } from './accounts.js';

describe('password policy', () => {
  it.each([
    ['Abc123!', 'vil01001.clerk', ['密码至少10个字符']],
    ['my-vil01001.clerk-pw', 'vil01001.clerk', ['密码不能包含用户名']],
    ['Huanjie@2026', 'someone', ['不能使用演示系统的公开密码']],
    ['xxHUANJIE@2026xx', 'someone', ['不能使用演示系统的公开密码']],
    ['correct horse battery', 'someone', []],
  ])('%s for %s', (password, username, problems) => {
    expect(passwordProblems(password, username)).toEqual(problems);
  });

  it('makes one-time passwords that keep the policy and avoid look-alike characters', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 50; i += 1) {
      const password = oneTimePassword(random);
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
      expect(passwordProblems(password, 'vil01001.clerk')).toEqual([]);
    }
  });

  it('lets a coordinator grant only clerks and guidance members, and a clerk nothing', () => {
    expect(grantableRoles('township_coordinator')).toEqual(['guidance_member', 'village_clerk']);
    expect(grantableRoles('village_clerk')).toEqual([]);
    expect(grantableRoles('county_admin')).toContain('county_admin');
  });
});

describe('grants above the county', () => {
  it('a province admin grants province, city and county admins, a city admin its city and the county admins', () => {
    expect(grantableRoles('province_admin')).toEqual([
      'province_admin',
      'province_leader',
      'city_admin',
      'city_leader',
      'county_admin',
    ]);
    expect(grantableRoles('city_admin')).toEqual(['city_admin', 'city_leader', 'county_admin']);
    expect(grantableRoles('province_leader')).toEqual([]);
    expect(grantableRoles('city_leader')).toEqual([]);
  });
});
