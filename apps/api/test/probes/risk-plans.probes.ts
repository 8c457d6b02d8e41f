import { cadres, queryRows, riskMeasures, riskPlans } from '@huanjie/db';
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
 * Risk villages (一村一策): a plan, a measure or a level change of another region does not exist
 * for the caller; a write there is refused and writes nothing (no plan, measure or audit entry).
 */

const VILLAGES = ['t01v001', 't01v002', 't02v003'] as const;

interface Fixture {
  plan: string;
  measure: string;
}

const cache = new WeakMap<TestApi, Promise<Record<string, Fixture>>>();

/** Per village: a 难点 level, a plan owned by a county cadre, one open measure (in the database). */
function fixtures(api: TestApi): Promise<Record<string, Fixture>> {
  let pending = cache.get(api);
  if (!pending) {
    pending = (async () => {
      const campaignId = await ensureCampaign(api);
      const admin = api.demo.userIds.get('county.admin')!;
      const [cadre] = await api.database.db
        .insert(cadres)
        .values({ regionId: api.demo.countyId, name: '探针干部', gender: 'male', rank: 'section' })
        .returning({ id: cadres.id });
      const out: Record<string, Fixture> = {};
      for (const key of VILLAGES) {
        const regionId = api.demo.regionIds.get(key)!;
        const regionPath = api.demo.regionPaths.get(key)!;
        await api.database.db.execute(sql`
          insert into village_risks (campaign_id, region_id, region_path, level, reason, set_by, set_by_role)
          values (${campaignId}, ${regionId}, ${regionPath}, 'difficult', '探针', ${admin}, 'county_admin')
          on conflict (campaign_id, region_id) do update set level = 'difficult'`);
        await api.database.db.execute(sql`delete from risk_measures where plan_id in
          (select id from risk_plans where campaign_id = ${campaignId} and region_id = ${regionId})`);
        await api.database.db.execute(
          sql`delete from risk_plans where campaign_id = ${campaignId} and region_id = ${regionId}`,
        );
        const [plan] = await api.database.db
          .insert(riskPlans)
          .values({
            campaignId,
            regionId,
            regionPath,
            ownerCadreId: cadre!.id,
            planDate: '2026-01-05',
            summary: '探针',
            createdBy: admin,
          })
          .returning({ id: riskPlans.id });
        const [measure] = await api.database.db
          .insert(riskMeasures)
          .values({
            planId: plan!.id,
            regionPath,
            description: '探针',
            deadline: '2026-01-10',
            createdBy: admin,
          })
          .returning({ id: riskMeasures.id });
        out[key] = {
          plan: `RiskPlan:${String(plan!.id)}`,
          measure: `RiskMeasure:${String(measure!.id)}`,
        };
      }
      out.cadre = { plan: `Cadre:${String(cadre!.id)}`, measure: '' };
      return out;
    })();
    cache.set(api, pending);
  }
  return pending;
}

const path = (api: TestApi, key: string) => api.demo.regionPaths.get(key)!;
const inScope = (api: TestApi, caller: Caller, key: string) =>
  isWithinAny(path(api, key), caller.scope);
const allowed = (api: TestApi, caller: Caller, action: Action, key: string) =>
  allows(caller.role, action) && inScope(api, caller, key);

function checkAnswer(api: TestApi, caller: Caller, value: unknown) {
  const json = JSON.stringify(value ?? null);
  for (const [, id] of json.matchAll(/"(Region:\d+)"/g)) {
    const key = [...api.demo.regionIds].find(([, n]) => `Region:${String(n)}` === id)?.[0];
    expect(key, `${caller.username} got unknown ${String(id)}`).toBeDefined();
    expect(inScope(api, caller, key!), `${caller.username} got ${String(id)}`).toBe(true);
  }
}

async function counts(api: TestApi) {
  const [row] = await queryRows<{ p: number; m: number; a: number; u: string }>(
    api.database.db,
    sql`select (select count(*)::int from risk_plans) as p, (select count(*)::int from risk_measures) as m,
      (select count(*)::int from audit_log) as a,
      (select coalesce(string_agg(id || ':' || version, ',' order by id), '') from risk_plans) as u`,
  );
  return row;
}

async function versionOf(api: TestApi, planGid: string) {
  const [row] = await queryRows<{ version: number }>(
    api.database.db,
    sql`select version from risk_plans where id = ${Number(planGid.split(':')[1])}`,
  );
  return row?.version ?? 1;
}

async function probeMutation(
  api: TestApi,
  caller: Caller,
  query: string,
  variables: Record<string, unknown>,
  expectAllowed: boolean,
) {
  const before = await counts(api);
  const res = await api.gql<Record<string, { __typename: string }>>(query, variables, {
    token: caller.token,
  });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const typename = Object.values(res.data ?? {})[0]?.__typename ?? '';
  if (expectAllowed) {
    expect(refusalType(typename), `${caller.username}: ${JSON.stringify(res.data)}`).not.toBe(
      'refused',
    );
    checkAnswer(api, caller, res.data);
  } else {
    expect(refusalType(typename), `${caller.username}: ${JSON.stringify(variables)}`).toBe(
      'refused',
    );
    expect(await counts(api)).toEqual(before);
  }
}

const RESULT = `{ __typename ... on RiskPlan { id village { id } } }`;

async function eachVillage(
  api: TestApi,
  caller: Caller,
  action: Action,
  call: (
    f: Fixture,
    key: string,
  ) => [string, Record<string, unknown>] | Promise<[string, Record<string, unknown>]>,
) {
  const ids = await fixtures(api);
  for (const key of VILLAGES) {
    const [query, variables] = await call(ids[key]!, key);
    await probeMutation(api, caller, query, variables, allowed(api, caller, action, key));
  }
}

function readProbe(query: string, arg: (api: TestApi, key: string) => Record<string, unknown>) {
  return async (api: TestApi, caller: Caller) => {
    await fixtures(api);
    for (const key of VILLAGES) {
      const res = await api.gql(query, arg(api, key), { token: caller.token });
      if (inScope(api, caller, key)) {
        expect(errorCodes(res), `${caller.username} on ${key}`).toEqual([]);
        checkAnswer(api, caller, res.data);
      } else {
        expect(res.data ?? null).toBeNull();
        expect(refusal(res), `${caller.username} on ${key}`).toBe('refused');
      }
    }
  };
}

export const riskPlanProbes: ProbeModule = {
  probes: {
    'Query.villageRiskPlan': readProbe(
      'query($v: ID!) { villageRiskPlan(villageId: $v) { plan { id village { id } } history { id reason } } }',
      (api, key) => ({ v: api.regionGid(key) }),
    ),
    'Query.riskPlans': async (api, caller) => {
      await fixtures(api);
      for (const escalated of [false, true]) {
        const res = await api.gql(
          'query($e: Boolean) { riskPlans(escalatedOnly: $e) { id village { id } } }',
          { e: escalated },
          { token: caller.token },
        );
        expect(errorCodes(res).filter((c) => c !== 'NOT_FOUND')).toEqual([]);
        checkAnswer(api, caller, res.data);
      }
    },
    'Mutation.createRiskPlan': (api, caller) =>
      eachVillage(api, caller, 'risk.set', async (_f, key) => {
        const ids = await fixtures(api);
        return [
          `mutation($v: ID!, $i: RiskPlanInput!) { createRiskPlan(villageId: $v, input: $i) ${RESULT} }`,
          {
            v: api.regionGid(key),
            i: { ownerCadreId: ids.cadre!.plan, planDate: '2026-01-05', summary: '探针' },
          },
        ];
      }),
    'Mutation.updateRiskPlan': (api, caller) =>
      eachVillage(api, caller, 'risk.set', async (f) => {
        const ids = await fixtures(api);
        return [
          `mutation($p: ID!, $e: Int!, $i: RiskPlanInput!) { updateRiskPlan(planId: $p, expectedVersion: $e, input: $i) ${RESULT} }`,
          {
            p: f.plan,
            e: await versionOf(api, f.plan),
            i: { ownerCadreId: ids.cadre!.plan, planDate: '2026-01-05', summary: '探针改' },
          },
        ];
      }),
    'Mutation.addRiskMeasure': (api, caller) =>
      eachVillage(api, caller, 'risk.set', (f) => [
        `mutation($p: ID!) { addRiskMeasure(planId: $p, description: "探针", deadline: "2026-02-01") ${RESULT} }`,
        { p: f.plan },
      ]),
    'Mutation.completeRiskMeasure': (api, caller) =>
      eachVillage(api, caller, 'risk.set', (f) => [
        `mutation($m: ID!) { completeRiskMeasure(measureId: $m, doneOn: "2026-01-08") ${RESULT} }`,
        { m: f.measure },
      ]),
    'Mutation.dropRiskMeasure': (api, caller) =>
      eachVillage(api, caller, 'risk.set', (f) => [
        `mutation($m: ID!) { dropRiskMeasure(measureId: $m, reason: "探针") ${RESULT} }`,
        { m: f.measure },
      ]),
    'Mutation.escalateRiskPlan': (api, caller) =>
      eachVillage(api, caller, 'risk.escalate', async (f) => [
        `mutation($p: ID!, $e: Int!) { escalateRiskPlan(planId: $p, expectedVersion: $e, note: "探针") ${RESULT} }`,
        { p: f.plan, e: await versionOf(api, f.plan) },
      ]),
    'Mutation.answerRiskPlan': (api, caller) =>
      eachVillage(api, caller, 'risk.answer', async (f) => [
        `mutation($p: ID!, $e: Int!) { answerRiskPlan(planId: $p, expectedVersion: $e, answer: "探针") ${RESULT} }`,
        { p: f.plan, e: await versionOf(api, f.plan) },
      ]),
    'Mutation.resolveRiskPlan': (api, caller) =>
      eachVillage(api, caller, 'risk.set', async (f) => [
        `mutation($p: ID!, $e: Int!) { resolveRiskPlan(planId: $p, expectedVersion: $e, resolvedOn: "2026-01-09") ${RESULT} }`,
        { p: f.plan, e: await versionOf(api, f.plan) },
      ]),
  },
  anonymousCalls: (api) => {
    const v = api.regionGid('t01v001');
    return {
      'Query.villageRiskPlan': `{ villageRiskPlan(villageId: "${v}") { plan { id } } }`,
      'Query.riskPlans': `{ riskPlans { id } }`,
      'Mutation.createRiskPlan': `mutation { createRiskPlan(villageId: "${v}", input: { ownerCadreId: "Cadre:1", planDate: "2026-01-05", summary: "x" }) { __typename } }`,
      'Mutation.updateRiskPlan': `mutation { updateRiskPlan(planId: "RiskPlan:1", expectedVersion: 1, input: { ownerCadreId: "Cadre:1", planDate: "2026-01-05", summary: "x" }) { __typename } }`,
      'Mutation.addRiskMeasure': `mutation { addRiskMeasure(planId: "RiskPlan:1", description: "x", deadline: "2026-02-01") { __typename } }`,
      'Mutation.completeRiskMeasure': `mutation { completeRiskMeasure(measureId: "RiskMeasure:1", doneOn: "2026-01-08") { __typename } }`,
      'Mutation.dropRiskMeasure': `mutation { dropRiskMeasure(measureId: "RiskMeasure:1", reason: "x") { __typename } }`,
      'Mutation.escalateRiskPlan': `mutation { escalateRiskPlan(planId: "RiskPlan:1", expectedVersion: 1, note: "x") { __typename } }`,
      'Mutation.answerRiskPlan': `mutation { answerRiskPlan(planId: "RiskPlan:1", expectedVersion: 1, answer: "x") { __typename } }`,
      'Mutation.resolveRiskPlan': `mutation { resolveRiskPlan(planId: "RiskPlan:1", expectedVersion: 1, resolvedOn: "2026-01-09") { __typename } }`,
    };
  },
};
