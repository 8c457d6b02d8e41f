import type { Action, Role } from '@huanjie/domain';

/**
 * What each role may do inside its scope, written by hand from /work/shared/PRODUCT.md — §1 "Users
 * and levels" (quoted at each row, with its line) and the sections it points to — and not from
 * packages/domain's policy: the scope probes compare what the API does with this table, so a wrong
 * permission in the code fails a probe instead of being copied into its expected answer. The
 * actions are the domain's words for what the API guards. Each row is a base plus what the role
 * adds or takes away; the base, READ_ONLY, decides every action (a new action does not type-check
 * until it has a default there — then decide for each role below whether it differs). Where
 * PRODUCT.md does not decide a cell, the comment says how it was read.
 *
 * Reading is allowed to every role: "Every user belongs to exactly one node and sees only that
 * node's subtree, further narrowed by role" (line 20); the scope (whose subtree) is the probes'
 * business, not this table's.
 */
/**
 * Reading and nothing else: the base of every row. Every action is named here, so each has a
 * default that the rows below change.
 */
const READ_ONLY: Record<Action, boolean> = {
  'region.read': true,
  'guidance.read': true,
  'campaign.read': true,
  'election.read': true,
  'audit.read': false,
  'user.manage': false,
  'region.manage': false,
  'county.create': false,
  'rollup.read': false,
  'zone.manage': false,
  'campaign.manage': false,
  'supervision.manage': false,
  'roster.manage': false,
  'guidance.manage': false,
  'guidance.log': false,
  'election_day.set': false,
  'risk.set': false,
  'stage.enter': false,
  'stage.review': false,
  'result.review': false,
  'candidate.enter': false,
  'result.enter': false,
  'officeholder.import': false,
  'summary.write': false,
  'inspection.record': false,
  'record.comment': false,
  'correction.answer': false,
  'escalation.resolve': false,
  'case.open': false,
  'case.assign': false,
  'case.handle': false,
  'risk.escalate': false,
  'risk.answer': false,
  'representative.enter': false,
};

/** A row: the base with the role's differences. */
const row = (
  base: Record<Action, boolean>,
  changes: Partial<Record<Action, boolean>>,
): Record<Action, boolean> => ({ ...base, ...changes });

// issue 12: "province and city leaders read the rollup of everything below them … nothing is
// writable for them below their level" (risk plans and representatives included); the guidance
// teams of a township are not in their rollup; they read its audit log, as the county leader reads
// the county's
const UPPER_LEADER = row(READ_ONLY, {
  'guidance.read': false,
  'audit.read': true,
  'rollup.read': true,
});
// issue 12 "Above the county": "a province or city admin creates counties and their admins"; reads
// what lies below (the rollup)
const UPPER_ADMIN = row(UPPER_LEADER, { 'user.manage': true, 'county.create': true });

export const PERMISSIONS: Record<Role, Record<Action, boolean>> = {
  province_admin: UPPER_ADMIN,
  province_leader: UPPER_LEADER,
  // issue 12: as the province admin and leader, for the counties of its city
  city_admin: UPPER_ADMIN,
  city_leader: UPPER_LEADER,
  // line 29: "set up campaigns, rule sets, users, regions; everything a county leader can"
  county_admin: row(READ_ONLY, {
    // a county leader reads everything in the county (line 30), the audit log included
    'audit.read': true,
    'user.manage': true,
    'region.manage': true,
    'campaign.manage': true,
    // line 133: "A county assigns supervisors (督导组) to townships in the same way" (as a township
    // builds its teams from its cadre roster, line 127)
    'supervision.manage': true,
    'roster.manage': true,
    // line 43-45: the campaign the county sets up names "a day per township/village"
    'election_day.set': true,
    // not decided by PRODUCT.md (§8 line 146 says villages carry a risk level, not who sets it):
    // read as part of running the county's campaign
    'risk.set': true,
    // line 32: reviewing village submissions is the township's; line 122: "Once the township
    // approves a village's results they are locked"
    'stage.review': false,
    'result.review': false,
    // not decided by PRODUCT.md: the previous term is what 连任 is computed from (§5), read as
    // setting up the campaign
    'officeholder.import': true,
    // §9 line 154: "a work summary draft (工作总结) for a township or county"; the county office
    // writes the county's
    'summary.write': true,
    // line 29: "everything a county leader can" — comment and escalate (line 30)
    'record.comment': true,
    // issue 13: "any level can open a case"; the county's office hands cases to a handling group
    // and may handle them (§8: "handler"); it sees the reporter (issue 13: "the county admin")
    'case.open': true,
    'case.assign': true,
    'case.handle': true,
    // risk plans: county admin: "everything a county leader can"
    'risk.answer': true,
    // issue 13: "each village records its 村民代表 … and its 村民小组长"; the county reads them
    'representative.enter': false,
  }),
  // line 30: "read everything in the county; comment; escalate; approve county-level items (e.g.
  // 一肩挑 proposals)" — approving has no action yet
  county_leader: row(READ_ONLY, {
    // "read everything in the county": the audit log of every change (§9 line 158) is in the county
    'audit.read': true,
    // §9: the leader reads and generates the county's draft; writing it is the office's
    'summary.write': false,
    // line 30: "comment; escalate"
    'record.comment': true,
    // line 30: the leader reads and comments; the county opens and hands cases through its office
    'case.open': false,
    // risk plans: line 30: the leader "escalate; approve county-level items" — answering an
    // escalated 一村一策 plan
    'risk.answer': true,
    // issue 13: the village records its representatives; the leader reads them
    'representative.enter': false,
  }),
  // line 31: "read the townships assigned to them; record inspections and correction orders"
  county_supervisor: row(READ_ONLY, {
    // line 31: "record inspections and correction orders" (of the townships assigned to them)
    'inspection.record': true,
    // a supervision team (督导组) finds problems and may be the handling group of a case
    'case.open': true,
    'case.handle': true,
    // risk plans: a supervisor records inspections; risk plans are the township's and the county
    // office's; representatives: the village records them, a supervisor reads them (issue 13)
  }),
  // line 32: "build guidance teams and assign them to villages; review and approve or return village
  // submissions; township data"
  township_coordinator: row(READ_ONLY, {
    // issue 12: "a township coordinator for their township's village clerks and guidance members
    // creates, edits and disables accounts"
    'user.manage': true,
    // line 19: "A township may group villages into zones (片区) with a zone head"
    'zone.manage': true,
    // line 127: "builds guidance teams from its cadre roster"
    'roster.manage': true,
    'guidance.manage': true,
    // "township data": the township's own day (line 45: "a day per township/village") and its
    // villages' risk levels (§8 line 146)
    'election_day.set': true,
    'risk.set': true,
    // a village's stages are village submissions, which the township reviews (this line) and the
    // village enters (line 34); the township may enter one for a village that cannot (a visit
    // without a network), but never reviews what it entered itself (issue 14, item 7)
    'stage.enter': true,
    'stage.review': true,
    'result.review': true,
    // line 74: candidates pass "township approval (党委审批)", recorded on the candidate
    'candidate.enter': true,
    // "township data": its villages' previous term
    'officeholder.import': true,
    // §9 line 154: the township's own work summary draft is "township data"
    'summary.write': true,
    // "township data": the township answers the county's correction orders and the leaders'
    // escalations on its villages (issue 12: "a deadline that the township answers", "visible on
    // the township's queue")
    'correction.answer': true,
    'escalation.resolve': true,
    // the township's election office runs the case queue: opens, hands to a team, handles
    'case.open': true,
    'case.assign': true,
    'case.handle': true,
    // risk plans: issue 13: "escalation to the county" of a 一村一策 plan is the township's (it sets
    // the risk, line 146)
    'risk.escalate': true,
    // issue 13: the village records them; the township may enter them for a village that cannot, as
    // it enters a village's stages (line 32 "township data" and line 34)
    'representative.enter': true,
  }),
  // line 33: "read and enter data for the villages assigned to them; visit and talk logs; daily
  // report" (and line 131: "Guidance members see and act for their villages only")
  guidance_member: row(READ_ONLY, {
    'guidance.log': true,
    'stage.enter': true,
    'candidate.enter': true,
    'result.enter': true,
    // issue 13: "a guidance member opens a 贿选 case from the phone"; a team handles what it is given
    'case.open': true,
    'case.handle': true,
    // risk plans: a guidance member logs visits; the plan is set by the township
    'risk.escalate': false,
    // line 36: "read and enter data for the villages assigned to them"
    'representative.enter': true,
  }),
  // line 34: "enter and submit their own village's data only"
  village_clerk: row(READ_ONLY, {
    'stage.enter': true,
    'candidate.enter': true,
    'result.enter': true,
    // issue 13: "any level can open a case" (the village level included); handling is above it
    'case.open': true,
    // risk plans: a village does not grade its own risk
    'risk.escalate': false,
    // line 37: "enter and submit their own village's data only"; issue 13: "each village records its
    // 村民代表 … and its 村民小组长 / 副组长"
    'representative.enter': true,
  }),
};

/** The role may do the action (somewhere in its scope), by PRODUCT.md. */
export function allows(role: Role, action: Action): boolean {
  return PERMISSIONS[role][action];
}
