import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@huanjie/db';
import type { Role } from '@huanjie/domain';
import { ROLES, appOfRole, isWithin, isWithinAny } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import type { Collected } from '../ws-client.js';
import { collect, settle, wsClient } from '../ws-client.js';
import { SECOND_COUNTY_PREFIX, scopeFromTables, startTwoCountyApi } from './two-counties.js';

/**
 * The scope matrix for live connections: every role subscribes to its own county's campaign and to
 * the other county's; events of villages across the county reach each caller only inside its scope
 * (or above it); after logout the socket is closed and nothing more arrives.
 */

const EVENTS = `subscription($c: ID!) { campaignEvents(campaignId: $c) { kind regionId } }`;
const RISK = `mutation($c: ID!, $v: ID!, $r: String, $e: Int) {
  setVillageRisk(campaignId: $c, villageId: $v, expectedVersion: $e, level: key, reason: $r) {
    __typename } }`;

interface EventData {
  campaignEvents: { kind: string; regionId: string | null };
}

interface LiveCaller {
  username: string;
  role: Role;
  token: string;
  scope: string[];
}

const CALLERS: [string, Role][] = [
  ['province.admin', 'province_admin'],
  ['province.leader', 'province_leader'],
  ['city.admin', 'city_admin'],
  ['city.leader', 'city_leader'],
  ['county.admin', 'county_admin'],
  ['county.leader', 'county_leader'],
  ['county.supervisor', 'county_supervisor'],
  ['town01.coordinator', 'township_coordinator'],
  ['town01.guide1', 'guidance_member'],
  ['vil01001.clerk', 'village_clerk'],
];

describe('subscriptions: every role × its own and a foreign campaign, and after logout', () => {
  let api: Awaited<ReturnType<typeof startTwoCountyApi>>;
  let callers: LiveCaller[];
  let ownCampaign: string;
  let foreignCampaign: string;
  const pathOf = new Map<string, string>();

  beforeAll(async () => {
    api = await startTwoCountyApi();
    const campaigns = await queryRows<{ id: number; path: string }>(
      api.database.db,
      sql`select c.id, r.path from campaigns c join regions r on r.id = c.county_id
          where c.status = 'running' order by r.path`,
    );
    const own = campaigns.find((c) => c.path === api.demo.regionPaths.get('c'));
    const foreign = campaigns.find((c) => c.path === api.second.regionPaths.get('c'));
    if (!own || !foreign) throw new Error('expected a running campaign in each county');
    ownCampaign = `Campaign:${String(own.id)}`;
    foreignCampaign = `Campaign:${String(foreign.id)}`;
    const regions = await queryRows<{ id: number; path: string }>(
      api.database.db,
      sql`select id, path from regions`,
    );
    for (const r of regions) pathOf.set(`Region:${String(r.id)}`, r.path);
    expect([...new Set(CALLERS.map((c) => c[1]))].sort(), 'every role').toEqual([...ROLES].sort());
    callers = [];
    for (const [username, role] of CALLERS) {
      callers.push({
        username,
        role,
        token: await api.login(username, appOfRole(role)),
        scope: await scopeFromTables(api.database.db, username, role),
      });
    }
  }, 120_000);
  afterAll(() => api.close());

  /** Sets a village's risk as the county admin would, at the version stored (one event). */
  async function setRisk(key: string, token: string, reason: string) {
    const [stored] = await queryRows<{ version: number }>(
      api.database.db,
      sql`select version from village_risks
          where region_id = ${api.demo.regionIds.get(key)!} and campaign_id = ${Number(ownCampaign.split(':')[1])}`,
    );
    const res = await api.gql<{ setVillageRisk: { __typename: string } }>(
      RISK,
      { c: ownCampaign, v: api.regionGid(key), r: reason, e: stored?.version ?? null },
      { token },
    );
    expect(res.data?.setVillageRisk.__typename, key).not.toMatch(/Error$/);
  }

  const subscribe = (c: LiveCaller, campaignId: string): Collected<EventData> =>
    collect<EventData>(wsClient(api.server.url, c.token, appOfRole(c.role)), EVENTS, {
      c: campaignId,
    });

  it('refuses every role a subscription to the other county’s campaign', async () => {
    expect(callers.every((c) => !c.username.startsWith(SECOND_COUNTY_PREFIX))).toBe(true);
    for (const c of callers) {
      const foreign = subscribe(c, foreignCampaign);
      await expect
        .poll(() => foreign.errors.length, { timeout: 5000, message: c.username })
        .toBeGreaterThan(0);
      expect(foreign.events).toEqual([]);
      foreign.stop();
    }
  });

  it('delivers to each role the events inside its scope only, then nothing after logout', async () => {
    const live = callers.map((c) => ({ caller: c, sub: subscribe(c, ownCampaign) }));
    await settle();
    // a risk set on one village of each township: events across the whole county
    const villages = [...api.demo.regionPaths.entries()]
      .filter(([key]) => /^t\d\dv001$/.test(key))
      .map(([key, path]) => ({ key, path }));
    expect(villages.length).toBeGreaterThanOrEqual(2);
    const admin = callers.find((c) => c.role === 'county_admin')!;
    for (const v of villages) await setRisk(v.key, admin.token, '订阅范围测试');
    // the county sees all of them; then every caller has had its chance
    await live.find((l) => l.caller.role === 'county_admin')!.sub.waitFor(villages.length);
    await settle();
    for (const { caller, sub } of live) {
      const seen = sub.events.map((e) => pathOf.get(e.campaignEvents.regionId ?? '') ?? '');
      const expected = villages.filter(
        (v) =>
          isWithinAny(v.path, caller.scope) || caller.scope.some((root) => isWithin(root, v.path)),
      );
      expect(seen.sort(), `${caller.username} sees exactly its scope`).toEqual(
        expected.map((v) => v.path).sort(),
      );
    }
    // after logout: the socket closes and nothing more arrives
    for (const { caller, sub } of live) {
      await api.gql('mutation { logout }', {}, { token: caller.token });
      sub.events.length = 0;
    }
    const again = await api.login('county.admin', 'county');
    for (const v of villages) await setRisk(v.key, again, '退出后');
    await settle();
    for (const { caller, sub } of live) {
      expect(sub.events, `${caller.username} after logout`).toEqual([]);
      await expect
        .poll(() => sub.errors.length, { timeout: 15_000, message: caller.username })
        .toBeGreaterThan(0);
      sub.stop();
    }
  }, 120_000);
});
