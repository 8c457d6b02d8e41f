import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrate } from '@huanjie/db';
import { DEMO_PASSWORD, generateDemoCounty, insertDemoCounty } from '@huanjie/db/demo';
import { verifyAuditChains } from '../../src/modules/audit/audit.service.js';
import { OwnCluster } from './own-cluster.js';

const API_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Acknowledged writes survive a crash: while clients keep writing, the API is killed with
 * SIGKILL and PostgreSQL is stopped in immediate mode (no checkpoint), both are restarted, and
 * every write the API had acknowledged must be there afterwards, with the audit chain intact.
 */
describe('crash safety', () => {
  let cluster: OwnCluster;
  let api: ChildProcess | undefined;
  let apiPort: number;

  beforeAll(async () => {
    if (!existsSync(`${API_DIR}/dist/main.js`)) {
      spawnSync('node', ['build.mjs'], { cwd: API_DIR, stdio: 'inherit' });
    }
    cluster = new OwnCluster(await freePort());
    cluster.init();
    cluster.start();
    const database = await createDb({ url: cluster.url });
    await migrate(database);
    await insertDemoCounty(database.db, generateDemoCounty({ villages: 20 }));
    await database.close();
    apiPort = await freePort();
  });
  afterAll(() => {
    api?.kill('SIGKILL');
    cluster.destroy();
  });

  async function startApi() {
    api = spawn('node', ['dist/main.js'], {
      cwd: API_DIR,
      env: { ...process.env, DATABASE_URL: cluster.url, PORT: String(apiPort), NODE_ENV: 'production' },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`http://127.0.0.1:${apiPort}/healthz`)).ok) return;
      } catch {
        // starting
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('API did not start');
  }

  /** One acknowledged write: a sign-in, which stores a session; returns its token when acknowledged. */
  async function write(i: number): Promise<string | null> {
    try {
      const res = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${i % 250}.${i % 7}` },
        body: JSON.stringify({
          query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p, app: county) { ... on LoginSuccess { token } } }`,
          variables: { u: 'county.leader', p: DEMO_PASSWORD },
        }),
      });
      if (!res.ok) return null;
      const body = (await res.json()) as { data?: { login?: { token?: string } } };
      return body.data?.login?.token ?? null;
    } catch {
      return null; // not acknowledged: the connection died
    }
  }

  it('keeps every acknowledged write through kill -9 of the API and an immediate PostgreSQL stop', async () => {
    await startApi();
    const acknowledged: string[] = [];
    let attempted = 0;
    let writing = true;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      while (writing) {
        attempted += 1;
        const token = await write(attempted * 4 + w);
        if (token) acknowledged.push(token);
        else await new Promise((r) => setTimeout(r, 50));
      }
    });

    await new Promise((r) => setTimeout(r, 1500));
    const beforeCrash = acknowledged.length;
    api?.kill('SIGKILL');
    cluster.crash();
    cluster.start();
    await startApi();
    await new Promise((r) => setTimeout(r, 1000));
    writing = false;
    await Promise.all(writers);

    expect(beforeCrash).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(beforeCrash);
    let missing = 0;
    for (const token of acknowledged) {
      const res = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { username } }' }),
      });
      const body = (await res.json()) as { data?: { me?: { username: string } } };
      if (body.data?.me?.username !== 'county.leader') missing += 1;
    }
    process.stdout.write(
      `crash safety: ${attempted} writes attempted, ${acknowledged.length} acknowledged (${beforeCrash} before the crash), ${missing} lost\n`,
    );
    expect(missing).toBe(0);

    const database = await createDb({ url: cluster.url });
    try {
      expect((await verifyAuditChains(database.db)).ok).toBe(true);
    } finally {
      await database.close();
    }
  });
});

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
