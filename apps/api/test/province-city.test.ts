import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@huanjie/db';
import { DEMO_PASSWORD, generateDemoCounty, insertDemoCounty } from '@huanjie/db/demo';
import type { InsertedDemoCounty } from '@huanjie/db/demo';
import { sql } from 'drizzle-orm';
import type { TestApi } from './harness.js';
import { errorCodes, startTestApi } from './harness.js';

/**
 * Province (省) and city (市/州) above the county (issue 12): the demo county 云岭县 sits under 演示省
 * / 演示市; a second county under 彩云省 / 彩云市 gives the upper roles a region outside their scope.
 */

const CREATE_REGION = `mutation($input: CreateRegionInput!) { createRegion(input: $input) {
  __typename ... on RegionSaved { regionId } ... on Error { code message } } }`;
const CREATE_ACCOUNT = `mutation($input: AccountInput!) { createAccount(input: $input) {
  __typename ... on IssuedPasswords { count slips { username oneTimePassword regionName } } ... on Error { code message } } }`;
const ROLLUP = `query($r: ID!) { countyRollup(regionId: $r) { county { id name level }
  overview { campaign { id } totals { villages done inProgress overdue blocked notStarted } } } }`;
const STATS = `query($r: ID!) { electionStatistics(regionId: $r) { campaignName children { regionId } } }`;
const AUDIT = `query($r: ID) { auditLog(regionId: $r, first: 200) { total items { chain seq region { name } } } }`;
const CHAIN = `query { auditChainStatus { ok entries reason } }`;
const OVERVIEW = `query($c: ID!) { campaignOverview(campaignId: $c) { region { name level } totals { villages } } }`;
const RENAME = `mutation($v: ID!) { updateRegion(input: { id: $v, name: "省领导改的名" }) {
  __typename ... on Error { code message } } }`;

type Result = { __typename: string; regionId?: string; code?: string; message?: string };

describe('province and city above the county', () => {
  let api: TestApi;
  let other: InsertedDemoCounty;
  const tokens = new Map<string, string>();
  const as = (username: string) => ({ token: tokens.get(username)!, app: 'county' as const });
  const gid = (ids: Map<string, number>, key: string) => `Region:${String(ids.get(key)!)}`;

  async function counts() {
    const [row] = await queryRows<{ regions: number; users: number; audit: number }>(
      api.database.db,
      sql`select (select count(*)::int from regions) as regions, (select count(*)::int from users) as users,
        (select count(*)::int from audit_log) as audit`,
    );
    return row!;
  }

  beforeAll(async () => {
    api = await startTestApi({ fullDemo: true, villages: 36 });
    other = await insertDemoCounty(
      api.database.db,
      generateDemoCounty({ villages: 18, seed: 77, countyCode: '540102', countyName: '彩云县' }),
      {
        usernamePrefix: 'b.',
        above: {
          province: { name: '彩云省', code: '540000000000' },
          city: { name: '彩云市', code: '540100000000' },
        },
      },
    );
    for (const u of [
      'province.admin',
      'province.leader',
      'city.admin',
      'city.leader',
      'b.city.admin',
      'b.province.leader',
    ]) {
      tokens.set(u, await api.login(u, 'county'));
    }
  }, 120_000);

  afterAll(async () => {
    await api.close();
  });

  it('puts the demo county under its demo city and province', async () => {
    const rows = await queryRows<{ level: string; name: string; path: string }>(
      api.database.db,
      sql`select level, name, path from regions where id in (${api.demo.countyId}, ${api.demo.regionIds.get('city')!}, ${api.demo.regionIds.get('province')!}) order by path`,
    );
    expect(rows.map((r) => `${r.level}:${r.name}`)).toEqual([
      'province:演示省',
      'city:演示市',
      'county:云岭县',
    ]);
    expect(rows[2]!.path.startsWith(rows[1]!.path)).toBe(true);
    expect(rows[1]!.path.startsWith(rows[0]!.path)).toBe(true);
  });

  it('a city admin creates a county and its admin, who signs in to the county app', async () => {
    const before = await counts();
    const created = await api.gql<{ createRegion: Result }>(
      CREATE_REGION,
      {
        input: {
          parentId: gid(api.demo.regionIds, 'city'),
          level: 'county',
          name: '新设县',
          code: '530988000000',
        },
      },
      as('city.admin'),
    );
    expect(created.data?.createRegion.__typename).toBe('RegionSaved');
    const countyId = created.data!.createRegion.regionId!;
    const account = await api.gql<{
      createAccount: {
        __typename: string;
        slips?: { oneTimePassword: string; regionName: string }[];
      };
    }>(
      CREATE_ACCOUNT,
      {
        input: {
          username: 'xinshe.admin',
          displayName: '新设县管理员',
          role: 'county_admin',
          regionId: countyId,
        },
      },
      as('city.admin'),
    );
    expect(account.data?.createAccount.__typename).toBe('IssuedPasswords');
    expect(account.data?.createAccount.slips?.[0]?.regionName).toBe('新设县');
    const after = await counts();
    expect(after.regions).toBe(before.regions + 1);
    expect(after.users).toBe(before.users + 1);
    // both changes are in the audit log
    expect(after.audit).toBeGreaterThanOrEqual(before.audit + 2);
    // the new county lies under the city, and its admin's account sits on it
    const [row] = await queryRows<{ path: string; role: string }>(
      api.database.db,
      sql`select r.path, u.role from users u join regions r on r.id = u.region_id where u.username = 'xinshe.admin'`,
    );
    const [city] = await queryRows<{ path: string }>(
      api.database.db,
      sql`select path from regions where id = ${api.demo.regionIds.get('city')!}`,
    );
    expect(row?.role).toBe('county_admin');
    expect(row!.path.startsWith(city!.path)).toBe(true);
    // the county admin signs in with the one-time password (and must then choose a new one)
    const login = await api.gql<{ login: { __typename: string } }>(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p, app: county) { __typename } }`,
      { u: 'xinshe.admin', p: account.data!.createAccount.slips![0]!.oneTimePassword },
      { forwardedFor: '10.9.9.9' },
    );
    expect(login.data?.login.__typename).toBe('LoginSuccess');
  });

  it('a city admin does not create a township or a village: the county’s own tree is its admin’s', async () => {
    const before = await counts();
    const res = await api.gql<{ createRegion: Result }>(
      CREATE_REGION,
      {
        input: {
          parentId: gid(api.demo.regionIds, 'c'),
          level: 'township',
          townshipKind: 'zhen',
          name: '新镇',
          code: '530923199000',
        },
      },
      as('city.admin'),
    );
    expect(res.data?.createRegion.__typename).toBe('ForbiddenError');
    expect(await counts()).toEqual(before);
  });

  it('a city admin aiming at a county of another city gets not found, and nothing is written', async () => {
    const before = await counts();
    const county = await api.gql<{ createRegion: Result }>(
      CREATE_REGION,
      {
        input: {
          parentId: gid(other.regionIds, 'city'),
          level: 'county',
          name: '越界县',
          code: '540177000000',
        },
      },
      as('city.admin'),
    );
    expect(county.data?.createRegion.__typename).toBe('NotFoundError');
    const account = await api.gql<{ createAccount: Result }>(
      CREATE_ACCOUNT,
      {
        input: {
          username: 'yuejie.admin',
          displayName: '越界管理员',
          role: 'county_admin',
          regionId: gid(other.regionIds, 'c'),
        },
      },
      as('city.admin'),
    );
    expect(account.data?.createAccount.__typename).toBe('NotFoundError');
    expect(await counts()).toEqual(before);
  });

  it('a city admin gives no role above its own level, nor a county role other than the admin', async () => {
    const before = await counts();
    for (const [role, regionKey] of [
      ['province_leader', 'province'],
      ['county_leader', 'c'],
    ] as const) {
      const res = await api.gql<{ createAccount: Result }>(
        CREATE_ACCOUNT,
        {
          input: {
            username: `try.${role}`,
            displayName: '试图越权',
            role,
            regionId: gid(api.demo.regionIds, regionKey),
          },
        },
        as('city.admin'),
      );
      expect(res.data?.createAccount.__typename, role).not.toBe('IssuedPasswords');
    }
    expect(await counts()).toEqual(before);
  });

  it('a province leader’s mutations are refused, and nothing is written', async () => {
    const before = await counts();
    const county = await api.gql<{ createRegion: Result }>(
      CREATE_REGION,
      {
        input: {
          parentId: gid(api.demo.regionIds, 'city'),
          level: 'county',
          name: '领导县',
          code: '530977000000',
        },
      },
      as('province.leader'),
    );
    expect(county.data?.createRegion.__typename).toBe('ForbiddenError');
    const account = await api.gql<{ createAccount: Result }>(
      CREATE_ACCOUNT,
      {
        input: {
          username: 'leader.made',
          displayName: '领导建的账号',
          role: 'county_admin',
          regionId: gid(api.demo.regionIds, 'c'),
        },
      },
      as('province.leader'),
    );
    expect(account.data?.createAccount.__typename).toBe('ForbiddenError');
    const villageKey = [...api.demo.regionIds.keys()].find((k) => /^t\d+v\d+$/.test(k))!;
    const rename = await api.gql<{ updateRegion: Result }>(
      RENAME,
      { v: gid(api.demo.regionIds, villageKey) },
      as('province.leader'),
    );
    expect(rename.data?.updateRegion.__typename ?? errorCodes(rename).join()).toBe(
      'ForbiddenError',
    );
    expect(await counts()).toEqual(before);
  });

  it('the province and city leaders read the rollup of the demo county, with its denominators', async () => {
    for (const [who, key] of [
      ['province.leader', 'province'],
      ['city.leader', 'city'],
    ] as const) {
      const res = await api.gql<{
        countyRollup: {
          county: { name: string; level: string };
          overview: {
            totals: {
              villages: number;
              done: number;
              inProgress: number;
              overdue: number;
              blocked: number;
              notStarted: number;
            };
          } | null;
        }[];
      }>(ROLLUP, { r: gid(api.demo.regionIds, key) }, as(who));
      expect(res.errors, who).toBeUndefined();
      const demo = res.data!.countyRollup.find((c) => c.county.name === '云岭县');
      expect(demo, who).toBeDefined();
      const t = demo!.overview!.totals;
      expect(t.villages).toBeGreaterThan(0);
      expect(t.done + t.inProgress + t.overdue + t.blocked + t.notStarted).toBe(t.villages);
      // never the other province's county
      expect(res.data!.countyRollup.map((c) => c.county.name)).not.toContain('彩云县');
    }
    const stats = await api.gql<{ electionStatistics: { campaignName: string } }>(
      STATS,
      { r: gid(api.demo.regionIds, 'c') },
      as('province.leader'),
    );
    expect(stats.errors).toBeUndefined();
    expect(stats.data?.electionStatistics.campaignName).not.toBe('');
  });

  it('another province’s leader gets not found for this province’s rollup', async () => {
    const res = await api.gql(
      ROLLUP,
      { r: gid(api.demo.regionIds, 'province') },
      as('b.province.leader'),
    );
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });

  it('the province and city users read the audit log of everything below them, and no other province’s', async () => {
    const under = async (path: string) => {
      const [row] = await queryRows<{ n: number }>(
        api.database.db,
        sql`select count(*)::int as n from audit_log where region_path like ${`${path}%`}`,
      );
      return row!.n;
    };
    const pathOf = async (id: number) => {
      const [row] = await queryRows<{ path: string }>(
        api.database.db,
        sql`select path from regions where id = ${id}`,
      );
      return row!.path;
    };
    // an entry in the other province: its city admin creates a county
    const made = await api.gql<{ createRegion: Result }>(
      CREATE_REGION,
      {
        input: {
          parentId: gid(other.regionIds, 'city'),
          level: 'county',
          name: '彩云新县',
          code: '540166000000',
        },
      },
      as('b.city.admin'),
    );
    expect(made.data?.createRegion.__typename).toBe('RegionSaved');
    const province = await pathOf(api.demo.regionIds.get('province')!);
    const city = await pathOf(api.demo.regionIds.get('city')!);
    const all = await counts();
    for (const [who, path] of [
      ['province.leader', province],
      ['city.leader', city],
      ['city.admin', city],
    ] as const) {
      const res = await api.gql<{
        auditLog: { total: number; items: { chain: string; seq: number }[] };
      }>(AUDIT, { r: null }, as(who));
      expect(res.errors, who).toBeUndefined();
      const expected = await under(path);
      expect(expected, who).toBeGreaterThan(0);
      expect(res.data!.auditLog.total, who).toBe(expected);
      // the entries of the demo county, and the city admin's new county (an earlier test)
      expect(res.data!.auditLog.items.length, who).toBe(Math.min(200, expected));
      // entries of several chains: chain and seq tell them apart
      const keys = res.data!.auditLog.items.map((e) => `${e.chain}:${String(e.seq)}`);
      expect(new Set(keys).size, who).toBe(keys.length);
    }
    // the other province's log is not theirs; that province's leader reads only its own
    expect(await under(province)).toBeLessThan(all.audit);
    const outside = await api.gql(AUDIT, { r: gid(other.regionIds, 'c') }, as('province.leader'));
    expect(errorCodes(outside).length).toBe(1);
    const theirs = await api.gql<{ auditLog: { total: number } }>(
      AUDIT,
      { r: null },
      as('b.province.leader'),
    );
    expect(theirs.data?.auditLog.total).toBeGreaterThan(0);
    expect(theirs.data?.auditLog.total).toBe(
      await under(await pathOf(other.regionIds.get('province')!)),
    );
    // and they verify every chain below them
    const chain = await api.gql<{ auditChainStatus: { ok: boolean; entries: number } }>(
      CHAIN,
      {},
      as('province.leader'),
    );
    expect(chain.errors).toBeUndefined();
    expect(chain.data?.auditChainStatus).toMatchObject({ ok: true });
    expect(chain.data!.auditChainStatus.entries).toBe(await under(province));
  });

  it('a province leader opening a county’s campaign without naming a region reads that county, by its city', async () => {
    const rollup = await api.gql<{
      countyRollup: {
        county: { name: string };
        city: { name: string } | null;
        overview: { campaign: { id: string } } | null;
      }[];
    }>(
      `query($r: ID!) { countyRollup(regionId: $r) { county { name } city { name } overview { campaign { id } } } }`,
      { r: gid(api.demo.regionIds, 'province') },
      as('province.leader'),
    );
    const demo = rollup.data!.countyRollup.find((c) => c.county.name === '云岭县')!;
    expect(demo.city?.name).toBe('演示市');
    const res = await api.gql<{
      campaignOverview: { region: { name: string; level: string }; totals: { villages: number } };
    }>(OVERVIEW, { c: demo.overview!.campaign.id }, as('province.leader'));
    expect(res.errors).toBeUndefined();
    expect(res.data?.campaignOverview.region).toEqual({ name: '云岭县', level: 'county' });
    expect(res.data!.campaignOverview.totals.villages).toBeGreaterThan(0);
    // not a county of another province
    const theirs = await api.gql(
      OVERVIEW,
      { c: demo.overview!.campaign.id },
      as('b.province.leader'),
    );
    expect(errorCodes(theirs).length).toBe(1);
  });

  it('a leader above the county, whose requests are read-only, still changes its password and signs out', async () => {
    const token = tokens.get('b.province.leader')!;
    const changed = await api.gql<{ changePassword: { __typename: string } }>(
      `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) {
        __typename } }`,
      { c: DEMO_PASSWORD, n: 'a-leaders-own-secret' },
      { token },
    );
    expect(changed.data?.changePassword.__typename).toBe('PasswordChanged');
    const again = await api.gql<{ login: { __typename: string } }>(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p, app: county) { __typename } }`,
      { u: 'b.province.leader', p: 'a-leaders-own-secret' },
    );
    expect(again.data?.login.__typename).toBe('LoginSuccess');
  });
});
