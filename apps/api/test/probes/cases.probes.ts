import { cases, queryRows } from '@huanjie/db';
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
 * Cases (信访/举报): a case of another region does not exist for the caller (refused, nothing
 * written), and the reporter's name is 匿名 for everyone but the county admin while the case has
 * no handling group.
 */

const VILLAGES = ['t01v001', 't01v002', 't02v003'] as const;
const REGIONS = ['c', 't01', 't02', ...VILLAGES] as const;
const SECRET = '探针举报人';

const cache = new WeakMap<TestApi, Promise<Record<string, string>>>();

/** One unassigned case per village, written straight to the database. */
function fixtures(api: TestApi): Promise<Record<string, string>> {
  let pending = cache.get(api);
  if (!pending) {
    pending = (async () => {
      const campaignId = await ensureCampaign(api);
      const ids: Record<string, string> = {};
      for (const key of VILLAGES) {
        const [row] = await api.database.db
          .insert(cases)
          .values({
            campaignId,
            regionId: api.demo.regionIds.get(key)!,
            regionPath: api.demo.regionPaths.get(key)!,
            channel: 'letter',
            category: 'bribery',
            severity: 'general',
            allegation: '探针',
            receivedOn: '2026-01-05',
            reporterName: SECRET,
            openedBy: api.demo.userIds.get('county.admin')!,
            openedByRole: 'county_admin',
          })
          .returning({ id: cases.id });
        ids[key] = `Case:${String(row!.id)}`;
      }
      return ids;
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

/** Nothing of another region, and no reporter's name unless the caller is the county admin. */
function checkAnswer(api: TestApi, caller: Caller, value: unknown) {
  const json = JSON.stringify(value ?? null);
  for (const [, id] of json.matchAll(/"(Region:\d+)"/g)) {
    const key = [...api.demo.regionIds].find(([, n]) => `Region:${String(n)}` === id)?.[0];
    expect(key, `${caller.username} got unknown ${String(id)}`).toBeDefined();
    expect(inScope(api, caller, key!), `${caller.username} got ${String(id)}`).toBe(true);
  }
  if (caller.role !== 'county_admin') expect(json).not.toContain(SECRET);
}

async function count(api: TestApi, table: string) {
  const [row] = await queryRows<{ n: number }>(
    api.database.db,
    sql.raw(`select count(*)::int as n from ${table}`),
  );
  return row?.n ?? 0;
}

async function probeMutation(
  api: TestApi,
  caller: Caller,
  query: string,
  variables: Record<string, unknown>,
  expectAllowed: boolean,
) {
  const before = [await count(api, 'cases'), await count(api, 'case_actions')];
  const audit = await count(api, 'audit_log');
  const res = await api.gql<Record<string, { __typename: string }>>(query, variables, {
    token: caller.token,
  });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const typename = Object.values(res.data ?? {})[0]?.__typename ?? '';
  if (expectAllowed) {
    expect(typename, `${caller.username}: ${JSON.stringify(res.data)}`).not.toBe('ForbiddenError');
    checkAnswer(api, caller, res.data);
  } else {
    expect(refusalType(typename), `${caller.username}: ${JSON.stringify(variables)}`).toBe(
      'refused',
    );
    expect([await count(api, 'cases'), await count(api, 'case_actions')]).toEqual(before);
    expect(await count(api, 'audit_log')).toBe(audit);
  }
}

const RESULT = `{ __typename ... on Case { id village { id } reporterName } }`;

/** The county admin and the township office run the queue; no fixture case has a team yet. */
const handles = (api: TestApi, caller: Caller, key: string) =>
  allowed(api, caller, 'case.handle', key) &&
  (caller.role === 'county_admin' || caller.role === 'township_coordinator');

export const casesProbes: ProbeModule = {
  probes: {
    'Query.case': async (api, caller) => {
      const ids = await fixtures(api);
      for (const key of VILLAGES) {
        const res = await api.gql(
          'query($c: ID!) { case(caseId: $c) { id village { id } reporterName } }',
          { c: ids[key] },
          { token: caller.token },
        );
        if (inScope(api, caller, key)) {
          expect(errorCodes(res), `${caller.username} on ${key}`).toEqual([]);
          checkAnswer(api, caller, res.data);
        } else {
          expect(res.data ?? null).toBeNull();
          expect(refusal(res), `${caller.username} on ${key}`).toBe('refused');
        }
      }
    },
    'Query.cases': async (api, caller) => {
      await fixtures(api);
      for (const key of REGIONS) {
        const res = await api.gql(
          'query($r: ID!) { cases(regionId: $r) { id village { id } reporterName } }',
          { r: api.regionGid(key) },
          { token: caller.token },
        );
        if (inScope(api, caller, key)) {
          expect(errorCodes(res), `${caller.username} on ${key}`).toEqual([]);
          checkAnswer(api, caller, res.data);
        } else {
          expect(res.data ?? null).toBeNull();
          expect(refusal(res), `${caller.username} on ${key}`).toBe('refused');
        }
      }
    },
    'Query.caseSummary': async (api, caller) => {
      await fixtures(api);
      for (const key of REGIONS) {
        const res = await api.gql(
          'query($r: ID!) { caseSummary(regionId: $r) { total open overdue } }',
          { r: api.regionGid(key) },
          { token: caller.token },
        );
        if (inScope(api, caller, key)) {
          expect(errorCodes(res), `${caller.username} on ${key}`).toEqual([]);
        } else {
          expect(res.data ?? null).toBeNull();
          expect(refusal(res), `${caller.username} on ${key}`).toBe('refused');
        }
      }
    },
    'Mutation.openCase': async (api, caller) => {
      await fixtures(api);
      for (const key of VILLAGES) {
        await probeMutation(
          api,
          caller,
          `mutation($i: OpenCaseInput!) { openCase(input: $i) ${RESULT} }`,
          {
            i: {
              villageId: api.regionGid(key),
              channel: 'phone',
              category: 'canvassing',
              severity: 'general',
              allegation: '探针',
              receivedOn: '2026-01-05',
            },
          },
          allowed(api, caller, 'case.open', key),
        );
      }
    },
    'Mutation.assignCase': async (api, caller) => {
      const ids = await fixtures(api);
      for (const key of VILLAGES) {
        await probeMutation(
          api,
          caller,
          `mutation($c: ID!) { assignCase(caseId: $c, handlerKind: county_office) ${RESULT} }`,
          { c: ids[key] },
          allowed(api, caller, 'case.assign', key),
        );
      }
    },
    'Mutation.acknowledgeCase': async (api, caller) => {
      const ids = await fixtures(api);
      for (const key of VILLAGES) {
        await probeMutation(
          api,
          caller,
          `mutation($c: ID!) { acknowledgeCase(caseId: $c, date: "2026-01-06") ${RESULT} }`,
          { c: ids[key] },
          handles(api, caller, key),
        );
      }
    },
    'Mutation.addCaseAction': async (api, caller) => {
      const ids = await fixtures(api);
      for (const key of VILLAGES) {
        await probeMutation(
          api,
          caller,
          `mutation($c: ID!, $i: CaseActionInput!) { addCaseAction(caseId: $c, input: $i) ${RESULT} }`,
          { c: ids[key], i: { date: '2026-01-07', actor: '探针', action: '探针' } },
          handles(api, caller, key),
        );
      }
    },
    'Mutation.closeCase': async (api, caller) => {
      const ids = await fixtures(api);
      for (const key of VILLAGES) {
        await probeMutation(
          api,
          caller,
          `mutation($c: ID!, $i: CloseCaseInput!) { closeCase(caseId: $c, input: $i) ${RESULT} }`,
          {
            c: ids[key],
            i: { date: '2026-01-08', outcome: 'not_upheld', measures: [], reply: '探针' },
          },
          handles(api, caller, key),
        );
      }
    },
  },
  anonymousCalls: (api) => {
    const v = api.regionGid('t01v001');
    return {
      'Query.case': `{ case(caseId: "Case:1") { id } }`,
      'Query.cases': `{ cases(regionId: "${v}") { id } }`,
      'Query.caseSummary': `{ caseSummary(regionId: "${v}") { total } }`,
      'Mutation.openCase': `mutation { openCase(input: { villageId: "${v}", channel: "phone", category: "other", severity: "general", allegation: "x", receivedOn: "2026-01-05" }) { __typename } }`,
      'Mutation.assignCase': `mutation { assignCase(caseId: "Case:1", handlerKind: county_office) { __typename } }`,
      'Mutation.acknowledgeCase': `mutation { acknowledgeCase(caseId: "Case:1") { __typename } }`,
      'Mutation.addCaseAction': `mutation { addCaseAction(caseId: "Case:1", input: { date: "2026-01-05", actor: "x", action: "x" }) { __typename } }`,
      'Mutation.closeCase': `mutation { closeCase(caseId: "Case:1", input: { date: "2026-01-05", outcome: "upheld", measures: [], reply: "x" }) { __typename } }`,
    };
  },
};
