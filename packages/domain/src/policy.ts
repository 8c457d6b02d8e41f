import { isWithinAny } from './regions.js';
import type { Role } from './roles.js';

/** The authenticated caller, as every service sees it. */
export interface Actor {
  userId: number;
  role: Role;
  homeRegionId: number;
  homePath: string;
  /**
   * Paths of the subtrees this actor may read. Usually the home region; a guidance member has the
   * villages assigned to them instead, a county supervisor the townships assigned to them.
   */
  scopeRoots: readonly string[];
}

export const ACTIONS = [
  'region.read',
  'user.manage',
  'region.manage',
  // a province or city admin: create a county under their province or city (its own tree is then
  // the county admin's, region.manage)
  'county.create',
  // a province or city user: read the rollup of the counties below (each county's current campaign
  // in figures); the county-shaped screens are not theirs
  'rollup.read',
  // a township's zones (片区): create, rename, delete, assign villages
  'zone.manage',
  // guidance teams (guidance.ts): read teams and coverage; build township teams; build county
  // supervision teams; keep a cadre roster; log visits and daily reports for assigned villages
  'guidance.read',
  'guidance.manage',
  'supervision.manage',
  'roster.manage',
  'guidance.log',
  // campaign workflow (stages.ts): read campaigns and progress; set up campaigns and rule sets;
  // set election days and risk levels; enter a village's stages; review them; browse the audit log
  'campaign.read',
  'campaign.manage',
  'election_day.set',
  'risk.set',
  'stage.enter',
  'stage.review',
  'audit.read',
  // candidates and results (elections/): read candidates, results and statistics; enter a
  // village's candidates and vetting; enter its election results; approve, return and amend
  // results; import the previous term's office holders
  'election.read',
  'candidate.enter',
  'result.enter',
  'result.review',
  'officeholder.import',
  // outputs (PRODUCT.md §9): write the narrative paragraphs of a township's or the county's
  // 工作总结 draft (reading and generating it needs only election.read)
  'summary.write',
  // supervision (supervision.ts): record inspections of the assigned townships and issue
  // correction orders; answer a correction order for one's township; comment on a village's record
  // and escalate it to the township; resolve an escalation
  'inspection.record',
  'correction.answer',
  'record.comment',
  'escalation.resolve',
  // complaints and reports (cases.ts): open a case; hand it to a handling group; accept,
  // investigate and close it (a handling group's member, or the office running the queue)
  'case.open',
  'case.assign',
  'case.handle',
  // risk villages (risk-plans.ts): a township escalates a 一村一策 plan to the county; the county
  // answers it (editing the plan and its measures is 'risk.set')
  'risk.escalate',
  'risk.answer',
  // representatives and group leaders (representatives.ts): record a village's 村民代表 and
  // 村民小组长 after its committee election, as its stages are entered
  'representative.enter',
] as const;
export type Action = (typeof ACTIONS)[number];

// Province and city (issue 12, "Above the county"): the admin creates counties and their admins;
// both read everything below them (the rollup per county, statistics); nothing below their level is
// theirs to write.
// Both read the audit log of everything below them, as the county leader reads the county's.
const UPPER_ADMIN: readonly Action[] = [
  'region.read',
  'user.manage',
  'county.create',
  'rollup.read',
  'campaign.read',
  'election.read',
  'audit.read',
];
const UPPER_LEADER: readonly Action[] = [
  'region.read',
  'rollup.read',
  'campaign.read',
  'election.read',
  'audit.read',
];

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  province_admin: UPPER_ADMIN,
  province_leader: UPPER_LEADER,
  city_admin: UPPER_ADMIN,
  city_leader: UPPER_LEADER,
  county_admin: [
    'region.read',
    'user.manage',
    'region.manage',
    'guidance.read',
    'supervision.manage',
    'roster.manage',
    'campaign.read',
    'campaign.manage',
    'election_day.set',
    'risk.set',
    'audit.read',
    'election.read',
    'officeholder.import',
    'summary.write',
    'record.comment',
    'case.open',
    'case.assign',
    'case.handle',
    'risk.answer',
  ],
  // PRODUCT.md §1: the leader reads everything in the county, the audit log included; comments on
  // and escalates a village's record
  county_leader: [
    'region.read',
    'guidance.read',
    'campaign.read',
    'election.read',
    'audit.read',
    'record.comment',
    'risk.answer',
  ],
  county_supervisor: [
    'region.read',
    'guidance.read',
    'campaign.read',
    'election.read',
    'inspection.record',
    'case.open',
    'case.handle',
  ],
  township_coordinator: [
    'region.read',
    // its village clerks and guidance members only (grantableRoles, accounts.ts)
    'user.manage',
    'zone.manage',
    'guidance.read',
    'guidance.manage',
    'roster.manage',
    'campaign.read',
    'election_day.set',
    'risk.set',
    'stage.enter',
    'representative.enter',
    'stage.review',
    'election.read',
    'candidate.enter',
    'result.review',
    'officeholder.import',
    'summary.write',
    'correction.answer',
    'escalation.resolve',
    'case.open',
    'case.assign',
    'case.handle',
    'risk.escalate',
  ],
  guidance_member: [
    'region.read',
    'guidance.read',
    'guidance.log',
    'campaign.read',
    'stage.enter',
    'representative.enter',
    'election.read',
    'candidate.enter',
    'result.enter',
    'case.open',
    'case.handle',
  ],
  village_clerk: [
    'region.read',
    'guidance.read',
    'campaign.read',
    'stage.enter',
    'representative.enter',
    'election.read',
    'candidate.enter',
    'result.enter',
    'case.open',
  ],
};

export interface Resource {
  /** The materialized path of the region the resource belongs to. */
  regionPath: string;
}

/** The role allows the action somewhere (county-wide objects such as a campaign's settings). */
export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

/** The one authorization rule: the role allows the action and the resource is in the actor's scope. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return (
    ROLE_ACTIONS[actor.role].includes(action) && isWithinAny(resource.regionPath, actor.scopeRoots)
  );
}

/**
 * A role whose every action is a reading (a province or city leader) writes nothing in the regions:
 * its requests run in read-only transactions, so the database itself refuses a write that a check
 * above it missed. Its own account (password, sign-out) is the one exception, kept by the API.
 */
export function writesNothing(role: Role): boolean {
  return ROLE_ACTIONS[role].every((action) => action.endsWith('.read'));
}

/**
 * The subtrees a role reads before any assignment is known. Guidance members and county
 * supervisors read only what is assigned to them, so without assignments they read nothing.
 */
export function baseScopeRoots(role: Role, homePath: string): string[] {
  switch (role) {
    case 'guidance_member':
    case 'county_supervisor':
      return [];
    case 'province_admin':
    case 'province_leader':
    case 'city_admin':
    case 'city_leader':
    case 'county_admin':
    case 'county_leader':
    case 'township_coordinator':
    case 'village_clerk':
      return [homePath];
  }
}
