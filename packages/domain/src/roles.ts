import type { RegionLevel } from './regions.js';

export const ROLES = [
  'county_admin',
  'county_leader',
  'county_supervisor',
  'township_coordinator',
  'guidance_member',
  'village_clerk',
] as const;
export type Role = (typeof ROLES)[number];

export const APPS = ['village', 'township', 'county'] as const;
/** The three web apps; each is for one level of the hierarchy. */
export type App = (typeof APPS)[number];

interface RoleInfo {
  /** The level of the region a user of this role belongs to. */
  homeLevels: readonly RegionLevel[];
  /** The app this role works in; the API refuses a session of this role opened for another app. */
  app: App;
  label: { zh: string; en: string };
}

export const ROLE_INFO: Record<Role, RoleInfo> = {
  county_admin: {
    homeLevels: ['county'],
    app: 'county',
    label: { zh: '县换届办管理员', en: 'County admin' },
  },
  county_leader: {
    homeLevels: ['county'],
    app: 'county',
    label: { zh: '县领导', en: 'County leader' },
  },
  county_supervisor: {
    homeLevels: ['county'],
    app: 'county',
    label: { zh: '县督导组', en: 'County supervisor' },
  },
  township_coordinator: {
    homeLevels: ['township'],
    app: 'township',
    label: { zh: '乡镇选举办', en: 'Township coordinator' },
  },
  guidance_member: {
    homeLevels: ['township'],
    app: 'village',
    label: { zh: '指导组成员', en: 'Guidance member' },
  },
  village_clerk: {
    homeLevels: ['village', 'community'],
    app: 'village',
    label: { zh: '村(社区)信息员', en: 'Village clerk' },
  },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function appOfRole(role: Role): App {
  return ROLE_INFO[role].app;
}

export function roleFitsRegion(role: Role, level: RegionLevel): boolean {
  return ROLE_INFO[role].homeLevels.includes(level);
}
