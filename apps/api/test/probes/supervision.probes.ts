import { correctionOrders, queryRows, recordComments, unitElections } from '@huanjie/db';
import type { Action } from '@huanjie/domain';
import { isWithinAny } from '@huanjie/domain';
import { and, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { todayInChina } from '../campaign-helpers.js';
import { ensureCampaign, setElectionDay } from '../guidance-fixtures.js';
import type { TestApi } from '../harness.js';
import { refusal, refusalType } from '../harness.js';
import { allows } from '../permissions.js';
import type { Caller, ProbeModule } from './types.js';

/**
 * Supervision (inspections, correction orders) and leaders' comments with their escalations: a
 * caller outside a township or village is refused (not found) and nothing is written; inside, the
 * role decides (permissions.ts).
 */
const TOWNSHIPS = ['t01', 't02'] as const;
const VILLAGES = ['t01v001', 't02v003'] as const;

interface Fixtures {
  campaignId: number;
  unit: Record<string, string>;
  order: Record<string, string>;
  comment: Record<string, string>;
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
  const db = api.database.db;
  const campaignId = await ensureCampaign(api);
  const today = todayInChina();
  const leaderId = api.demo.userIds.get('county.leader')!;
  const result: Fixtures = { campaignId, unit: {}, order: {}, comment: {} };
  for (const key of VILLAGES) {
    await setElectionDay(api, campaignId, key, '2099-06-30');
    const [unit] = await db
      .select({ id: unitElections.id })
      .from(unitElections)
      .where(
        and(
          eq(unitElections.campaignId, campaignId),
          eq(unitElections.regionId, api.demo.regionIds.get(key)!),
          eq(unitElections.track, 'V'),
        ),
      );
    result.unit[key] = `UnitElection:${String(unit!.id)}`;
    const [comment] = await db
      .insert(recordComments)
      .values({
        campaignId,
        regionId: api.demo.regionIds.get(key)!,
        regionPath: api.demo.regionPaths.get(key)!,
        unitElectionId: unit!.id,
        stageCode: 'audit',
        body: `探针批注${key}`,
        escalated: true,
        userId: leaderId,
      })
      .returning({ id: recordComments.id });
    result.comment[key] = `RecordComment:${String(comment!.id)}`;
  }
  for (const key of TOWNSHIPS) {
    const [order] = await db
      .insert(correctionOrders)
      .values({
        campaignId,
        regionId: api.demo.regionIds.get(key)!,
        regionPath: api.demo.regionPaths.get(key)!,
        issuedOn: today,
        deadline: today,
        requirement: `探针整改${key}`,
        issuedBy: leaderId,
      })
      .returning({ id: correctionOrders.id });
    result.order[key] = `CorrectionOrder:${String(order!.id)}`;
  }
  return result;
}

const path = (api: TestApi, key: string) => api.demo.regionPaths.get(key)!;
const inScope = (api: TestApi, caller: Caller, key: string) =>
  isWithinAny(path(api, key), caller.scope);

async function written(api: TestApi) {
  const [row] = await queryRows<{ n: string }>(
    api.database.db,
    sql`select (select count(*) from inspections) || '/' || (select count(*) from correction_orders)
      || '/' || (select count(*) from correction_orders where answered_on is not null)
      || '/' || (select count(*) from record_comments)
      || '/' || (select count(*) from record_comments where resolved_at is not null)
      || '/' || (select count(*) from audit_log) as n`,
  );
  return row?.n;
}

/** A region query: refused outside the scope, answered with in-scope records inside it. */
async function probeRegionQuery(api: TestApi, caller: Caller, query: string) {
  await fixtures(api);
  for (const key of TOWNSHIPS) {
    const res = await api.gql(query, { r: api.regionGid(key) }, { token: caller.token });
    if (inScope(api, caller, key)) {
      expect(res.errors, `${caller.username} reads ${key}`).toBeUndefined();
    } else {
      expect(res.data ?? null, `${caller.username} must not read ${key}`).toBeNull();
      expect(refusal(res), `${caller.username} on ${key}`).toBe('refused');
    }
  }
  // without a region: only what the caller reads
  const res = await api.gql(query, { r: null }, { token: caller.token });
  const json = JSON.stringify(res.data ?? null);
  for (const key of TOWNSHIPS) {
    if (!inScope(api, caller, key) && !caller.scope.some((p) => p.startsWith(path(api, key)))) {
      expect(json, `${caller.username} got ${key}`).not.toContain(`"${api.regionGid(key)}"`);
    }
  }
}

/** A mutation on a record of `key`: allowed where scope and role say so; else refused, nothing written. */
async function probeMutation(
  api: TestApi,
  caller: Caller,
  key: string,
  action: Action,
  query: string,
  variables: Record<string, unknown>,
) {
  const before = await written(api);
  const res = await api.gql<Record<string, { __typename: string }>>(query, variables, {
    token: caller.token,
  });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const typename = Object.values(res.data ?? {})[0]?.__typename;
  if (inScope(api, caller, key) && allows(caller.role, action)) {
    expect(refusalType(typename), `${caller.username} on ${key}`).not.toBe('refused');
  } else {
    expect(refusalType(typename), `${caller.username} must not act on ${key}`).toBe('refused');
    expect(await written(api), `${caller.username} wrote on ${key}`).toBe(before);
  }
}

const PAYLOAD = '{ __typename }';

export const supervision: ProbeModule = {
  probes: {
    'Query.inspections': (api, caller) =>
      probeRegionQuery(
        api,
        caller,
        'query($r: ID) { inspections(regionId: $r) { id township { id } villages { id } } }',
      ),
    'Query.correctionOrders': (api, caller) =>
      probeRegionQuery(
        api,
        caller,
        'query($r: ID) { correctionOrders(regionId: $r) { id township { id } } }',
      ),
    'Query.supervisionSummary': (api, caller) =>
      probeRegionQuery(
        api,
        caller,
        'query($r: ID) { supervisionSummary(regionId: $r) { inspections orders } }',
      ),
    'Query.escalations': (api, caller) =>
      probeRegionQuery(
        api,
        caller,
        'query($r: ID) { escalations(regionId: $r, filter: all) { id village { id } } }',
      ),
    'Query.recordComments': async (api, caller) => {
      const f = await fixtures(api);
      for (const key of VILLAGES) {
        const res = await api.gql(
          'query($u: ID!) { recordComments(unitElectionId: $u, stageCode: "audit") { id village { id } } }',
          { u: f.unit[key] },
          { token: caller.token },
        );
        if (inScope(api, caller, key)) {
          expect(res.errors, `${caller.username} reads ${key}`).toBeUndefined();
        } else {
          expect(refusal(res), `${caller.username} on ${key}`).toBe('refused');
        }
      }
    },
    'Mutation.recordInspection': async (api, caller) => {
      await fixtures(api);
      for (const [key, village] of [
        ['t01', 't01v001'],
        ['t02', 't02v003'],
      ] as const) {
        await probeMutation(
          api,
          caller,
          key,
          'inspection.record',
          `mutation($i: InspectionInput!) { recordInspection(input: $i) ${PAYLOAD} }`,
          {
            i: {
              townshipId: api.regionGid(key),
              date: todayInChina(),
              villageIds: [api.regionGid(village)],
              findings: [{ category: 'other', text: '探针' }],
            },
          },
        );
      }
    },
    'Mutation.issueCorrectionOrder': async (api, caller) => {
      await fixtures(api);
      for (const key of TOWNSHIPS) {
        await probeMutation(
          api,
          caller,
          key,
          'inspection.record',
          `mutation($i: CorrectionOrderInput!) { issueCorrectionOrder(input: $i) ${PAYLOAD} }`,
          { i: { townshipId: api.regionGid(key), deadline: todayInChina(), requirement: '探针' } },
        );
      }
    },
    'Mutation.answerCorrectionOrder': async (api, caller) => {
      const f = await fixtures(api);
      for (const key of TOWNSHIPS) {
        await probeMutation(
          api,
          caller,
          key,
          'correction.answer',
          `mutation($o: ID!) { answerCorrectionOrder(orderId: $o, answer: "探针") ${PAYLOAD} }`,
          { o: f.order[key] },
        );
      }
    },
    'Mutation.commentOnRecord': async (api, caller) => {
      const f = await fixtures(api);
      for (const key of VILLAGES) {
        await probeMutation(
          api,
          caller,
          key,
          'record.comment',
          `mutation($i: RecordCommentInput!) { commentOnRecord(input: $i) ${PAYLOAD} }`,
          { i: { unitElectionId: f.unit[key], stageCode: 'audit', body: '探针', escalate: true } },
        );
      }
    },
    'Mutation.resolveEscalation': async (api, caller) => {
      const f = await fixtures(api);
      for (const key of VILLAGES) {
        await probeMutation(
          api,
          caller,
          key,
          'escalation.resolve',
          `mutation($c: ID!) { resolveEscalation(commentId: $c, resolution: "探针") ${PAYLOAD} }`,
          { c: f.comment[key] },
        );
      }
    },
  },
  anonymousCalls: (api) => ({
    'Query.inspections': '{ inspections { id } }',
    'Query.correctionOrders': '{ correctionOrders { id } }',
    'Query.supervisionSummary': '{ supervisionSummary { inspections } }',
    'Query.escalations': '{ escalations { id } }',
    'Query.recordComments': '{ recordComments(unitElectionId: "UnitElection:1") { id } }',
    'Mutation.recordInspection': `mutation { recordInspection(input: { townshipId: "${api.regionGid('t01')}", date: "2026-01-01", villageIds: [], findings: [] }) { __typename } }`,
    'Mutation.issueCorrectionOrder': `mutation { issueCorrectionOrder(input: { townshipId: "${api.regionGid('t01')}", deadline: "2026-01-01", requirement: "x" }) { __typename } }`,
    'Mutation.answerCorrectionOrder':
      'mutation { answerCorrectionOrder(orderId: "CorrectionOrder:1", answer: "x") { __typename } }',
    'Mutation.commentOnRecord':
      'mutation { commentOnRecord(input: { unitElectionId: "UnitElection:1", body: "x", escalate: false }) { __typename } }',
    'Mutation.resolveEscalation':
      'mutation { resolveEscalation(commentId: "RecordComment:1", resolution: "x") { __typename } }',
  }),
};
