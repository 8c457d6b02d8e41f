import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cadres, guidanceTeamAssignments, guidanceTeamMembers, guidanceTeams } from '@huanjie/db';
import type { Role } from '@huanjie/domain';
import { ACTIONS, ROLES, appOfRole, roleAllows } from '@huanjie/domain';
import { isObjectType } from 'graphql';
import { PUBLIC_ROOT_FIELDS } from '../src/graphql/root-fields.js';
import { schema } from '../src/graphql/schema.js';
import type { TestApi } from './harness.js';
import { ensureCampaign } from './guidance-fixtures.js';
import { errorCodes, startTestApi } from './harness.js';
import { PERMISSIONS } from './permissions.js';
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
    // the county supervisor supervises t01, the guidance member works in t01v001, the other guide
    // has no village: every role has something in scope and something outside it
    await assign('county.supervisor', 'c', 't01');
    await assign('town01.guide1', 't01', 't01v001');
    const specs: [string, Role, string[]][] = [
      ['county.admin', 'county_admin', [path('c')]],
      ['county.leader', 'county_leader', [path('c')]],
      ['county.supervisor', 'county_supervisor', [path('t01')]],
      ['town01.coordinator', 'township_coordinator', [path('t01')]],
      ['town02.coordinator', 'township_coordinator', [path('t02')]],
      ['town01.guide1', 'guidance_member', [path('t01v001')]],
      ['town02.guide1', 'guidance_member', []],
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

  /** Makes the user a member of a team of `owner` assigned to `target`, in the database. */
  async function assign(username: string, owner: string, target: string) {
    const db = api.database.db;
    const campaignId = await ensureCampaign(api);
    const [cadre] = await db
      .insert(cadres)
      .values({
        regionId: api.demo.regionIds.get(owner)!,
        name: `范围${username}`,
        gender: 'female',
        rank: 'staff',
        userId: api.demo.userIds.get(username)!,
      })
      .returning({ id: cadres.id });
    const [team] = await db
      .insert(guidanceTeams)
      .values({
        kind: owner === 'c' ? 'supervision' : 'guidance',
        campaignId,
        regionId: api.demo.regionIds.get(owner)!,
        regionPath: api.demo.regionPaths.get(owner)!,
        name: `范围组${username}`,
      })
      .returning({ id: guidanceTeams.id });
    await db.insert(guidanceTeamMembers).values({
      teamId: team!.id,
      cadreId: cadre!.id,
      role: owner === 'c' ? 'supervisor' : 'cadre',
    });
    await db
      .insert(guidanceTeamAssignments)
      .values({ teamId: team!.id, regionId: api.demo.regionIds.get(target)! });
  }

  it('has in packages/domain the permissions PRODUCT.md §1 gives each role (permissions.ts)', () => {
    const disagreements = ROLES.flatMap((role) =>
      ACTIONS.filter((action) => roleAllows(role, action) !== PERMISSIONS[role][action]).map(
        (action) =>
          `${role} ${action}: PRODUCT.md ${PERMISSIONS[role][action] ? 'allows' : 'refuses'}, the policy ${roleAllows(role, action) ? 'allows' : 'refuses'}`,
      ),
    );
    expect(disagreements).toEqual([]);
  });

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
