import { cadres, guidanceTeams, queryRows } from '@huanjie/db';
import type { Action } from '@huanjie/domain';
import { isWithinAny } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { ensureCampaign } from '../guidance-fixtures.js';
import type { TestApi } from '../harness.js';
import { errorCodes, refusal, refusalType } from '../harness.js';
import { allows } from '../permissions.js';
import type { Caller, ProbeModule } from './types.js';

/**
 * Guidance teams: every root field refuses a caller outside its scope with FORBIDDEN (queries) or
 * a ForbiddenError (mutations), changes nothing then, and never returns a region outside it.
 */

interface Fixtures {
  campaignId: number;
  /** A roster cadre without a login, and a team, per owner key ('c', 't01', 't02'). */
  cadre: Record<string, string>;
  team: Record<string, string>;
}

const cache = new WeakMap<TestApi, Promise<Fixtures>>();

function fixtures(api: TestApi): Promise<Fixtures> {
  let pending = cache.get(api);
  if (!pending) {
    pending = build(api);
    cache.set(api, pending);
  }
  return pending;
}

async function build(api: TestApi): Promise<Fixtures> {
  const campaignId = await ensureCampaign(api);
  const result: Fixtures = { campaignId, cadre: {}, team: {} };
  for (const key of ['c', 't01', 't02']) {
    const regionId = api.demo.regionIds.get(key)!;
    const [cadre] = await api.database.db
      .insert(cadres)
      .values({ regionId, name: `探针干部${key}`, gender: 'male', rank: 'staff' })
      .returning({ id: cadres.id });
    const [team] = await api.database.db
      .insert(guidanceTeams)
      .values({
        kind: key === 'c' ? 'supervision' : 'guidance',
        campaignId,
        regionId,
        regionPath: api.demo.regionPaths.get(key)!,
        name: `探针组${key}`,
      })
      .returning({ id: guidanceTeams.id });
    result.cadre[key] = `Cadre:${String(cadre!.id)}`;
    result.team[key] = `GuidanceTeam:${String(team!.id)}`;
  }
  return result;
}

const OWNERS = ['c', 't01', 't02'] as const;
const VILLAGES = ['t01v001', 't01v002', 't02v003'] as const;
const ALL = [...OWNERS, ...VILLAGES];

const path = (api: TestApi, key: string) => api.demo.regionPaths.get(key)!;
const inScope = (api: TestApi, caller: Caller, key: string) =>
  isWithinAny(path(api, key), caller.scope);
const allowed = (api: TestApi, caller: Caller, action: Action, key: string) =>
  allows(caller.role, action) && inScope(api, caller, key);

/** Every "Region:n" id in a response lies in the caller's scope. */
function regionIdsInScope(api: TestApi, caller: Caller, value: unknown) {
  const json = JSON.stringify(value ?? null);
  for (const [, id] of json.matchAll(/"(Region:\d+)"/g)) {
    const key = [...api.demo.regionIds].find(([, n]) => `Region:${String(n)}` === id)?.[0];
    expect(key, `${caller.username} got unknown ${String(id)}`).toBeDefined();
    expect(inScope(api, caller, key!), `${caller.username} got ${String(id)}`).toBe(true);
  }
}

/** A query on one region: FORBIDDEN outside the scope, in-scope data only inside it. */
async function probeRegionQuery(
  api: TestApi,
  caller: Caller,
  keys: readonly string[],
  query: string,
  variable: string,
) {
  for (const key of keys) {
    const res = await api.gql(query, { [variable]: api.regionGid(key) }, { token: caller.token });
    if (inScope(api, caller, key)) {
      expect(errorCodes(res), `${caller.username} on ${key}`).not.toContain('FORBIDDEN');
      regionIdsInScope(api, caller, res.data);
    } else {
      expect(res.data ?? null, `${caller.username} must not read ${key}`).toBeNull();
      expect(refusal(res), `${caller.username} on ${key}`).toBe('refused');
    }
  }
}

async function tableCount(api: TestApi, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    api.database.db,
    sql.raw(`select count(*)::int as n from ${table}`),
  );
  return row?.n ?? 0;
}

/** A mutation: accepted where expected; otherwise a ForbiddenError that wrote nothing. */
async function probeMutation(
  api: TestApi,
  caller: Caller,
  query: string,
  variables: Record<string, unknown>,
  expectAllowed: boolean,
  table: string,
) {
  const before = await tableCount(api, table);
  const auditBefore = await tableCount(api, 'audit_log');
  const res = await api.gql<Record<string, { __typename: string }>>(query, variables, {
    token: caller.token,
  });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const typename = Object.values(res.data ?? {})[0]?.__typename ?? '';
  if (expectAllowed) {
    expect(typename, `${caller.username}: ${JSON.stringify(res.data)}`).not.toBe('ForbiddenError');
    regionIdsInScope(api, caller, res.data);
  } else {
    expect(refusalType(typename), `${caller.username}: ${JSON.stringify(variables)}`).toBe(
      'refused',
    );
    expect(await tableCount(api, table)).toBe(before);
    expect(await tableCount(api, 'audit_log')).toBe(auditBefore);
  }
}

const TEAM_RESULT = `{ __typename ... on GuidanceTeam { id assignments { region { id } } } }`;
let counter = 0;
const unique = (prefix: string) => `${prefix}${String((counter += 1))}`;

/** Whether the caller manages teams owned by this key (a township's coordinator; the county admin). */
function managesTeams(api: TestApi, caller: Caller, owner: string) {
  return allowed(api, caller, owner === 'c' ? 'supervision.manage' : 'guidance.manage', owner);
}

/** Whether the caller keeps this roster (their own level's, with roster.manage). */
function keepsRoster(api: TestApi, caller: Caller, owner: string) {
  return (
    allowed(api, caller, 'roster.manage', owner) &&
    caller.scope.length === 1 &&
    caller.scope[0] === path(api, owner)
  );
}

export const guidance: ProbeModule = {
  probes: {
    'Query.cadres': async (api, caller) => {
      await fixtures(api);
      await probeRegionQuery(
        api,
        caller,
        OWNERS,
        'query($r: ID!) { cadres(regionId: $r) { id name } }',
        'r',
      );
    },
    'Query.cadreRosterTemplate': async (api, caller) => {
      await probeRegionQuery(
        api,
        caller,
        OWNERS,
        'query($r: ID!) { cadreRosterTemplate(regionId: $r) { fileName } }',
        'r',
      );
    },
    'Query.guidanceBoard': async (api, caller) => {
      await fixtures(api);
      await probeRegionQuery(
        api,
        caller,
        ALL,
        `query($t: ID!) { guidanceBoard(townshipId: $t) { township { id }
          villages { id } zones { id villageIds } findings { villageIds }
          teams { assignments { region { id } } } cadres { regionIds } } }`,
        't',
      );
    },
    'Query.countyGuidance': async (api, caller) => {
      await fixtures(api);
      await probeRegionQuery(
        api,
        caller,
        ALL,
        `query($c: ID!) { countyGuidance(countyId: $c) { county { id } townships { township { id } }
          teams { assignments { region { id } } } findings { townshipIds } } }`,
        'c',
      );
    },
    'Query.villageGuidance': async (api, caller) => {
      await fixtures(api);
      await probeRegionQuery(
        api,
        caller,
        ALL,
        `query($v: ID!) { villageGuidance(villageId: $v) { village { id }
          teams { assignments { region { id } } } } }`,
        'v',
      );
    },
    'Query.visitLogs': async (api, caller) => {
      await fixtures(api);
      await probeRegionQuery(
        api,
        caller,
        ALL,
        'query($r: ID!) { visitLogs(regionId: $r) { id village { id } } }',
        'r',
      );
    },
    'Query.dailyReports': async (api, caller) => {
      await fixtures(api);
      await probeRegionQuery(
        api,
        caller,
        ALL,
        'query($r: ID!) { dailyReports(regionId: $r) { id village { id } } }',
        'r',
      );
    },
    'Query.missingDailyReports': async (api, caller) => {
      await fixtures(api);
      await probeRegionQuery(
        api,
        caller,
        ALL,
        'query($t: ID!) { missingDailyReports(townshipId: $t) { total missing { village { id } } } }',
        't',
      );
    },

    'Mutation.createCadre': async (api, caller) => {
      for (const owner of OWNERS) {
        await probeMutation(
          api,
          caller,
          `mutation($r: ID!, $i: CadreInput!) { createCadre(regionId: $r, input: $i) { __typename } }`,
          {
            r: api.regionGid(owner),
            i: { name: unique('探针'), gender: 'female', rank: 'staff' },
          },
          keepsRoster(api, caller, owner),
          'cadres',
        );
      }
    },
    'Mutation.updateCadre': async (api, caller) => {
      const f = await fixtures(api);
      for (const owner of OWNERS) {
        await probeMutation(
          api,
          caller,
          `mutation($id: ID!, $i: CadreInput!) { updateCadre(id: $id, input: $i) { __typename } }`,
          { id: f.cadre[owner], i: { name: `探针干部${owner}`, gender: 'male', rank: 'staff' } },
          keepsRoster(api, caller, owner),
          'audit_log',
        );
      }
    },
    'Mutation.deleteCadre': async (api, caller) => {
      for (const owner of OWNERS) {
        const [row] = await api.database.db
          .insert(cadres)
          .values({
            regionId: api.demo.regionIds.get(owner)!,
            name: unique('待删'),
            gender: 'male',
            rank: 'staff',
          })
          .returning({ id: cadres.id });
        await probeMutation(
          api,
          caller,
          `mutation($id: ID!) { deleteCadre(id: $id) { __typename } }`,
          { id: `Cadre:${String(row!.id)}` },
          keepsRoster(api, caller, owner),
          'cadres',
        );
      }
    },
    'Mutation.importCadres': async (api, caller) => {
      for (const owner of OWNERS) {
        await probeMutation(
          api,
          caller,
          `mutation($r: ID!, $c: String!) { importCadres(regionId: $r, contentBase64: $c) { __typename } }`,
          { r: api.regionGid(owner), c: Buffer.from('not a sheet').toString('base64') },
          keepsRoster(api, caller, owner),
          'cadres',
        );
      }
    },
    'Mutation.createGuidanceTeam': async (api, caller) => {
      await fixtures(api);
      for (const owner of [...OWNERS, 't01v001']) {
        const res = await api.gql<{ createGuidanceTeam: { __typename: string } }>(
          `mutation($o: ID!, $n: String!) { createGuidanceTeam(ownerId: $o, name: $n) { __typename } }`,
          { o: api.regionGid(owner), n: unique('探针新组') },
          { token: caller.token },
        );
        const typename = res.data?.createGuidanceTeam.__typename;
        if (owner !== 't01v001' && managesTeams(api, caller, owner)) {
          expect(typename, caller.username).toBe('GuidanceTeam');
        } else if (owner === 't01v001' && allowed(api, caller, 'guidance.manage', owner)) {
          expect(typename).toBe('ValidationError');
        } else expect(refusalType(typename), `${caller.username} on ${owner}`).toBe('refused');
      }
    },
    'Mutation.updateGuidanceTeam': async (api, caller) => {
      const f = await fixtures(api);
      for (const owner of OWNERS) {
        await probeMutation(
          api,
          caller,
          `mutation($id: ID!, $n: String) { updateGuidanceTeam(id: $id, name: $n) ${TEAM_RESULT} }`,
          { id: f.team[owner], n: unique(`探针组${owner}-`) },
          managesTeams(api, caller, owner),
          'audit_log',
        );
      }
    },
    'Mutation.deleteGuidanceTeam': async (api, caller) => {
      const f = await fixtures(api);
      for (const owner of OWNERS) {
        const [team] = await api.database.db
          .insert(guidanceTeams)
          .values({
            kind: owner === 'c' ? 'supervision' : 'guidance',
            campaignId: f.campaignId,
            regionId: api.demo.regionIds.get(owner)!,
            regionPath: path(api, owner),
            name: unique('待删组'),
          })
          .returning({ id: guidanceTeams.id });
        await probeMutation(
          api,
          caller,
          `mutation($id: ID!) { deleteGuidanceTeam(id: $id) { __typename } }`,
          { id: `GuidanceTeam:${String(team!.id)}` },
          managesTeams(api, caller, owner),
          'guidance_teams',
        );
      }
    },
    'Mutation.setTeamMember': async (api, caller) => {
      const f = await fixtures(api);
      for (const owner of OWNERS) {
        await probeMutation(
          api,
          caller,
          `mutation($t: ID!, $c: ID!, $r: TeamRole!) { setTeamMember(teamId: $t, cadreId: $c, role: $r) ${TEAM_RESULT} }`,
          {
            t: f.team[owner],
            c: f.cadre[owner],
            r: owner === 'c' ? 'supervisor' : (['leader', 'cadre'][counter++ % 2] ?? 'cadre'),
          },
          managesTeams(api, caller, owner),
          'audit_log',
        );
      }
    },
    'Mutation.removeTeamMember': async (api, caller) => {
      const f = await fixtures(api);
      for (const owner of OWNERS) {
        await api.database.db.execute(sql`
          insert into guidance_team_members (team_id, cadre_id, role)
          values (${Number(f.team[owner]!.split(':')[1])}, ${Number(f.cadre[owner]!.split(':')[1])},
            ${owner === 'c' ? 'supervisor' : 'cadre'})
          on conflict do nothing`);
        await probeMutation(
          api,
          caller,
          `mutation($t: ID!, $c: ID!) { removeTeamMember(teamId: $t, cadreId: $c) ${TEAM_RESULT} }`,
          { t: f.team[owner], c: f.cadre[owner] },
          managesTeams(api, caller, owner),
          'guidance_team_members',
        );
      }
    },
    'Mutation.assignTeam': async (api, caller) => {
      const f = await fixtures(api);
      const targets: [string, string][] = [
        ['t01', 't01v002'],
        ['t02', 't02v003'],
        ['c', 't02'],
      ];
      for (const [owner, target] of targets) {
        await probeMutation(
          api,
          caller,
          `mutation($t: ID!, $r: ID) { assignTeam(teamId: $t, regionId: $r) ${TEAM_RESULT} }`,
          { t: f.team[owner], r: api.regionGid(target) },
          managesTeams(api, caller, owner),
          'audit_log',
        );
      }
    },
    'Mutation.unassignTeam': async (api, caller) => {
      const f = await fixtures(api);
      const targets: [string, string][] = [
        ['t01', 't01v001'],
        ['t02', 't02v001'],
        ['c', 't01'],
      ];
      for (const [owner, target] of targets) {
        await api.database.db.execute(sql`
          insert into guidance_team_assignments (team_id, region_id)
          values (${Number(f.team[owner]!.split(':')[1])}, ${api.demo.regionIds.get(target)!})
          on conflict do nothing`);
        await probeMutation(
          api,
          caller,
          `mutation($t: ID!, $r: ID) { unassignTeam(teamId: $t, regionId: $r) ${TEAM_RESULT} }`,
          { t: f.team[owner], r: api.regionGid(target) },
          managesTeams(api, caller, owner),
          'guidance_team_assignments',
        );
      }
    },
    'Mutation.setVillageResponsibility': async (api, caller) => {
      const f = await fixtures(api);
      for (const village of ['t01v001', 't02v003'] as const) {
        const owner = village.slice(0, 3);
        await probeMutation(
          api,
          caller,
          `mutation($v: ID!, $c: [ID!]!) { setVillageResponsibility(villageId: $v, kind: first, cadreIds: $c) {
            __typename ... on VillageResponsibility { village { id } } } }`,
          { v: api.regionGid(village), c: [f.cadre[owner]] },
          allowed(api, caller, 'guidance.manage', village),
          'audit_log',
        );
      }
    },
    'Mutation.logVisit': async (api, caller) => {
      await fixtures(api);
      for (const village of VILLAGES) {
        await probeMutation(
          api,
          caller,
          `mutation($i: VisitInput!) { logVisit(input: $i) { __typename ... on VisitLog { village { id } } } }`,
          {
            i: {
              villageId: api.regionGid(village),
              kind: 'visit',
              date: '2020-01-01',
              withWhom: '村民',
              topic: '探针',
              outcome: '探针',
              followUpNeeded: false,
            },
          },
          allowed(api, caller, 'guidance.log', village),
          'visit_logs',
        );
      }
    },
    'Mutation.submitDailyReport': async (api, caller) => {
      await fixtures(api);
      for (const village of VILLAGES) {
        await probeMutation(
          api,
          caller,
          `mutation($i: DailyReportInput!) { submitDailyReport(input: $i) { __typename } }`,
          { i: { villageId: api.regionGid(village), status: 'on_track' } },
          allowed(api, caller, 'guidance.log', village),
          'daily_reports',
        );
      }
    },
  },
  anonymousCalls: (api) => {
    const r = api.regionGid('t01');
    const v = api.regionGid('t01v001');
    return {
      'Query.cadres': `{ cadres(regionId: "${r}") { id } }`,
      'Query.cadreRosterTemplate': `{ cadreRosterTemplate(regionId: "${r}") { fileName } }`,
      'Query.guidanceBoard': `{ guidanceBoard(townshipId: "${r}") { villages { id } } }`,
      'Query.countyGuidance': `{ countyGuidance(countyId: "${api.regionGid('c')}") { county { id } } }`,
      'Query.villageGuidance': `{ villageGuidance(villageId: "${v}") { village { id } } }`,
      'Query.visitLogs': `{ visitLogs(regionId: "${v}") { id } }`,
      'Query.dailyReports': `{ dailyReports(regionId: "${v}") { id } }`,
      'Query.missingDailyReports': `{ missingDailyReports(townshipId: "${r}") { total } }`,
      'Mutation.createCadre': `mutation { createCadre(regionId: "${r}", input: { name: "x", gender: male, rank: staff }) { __typename } }`,
      'Mutation.updateCadre': `mutation { updateCadre(id: "Cadre:1", input: { name: "x", gender: male, rank: staff }) { __typename } }`,
      'Mutation.deleteCadre': `mutation { deleteCadre(id: "Cadre:1") { __typename } }`,
      'Mutation.importCadres': `mutation { importCadres(regionId: "${r}", contentBase64: "") { __typename } }`,
      'Mutation.createGuidanceTeam': `mutation { createGuidanceTeam(ownerId: "${r}", name: "x") { __typename } }`,
      'Mutation.updateGuidanceTeam': `mutation { updateGuidanceTeam(id: "GuidanceTeam:1", name: "x") { __typename } }`,
      'Mutation.deleteGuidanceTeam': `mutation { deleteGuidanceTeam(id: "GuidanceTeam:1") { __typename } }`,
      'Mutation.setTeamMember': `mutation { setTeamMember(teamId: "GuidanceTeam:1", cadreId: "Cadre:1", role: cadre) { __typename } }`,
      'Mutation.removeTeamMember': `mutation { removeTeamMember(teamId: "GuidanceTeam:1", cadreId: "Cadre:1") { __typename } }`,
      'Mutation.assignTeam': `mutation { assignTeam(teamId: "GuidanceTeam:1", regionId: "${v}") { __typename } }`,
      'Mutation.unassignTeam': `mutation { unassignTeam(teamId: "GuidanceTeam:1", regionId: "${v}") { __typename } }`,
      'Mutation.setVillageResponsibility': `mutation { setVillageResponsibility(villageId: "${v}", kind: first, cadreIds: []) { __typename } }`,
      'Mutation.logVisit': `mutation { logVisit(input: { villageId: "${v}", kind: visit, date: "2020-01-01", withWhom: "x", topic: "x", outcome: "x", followUpNeeded: false }) { __typename } }`,
      'Mutation.submitDailyReport': `mutation { submitDailyReport(input: { villageId: "${v}", status: on_track }) { __typename } }`,
    };
  },
};
