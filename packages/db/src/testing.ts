import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database } from './client.js';
import { createDb } from './client.js';
import { MIGRATIONS_FOLDER, migrate } from './migrate.js';
import { relations } from './relations.js';

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database when DATABASE_URL is
 * set (dropped on close), otherwise an in-memory PGlite booted from a migrated snapshot.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  return url ? createPostgresTestDatabase(url) : createPgliteTestDatabase();
}

async function createPostgresTestDatabase(url: string): Promise<Database> {
  const name = `huanjie_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(url, (c) => c.query(`CREATE DATABASE "${name}"`));
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await createDb({ url: testUrl.toString(), poolSize: 5 });
  await migrate(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdminClient(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdminClient(url: string, run: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

let snapshot: Promise<Blob> | undefined;

/**
 * Vitest global setup: builds the migrated PGlite snapshot once, before any test file starts, so
 * parallel test files on a fresh clone load it instead of each running initdb and every migration
 * at once (which took longer than a hook may wait on a busy 2-core machine).
 */
export async function prepareTestDatabases(): Promise<void> {
  if (!process.env.DATABASE_URL) await loadOrBuildSnapshot();
}

async function createPgliteTestDatabase(): Promise<Database> {
  snapshot ??= loadOrBuildSnapshot();
  return createDb({ loadDataDir: await snapshot });
}

/** Booting PGlite from a migrated dump takes well under a second; initdb plus migrations, several. */
async function loadOrBuildSnapshot(): Promise<Blob> {
  const cacheDir = join(MIGRATIONS_FOLDER, '..', 'node_modules', '.cache');
  const file = join(cacheDir, `pglite-${migrationsHash()}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const client = await PGlite.create();
  await migratePglite(drizzle({ client, relations }), { migrationsFolder: MIGRATIONS_FOLDER });
  const dump = await client.dumpDataDir('gzip');
  await client.close();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${file}.${process.pid}`, Buffer.from(await dump.arrayBuffer()));
  // rename is atomic, so parallel test workers never read a half-written snapshot
  renameSync(`${file}.${process.pid}`, file);
  return dump;
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const dir of readdirSync(MIGRATIONS_FOLDER).sort()) {
    hash.update(dir);
    hash.update(readFileSync(join(MIGRATIONS_FOLDER, dir, 'migration.sql')));
  }
  return hash.digest('hex').slice(0, 16);
}
