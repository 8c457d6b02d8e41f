import type { Database, Db } from '@huanjie/db';
import { exclusively, queryRows } from '@huanjie/db';
import { createTestDatabase } from '@huanjie/db/testing';
import type { Actor } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_ROLE, beginRequestTransaction } from './request-transaction.js';

// A request whose answer is sent while some of its resolvers still run (graphql-js answers as
// soon as a non-null field fails): their statements must run inside the request's transaction,
// as the request role, not on the connection after it went back to the pool.
describe.skipIf(!process.env.DATABASE_URL)('a request transaction on PostgreSQL', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('ends only after the statements of resolvers still running have run, under row-level security', async () => {
    const request = await beginRequestTransaction(database, null);
    const roles: string[] = [];
    const stray = (async () => {
      await request.db.execute(sql`select pg_sleep(0.2)`);
      for (let i = 0; i < 3; i += 1) {
        const [row] = await queryRows<{ role: string }>(
          request.db,
          sql`select current_user as role`,
        );
        roles.push(row?.role ?? '');
      }
    })();
    await request.finish(true);
    expect(roles).toEqual([REQUEST_ROLE, REQUEST_ROLE, REQUEST_ROLE]);
    await stray;
  });

  it('keeps a sibling resolver out of a section that changes a planner setting for a moment', async () => {
    const request = await beginRequestTransaction(database, null);
    const setting = async (db: Db) =>
      (await queryRows<{ v: string }>(db, sql`select current_setting('enable_nestloop') as v`))[0]
        ?.v;
    let sectionSaw: string | undefined;
    const section = exclusively(() =>
      request.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('enable_nestloop', 'off', true)`);
        await tx.execute(sql`select pg_sleep(0.1)`);
        sectionSaw = await setting(tx);
        await tx.execute(sql`select set_config('enable_nestloop', 'on', true)`);
      }),
    );
    // a sibling's statement issued while the section runs (after its first statement)
    await new Promise((resolve) => setTimeout(resolve, 30));
    const siblingSaw = await setting(request.db);
    await section;
    await request.finish(true);
    expect(sectionSaw).toBe('off');
    // without the section, it ran between the set_configs and was planned without nested loops
    expect(siblingSaw).toBe('on');
  });

  it('refuses a statement issued after the request ended instead of running it elsewhere', async () => {
    const request = await beginRequestTransaction(database, null);
    const { db } = request;
    await request.finish(true);
    await expect(db.execute(sql`select 1`)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/after its request ended/) as unknown },
    });
  });
});

describe('a request of a role that writes nothing in the regions', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const leader: Actor = {
    userId: 1,
    role: 'province_leader',
    homeRegionId: 90,
    homePath: '90/',
    scopeRoots: ['90/'],
  };
  const write = (db: Db) =>
    db.execute(sql`insert into regions (name, level, path) values ('越权', 'county', '90/99.')`);
  const causeOf = async (run: Promise<unknown>) =>
    run.then(
      () => '',
      (error: unknown) => String((error as { cause?: unknown }).cause ?? error),
    );

  it('is refused any write by the database itself, whatever the checks above it let through', async () => {
    const request = await beginRequestTransaction(database, leader);
    expect(await causeOf(write(request.db))).toMatch(/read-only transaction/);
    await request.finish(false);
  });

  it('still writes its own account: the password and sign-out requests are not read-only', async () => {
    const request = await beginRequestTransaction(database, leader, { ownAccountOnly: true });
    expect(await causeOf(write(request.db))).not.toMatch(/read-only transaction/);
    await request.finish(false);
  });
});
