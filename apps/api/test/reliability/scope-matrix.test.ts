import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLSchema,
} from 'graphql';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  validate,
} from 'graphql';
import { queryRows } from '@huanjie/db';
import type { Action, Role } from '@huanjie/domain';
import { ROLES, appOfRole, isWithinAny, todayInChina } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { QUERY_LIMITS } from '../../src/graphql/apollo.js';
import { listCostLimit } from '../../src/graphql/list-cost.js';
import { TINY_JPEG } from '../campaign-helpers.js';
import type { GqlResponse } from '../harness.js';
import { allows } from '../permissions.js';
import type { Caller } from '../probes/types.js';
import { SECOND_COUNTY_PREFIX, scopeFromTables, startTwoCountyApi } from './two-counties.js';

/**
 * The scope matrix: every Query and Mutation field of the printed schema × every role × two regions
 * per role. Each caller calls each field twice: aimed at its own region (ids of records inside its
 * scope) and aimed at the other region of its role (ids of records there). Every response is walked
 * for ids ("Type:n" anywhere, including id lists), each id's region is looked up in the database,
 * and an id of a region outside the caller's scope (other than the ancestors of its scope, which
 * breadcrumbs show) is a leak. A mutation aimed at the other region must be refused with a typed
 * error and leave the database as it was: row counts, the audit log, and a digest of every row
 * belonging to the other region. A call aimed at the caller's own region whose action PRODUCT.md
 * does not give the role (permissions.ts) must be refused the same way.
 */

const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
/** Public or session-only fields: login would only sign in; the logouts would end the caller's sessions. */
const SKIPPED = new Set([
  'Mutation.login',
  'Mutation.logout',
  'Mutation.logoutEverywhere',
  // names no record: it changes the caller's own password (accounts.test.ts)
  'Mutation.changePassword',
]);
/** Tables a refused call may legitimately write (sessions, throttling). */
const BOOKKEEPING_TABLES = new Set(['login_attempts', 'sessions', '__drizzle_migrations']);
/** Error codes that are typed refusals; INTERNAL_SERVER_ERROR and anything unknown is a failure. */
const TYPED_CODES = new Set([
  'FORBIDDEN',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'WRONG_APP',
  'BAD_USER_INPUT',
  'VALIDATION',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
]);
const GID = /^([A-Z][A-Za-z]+):(\d{1,10})$/;

/** Which record type an ID argument names, by argument name (id: by the field's name). */
const ID_ARG_TYPES: Record<string, string> = {
  unitId: 'ElectionUnit',
  unitElectionId: 'UnitElection',
  villageId: 'Region',
  regionId: 'Region',
  townshipId: 'Region',
  countyId: 'Region',
  ownerId: 'Region',
  campaignId: 'Campaign',
  ruleSetId: 'RuleSet',
  basedOnId: 'RuleSet',
  teamId: 'GuidanceTeam',
  cadreId: 'Cadre',
  cadreIds: 'Cadre',
  leaderId: 'Cadre',
  recordId: 'StageRecord',
  photoId: 'StagePhoto',
  candidateId: 'Candidate',
  publicityId: 'Publicity',
  objectionId: 'Objection',
  personId: 'Person',
  zoneId: 'Zone',
  villageIds: 'Region',
  inspectionId: 'Inspection',
  orderId: 'CorrectionOrder',
  commentId: 'RecordComment',
  parentId: 'Region',
  intoId: 'Region',
  caseId: 'Case',
  groupId: 'Region',
  representativeId: 'VillageRepresentative',
  planId: 'RiskPlan',
  measureId: 'RiskMeasure',
  ownerCadreId: 'Cadre',
  fileId: 'StagePhoto',
};
/**
 * What each root field does, in the words of permissions.ts (any one of them suffices; team
 * fields act on a township's guidance teams or the county's supervision teams). Fields that only
 * read are not listed: PRODUCT.md lets every role read its scope.
 */
const FIELD_ACTIONS: Record<string, readonly Action[]> = {
  'Query.auditLog': ['audit.read'],
  'Query.auditChainStatus': ['audit.read'],
  'Query.accounts': ['user.manage'],
  'Mutation.createCampaign': ['campaign.manage'],
  'Mutation.updateCampaign': ['campaign.manage'],
  'Mutation.startCampaign': ['campaign.manage'],
  'Mutation.closeCampaign': ['campaign.manage'],
  'Mutation.excludeVillage': ['campaign.manage'],
  'Mutation.includeVillage': ['campaign.manage'],
  'Mutation.createRuleSet': ['campaign.manage'],
  'Mutation.changeCampaignRuleSet': ['campaign.manage'],
  'Mutation.setElectionDay': ['election_day.set', 'campaign.manage'],
  'Mutation.setVillageRisk': ['risk.set'],
  'Mutation.saveStage': ['stage.enter'],
  'Mutation.uploadStagePhoto': ['stage.enter'],
  'Mutation.reviewStage': ['stage.review'],
  'Mutation.createCadre': ['roster.manage'],
  'Mutation.updateCadre': ['roster.manage'],
  'Mutation.deleteCadre': ['roster.manage'],
  'Mutation.importCadres': ['roster.manage'],
  'Mutation.createGuidanceTeam': ['guidance.manage', 'supervision.manage'],
  'Mutation.updateGuidanceTeam': ['guidance.manage', 'supervision.manage'],
  'Mutation.deleteGuidanceTeam': ['guidance.manage', 'supervision.manage'],
  'Mutation.setTeamMember': ['guidance.manage', 'supervision.manage'],
  'Mutation.removeTeamMember': ['guidance.manage', 'supervision.manage'],
  'Mutation.assignTeam': ['guidance.manage', 'supervision.manage'],
  'Mutation.unassignTeam': ['guidance.manage', 'supervision.manage'],
  'Mutation.setVillageResponsibility': ['guidance.manage'],
  'Mutation.logVisit': ['guidance.log'],
  'Mutation.submitDailyReport': ['guidance.log'],
  'Mutation.setElectionSetup': ['candidate.enter'],
  'Mutation.saveCandidate': ['candidate.enter'],
  'Mutation.setCandidateStage': ['candidate.enter'],
  'Mutation.recordVetting': ['candidate.enter'],
  'Mutation.recordPreliminaryVotes': ['candidate.enter'],
  'Mutation.savePublicity': ['candidate.enter'],
  'Mutation.recordObjection': ['candidate.enter'],
  'Mutation.decideObjection': ['candidate.enter'],
  'Mutation.saveResultDraft': ['result.enter'],
  'Mutation.submitResult': ['result.enter'],
  'Mutation.reviewResult': ['result.review'],
  'Mutation.amendResult': ['result.review'],
  'Mutation.importPreviousTerm': ['officeholder.import'],
  'Mutation.saveWorkSummaryNarratives': ['summary.write'],
  'Mutation.recordInspection': ['inspection.record'],
  'Mutation.issueCorrectionOrder': ['inspection.record'],
  'Mutation.answerCorrectionOrder': ['correction.answer'],
  'Mutation.commentOnRecord': ['record.comment'],
  'Mutation.resolveEscalation': ['escalation.resolve'],
  'Mutation.createAccount': ['user.manage'],
  'Mutation.bulkCreateAccounts': ['user.manage'],
  'Mutation.updateAccount': ['user.manage'],
  'Mutation.setAccountDisabled': ['user.manage'],
  'Mutation.resetAccountPassword': ['user.manage'],
  'Query.regionImportTemplate': ['region.manage'],
  'Mutation.importRegions': ['region.manage'],
  // a township, village or group (region.manage), or a city or county (county.create)
  'Mutation.createRegion': ['region.manage', 'county.create'],
  'Mutation.updateRegion': ['region.manage'],
  'Mutation.mergeRegion': ['region.manage'],
  'Mutation.createZone': ['zone.manage'],
  'Mutation.updateZone': ['zone.manage'],
  'Mutation.deleteZone': ['zone.manage'],
  'Mutation.setZoneVillages': ['zone.manage'],
  'Mutation.openCase': ['case.open'],
  'Mutation.assignCase': ['case.assign'],
  'Mutation.acknowledgeCase': ['case.handle'],
  'Mutation.addCaseAction': ['case.handle'],
  'Mutation.closeCase': ['case.handle'],
  'Mutation.createRiskPlan': ['risk.set'],
  'Mutation.updateRiskPlan': ['risk.set'],
  'Mutation.addRiskMeasure': ['risk.set'],
  'Mutation.completeRiskMeasure': ['risk.set'],
  'Mutation.dropRiskMeasure': ['risk.set'],
  'Mutation.resolveRiskPlan': ['risk.set'],
  'Mutation.escalateRiskPlan': ['risk.escalate'],
  'Mutation.answerRiskPlan': ['risk.answer'],
  'Mutation.recordFollowUpItem': ['stage.enter'],
  'Mutation.saveVillageRepresentative': ['representative.enter'],
  'Mutation.removeVillageRepresentative': ['representative.enter'],
  'Mutation.saveGroupLeader': ['representative.enter'],
  'Mutation.removeGroupLeader': ['representative.enter'],
};

/** PRODUCT.md lets the role call the field (in its own scope). */
function mayCall(role: Role, field: string): boolean {
  const actions = FIELD_ACTIONS[field];
  if (field.startsWith('Mutation.') && !actions) {
    throw new Error(`${field}: add it to FIELD_ACTIONS (what it does, in permissions.ts's words)`);
  }
  return actions?.some((action) => allows(role, action)) ?? true;
}

/** Optional texts some rules require (a difficult village's reason). */
const OPTIONAL_TEXTS = new Set(['reason']);
/** The region level an argument wants, where it matters. */
const REGION_LEVEL_OF_ARG: Record<string, string> = {
  villageId: 'village',
  villageIds: 'village',
  townshipId: 'township',
  countyId: 'county',
  intoId: 'village',
  groupId: 'group',
};

/** Owner region path of every record id, per id prefix: computed from the tables, not the API. */
const OWNER_SQL: Record<string, string> = {
  Region: `select id, path from regions`,
  Zone: `select z.id, r.path from zones z join regions r on r.id = z.township_id`,
  Campaign: `select c.id, r.path from campaigns c join regions r on r.id = c.county_id`,
  // national rule sets (no county) are public: path null
  RuleSet: `select s.id, r.path from rule_sets s left join regions r on r.id = s.county_id`,
  UnitElection: `select id, region_path as path from unit_elections`,
  ElectionUnit: `select id, region_path as path from unit_elections`,
  ElectionResult: `select id, region_path as path from election_results`,
  StageRecord: `select s.id, u.region_path as path from stage_records s join unit_elections u on u.id = s.unit_election_id`,
  StagePhoto: `select id, region_path as path from stored_files`,
  Person: `select id, region_path as path from persons`,
  Candidate: `select id, region_path as path from candidates`,
  Publicity: `select id, region_path as path from publicity_notices`,
  Objection: `select o.id, p.region_path as path from publicity_objections o join publicity_notices p on p.id = o.publicity_id`,
  Cadre: `select c.id, r.path from cadres c join regions r on r.id = c.region_id`,
  GuidanceTeam: `select id, region_path as path from guidance_teams`,
  TeamAssignment: `select a.id, coalesce(r.path, zr.path, t.region_path) as path from guidance_team_assignments a
    join guidance_teams t on t.id = a.team_id left join regions r on r.id = a.region_id
    left join zones z on z.id = a.zone_id left join regions zr on zr.id = z.township_id`,
  DailyReport: `select id, region_path as path from daily_reports`,
  VisitLog: `select id, region_path as path from visit_logs`,
  VillageRisk: `select id, region_path as path from village_risks`,
  Case: `select id, region_path as path from cases`,
  CaseAction: `select id, region_path as path from case_actions`,
  RiskPlan: `select id, region_path as path from risk_plans`,
  RiskMeasure: `select id, region_path as path from risk_measures`,
  RiskLevelChange: `select id, region_path as path from risk_level_changes`,
  VillageRepresentative: `select id, region_path as path from village_representatives`,
  GroupLeader: `select id, region_path as path from villager_group_leaders`,
  User: `select u.id, r.path from users u join regions r on r.id = u.region_id`,
  Inspection: `select id, region_path as path from inspections`,
  CorrectionOrder: `select id, region_path as path from correction_orders`,
  RecordComment: `select id, region_path as path from record_comments`,
  Account: `select u.id, r.path from users u join regions r on r.id = u.region_id`,
};

interface Region {
  id: number;
  path: string;
  level: string;
}

interface Table {
  name: string;
  join: string;
  owner: string | null;
}

interface MatrixCaller extends Caller {
  /** The other region of the same role: the target of the "foreign" calls. */
  foreign: string[];
  label: string;
}

interface Tally {
  calls: number;
  answered: number;
  denials: Map<string, number>;
  foreignAimed: number;
  notAimable: number;
  idsChecked: number;
}

const tally: Tally = {
  calls: 0,
  answered: 0,
  denials: new Map(),
  foreignAimed: 0,
  notAimable: 0,
  idsChecked: 0,
};
const slow: string[] = [];
/** Foreign-aimed mutations refused for another reason than scope (input checks came first). */
const refusedOtherwise = new Map<string, Set<string>>();
const count = (code: string) => tally.denials.set(code, (tally.denials.get(code) ?? 0) + 1);

const printed: GraphQLSchema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
const queryFields = Object.values(printed.getQueryType()?.getFields() ?? {}).filter(
  (f) => !SKIPPED.has(`Query.${f.name}`),
);
const mutationFields = Object.values(printed.getMutationType()?.getFields() ?? {}).filter(
  (f) => !SKIPPED.has(`Mutation.${f.name}`),
);

describe('scope matrix: every root field × every role × two regions', () => {
  let api: Awaited<ReturnType<typeof startTwoCountyApi>>;
  let callers: MatrixCaller[];
  let owners: Map<string, string | null>;
  const byType = new Map<string, [string, string][]>();
  let regions: Region[];
  let tables: Table[];
  let today: string;
  let keyCounter = 0;

  beforeAll(async () => {
    const started = Date.now();
    api = await startTwoCountyApi();
    today = todayInChina(new Date());
    regions = await queryRows<Region>(
      api.database.db,
      sql`select id, path, level from regions order by path`,
    );
    const a = (key: string) => api.demo.regionPaths.get(key)!;
    const b = (key: string) => api.second.regionPaths.get(key)!;
    // [username, role, home region path of the first, of the second caller of the role]
    const pairs: [string, string, Role][] = [
      ['province.admin', `${SECOND_COUNTY_PREFIX}province.admin`, 'province_admin'],
      ['province.leader', `${SECOND_COUNTY_PREFIX}province.leader`, 'province_leader'],
      ['city.admin', `${SECOND_COUNTY_PREFIX}city.admin`, 'city_admin'],
      ['city.leader', `${SECOND_COUNTY_PREFIX}city.leader`, 'city_leader'],
      ['county.admin', `${SECOND_COUNTY_PREFIX}county.admin`, 'county_admin'],
      ['county.leader', `${SECOND_COUNTY_PREFIX}county.leader`, 'county_leader'],
      ['county.supervisor', `${SECOND_COUNTY_PREFIX}county.supervisor`, 'county_supervisor'],
      ['town01.coordinator', 'town02.coordinator', 'township_coordinator'],
      ['town01.guide1', 'town02.guide1', 'guidance_member'],
      ['vil01001.clerk', 'vil02003.clerk', 'village_clerk'],
    ];
    expect(
      [...new Set(pairs.map((p) => p[2]))].sort(),
      'every role of packages/domain is in the matrix',
    ).toEqual([...ROLES].sort());
    callers = [];
    for (const [first, secondName, role] of pairs) {
      const pair: MatrixCaller[] = [];
      for (const username of [first, secondName]) {
        const token = await api.login(username, appOfRole(role));
        pair.push({ username, role, token, scope: [], foreign: [], label: '' });
      }
      callers.push(...pair);
    }
    for (const c of callers) c.scope = await scopeOf(c);
    // Each caller's foreign region is the other caller of its role's scope (the other county for
    // county roles); a supervisor's, also the townships of its own county it does not supervise.
    for (let i = 0; i < callers.length; i += 2) {
      const [x, y] = [callers[i]!, callers[i + 1]!];
      x.foreign = [...y.scope];
      y.foreign = [...x.scope];
    }
    for (const c of callers) {
      if (c.role === 'county_admin' || c.role === 'county_leader') {
        const own = c.username.startsWith(SECOND_COUNTY_PREFIX) ? b('c') : a('c');
        c.foreign = [c.username.startsWith(SECOND_COUNTY_PREFIX) ? a('c') : b('c')];
        expect(c.scope).toEqual([own]);
      }
      if (c.role === 'county_supervisor') {
        const county = c.username.startsWith(SECOND_COUNTY_PREFIX) ? b('c') : a('c');
        const unsupervised = regions
          .filter((r) => r.level === 'township' && r.path.startsWith(county))
          .filter((r) => !isWithinAny(r.path, c.scope))
          .map((r) => r.path);
        c.foreign = [
          ...unsupervised,
          c.username.startsWith(SECOND_COUNTY_PREFIX) ? a('c') : b('c'),
        ];
      }
      c.label = `${c.username} (${c.role})`;
      expect(c.scope.length, `${c.label} has a scope`).toBeGreaterThan(0);
      expect(
        c.foreign.some((f) => isWithinAny(f, c.scope)),
        `${c.label} foreign ∩ scope`,
      ).toBe(false);
    }
    owners = await loadOwners();
    for (const [gid, path] of owners) {
      const type = gid.split(':')[0] ?? '';
      if (path !== null) byType.set(type, [...(byType.get(type) ?? []), [gid, path]]);
    }
    tables = await loadTables();
    process.stdout.write(
      `scope matrix: ${String(queryFields.length)} queries + ${String(mutationFields.length)} mutations × ` +
        `${String(new Set(callers.map((c) => c.role)).size)} roles × 2 regions (${String(callers.length)} callers); ` +
        `${String(owners.size)} record ids with a known region; set up in ${String(Date.now() - started)} ms\n`,
    );
  });

  afterAll(async () => {
    const denials = [...tally.denials]
      .sort((x, y) => y[1] - x[1])
      .map(([code, n]) => `${code} ${String(n)}`)
      .join(', ');
    process.stdout.write(
      `scope matrix: ${String(queryFields.length + mutationFields.length)} fields × ${String(
        new Set(callers.map((c) => c.role)).size,
      )} roles × 2 regions × 2 aims = ${String(tally.calls)} calls; ` +
        `${String(tally.answered)} answered with data, denials by code: ${denials}; ` +
        `${String(tally.foreignAimed)} mutations aimed at a foreign region (all refused), ` +
        `${String(tally.notAimable)} without a foreign target; ${String(tally.idsChecked)} returned ids checked\n`,
    );
    if (refusedOtherwise.size > 0) {
      process.stdout.write(
        `mutations refused before any scope or permission check (typed, and nothing written): ${[
          ...refusedOtherwise,
        ]
          .map(([f, set]) => `${f} [${[...set].join(' ')}]`)
          .join('; ')}\n`,
      );
    }
    if (slow.length > 0) process.stdout.write(`slow calls (> 1 s):\n  ${slow.join('\n  ')}\n`);
    await api.close();
  });

  /** What the caller may read, from the tables (assignments), not from the API's rules. */
  function scopeOf(c: Caller): Promise<string[]> {
    return scopeFromTables(api.database.db, c.username, c.role);
  }

  async function loadOwners(): Promise<Map<string, string | null>> {
    const map = new Map<string, string | null>();
    for (const [type, query] of Object.entries(OWNER_SQL)) {
      const rows = await queryRows<{ id: number; path: string | null }>(
        api.database.db,
        sql.raw(query),
      );
      for (const r of rows) map.set(`${type}:${String(r.id)}`, r.path);
    }
    return map;
  }

  /**
   * Every table with how a row's region path is found (a join and an expression; null: the table
   * is fingerprinted as a whole).
   */
  async function loadTables(): Promise<Table[]> {
    const cols = await queryRows<{ t: string; c: string }>(
      api.database.db,
      sql`select table_name as t, column_name as c from information_schema.columns
          where table_schema = 'public' and table_name in (
            select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE')`,
    );
    const byTable = new Map<string, Set<string>>();
    for (const { t, c } of cols) byTable.set(t, (byTable.get(t) ?? new Set()).add(c));
    const via = (join: string, owner: string) => ({ join, owner });
    const region = (col: string) => via(`left join regions o on o.id = x.${col}`, 'o.path');
    const owner = (t: string, c: Set<string>): { join: string; owner: string } | null => {
      if (t === 'regions') return via('', 'x.path');
      if (c.has('region_path')) return via('', 'x.region_path');
      if (c.has('region_id')) return region('region_id');
      if (c.has('township_id')) return region('township_id');
      if (c.has('county_id')) return region('county_id');
      if (c.has('unit_election_id'))
        return via('left join unit_elections o on o.id = x.unit_election_id', 'o.region_path');
      if (c.has('result_id'))
        return via('left join election_results o on o.id = x.result_id', 'o.region_path');
      if (c.has('meeting_id'))
        return via(
          'left join election_meetings m on m.id = x.meeting_id left join election_results o on o.id = m.result_id',
          'o.region_path',
        );
      if (c.has('publicity_id'))
        return via('left join publicity_notices o on o.id = x.publicity_id', 'o.region_path');
      if (c.has('candidate_id'))
        return via('left join candidates o on o.id = x.candidate_id', 'o.region_path');
      if (c.has('team_id'))
        return via('left join guidance_teams o on o.id = x.team_id', 'o.region_path');
      if (c.has('campaign_id'))
        return via(
          'left join campaigns k on k.id = x.campaign_id left join regions o on o.id = k.county_id',
          'o.path',
        );
      return null;
    };
    return [...byTable]
      .filter(([t]) => !BOOKKEEPING_TABLES.has(t))
      .map(([name, c]) => ({ name, ...(owner(name, c) ?? { join: '', owner: null }) }))
      .sort((x, y) => x.name.localeCompare(y.name));
  }

  /**
   * A fingerprint of every table per village (or township, county) its rows belong to, keyed
   * "table|path" (rows of no region under "table|-", tables without a region under "table|*"): the
   * row count and the newest row version (xmin). Any insert or update writes a row version with a
   * newer transaction id and any delete changes the count, so a write always changes it.
   */
  async function takeSnapshot(): Promise<Map<string, string>> {
    const parts = tables.map(({ name, join, owner }) => {
      const bucket = owner
        ? `coalesce((regexp_match(${owner}, '^(?:[0-9]+\\.){1,3}'))[1], '-')`
        : `'*'`;
      return `select '${name}|' || ${bucket} as k, count(*) || ' ' || max(x.xmin::text::bigint) as v from "${name}" x ${join} group by 1`;
    });
    const rows = await queryRows<{ k: string; v: string }>(
      api.database.db,
      sql.raw(parts.join(' union all ')),
    );
    return new Map(rows.map((r) => [r.k, r.v]));
  }

  /** The last snapshot taken: nothing changes the database between a call and the next one. */
  let current: Map<string, string> | undefined;
  async function snapshotBefore(): Promise<Map<string, string>> {
    current ??= await takeSnapshot();
    return current;
  }
  async function snapshotAfter(): Promise<Map<string, string>> {
    current = await takeSnapshot();
    return current;
  }

  /** The fingerprints of the regions' rows (all of them without regions). */
  function within(snap: Map<string, string>, paths?: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of snap) {
      const path = k.slice(k.indexOf('|') + 1);
      if (!paths || paths.some((p) => path.startsWith(p))) out[k] = v;
    }
    return out;
  }

  async function auditAfter(seq: number) {
    return queryRows<{ seq: number; path: string; action: string }>(
      api.database.db,
      sql`select id::int as seq, region_path as path, action from audit_log where id > ${seq} order by id`,
    );
  }
  async function lastAudit(): Promise<number> {
    const rows = await queryRows<{ n: number | null }>(
      api.database.db,
      sql`select max(id)::int as n from audit_log`,
    );
    return rows[0]?.n ?? 0;
  }

  // ---- arguments built from the schema types -------------------------------------------------

  /** A region path that is an ancestor (or the same) of one of the roots. */
  const isAncestorOfAny = (path: string, roots: readonly string[]) =>
    roots.some((r) => r.startsWith(path));

  /** An id of the type whose record lies in the target regions (else in an ancestor of them). */
  function idIn(
    type: string,
    target: string[],
    argName: string,
    avoid: string[],
    foreign: boolean,
  ): string | null {
    const level = REGION_LEVEL_OF_ARG[argName];
    const candidates = byType.get(type) ?? [];
    const fits = (path: string, gid: string) => {
      if (type !== 'Region') return true;
      const region = regions.find((r) => `Region:${String(r.id)}` === gid);
      if (!region) return false;
      if (level)
        return region.level === level || (level === 'village' && region.level === 'community');
      // a region argument without a level: the target region itself
      return target.includes(path);
    };
    const inside = candidates.filter(([gid, path]) => isWithinAny(path, target) && fits(path, gid));
    inside.sort((x, y) => x[1].length - y[1].length || x[0].localeCompare(y[0]));
    if (inside[0]) return inside[0][0];
    // fall back to a record above the target that is not also above the other region
    const above = candidates.filter(
      ([gid, path]) =>
        isAncestorOfAny(path, target) && !isAncestorOfAny(path, avoid) && fits(path, gid),
    );
    above.sort((x, y) => y[1].length - x[1].length);
    if (above[0]) return above[0][0];
    const shared = candidates.filter(
      ([gid, path]) => isAncestorOfAny(path, target) && fits(path, gid),
    );
    shared.sort((x, y) => y[1].length - x[1].length);
    if (shared[0] || !foreign) return shared[0]?.[0] ?? null;
    // aimed at the other region but it has no such record: any record outside the caller's scope
    const outside = candidates.filter(
      ([gid, path]) =>
        !isWithinAny(path, avoid) && !isAncestorOfAny(path, avoid) && fits(path, gid),
    );
    return outside[0]?.[0] ?? null;
  }

  function idTypeOf(field: GraphQLField<unknown, unknown>, argName: string): string {
    if (argName !== 'id') {
      const type = ID_ARG_TYPES[argName];
      if (!type) throw new Error(`${field.name}(${argName}: ID): add the argument to ID_ARG_TYPES`);
      return type;
    }
    const named = getNamedType(field.type).name;
    const known = Object.keys(OWNER_SQL).sort((x, y) => y.length - x.length);
    const hit =
      known.find((t) => field.name.toLowerCase().includes(t.toLowerCase())) ??
      known.find((t) => named.toLowerCase().includes(t.toLowerCase()));
    if (!hit) throw new Error(`${field.name}(id: ID): cannot tell which record it names`);
    return hit;
  }

  interface Aim {
    /** Aimed at the other region (else at the caller's own). */
    foreign: boolean;
    target: string[];
    avoid: string[];
    /** Ids used that lie in (or only above) the target. */
    aimed: string[];
  }

  function stringFor(name: string): string {
    if (/([Dd]ay|[Dd]ate|On)$|^(from|to|windowStart|windowEnd)$/.test(name)) return today;
    switch (name) {
      case 'stageCode':
        return 'audit';
      case 'mimeType':
        return 'image/jpeg';
      case 'dataBase64':
        return TINY_JPEG;
      case 'contentBase64':
        return Buffer.from('not a workbook').toString('base64');
      case 'idempotencyKey':
        keyCounter += 1;
        return `matrix-${String(keyCounter).padStart(6, '0')}`;
      case 'text':
        return '村';
      default:
        return `矩阵${name}`;
    }
  }

  function valueOf(
    field: GraphQLField<unknown, unknown>,
    name: string,
    type: GraphQLInputType,
    aim: Aim,
    depth: number,
  ): unknown {
    if (isNonNullType(type)) return valueOf(field, name, type.ofType, aim, depth);
    if (isListType(type)) {
      const item = valueOf(field, name, type.ofType, aim, depth + 1);
      return item === undefined ? [] : [item];
    }
    if (isEnumType(type)) return type.getValues()[0]?.name;
    if (isInputObjectType(type)) {
      const out: Record<string, unknown> = {};
      for (const f of Object.values(type.getFields())) {
        const v = inputValue(field, f.name, f.type, aim, depth + 1, f.defaultValue !== undefined);
        if (v !== undefined) out[f.name] = v;
      }
      return out;
    }
    switch (type.name) {
      case 'ID': {
        const idType = idTypeOf(field, name);
        const id = idIn(idType, aim.target, name, aim.avoid, aim.foreign);
        if (id === null) return undefined;
        const path = owners.get(id);
        if (path && (isWithinAny(path, aim.target) || !isAncestorOfAny(path, aim.avoid))) {
          aim.aimed.push(id);
        }
        return id;
      }
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date().toISOString();
      default:
        return stringFor(name);
    }
  }

  /** Required values always; optional ids too (they pick the record); other optionals left out. */
  function inputValue(
    field: GraphQLField<unknown, unknown>,
    name: string,
    type: GraphQLInputType,
    aim: Aim,
    depth: number,
    hasDefault: boolean,
  ): unknown {
    const isId = getNamedType(type).name === 'ID';
    const wanted = isId || OPTIONAL_TEXTS.has(name);
    if (!isNonNullType(type) && (!wanted || hasDefault)) return undefined;
    const v = valueOf(field, name, type, aim, depth);
    return v === undefined && isNonNullType(type) ? null : v;
  }

  function argsFor(field: GraphQLField<unknown, unknown>, aim: Aim): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const arg of field.args) {
      const v = inputValue(field, arg.name, arg.type, aim, 0, arg.defaultValue !== undefined);
      if (v !== undefined) out[arg.name] = v;
    }
    return out;
  }

  // ---- the calls -----------------------------------------------------------------------------

  async function call(
    kind: 'query' | 'mutation',
    field: GraphQLField<unknown, unknown>,
    caller: MatrixCaller,
    variables: Record<string, unknown>,
  ): Promise<GqlResponse> {
    tally.calls += 1;
    const t0 = Date.now();
    const res = await api.gql(document(kind, field), variables, {
      token: caller.token,
      app: appOfRole(caller.role),
    });
    const where = `${caller.label} ${kind} ${field.name}(${JSON.stringify(variables).slice(0, 300)})`;
    if (Date.now() - t0 > 1000) slow.push(`${where.slice(0, 200)} ${String(Date.now() - t0)} ms`);
    const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
    for (const code of codes) {
      expect(TYPED_CODES.has(code), `${where}: untyped error ${JSON.stringify(res.errors)}`).toBe(
        true,
      );
    }
    expect(res.status, where).toBeLessThan(500);
    const payload = res.data?.[field.name] as { __typename?: string; code?: string } | undefined;
    if (codes.length > 0) count(codes[0]!);
    else if (payload?.__typename?.endsWith('Error')) count(payload.code ?? payload.__typename);
    else tally.answered += 1;
    // Everything returned must belong to the caller's scope or lie above it (breadcrumbs).
    const seen: string[] = [];
    collectGids(res.data, seen);
    const leaks: string[] = [];
    for (const gid of seen) {
      const type = GID.exec(gid)?.[1] ?? '';
      if (!(type in OWNER_SQL))
        throw new Error(`${where}: returned ${gid}; add ${type} to OWNER_SQL`);
      tally.idsChecked += 1;
      const path = owners.has(gid) ? owners.get(gid) : await ownerOf(gid);
      if (path === null) continue; // public (the national rule sets)
      if (path === undefined) continue; // created by this call inside the caller's scope
      if (!isWithinAny(path, caller.scope) && !isAncestorOfAny(path, caller.scope)) leaks.push(gid);
    }
    expect(leaks, `${where} returned records outside the caller's scope`).toEqual([]);
    return res;
  }

  async function ownerOf(gid: string): Promise<string | null | undefined> {
    const [type, id] = gid.split(':');
    const query = OWNER_SQL[type ?? ''];
    if (!query) return undefined;
    const rows = await queryRows<{ id: number; path: string | null }>(
      api.database.db,
      sql.raw(`select * from (${query}) o where o.id = ${String(Number(id))}`),
    );
    const path = rows[0]?.path;
    if (rows[0]) owners.set(gid, path ?? null);
    return rows[0] ? (path ?? null) : undefined;
  }

  function refusalCode(res: GqlResponse, field: string): string {
    const payload = res.data?.[field] as { __typename?: string; code?: string } | undefined;
    return res.errors?.[0]?.extensions?.code ?? payload?.code ?? 'NONE';
  }

  function isRefusal(res: GqlResponse, field: string): boolean {
    const payload = res.data?.[field] as { __typename?: string } | undefined;
    return (res.errors?.length ?? 0) > 0 || (payload?.__typename?.endsWith('Error') ?? false);
  }

  for (const field of queryFields) {
    it(`Query.${field.name}`, async () => {
      for (const caller of callers) {
        for (const target of [caller.scope, caller.foreign]) {
          const avoid = target === caller.scope ? caller.foreign : caller.scope;
          const foreign = target === caller.foreign;
          const res = await call(
            'query',
            field,
            caller,
            argsFor(field, { foreign, target, avoid, aimed: [] }),
          );
          if (!foreign && !mayCall(caller.role, `Query.${field.name}`)) {
            expect(isRefusal(res, field.name), `${caller.label} Query.${field.name}`).toBe(true);
          }
        }
      }
    });
  }

  describe('mutations aimed at the other region are refused and change nothing', () => {
    for (const field of mutationFields) {
      it(`Mutation.${field.name}`, async () => {
        for (const caller of callers) {
          const aim: Aim = {
            foreign: true,
            target: caller.foreign,
            avoid: caller.scope,
            aimed: [],
          };
          const variables = argsFor(field, aim);
          if (aim.aimed.length === 0) {
            tally.notAimable += 1;
            continue;
          }
          tally.foreignAimed += 1;
          const before = within(await snapshotBefore());
          const seq = await lastAudit();
          const res = await call('mutation', field, caller, variables);
          const where = `${caller.label} Mutation.${field.name} at ${aim.aimed.join(', ')}`;
          expect(
            isRefusal(res, field.name),
            `${where} was not refused: ${JSON.stringify(res.data ?? res.errors).slice(0, 400)}`,
          ).toBe(true);
          const code = refusalCode(res, field.name);
          if (code !== 'FORBIDDEN' && code !== 'NOT_FOUND') {
            if (process.env.MATRIX_DEBUG)
              process.stdout.write(
                `${where}: ${JSON.stringify(res.data ?? res.errors).slice(0, 600)}\n${JSON.stringify(variables).slice(0, 600)}\n`,
              );
            refusedOtherwise.set(
              field.name,
              (refusedOtherwise.get(field.name) ?? new Set()).add(`${caller.role}:${code}`),
            );
          }
          expect(await auditAfter(seq), `${where} wrote to the audit log`).toEqual([]);
          expect(within(await snapshotAfter()), `${where} changed the database`).toEqual(before);
        }
      });
    }
  });

  describe('mutations aimed at the own region change nothing outside it', () => {
    for (const field of mutationFields) {
      it(`Mutation.${field.name}`, async () => {
        for (const caller of callers) {
          const aim: Aim = {
            foreign: false,
            target: caller.scope,
            avoid: caller.foreign,
            aimed: [],
          };
          const variables = argsFor(field, aim);
          const before = await snapshotBefore();
          const seq = await lastAudit();
          const res = await call('mutation', field, caller, variables);
          const where = `${caller.label} Mutation.${field.name} at its own region`;
          const written = await auditAfter(seq);
          const outside = written.filter(
            (w) => !isWithinAny(w.path, caller.scope) && !isAncestorOfAny(w.path, caller.scope),
          );
          expect(outside, `${where} audited changes outside its scope`).toEqual([]);
          const after = await snapshotAfter();
          if (!mayCall(caller.role, `Mutation.${field.name}`)) {
            expect(
              isRefusal(res, field.name),
              `${where} was not refused, and PRODUCT.md does not let a ${caller.role} do it: ${JSON.stringify(res.data ?? res.errors).slice(0, 400)}`,
            ).toBe(true);
            const code = refusalCode(res, field.name);
            if (code !== 'FORBIDDEN' && code !== 'NOT_FOUND') {
              refusedOtherwise.set(
                field.name,
                (refusedOtherwise.get(field.name) ?? new Set()).add(`${caller.role}:${code}`),
              );
            }
          }
          if (isRefusal(res, field.name)) {
            expect(written, `${where} refused but audited`).toEqual([]);
            expect(within(after), `${where} refused but wrote`).toEqual(within(before));
          } else {
            expect(within(after, caller.foreign), `${where} changed the other region`).toEqual(
              within(before, caller.foreign),
            );
          }
        }
      });
    }
  });
});

function collectGids(value: unknown, into: string[]): void {
  if (typeof value === 'string') {
    if (GID.test(value)) into.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectGids(v, into);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) collectGids(v, into);
  }
}

// ---- selections built from the schema types ----------------------------------------------------

const MAX_TOKENS = 2400;

function document(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  for (let depth = 4; depth >= 1; depth--) {
    const selection = selectionOf(field.type, depth);
    const text = `${kind} Matrix${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
    // within the API's limits, so that the call is answered and its data checked, not refused
    if (tokens(text) <= MAX_TOKENS && withinListCost(text)) return text;
  }
  throw new Error(`no selection of ${field.name} fits the token limit`);
}

function withinListCost(text: string): boolean {
  return validate(printed, parse(text), [listCostLimit(QUERY_LIMITS.maxListCost)]).length === 0;
}

function tokens(text: string): number {
  return text.split(/[\s{}():,$!]+/).filter(Boolean).length * 2;
}

function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const inner = fieldsOf(named, depth, []);
  return inner ? ` { ${inner} }` : ' { __typename }';
}

/** Fields to `depth` levels; a type nests in itself once at most (region → children → children). */
function fieldsOf(type: GraphQLNamedType, depth: number, path: string[]): string {
  if (isUnionType(type)) {
    return [
      '__typename',
      ...type.getTypes().map((t) => {
        const inner = fieldsOf(t, depth, path);
        return inner ? `... on ${t.name} { ${inner} }` : '';
      }),
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (isInterfaceType(type)) return '__typename';
  if (!isObjectType(type)) return '';
  const parts: string[] = [];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(f.type);
    if (isLeafType(named)) {
      // a photo's data URL is large and carries no ids
      if (f.name !== 'dataUrl' && f.name !== 'contentBase64') parts.push(f.name);
    } else if (depth > 1 && path.filter((t) => t === named.name).length < 2) {
      const inner = fieldsOf(named, depth - 1, [...path, type.name]);
      if (inner) parts.push(`${f.name} { ${inner} }`);
    }
  }
  if (parts.length === 0) return '';
  return parts.join(' ');
}
