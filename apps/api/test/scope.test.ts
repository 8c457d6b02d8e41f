import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@huanjie/domain';
import { appOfRole, isWithinAny } from '@huanjie/domain';
import { isObjectType } from 'graphql';
import { schema } from '../src/graphql/schema.js';
import { PUBLIC_ROOT_FIELDS } from '../src/graphql/root-fields.js';
import type { TestApi } from './harness.js';
import { errorCodes, startTestApi } from './harness.js';

interface Caller {
  username: string;
  role: Role;
  token: string;
  /** What this caller may read, computed here independently of the API's own rules. */
  scope: string[];
}

type Probe = (api: TestApi, caller: Caller, everyone: Caller[]) => Promise<void>;

const REGION_FIELDS = 'id name level children { id name children { id name } }';

function pathOfGid(api: TestApi, gid: string): string {
  const id = Number(gid.split(':')[1]);
  for (const [key, regionId] of api.demo.regionIds) {
    if (regionId === id) return api.demo.regionPaths.get(key)!;
  }
  throw new Error(`unknown region ${gid}`);
}

function collectRegionIds(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectRegionIds(v, into));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && record.id.startsWith('Region:') && 'children' in record) {
      into.push(record.id);
    }
    Object.values(record).forEach((v) => collectRegionIds(v, into));
  }
  return into;
}

/** One probe per non-public root field: it asserts that the caller gets nothing outside its scope. */
const PROBES: Record<string, Probe> = {
  'Query.me': async (api, caller) => {
    const res = await api.gql<{ me: { username: string } }>('{ me { username } }', {}, { token: caller.token });
    expect(res.data?.me.username).toBe(caller.username);
  },
  'Query.myRegions': async (api, caller) => {
    const res = await api.gql<{ myRegions: unknown[] }>(`{ myRegions { ${REGION_FIELDS} } }`, {}, {
      token: caller.token,
    });
    const ids = collectRegionIds(res.data?.myRegions);
    for (const id of ids) expect(isWithinAny(pathOfGid(api, id), caller.scope), id).toBe(true);
    expect(ids.length > 0).toBe(caller.scope.length > 0);
  },
  'Query.region': async (api, caller) => {
    const keys = api.demoPlan.regions
      .filter((r) => r.level !== 'group' || r.key.endsWith('g1'))
      .map((r) => r.key);
    for (const key of keys) {
      const gid = api.regionGid(key);
      const res = await api.gql(`query($id: ID!) { region(id: $id) { ${REGION_FIELDS} } }`, { id: gid }, {
        token: caller.token,
      });
      const visible = isWithinAny(api.demo.regionPaths.get(key)!, caller.scope);
      if (visible) {
        expect(res.errors, `${caller.username} reads ${key}`).toBeUndefined();
        for (const id of collectRegionIds(res.data)) {
          expect(isWithinAny(pathOfGid(api, id), caller.scope)).toBe(true);
        }
      } else {
        expect(res.data, `${caller.username} must not read ${key}`).toBeNull();
        expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      }
    }
  },
  'Query.regionSearch': async (api, caller) => {
    for (const text of ['村', '社区', '小组', '镇', '县']) {
      const res = await api.gql<{ regionSearch: unknown[] }>(
        `query($t: String!) { regionSearch(text: $t, first: 50) { ${REGION_FIELDS} } }`,
        { t: text },
        { token: caller.token },
      );
      expect(res.errors).toBeUndefined();
      for (const id of collectRegionIds(res.data)) {
        expect(isWithinAny(pathOfGid(api, id), caller.scope), `${caller.username} found ${id}`).toBe(true);
      }
    }
  },
  'Mutation.logout': async (api, caller, everyone) => {
    const own = await api.login(caller.username, appOfRole(caller.role));
    await api.gql('mutation { logout }', {}, { token: own });
    expect(errorCodes(await api.gql('{ me { id } }', {}, { token: own }))).toEqual(['UNAUTHENTICATED']);
    // Everyone else's sessions, including this caller's other one, still work.
    for (const other of everyone) {
      const res = await api.gql('{ me { id } }', {}, { token: other.token });
      expect(res.errors, other.username).toBeUndefined();
    }
  },
};

describe('scope of every root field', () => {
  let api: TestApi;
  let callers: Caller[];

  beforeAll(async () => {
    api = await startTestApi();
    const path = (key: string) => api.demo.regionPaths.get(key)!;
    const specs: [string, Role, string[]][] = [
      ['county.admin', 'county_admin', [path('c')]],
      ['county.leader', 'county_leader', [path('c')]],
      ['county.supervisor', 'county_supervisor', []],
      ['town01.coordinator', 'township_coordinator', [path('t01')]],
      ['town02.coordinator', 'township_coordinator', [path('t02')]],
      ['town01.guide1', 'guidance_member', []],
      ['vil01001.clerk', 'village_clerk', [path('t01v001')]],
      ['vil02003.clerk', 'village_clerk', [path('t02v003')]],
    ];
    callers = await Promise.all(
      specs.map(async ([username, role, scope]) => ({
        username,
        role,
        scope,
        token: await api.login(username, appOfRole(role)),
      })),
    );
  });
  afterAll(() => api.close());

  it('has a scope probe or a public listing for every root field', () => {
    const rootFields = [schema.getQueryType(), schema.getMutationType()]
      .filter(isObjectType)
      .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
    const covered = new Set([...PUBLIC_ROOT_FIELDS, ...Object.keys(PROBES)]);
    const uncovered = rootFields.filter((f) => !covered.has(f));
    expect(uncovered, 'root fields with neither a scope probe nor a public listing').toEqual([]);
  });

  it('refuses every non-public root field without a session', async () => {
    const calls: Record<string, string> = {
      'Query.me': '{ me { id } }',
      'Query.myRegions': '{ myRegions { id } }',
      'Query.region': `{ region(id: "${api.regionGid('c')}") { id } }`,
      'Query.regionSearch': '{ regionSearch(text: "村") { id } }',
      'Mutation.logout': 'mutation { logout }',
    };
    expect(Object.keys(calls).sort()).toEqual(Object.keys(PROBES).sort());
    for (const query of Object.values(calls)) {
      const res = await api.gql(query);
      expect(res.data).toBeNull();
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    }
  });

  for (const [field, probe] of Object.entries(PROBES)) {
    it(`${field}: every role sees only its own subtree`, async () => {
      for (const caller of callers) await probe(api, caller, callers);
    });
  }
});
