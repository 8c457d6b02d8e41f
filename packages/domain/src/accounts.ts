import type { RegionLevel } from './regions.js';
import type { Role } from './roles.js';

/**
 * Accounts (issue 12): who may grant which role, where each role's account belongs, and the
 * password policy. The database checks the same grants and levels again in its own functions
 * (migration account_management): these give the reasons in words.
 */

/**
 * The roles a manager may give: a province admin its province's and its cities' admins and
 * leaders and the county admins; a city admin its city's admins and leaders and the county admins;
 * a county admin every county role; a coordinator its villages' clerks and its guidance members.
 */
export function grantableRoles(role: Role): readonly Role[] {
  switch (role) {
    case 'province_admin':
      return ['province_admin', 'province_leader', 'city_admin', 'city_leader', 'county_admin'];
    case 'city_admin':
      return ['city_admin', 'city_leader', 'county_admin'];
    case 'province_leader':
    case 'city_leader':
      return [];
    case 'county_admin':
      return [
        'county_admin',
        'county_leader',
        'county_supervisor',
        'township_coordinator',
        'guidance_member',
        'village_clerk',
      ];
    case 'township_coordinator':
      return ['guidance_member', 'village_clerk'];
    case 'county_leader':
    case 'county_supervisor':
    case 'guidance_member':
    case 'village_clerk':
      return [];
  }
}

/** The levels of region an account of the role belongs to. */
export function accountLevels(role: Role): readonly RegionLevel[] {
  switch (role) {
    case 'province_admin':
    case 'province_leader':
      return ['province'];
    case 'city_admin':
    case 'city_leader':
      return ['city'];
    case 'county_admin':
    case 'county_leader':
    case 'county_supervisor':
      return ['county'];
    case 'township_coordinator':
    case 'guidance_member':
      return ['township'];
    case 'village_clerk':
      return ['village', 'community'];
  }
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Passwords anyone who has seen the demo knows (the demo seed's, and the examples its README
 * prints). Compared without case.
 */
export const KNOWN_DEMO_PASSWORDS: readonly string[] = [
  'Huanjie@2026',
  'huanjie2026',
  'Huanjie2026',
];

/** The rules a new password breaks, each in words naming the rule; empty when it is fine. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push(`密码至少${String(PASSWORD_MIN_LENGTH)}个字符`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push(`密码不能超过${String(PASSWORD_MAX_LENGTH)}个字符`);
  }
  const lower = password.toLowerCase();
  if (username.trim() !== '' && lower.includes(username.trim().toLowerCase())) {
    problems.push('密码不能包含用户名');
  }
  if (KNOWN_DEMO_PASSWORDS.some((known) => lower.includes(known.toLowerCase()))) {
    problems.push('不能使用演示系统的公开密码');
  }
  if (/^\s|\s$/.test(password)) problems.push('密码首尾不能是空格');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(password)) problems.push('密码不能含有控制字符');
  return problems;
}

/** Letters and digits that cannot be mistaken for each other on a printed slip (no 0/O, 1/l/I). */
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A one-time password: three groups of four readable characters, e.g. "k7mp-3qaw-t9xd" (about 59
 * bits). `randomIndex(n)` must be a cryptographic random integer below n.
 */
export function oneTimePassword(randomIndex: (n: number) => number): string {
  const group = () =>
    Array.from({ length: 4 }, () => READABLE.charAt(randomIndex(READABLE.length))).join('');
  return [group(), group(), group()].join('-');
}
