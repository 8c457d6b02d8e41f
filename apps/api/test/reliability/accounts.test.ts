import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '@huanjie/db';
import { createDb, queryRows } from '@huanjie/db';
import type { InsertedDemoCounty } from '@huanjie/db/demo';
import { DEMO_PASSWORD, seedDemo } from '@huanjie/db/demo';
import { createTestDatabase } from '@huanjie/db/testing';
import { sql } from 'drizzle-orm';
import { beginRequestTransaction } from '../../src/request-transaction.js';
import type { RunningServer } from '../../src/server.js';
import { startServer } from '../../src/server.js';

/**
 * Accounts in the database (issue 14, item 9): the role requests run as has no rights on the
 * account tables, sees only the cadres a caller's screens need, and — connected as a login role
 * that is not the owner, as docker/ does — cannot `reset role` its way out.
 */

/** The PostgreSQL error a statement ends with, or '' when it succeeds (rolled back either way). */
async function failureOf(db: Db, statement: ReturnType<typeof sql>): Promise<string> {
  let message = '';
  await db
    .transaction(async (tx) => {
      try {
        await tx.execute(statement);
      } catch (error) {
        message = String((error as { cause?: { message?: string } }).cause?.message ?? error);
      }
      tx.rollback();
    })
    .catch(() => undefined);
  return message;
}

describe.skipIf(!process.env.DATABASE_URL)('accounts in the database', () => {
  let database: Database;
  let demo: InsertedDemoCounty;
  const report: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    demo = await seedDemo(database.db, { villages: 36 });
  });
  afterAll(async () => {
    process.stdout.write(`accounts in the database:\n  ${report.join('\n  ')}\n`);
    await database.close();
  });

  it('gives the request role no rights on hashes, sessions and login attempts, with or without a scope', async () => {
    const county = demo.regionPaths.get('c')!;
    const forbidden = [
      'select password_hash from users limit 1',
      'select phone from users limit 1',
      'select * from users limit 1',
      'select token_hash from sessions limit 1',
      'select count(*) from login_attempts',
      "update users set role = 'county_admin' where username = 'vil01001.clerk'",
      "insert into sessions (token_hash, user_id, app, expires_at) values ('x', 1, 'county', now() + interval '1 day')",
      'delete from login_attempts',
    ];
    for (const scope of ['', county]) {
      for (const statement of forbidden) {
        // One statement per transaction: a refusal aborts it.
        let message = '';
        await database.db
          .transaction(async (tx) => {
            await tx.execute(
              sql`select set_config('role', 'huanjie_request', true), set_config('huanjie.scope', ${scope}, true)`,
            );
            try {
              await tx.execute(sql.raw(statement));
            } catch (error) {
              message = String((error as { cause?: { message?: string } }).cause?.message ?? error);
            }
            tx.rollback();
          })
          .catch(() => undefined);
        expect(message, statement).toMatch(/permission denied/);
      }
    }
    // What the screens need of users (authors' names) stays readable.
    const names = await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', 'huanjie_request', true), set_config('huanjie.scope', ${county}, true)`,
      );
      return queryRows<{ n: number }>(
        tx,
        sql`select count(distinct display_name)::int as n from users`,
      );
    });
    expect(names[0]?.n).toBeGreaterThan(10);
    report.push(
      `${forbidden.length} statements on the account tables refused to the request role, with no scope and with the county's`,
    );
  });

  it('shows a village clerk only the cadres who serve the village, not the rosters above it', async () => {
    // A village with a team (assigned to it, its zone or its township) and its 责任人.
    const [village] = await queryRows<{
      id: number;
      path: string;
      townshipPath: string;
      name: string;
    }>(
      database.db,
      sql`select v.id, v.path, t.path as "townshipPath", v.name from regions v join regions t on t.id = v.parent_id
          where v.level = 'village'
            and exists (select 1 from village_responsibilities x where x.region_id = v.id)
            and exists (select 1 from guidance_team_assignments a
              where a.region_id = v.id or a.region_id = v.parent_id or a.zone_id = v.zone_id)
          order by v.path limit 1`,
    );
    if (!village) throw new Error('the demo has no village with a team and a 责任人');
    const villagePath = village.path;
    const townshipPath = village.townshipPath;
    const county = demo.regionPaths.get('c')!;
    const villageId = village.id;
    // Who serves the village, read as the owner: members and leaders of teams assigned to it, its
    // zone or its township, and its 责任人.
    const serving = await queryRows<{ id: number }>(
      database.db,
      sql`select distinct c.id from cadres c where
            exists (select 1 from village_responsibilities v where v.cadre_id = c.id and v.region_id = ${villageId})
            or exists (select 1 from guidance_teams t
              left join guidance_team_members m on m.team_id = t.id
              join guidance_team_assignments a on a.team_id = t.id
              join regions village on village.id = ${villageId}
              where (t.leader_cadre_id = c.id or m.cadre_id = c.id)
                and (a.region_id = village.id or a.region_id = village.parent_id or a.zone_id = village.zone_id))`,
    );
    const rosters = await queryRows<{ id: number }>(
      database.db,
      sql`select c.id from cadres c join regions r on r.id = c.region_id where r.path in (${townshipPath}, ${county})`,
    );
    const seen = await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', 'huanjie_request', true), set_config('huanjie.scope', ${villagePath}, true), set_config('huanjie.home', ${villagePath}, true)`,
      );
      return queryRows<{ id: number; phone: string | null }>(tx, sql`select id, phone from cadres`);
    });
    const seenIds = seen.map((c) => c.id).sort((a, b) => a - b);
    const servingIds = serving.map((c) => c.id).sort((a, b) => a - b);
    // The demo assigns teams and 责任人: an empty set would prove nothing.
    expect(servingIds.length).toBeGreaterThan(0);
    expect(rosters.length).toBeGreaterThan(servingIds.length);
    expect(seenIds).toEqual(servingIds);
    report.push(
      `a clerk of ${village.name} sees ${seenIds.length} cadres (those serving the village) of the ${rosters.length} on the township's and county's rosters`,
    );
  });

  it('lets account changes through only the functions, each checking region and grantable role in SQL', async () => {
    const ids = demo.regionIds;
    // the request names its session by the hash of its token (huanjie.session), as the API sets it
    const tokenOf = new Map<number, string>();
    const enter = (session: number | null) =>
      sql`select set_config('role', 'huanjie_request', true), set_config('huanjie.session', ${session === null ? '' : tokenOf.get(session)!}, true)`;
    const sessionOf = async (username: string) => {
      const [row] = await queryRows<{ id: number }>(
        database.db,
        sql`insert into sessions (token_hash, user_id, app, expires_at)
            select ${`reliability-${username}`}, u.id, 'county', now() + interval '1 day' from users u where u.username = ${username}
            returning id`,
      );
      tokenOf.set(row!.id, `reliability-${username}`);
      return row!.id;
    };
    const admin = await sessionOf('county.admin');
    const coordinator = await sessionOf('town01.coordinator');
    const clerk = await sessionOf('vil01001.clerk');
    const asRequest = async <T>(statement: ReturnType<typeof sql>, session: number | null) => {
      let rows: T[] = [];
      await database.db
        .transaction(async (tx) => {
          await tx.execute(enter(session));
          rows = await queryRows<T>(tx, statement);
          tx.rollback();
        })
        .catch(() => undefined);
      return rows;
    };
    const create = async (session: number, role: string, region: string, named = session) => {
      let refusal: string | null = 'unset';
      await database.db
        .transaction(async (tx) => {
          await tx.execute(enter(named));
          const [row] = await queryRows<{ refusal: string | null }>(
            tx,
            sql`select refusal from huanjie_account_create(${session}, now(), ${`rel.${role}.${region}`}, 'x', ${role}, ${ids.get(region)!}, 'not-a-hash', null::integer)`,
          );
          refusal = row?.refusal ?? null;
          tx.rollback();
        })
        .catch(() => undefined);
      return refusal;
    };
    expect(await create(clerk, 'village_clerk', 't01v001')).toBe('forbidden');
    expect(await create(coordinator, 'county_admin', 'c')).toBe('not_found');
    expect(await create(coordinator, 'township_coordinator', 't01')).toBe('role');
    expect(await create(coordinator, 'village_clerk', 't02v001')).toBe('not_found');
    expect(await create(coordinator, 'village_clerk', 't01')).toBe('level');
    expect(await create(coordinator, 'village_clerk', 't01v001')).toBeNull();
    expect(await create(admin, 'county_admin', 'c')).toBeNull();
    // a session id that is not the request's own session manages nothing
    expect(await create(admin, 'county_admin', 'c', clerk)).toBe('forbidden');
    expect(await create(coordinator, 'village_clerk', 't01v001', admin)).toBe('forbidden');

    for (const statement of [
      `select * from huanjie_account_manager(${String(admin)}, now())`,
      `select * from huanjie_managed_account(${String(admin)}, now(), 1)`,
      "update users set must_change_password = false where username = 'vil01001.clerk'",
      "update users set disabled = true where username = 'vil01001.clerk'",
    ]) {
      let message = '';
      await database.db
        .transaction(async (tx) => {
          await tx.execute(enter(admin));
          try {
            await tx.execute(sql.raw(statement));
          } catch (error) {
            message = String((error as { cause?: { message?: string } }).cause?.message ?? error);
          }
          tx.rollback();
        })
        .catch(() => undefined);
      expect(message, statement).toMatch(/permission denied/);
    }
    // the manager's list holds no hash and nothing outside its township
    const listed = await asRequest<Record<string, unknown>>(
      sql`select * from huanjie_accounts(${coordinator}, now())`,
      coordinator,
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(Object.keys(listed[0] ?? {})).not.toContain('password_hash');
    const t01 = demo.regionPaths.get('t01')!;
    expect(listed.every((r) => String(r.region_path).startsWith(t01))).toBe(true);
    expect(
      await asRequest(sql`select * from huanjie_accounts(${coordinator}, now())`, admin),
      'another session named by id',
    ).toEqual([]);
    // sign-out and password: only the request's own session
    const ended = async (target: number, named: number | null) =>
      (
        await asRequest<{ n: number; live: boolean }>(
          sql`select huanjie_end_all_sessions(${target}, now()) as n,
            (select count(*)::int from huanjie_own_password(${target}, now())) > 0 as live`,
          named,
        )
      )[0];
    expect(await ended(admin, clerk)).toEqual({ n: 0, live: false });
    expect(await ended(admin, null)).toEqual({ n: 0, live: false });
    expect((await ended(clerk, clerk))?.n).toBeGreaterThan(0);
    report.push(
      `account functions: a session named by id but not by the request's token hash manages, lists, reads and ends nothing; a clerk's session manages nothing; a coordinator is refused the county, a coordinator role, another township's village and a clerk at a township; the helper functions and direct updates of users are refused to the request role; a coordinator lists ${String(listed.length)} accounts, all in its township, without hashes`,
    );
  });

  it('keeps a request connected as a non-owner login role inside huanjie_request, even after reset role; sign-in and pages still work', async () => {
    const [{ name } = { name: '' }] = await queryRows<{ name: string }>(
      database.db,
      sql`select current_database() as name`,
    );
    const login = `huanjie_api_${String(process.pid)}`;
    // A role belongs to the cluster: this one is the test's own, made the way docker/ makes it.
    await database.db.execute(sql.raw(`drop role if exists ${login}`));
    await database.db.execute(
      sql.raw(
        `create role ${login} login nosuperuser nocreatedb nocreaterole nobypassrls inherit in role huanjie_request`,
      ),
    );
    await database.db.execute(sql.raw(`grant connect on database "${name}" to ${login}`));
    const url = new URL(process.env.DATABASE_URL!);
    url.username = login;
    url.password = '';
    url.pathname = `/${name}`;
    const asApi = await createDb({ url: url.toString(), poolSize: 4 });
    let server: RunningServer | undefined;
    try {
      server = await startServer({ database: asApi }, { port: 0, host: '127.0.0.1' });
      const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
        const response = await fetch(`${server!.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as {
          data?: Record<string, unknown> | null;
          errors?: unknown;
        };
      };
      const signedIn = await gql(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p, app: village) {
          __typename ... on LoginSuccess { token user { username homeRegion { name } } } } }`,
        { u: 'vil02001.clerk', p: DEMO_PASSWORD },
      );
      const token = (signedIn.data?.login as { token?: string } | undefined)?.token;
      expect(token, JSON.stringify(signedIn)).toBeTruthy();
      const me = await gql('{ me { username homeRegion { name } } }', {}, token);
      expect(me.data?.me, JSON.stringify(me)).toMatchObject({ username: 'vil02001.clerk' });

      const transaction = await beginRequestTransaction(asApi, null);
      try {
        await transaction.db.execute(sql`reset role`);
        const after = await queryRows<{ user: string; superuser: boolean }>(
          transaction.db,
          sql`select current_user as user, (select rolsuper from pg_roles where rolname = current_user) as superuser`,
        );
        expect(after[0]).toEqual({ user: login, superuser: false });
      } finally {
        await transaction.finish(false);
      }
      // Out of the role and into the owner's rights: neither works.
      const reset = await failureOf(
        asApi.db,
        sql`reset role; select password_hash from users limit 1`,
      );
      expect(reset).toMatch(/permission denied/);
      const owner = await failureOf(asApi.db, sql`set role postgres`);
      expect(owner).toMatch(/permission denied/);
      const unscoped = await queryRows<{ n: number }>(
        asApi.db,
        sql`select count(*)::int as n from persons`,
      );
      expect(unscoped[0]?.n).toBe(0);
      report.push(
        `connected as ${login} (login, not superuser, member of huanjie_request): sign-in and me work; after reset role the hashes stay refused, set role postgres is refused, and without a scope persons shows 0 rows`,
      );
    } finally {
      await server?.stop();
      await asApi.close();
      await database.db.execute(sql.raw(`revoke connect on database "${name}" from ${login}`));
      await database.db.execute(sql.raw(`drop role if exists ${login}`));
    }
  });
});
