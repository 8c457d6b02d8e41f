import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, migrate } from '@huanjie/db';
import {
  generateDemoCounty,
  openElectionToday,
  openElectionVillageKey,
  seedDemo,
} from '@huanjie/db/demo';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    appUrls: { village: string; township: string; county: string };
    /** Database ids of demo regions, by the generator's key (e.g. "t01v001"). */
    regionIds: Record<string, number>;
  }
}

const children: ChildProcess[] = [];
let cleanup: (() => Promise<void>) | undefined;

/** Seeds a fresh database, then starts the built API and the three apps' preview servers. */
export default async function setup(project: TestProject) {
  const { env, regionIds, dispose } = await seedDatabase();
  cleanup = dispose;
  const [apiPort, village, township, county] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  children.push(
    spawn('node', ['apps/api/dist/main.js'], {
      cwd: ROOT,
      env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(apiPort) },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  await waitFor(`${apiUrl}/healthz`);
  const ports = { village, township, county };
  for (const [app, port] of Object.entries(ports)) {
    children.push(
      spawn(
        'node',
        ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'],
        {
          cwd: join(ROOT, 'apps', app),
          env: { ...process.env, HUANJIE_API_URL: apiUrl },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      ),
    );
  }
  const appUrls = {
    village: `http://127.0.0.1:${village}`,
    township: `http://127.0.0.1:${township}`,
    county: `http://127.0.0.1:${county}`,
  };
  await Promise.all(Object.values(appUrls).map((url) => waitFor(url)));
  project.provide('apiUrl', apiUrl);
  project.provide('appUrls', appUrls);
  project.provide('regionIds', regionIds);
}

export async function teardown() {
  await Promise.all(children.map(stopChild));
  await cleanup?.();
}

/** SIGTERM, then SIGKILL if the process is still there after 5 s: no server outlives the tests. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function seedDatabase() {
  const adminUrl = process.env.DATABASE_URL;
  let env: Record<string, string>;
  let dispose: () => Promise<void>;
  let database;
  if (adminUrl) {
    const name = `huanjie_e2e_${randomBytes(5).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
    database = await createDb({ url: url.toString() });
    dispose = () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'huanjie-e2e-'));
    env = { HUANJIE_DATA_DIR: dataDir };
    database = await createDb({ dataDir });
    dispose = () => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    };
  }
  await migrate(database);
  // every module's demo step: the campaign in progress, guidance teams, results
  const demo = await seedDemo(database.db);
  // the village the elections browser test enters an election in, held today
  await openElectionToday(database.db, demo, openElectionVillageKey(generateDemoCounty()));
  await database.close();
  return { env, dispose, regionIds: Object.fromEntries(demo.regionIds) };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
    server.on('error', reject);
  });
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}
