export const ROLES = [
  'province_admin',
  'province_leader',
  'city_admin',
  'city_leader',
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
  /** The app this role works in; the API refuses a session of this role opened for another app. */
  app: App;
  label: { zh: string; en: string };
}

export const ROLE_INFO: Record<Role, RoleInfo> = {
  // Province (省) and city (市/州) users work in the county app, a desktop app like theirs: it shows
  // them the counties below them (PRODUCT.md §1, issue 12 "Above the county").
  province_admin: {
    app: 'county',
    label: { zh: '省换届办管理员', en: 'Province admin' },
  },
  province_leader: {
    app: 'county',
    label: { zh: '省领导', en: 'Province leader' },
  },
  city_admin: {
    app: 'county',
    label: { zh: '市(州)换届办管理员', en: 'City admin' },
  },
  city_leader: {
    app: 'county',
    label: { zh: '市(州)领导', en: 'City leader' },
  },
  county_admin: {
    app: 'county',
    label: { zh: '县换届办管理员', en: 'County admin' },
  },
  county_leader: {
    app: 'county',
    label: { zh: '县领导', en: 'County leader' },
  },
  county_supervisor: {
    app: 'county',
    label: { zh: '县督导组', en: 'County supervisor' },
  },
  township_coordinator: {
    app: 'township',
    label: { zh: '乡镇选举办', en: 'Township coordinator' },
  },
  guidance_member: {
    app: 'village',
    label: { zh: '指导组成员', en: 'Guidance member' },
  },
  village_clerk: {
    app: 'village',
    label: { zh: '村(社区)信息员', en: 'Village clerk' },
  },
};

export function appOfRole(role: Role): App {
  return ROLE_INFO[role].app;
}
