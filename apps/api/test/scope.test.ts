import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@huanjie/domain';
import { appOfRole } from '@huanjie/domain';
import { isObjectType } from 'graphql';
import { PUBLIC_ROOT_FIELDS } from '../src/graphql/root-fields.js';
import { schema } from '../src/graphql/schema.js';
import type { TestApi } from './harness.js';
import { errorCodes, startTestApi } from './harness.js';
import { PROBE_MODULES } from './probes/index.js';
import type { Caller } from './probes/types.js';

const modules = PROBE_MODULES;
const PROBES = Object.fromEntries(modules.flatMap((m) => Object.entries(m.probes)));

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
    const rootFields = [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType(),
    ]
      .filter(isObjectType)
      .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
    const covered = new Set([...PUBLIC_ROOT_FIELDS, ...Object.keys(PROBES)]);
    const uncovered = rootFields.filter((f) => !covered.has(f));
    expect(uncovered, 'root fields with neither a scope probe nor a public listing').toEqual([]);
  });

  it('refuses every non-public root field without a session', async () => {
    const calls = Object.assign({}, ...modules.map((m) => m.anonymousCalls(api))) as Record<
      string,
      string
    >;
    expect(Object.keys(calls).sort()).toEqual(
      Object.keys(PROBES)
        .filter((f) => !f.startsWith('Subscription.'))
        .sort(),
    );
    for (const [field, query] of Object.entries(calls)) {
      const res = await api.gql(query);
      expect(res.data ?? null, field).toBeNull();
      expect(errorCodes(res), field).toEqual(['UNAUTHENTICATED']);
    }
  });

  for (const [field, probe] of Object.entries(PROBES)) {
    it(`${field}: every role sees only its own subtree`, async () => {
      for (const caller of callers) await probe(api, caller, callers);
    });
  }
});
