import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@huanjie/db';
import { queryRows } from '@huanjie/db';
import type { InsertedDemoCounty } from '@huanjie/db/demo';
import { DEMO_PASSWORD, seedDemo } from '@huanjie/db/demo';
import { createTestDatabase } from '@huanjie/db/testing';
import type { App } from '@huanjie/domain';
import type * as domain from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import type { RunningServer } from '../../src/server.js';
import { startServer } from '../../src/server.js';

/**
 * The API's own checks, switched off on demand: every can(), every region containment test and
 * every role test says yes. What is left between a caller and another township's rows is the
 * database's row-level security.
 */
const checks = vi.hoisted(() => ({ on: true }));
vi.mock('@huanjie/domain', async (importOriginal) => {
  const actual = await importOriginal<typeof domain>();
  return {
    ...actual,
    can: (...args: Parameters<typeof actual.can>) => !checks.on || actual.can(...args),
    roleAllows: (...args: Parameters<typeof actual.roleAllows>) =>
      !checks.on || actual.roleAllows(...args),
    isWithin: (...args: Parameters<typeof actual.isWithin>) =>
      !checks.on || actual.isWithin(...args),
    isWithinAny: (...args: Parameters<typeof actual.isWithinAny>) =>
      !checks.on || actual.isWithinAny(...args),
  };
});

/** Tables without row-level security, and why. Every other table must have it. */
const UNPOLICED: Record<string, string> = {
  users:
    'the login table: the request role may read only harmless columns (no password hash, no phone), for authors’ names on records of every level; sign-in reads an account through huanjie_login_account (accounts.test.ts)',
  sessions:
    'no rights for the request role: opened, looked up and ended only through SECURITY DEFINER functions (accounts.test.ts)',
  login_attempts:
    'no rights for the request role: counted and recorded only through SECURITY DEFINER functions (accounts.test.ts)',
};

interface Api {
  server: RunningServer;
  gql: (
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) => Promise<{
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  }>;
  login: (username: string, app: App) => Promise<string>;
}

async function startApi(database: Database, rowLevelSecurity: boolean): Promise<Api> {
  const server = await startServer({ database, rowLevelSecurity }, { port: 0, host: '127.0.0.1' });
  let address = 0;
  const gql: Api['gql'] = async (query, variables = {}, token) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as never;
  };
  const login = async (username: string, app: App) => {
    address += 1;
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.0.${address}` },
      body: JSON.stringify({
        query: `mutation($u: String!, $p: String!, $a: App!) { login(username: $u, password: $p, app: $a) {
          __typename ... on LoginSuccess { token user { username homeRegion { name } } } } }`,
        variables: { u: username, p: DEMO_PASSWORD, a: app },
      }),
    });
    const body = (await res.json()) as { data?: { login?: { token?: string } } };
    const token = body.data?.login?.token;
    if (!token) throw new Error(`login of ${username} failed: ${JSON.stringify(body)}`);
    return token;
  };
  return { server, gql, login };
}

/** Region ids ("Region:n") anywhere in a response. */
function regionIdsIn(value: unknown, into = new Set<number>()): Set<number> {
  if (typeof value === 'string') {
    const match = /^Region:(\d+)$/.exec(value);
    if (match) into.add(Number(match[1]));
  } else if (Array.isArray(value)) value.forEach((v) => regionIdsIn(v, into));
  else if (value && typeof value === 'object')
    Object.values(value).forEach((v) => regionIdsIn(v, into));
  return into;
}

/** Rows of any kind: global ids ("Type:n") anywhere in a response. */
function idsIn(value: unknown): number {
  if (typeof value === 'string') return /^[A-Z][A-Za-z]*:\d+$/.test(value) ? 1 : 0;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + idsIn(v), 0);
  if (value && typeof value === 'object') {
    return Object.values(value).reduce<number>((n, v) => n + idsIn(v), 0);
  }
  return 0;
}

/** Stage records, results and other rows: objects carrying a status anywhere in a response. */
function recordsIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + recordsIn(v), 0);
  if (value && typeof value === 'object') {
    const own = typeof (value as { status?: unknown }).status === 'string' ? 1 : 0;
    return own + Object.values(value).reduce<number>((n, v) => n + recordsIn(v), 0);
  }
  return 0;
}

describe('row-level security: the database alone keeps a caller out of other regions', () => {
  let database: Database;
  let demo: InsertedDemoCounty;
  let withRls: Api;
  let withoutRls: Api;
  let campaignId: string;
  let foreignRegionIds: Set<number>;
  const report: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    demo = await seedDemo(database.db, { villages: 36 });
    withRls = await startApi(database, true);
    withoutRls = await startApi(database, false);
    const admin = await withRls.login('county.admin', 'county');
    const res = await withRls.gql('{ campaigns { id status } }', {}, admin);
    const campaigns = (res.data?.campaigns ?? []) as { id: string; status: string }[];
    const running = campaigns.find((c) => c.status.toLowerCase() === 'running') ?? campaigns[0];
    if (!running) throw new Error(`no campaign: ${JSON.stringify(res)}`);
    campaignId = running.id;
    // The pilot township, whose villages have reported stages and results.
    const t01 = demo.regionPaths.get('t01')!;
    foreignRegionIds = new Set(
      [...demo.regionPaths]
        .filter(([, path]) => path.startsWith(t01))
        .map(([key]) => demo.regionIds.get(key)!),
    );
  });
  afterAll(async () => {
    process.stdout.write(`row-level security (${database.driver}):\n  ${report.join('\n  ')}\n`);
    checks.on = true;
    await withRls.server.stop();
    await withoutRls.server.stop();
    await database.close();
  });

  it('polices every table that carries region data; the exceptions are listed with their reason', async () => {
    const tables = await queryRows<{ name: string; rls: boolean; policies: number }>(
      database.db,
      sql`select c.relname as name, c.relrowsecurity as rls,
            (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
    );
    const unpoliced = tables.filter((t) => !t.rls || t.policies === 0).map((t) => t.name);
    expect(unpoliced.sort()).toEqual(Object.keys(UNPOLICED).sort());
    const [view] = await queryRows<{ options: string[] | null }>(
      database.db,
      sql`select reloptions as options from pg_class where relname = 'unit_election_days'`,
    );
    expect(view?.options).toContain('security_invoker=true');
    report.push(
      `policed tables (${tables.length - unpoliced.length}): ${tables
        .filter((t) => !unpoliced.includes(t.name))
        .map((t) => t.name)
        .join(', ')}`,
      `not policed: ${unpoliced.map((t) => `${t} (${UNPOLICED[t]})`).join('; ')}`,
    );
  });

  it('shows a request role without a scope no row of any policed table', async () => {
    const tables = await queryRows<{ name: string }>(
      database.db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'v') and (c.relrowsecurity or c.relkind = 'v')
          order by c.relname`,
    );
    const owner: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ${sql.identifier(name)}`,
      );
      owner[name] = row?.n ?? 0;
    }
    // Never set, and set to '' (what a pooled connection shows after another request's SET LOCAL).
    for (const setting of [null, '']) {
      const seen: Record<string, number> = {};
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local role huanjie_request`);
        if (setting !== null) {
          await tx.execute(
            sql`select set_config('huanjie.scope', ${setting}, true), set_config('huanjie.home', ${setting}, true)`,
          );
        }
        for (const { name } of tables) {
          const [row] = await queryRows<{ n: number }>(
            tx,
            sql`select count(*)::int as n from ${sql.identifier(name)}`,
          );
          seen[name] = row?.n ?? 0;
        }
      });
      expect(
        Object.values(seen).every((n) => n === 0),
        JSON.stringify(seen),
      ).toBe(true);
    }
    const populated = Object.entries(owner).filter(([, n]) => n > 0);
    // The demo fills most tables; an empty table would prove nothing about its policy.
    expect(populated.length).toBeGreaterThanOrEqual(20);
    report.push(
      `no scope: 0 rows in each of ${tables.length} tables and views, where the owner sees ${populated
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
  });

  it('lets a township’s scope neither change nor add another township’s rows', async () => {
    const t01 = demo.regionPaths.get('t01')!;
    const t02 = demo.regionPaths.get('t02')!;
    const foreignPattern = `${t01}%`;
    const [owned] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from stage_records r join unit_elections u on u.id = r.unit_election_id
          where u.region_path like ${foreignPattern}`,
    );
    let updated = -1;
    let insertError = '';
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`set local role huanjie_request`);
        await tx.execute(
          sql`select set_config('huanjie.scope', ${t02}, true), set_config('huanjie.home', ${t02}, true)`,
        );
        const rows = await queryRows<{ id: number }>(
          tx,
          sql`update stage_records set note = 'rls' where unit_election_id in
              (select id from unit_elections where region_path like ${foreignPattern}) returning id`,
        );
        updated = rows.length;
        try {
          await tx.execute(sql`savepoint foreign_insert`);
          await tx.execute(
            sql`insert into stored_files (region_path, mime_type, size, sha256, content, uploaded_by)
              values (${`${t01}1.`}, 'image/jpeg', 1, 'x', '\\x00', ${demo.userIds.values().next().value!})`,
          );
        } catch (error) {
          insertError = String((error as { cause?: unknown }).cause ?? error);
          await tx.execute(sql`rollback to savepoint foreign_insert`);
        }
        tx.rollback();
      })
      .catch(() => undefined);
    expect(owned?.n).toBeGreaterThan(0);
    expect(updated).toBe(0);
    expect(insertError).toMatch(/row-level security/);
    report.push(
      `writes with t02's scope: updated 0 of ${owned?.n ?? 0} t01 stage records; an insert of a t01 file refused (${insertError.split('\n')[0]})`,
    );
  });

  const foreignReads: [string, string, (ids: Record<string, string>) => Record<string, unknown>][] =
    [
      [
        'region',
        'query($r: ID!) { region(id: $r) { id name children { id name } } }',
        (i) => ({ r: i.foreign }),
      ],
      [
        'electionUnits',
        'query($r: ID!) { electionUnits(regionId: $r) { id region { id name } candidates { id } result { id status } } }',
        (i) => ({ r: i.foreign }),
      ],
      [
        'resultQueue',
        'query($r: ID!) { resultQueue(regionId: $r, statuses: [draft, submitted, returned, approved]) { id region { id } result { status } } }',
        (i) => ({ r: i.foreign }),
      ],
      [
        'townshipMatrix',
        'query($c: ID!, $t: ID!) { townshipMatrix(campaignId: $c, townshipId: $t) { rows { village { id name } cells { displayStatus } } } }',
        (i) => ({ c: i.campaign, t: i.foreign }),
      ],
      [
        'campaignOverview',
        'query($c: ID!, $r: ID!) { campaignOverview(campaignId: $c, regionId: $r) { region { id } children { region { id name } counts { villages } } } }',
        (i) => ({ c: i.campaign, r: i.foreign }),
      ],
      [
        'villageChecklist',
        'query($c: ID!, $v: ID!) { villageChecklist(campaignId: $c, villageId: $v) { village { id } units { items { stageCode record { id status } } } } }',
        (i) => ({ c: i.campaign, v: i.foreignVillage }),
      ],
      ['cadres', 'query($r: ID!) { cadres(regionId: $r) { id name } }', (i) => ({ r: i.foreign })],
    ];

  it('with the API’s checks off, a township coordinator gets no row of another township', async () => {
    const ids = {
      campaign: campaignId,
      foreign: `Region:${demo.regionIds.get('t01')!}`,
      foreignVillage: `Region:${demo.regionIds.get('t01v001')!}`,
    };
    const tokenRls = await withRls.login('town02.coordinator', 'township');
    const tokenPlain = await withoutRls.login('town02.coordinator', 'township');
    checks.on = false;
    try {
      for (const [name, query, vars] of foreignReads) {
        const plain = await withoutRls.gql(query, vars(ids), tokenPlain);
        const policed = await withRls.gql(query, vars(ids), tokenRls);
        const foreignPlain = [...regionIdsIn(plain.data)].filter((id) => foreignRegionIds.has(id));
        const foreignPoliced = [...regionIdsIn(policed.data)].filter((id) =>
          foreignRegionIds.has(id),
        );
        // The checks really are off: without row-level security the same call leaks.
        expect(
          idsIn(plain.data),
          `${name} without RLS: ${JSON.stringify(plain).slice(0, 300)}`,
        ).toBeGreaterThan(0);
        expect(foreignPoliced, `${name}: ${JSON.stringify(policed).slice(0, 300)}`).toEqual([]);
        expect(idsIn(policed.data), name).toBe(0);
        report.push(
          `${name} of t01 by town02.coordinator, checks off: without RLS ${idsIn(plain.data)} rows (${foreignPlain.length} t01 regions, ${recordsIn(plain.data)} records); with RLS ${idsIn(policed.data)} rows (${policed.errors?.map((e) => e.extensions?.code).join(',') ?? 'no error'})`,
        );
      }
    } finally {
      checks.on = true;
    }
  });

  it('with the checks on, legitimate callers see exactly what they saw without row-level security', async () => {
    const callers: [string, App, string, Record<string, string>][] = [
      ['county.admin', 'county', 'campaignOverview', { r: `Region:${demo.countyId}` }],
      [
        'town01.coordinator',
        'township',
        'townshipMatrix',
        { t: `Region:${demo.regionIds.get('t01')!}` },
      ],
      [
        'vil01001.clerk',
        'village',
        'villageChecklist',
        { v: `Region:${demo.regionIds.get('t01v001')!}` },
      ],
      ['town01.guide1', 'village', 'me', {}],
    ];
    const queries: Record<string, string> = {
      campaignOverview:
        'query($c: ID!, $r: ID!) { campaignOverview(campaignId: $c, regionId: $r) { region { id name } totals { villages done overdue } children { region { id name } counts { villages done inProgress overdue } } funnel { track stages { stageCode approved submitted } } } }',
      townshipMatrix:
        'query($c: ID!, $t: ID!) { townshipMatrix(campaignId: $c, townshipId: $t) { rows { village { id name } track risk cells { stageCode displayStatus } } } }',
      villageChecklist:
        'query($c: ID!, $v: ID!) { villageChecklist(campaignId: $c, villageId: $v) { village { id name } units { track items { stageCode status dueDate record { id status enteredByName reviewedByName history { action } } } } } }',
      me: '{ me { username homeRegion { id name } } myRegions { id name ancestors { id name } } }',
    };
    for (const [username, app, name, vars] of callers) {
      const query = queries[name]!;
      const variables = { c: campaignId, ...vars };
      const plain = await withoutRls.gql(query, variables, await withoutRls.login(username, app));
      const policed = await withRls.gql(query, variables, await withRls.login(username, app));
      expect(plain.errors, `${username} ${name}`).toBeUndefined();
      expect(policed, `${username} ${name}`).toEqual(plain);
      report.push(
        `${username} ${name}: same answer with and without RLS (${JSON.stringify(plain.data).length} bytes, ${recordsIn(plain.data)} records)`,
      );
    }
  });
});
