import { queryRows, villageRepresentatives, villagerGroupLeaders } from '@huanjie/db';
import type { Action } from '@huanjie/domain';
import { isWithinAny } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { ensureCampaign } from '../guidance-fixtures.js';
import type { TestApi } from '../harness.js';
import { refusal, refusalType } from '../harness.js';
import { allows } from '../permissions.js';
import type { Caller, ProbeModule } from './types.js';

/**
 * A village's representatives and group leaders: a caller outside the village is refused (not
 * found) and nothing is written; inside, the role decides (permissions.ts: representative.enter).
 */
const VILLAGES = ['t01v001', 't02v003'] as const;

const campaigns = new WeakMap<TestApi, Promise<number>>();
function campaign(api: TestApi): Promise<number> {
  let pending = campaigns.get(api);
  if (!pending) {
    pending = ensureCampaign(api);
    campaigns.set(api, pending);
  }
  return pending;
}

const path = (api: TestApi, key: string) => api.demo.regionPaths.get(key)!;
const inScope = (api: TestApi, caller: Caller, key: string) =>
  isWithinAny(path(api, key), caller.scope);

/** A fresh representative and group deputy of the village, written past the API. */
async function fresh(api: TestApi, key: string) {
  const campaignId = await campaign(api);
  const values = {
    campaignId,
    regionId: api.demo.regionIds.get(key)!,
    regionPath: path(api, key),
    groupId: api.demo.regionIds.get(`${key}g1`)!,
    name: `探针${key}`,
    gender: 'female' as const,
    partyMember: false,
    enteredBy: api.demo.userIds.get('county.admin')!,
  };
  const [rep] = await api.database.db
    .insert(villageRepresentatives)
    .values({ ...values, method: 'households' })
    .returning({ id: villageRepresentatives.id });
  const [leader] = await api.database.db
    .insert(villagerGroupLeaders)
    .values({ ...values, post: 'deputy' })
    .returning({ id: villagerGroupLeaders.id });
  return {
    rep: `VillageRepresentative:${String(rep!.id)}`,
    leader: `GroupLeader:${String(leader!.id)}`,
  };
}

async function written(api: TestApi) {
  const [row] = await queryRows<{ n: string }>(
    api.database.db,
    sql`select (select count(*) from village_representatives) || '/' || (select count(*) from villager_group_leaders)
      || '/' || (select count(*) from audit_log) as n`,
  );
  return row?.n;
}

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

export const representatives: ProbeModule = {
  probes: {
    'Query.villageRepresentatives': async (api, caller) => {
      await campaign(api);
      for (const key of VILLAGES) {
        const res = await api.gql(
          'query($v: ID!) { villageRepresentatives(villageId: $v) { village { id } representatives { id } } }',
          { v: api.regionGid(key) },
          { token: caller.token },
        );
        if (inScope(api, caller, key)) {
          expect(res.errors, `${caller.username} reads ${key}`).toBeUndefined();
        } else {
          expect(res.data ?? null, `${caller.username} must not read ${key}`).toBeNull();
          expect(refusal(res), `${caller.username} on ${key}`).toBe('refused');
        }
      }
    },
    'Mutation.saveVillageRepresentative': async (api, caller) => {
      await campaign(api);
      for (const key of VILLAGES) {
        await probeMutation(
          api,
          caller,
          key,
          'representative.enter',
          `mutation($i: VillageRepresentativeInput!) { saveVillageRepresentative(input: $i) ${PAYLOAD} }`,
          {
            i: {
              villageId: api.regionGid(key),
              groupId: api.regionGid(`${key}g1`),
              name: '探针代表',
              gender: 'male',
              partyMember: true,
              method: 'group',
            },
          },
        );
      }
    },
    'Mutation.removeVillageRepresentative': async (api, caller) => {
      for (const key of VILLAGES) {
        const { rep } = await fresh(api, key);
        await probeMutation(
          api,
          caller,
          key,
          'representative.enter',
          `mutation($id: ID!) { removeVillageRepresentative(id: $id) ${PAYLOAD} }`,
          { id: rep },
        );
      }
    },
    'Mutation.saveGroupLeader': async (api, caller) => {
      await campaign(api);
      for (const key of VILLAGES) {
        await probeMutation(
          api,
          caller,
          key,
          'representative.enter',
          `mutation($i: GroupLeaderInput!) { saveGroupLeader(input: $i) ${PAYLOAD} }`,
          {
            i: {
              villageId: api.regionGid(key),
              groupId: api.regionGid(`${key}g1`),
              post: 'deputy',
              name: '探针副组长',
              gender: 'female',
              partyMember: false,
            },
          },
        );
      }
    },
    'Mutation.removeGroupLeader': async (api, caller) => {
      for (const key of VILLAGES) {
        const { leader } = await fresh(api, key);
        await probeMutation(
          api,
          caller,
          key,
          'representative.enter',
          `mutation($id: ID!) { removeGroupLeader(id: $id) ${PAYLOAD} }`,
          { id: leader },
        );
      }
    },
  },
  anonymousCalls: (api) => ({
    'Query.villageRepresentatives': `{ villageRepresentatives(villageId: "${api.regionGid('t01v001')}") { canEdit } }`,
    'Mutation.saveVillageRepresentative': `mutation { saveVillageRepresentative(input: { villageId: "${api.regionGid('t01v001')}", name: "x", gender: male, partyMember: false, method: group }) { __typename } }`,
    'Mutation.removeVillageRepresentative':
      'mutation { removeVillageRepresentative(id: "VillageRepresentative:1") { __typename } }',
    'Mutation.saveGroupLeader': `mutation { saveGroupLeader(input: { villageId: "${api.regionGid('t01v001')}", post: deputy, name: "x", gender: male, partyMember: false }) { __typename } }`,
    'Mutation.removeGroupLeader':
      'mutation { removeGroupLeader(id: "GroupLeader:1") { __typename } }',
  }),
};
