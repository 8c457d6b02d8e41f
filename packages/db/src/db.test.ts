import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, like } from 'drizzle-orm';
import { demoAbove, generateDemoCounty, insertDemoCounty } from './demo/index.js';
import type { InsertedDemoCounty } from './demo/index.js';
import type { Database } from './client.js';
import { verifyPassword } from './passwords.js';
import { regions, users } from './schema/index.js';
import { createTestDatabase } from './testing.js';
import { DEMO_PASSWORD } from './demo/generate.js';

describe(`database (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  let demo: InsertedDemoCounty;

  beforeAll(async () => {
    database = await createTestDatabase();
    demo = await insertDemoCounty(database.db, generateDemoCounty({ villages: 40 }));
  });
  afterAll(() => database.close());

  it('answers "everything under a township" with one prefix query', async () => {
    const townshipPath = demo.regionPaths.get('t01')!;
    const [subtree] = await database.db
      .select({ n: count() })
      .from(regions)
      .where(like(regions.path, `${townshipPath}%`));
    const expected = generateDemoCounty({ villages: 40 }).regions.filter(
      (r) => r.key === 't01' || r.key.startsWith('t01v'),
    ).length;
    expect(subtree?.n).toBe(expected);
  });

  it('stores a path that ends with the row id under its parent path', async () => {
    const village = await database.db.query.regions.findFirst({
      where: { id: demo.regionIds.get('t02v003')! },
      with: { parent: true },
    });
    expect(village?.path).toBe(`${village?.parent?.path}${village?.id}.`);
  });

  it('keeps argon2id password hashes that verify only the right password', async () => {
    const [row] = await database.db
      .select()
      .from(users)
      .where(and(eq(users.username, 'county.admin')));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(row!.passwordHash, 'wrong')).toBe(false);
  });

  it('allows a second county in the same database', async () => {
    const second = await insertDemoCounty(database.db, {
      ...generateDemoCounty({ villages: 3, seed: 9, countyCode: '530924' }),
      users: [],
    });
    expect(second.countyId).not.toBe(demo.countyId);
  });

  it('puts a second county under the province and city the first one created (no second 演示省)', async () => {
    const insert = (code: string, prefix: string) =>
      insertDemoCounty(
        database.db,
        generateDemoCounty({ villages: 3, seed: 11, countyCode: code, countyName: `${code}县` }),
        { usernamePrefix: prefix, above: demoAbove(code) },
      );
    const first = await insert('531001', 'a.');
    const second = await insert('531002', 'b.');
    const countyPaths = await database.db
      .select({ path: regions.path, parentId: regions.parentId })
      .from(regions)
      .where(inArray(regions.code, ['531001', '531002']));
    const city = await database.db
      .select({ id: regions.id, path: regions.path })
      .from(regions)
      .where(eq(regions.code, '531000000000'));
    expect(city).toHaveLength(1);
    expect(countyPaths.map((c) => c.parentId)).toEqual([city[0]?.id, city[0]?.id]);
    for (const c of countyPaths) expect(c.path.startsWith(city[0]?.path ?? '-')).toBe(true);
    const [admins] = await database.db
      .select({ n: count() })
      .from(users)
      .where(like(users.username, '%province.admin'));
    expect(admins?.n).toBe(1);
    expect(first.userIds.has('province.admin')).toBe(true);
    expect(second.countyId).not.toBe(first.countyId);
  });
});
