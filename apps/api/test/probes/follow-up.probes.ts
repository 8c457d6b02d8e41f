import { queryRows } from '@huanjie/db';
import { isWithinAny } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { ensureCampaign, setElectionDay } from '../guidance-fixtures.js';
import type { TestApi } from '../harness.js';
import { errorCodes, refusal, refusalType } from '../harness.js';
import { allows } from '../permissions.js';
import type { Caller, ProbeModule } from './types.js';

/**
 * Track F (the handover checklist): a village of another region does not exist for the caller
 * (refused, nothing written); a region's summary lists only villages in the caller's scope.
 */

const VILLAGES = ['t01v001', 't01v002', 't02v003'] as const;
const REGIONS = ['c', 't01', 't02', ...VILLAGES] as const;

const cache = new WeakMap<TestApi, Promise<string>>();

/** A track F unit per village, its election day in the past. */
function fixtures(api: TestApi): Promise<string> {
  let pending = cache.get(api);
  if (!pending) {
    pending = (async () => {
      const campaignId = await ensureCampaign(api);
      for (const key of VILLAGES) {
        await setElectionDay(api, campaignId, key, '2026-01-01', 'V');
        await setElectionDay(api, campaignId, key, '2026-01-01', 'F');
      }
      return `Campaign:${String(campaignId)}`;
    })();
    cache.set(api, pending);
  }
  return pending;
}

const inScope = (api: TestApi, caller: Caller, key: string) =>
  isWithinAny(api.demo.regionPaths.get(key)!, caller.scope);

async function count(api: TestApi, table: string) {
  const [row] = await queryRows<{ n: number }>(
    api.database.db,
    sql.raw(`select count(*)::int as n from ${table}`),
  );
  return row?.n ?? 0;
}

function checkRegions(api: TestApi, caller: Caller, value: unknown) {
  const json = JSON.stringify(value ?? null);
  for (const [, id] of json.matchAll(/"(Region:\d+)"/g)) {
    const key = [...api.demo.regionIds].find(([, n]) => `Region:${String(n)}` === id)?.[0];
    expect(key, `${caller.username} got unknown ${String(id)}`).toBeDefined();
    expect(inScope(api, caller, key!), `${caller.username} got ${String(id)}`).toBe(true);
  }
}

export const followUpProbes: ProbeModule = {
  probes: {
    'Query.villageFollowUp': async (api, caller) => {
      const c = await fixtures(api);
      for (const key of VILLAGES) {
        const res = await api.gql(
          'query($v: ID!, $c: ID) { villageFollowUp(villageId: $v, campaignId: $c) { village { id } items { code } } }',
          { v: api.regionGid(key), c },
          { token: caller.token },
        );
        if (inScope(api, caller, key) && allows(caller.role, 'campaign.read')) {
          expect(errorCodes(res), `${caller.username} on ${key}`).toEqual([]);
          checkRegions(api, caller, res.data);
        } else {
          expect(res.data ?? null).toBeNull();
          expect(refusal(res), `${caller.username} on ${key}`).toBe('refused');
        }
      }
    },
    'Query.followUpSummary': async (api, caller) => {
      const c = await fixtures(api);
      for (const key of REGIONS) {
        const res = await api.gql(
          'query($r: ID!, $c: ID) { followUpSummary(regionId: $r, campaignId: $c) { villages rows { village { id } } } }',
          { r: api.regionGid(key), c },
          { token: caller.token },
        );
        if (inScope(api, caller, key) && allows(caller.role, 'campaign.read')) {
          expect(errorCodes(res), `${caller.username} on ${key}`).toEqual([]);
          checkRegions(api, caller, res.data);
        } else {
          expect(res.data ?? null).toBeNull();
          expect(refusal(res), `${caller.username} on ${key}`).toBe('refused');
        }
      }
    },
    'Mutation.recordFollowUpItem': async (api, caller) => {
      const c = await fixtures(api);
      for (const key of VILLAGES) {
        const before = [await count(api, 'follow_up_items'), await count(api, 'audit_log')];
        const res = await api.gql<{ recordFollowUpItem: { __typename: string } }>(
          `mutation($i: RecordFollowUpItemInput!) { recordFollowUpItem(input: $i) {
            __typename ... on VillageFollowUp { village { id } } } }`,
          {
            i: {
              villageId: api.regionGid(key),
              campaignId: c,
              itemCode: 'handover.seal',
              doneOn: '2026-01-03',
              doneBy: '探针',
            },
          },
          { token: caller.token },
        );
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
        const typename = res.data?.recordFollowUpItem.__typename;
        if (inScope(api, caller, key) && allows(caller.role, 'stage.enter')) {
          expect(refusalType(typename), `${caller.username} on ${key}`).not.toBe('refused');
        } else {
          expect(refusalType(typename), `${caller.username} on ${key}`).toBe('refused');
          expect([await count(api, 'follow_up_items'), await count(api, 'audit_log')]).toEqual(
            before,
          );
        }
      }
    },
  },
  anonymousCalls: (api) => {
    const v = api.regionGid('t01v001');
    return {
      'Query.villageFollowUp': `{ villageFollowUp(villageId: "${v}") { electionDay } }`,
      'Query.followUpSummary': `{ followUpSummary(regionId: "${v}") { villages } }`,
      'Mutation.recordFollowUpItem': `mutation { recordFollowUpItem(input: { villageId: "${v}", itemCode: "handover.seal", doneOn: "2026-01-03", doneBy: "x" }) { __typename } }`,
    };
  },
};
