import { createHash, randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Database } from '@huanjie/db';
import { createDb } from '@huanjie/db';
import pg from 'pg';

/** A seeded database to copy: a PGlite data directory, or a PostgreSQL database used as a template. */
export type Template = { dataDir: string } | { url: string; name: string };

/** This machine, in the names of the databases its runs create. */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);

/**
 * A database of the suite's own, named so that runs beside each other never meet: the machine,
 * the process that made it (so a later run can tell it was left behind), and a random part.
 */
export function postgresName(role: string): string {
  return `huanjie_e2e_${HOST}_${String(process.pid)}_${randomBytes(4).toString('hex')}_${role}`;
}

/** Drops the databases a run on this machine left behind when it was killed (its process is gone). */
export async function dropStaleDatabases(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like 'huanjie\\_e2e\\_${HOST}\\_%'`,
    );
    for (const { datname } of rows) {
      const pid = Number(datname.split('_')[3]);
      if (!isAlive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function urlOf(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Opens a template (to seed it), runs `work`, and closes it again so that it can be copied. */
export async function withDatabase<T>(
  template: Template,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await createDb(
    'url' in template ? { url: urlOf(template.url, template.name) } : { dataDir: template.dataDir },
  );
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/**
 * A fresh copy of the template for one test file: the environment the API reads it from, and how
 * to remove it. PostgreSQL copies a template database in one statement; PGlite's data directory
 * is a plain directory.
 */
export async function copyTemplate(
  template: Template,
  dataDir: string,
): Promise<{ copy: Template; env: Record<string, string>; dispose: () => Promise<void> }> {
  if ('url' in template) {
    const name = postgresName('file');
    await adminQuery(template.url, `CREATE DATABASE "${name}" TEMPLATE "${template.name}"`);
    return {
      copy: { url: template.url, name },
      env: { DATABASE_URL: urlOf(template.url, name) },
      dispose: () => adminQuery(template.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  cpSync(template.dataDir, dataDir, { recursive: true });
  return {
    copy: { dataDir },
    env: { HUANJIE_DATA_DIR: dataDir },
    dispose: () => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/**
 * An empty installation for one test file (what `npm start -- --empty` gives a real county): a
 * copy of the migrated, empty template with only what `prepare` puts in (the first admin), before
 * the API opens it.
 */
export async function copyEmptyTemplate(
  template: Template,
  dataDir: string,
  prepare: (database: Database) => Promise<void>,
): Promise<{ env: Record<string, string>; dispose: () => Promise<void> }> {
  const database = await copyTemplate(template, dataDir);
  try {
    await withDatabase(database.copy, prepare);
  } catch (error) {
    await database.dispose();
    throw error;
  }
  return database;
}
