import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Db, Driver } from './db-type.js';
import type { LeasedConnection } from './leased-connection.js';
import { leaseConnection } from './leased-connection.js';
import { relations } from './relations.js';

export type { Db, Driver } from './db-type.js';

export interface Database {
  db: Db;
  driver: Driver;
  /** A connection of its own for one unit of work (PostgreSQL; PGlite has one connection). */
  lease?: () => Promise<LeasedConnection>;
  close: () => Promise<void>;
}

export interface CreateDbOptions {
  /** A PostgreSQL connection string; when absent, PGlite (embedded PostgreSQL) is used. */
  url?: string | undefined;
  /** PGlite's data folder; when absent with no url, PGlite runs in memory. */
  dataDir?: string | undefined;
  /** A PGlite snapshot (from dumpDataDir) to boot from instead of an empty cluster. */
  loadDataDir?: Blob | File | undefined;
  poolSize?: number | undefined;
}

export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  if (options.url) {
    // Under row-level security a request holds one connection for its whole operation (its
    // transaction) while the next requests look up their sessions on others: 20, not pg's 10.
    // JIT off for every connection: the API's statements are short, but row-level security adds
    // subplans whose estimated cost passes jit_above_cost, and compiling them took ~1 s for a
    // statement that runs in 2 ms (a township's cadres, measured on the province-scale bench).
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 20,
      options: '-c jit=off',
    });
    // An idle connection that PostgreSQL ends (a restart, a dropped test database) is discarded by
    // the pool; without a listener its 'error' event would crash the process.
    pool.on('error', (error) => {
      console.warn(`database connection closed by the server: ${error.message}`);
    });
    const db = drizzlePg({ client: pool, relations });
    return {
      db,
      driver: 'postgres',
      lease: () => leaseConnection(pool),
      close: () => pool.end(),
    };
  }
  // PGlite creates its own folder but not the ones above it (.data on a fresh clone).
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite({ client, relations });
  return { db, driver: 'pglite', close: () => client.close() };
}

/** The embedded database's folder: `.data/pglite` at the root of the workspace. */
export function defaultDataDir(from = process.cwd()): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve(from, '.data/pglite');
    dir = parent;
  }
  return join(dir, '.data', 'pglite');
}
