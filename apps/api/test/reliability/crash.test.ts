import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrate, queryRows } from '@huanjie/db';
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD, generateDemoCounty, insertDemoCounty } from '@huanjie/db/demo';
import { DEVELOPMENT_AUDIT_CHAIN_KEY } from '../../src/modules/audit/audit-key.js';
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
    // always bundle the current sources: a stale dist/main.js would test old code
    const built = spawnSync('node', ['build.mjs'], { cwd: API_DIR, stdio: 'inherit' });
    if (built.status !== 0 || !existsSync(`${API_DIR}/dist/main.js`))
      throw new Error('build failed');
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
      env: {
        ...process.env,
        DATABASE_URL: cluster.url,
        PORT: String(apiPort),
        NODE_ENV: 'production',
        // the key verifyAuditChains uses in this process
        AUDIT_CHAIN_KEY: DEVELOPMENT_AUDIT_CHAIN_KEY,
      },
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

  async function gql(query: string, variables: Record<string, unknown>, token?: string) {
    const res = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-huanjie-app': 'county',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    if (!res.ok) return null;
    return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  }

  /**
   * One acknowledged write: the county admin sets up a campaign (a row and its audit entry in one
   * transaction); returns the campaign's id when the API acknowledged it.
   */
  async function write(token: string, ruleSetId: string, i: number): Promise<string | null> {
    try {
      const body = await gql(
        `mutation($input: CampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id } } }`,
        {
          input: {
            name: `崩溃测试${String(i)}`,
            tracks: ['P', 'V'],
            termNumbers: [
              { track: 'P', term: 11 },
              { track: 'V', term: 12 },
            ],
            electionDayPlan: 'county',
            electionDay: '2027-03-15',
            ordering: 'parallel',
            ruleSetId,
          },
        },
        token,
      );
      const created = body?.data?.createCampaign as { __typename: string; id?: string } | undefined;
      return created?.__typename === 'Campaign' && created.id ? created.id : null;
    } catch {
      return null; // not acknowledged: the connection died
    }
  }

  it('keeps every acknowledged write through kill -9 of the API and an immediate PostgreSQL stop', async () => {
    await startApi();
    const login = await gql(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p, app: county) { ... on LoginSuccess { token } } }`,
      { u: 'county.admin', p: DEMO_PASSWORD },
    );
    const token = (login?.data?.login as { token?: string } | undefined)?.token;
    if (!token) throw new Error(`login failed: ${JSON.stringify(login)}`);
    const ruleSets = await gql('{ ruleSets { id isNational } }', {}, token);
    const ruleSetId = (
      ruleSets?.data?.ruleSets as { id: string; isNational: boolean }[] | undefined
    )?.find((r) => r.isNational)?.id;
    if (!ruleSetId) throw new Error(`no national rule set: ${JSON.stringify(ruleSets)}`);

    const acknowledged: string[] = [];
    let attempted = 0;
    let writing = true;
    const writers = Array.from({ length: 4 }, async () => {
      while (writing) {
        attempted += 1;
        const id = await write(token, ruleSetId, attempted);
        if (id) acknowledged.push(id);
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

    const database = await createDb({ url: cluster.url });
    try {
      const ids = acknowledged.map((gid) => Number(gid.split(':')[1]));
      const stored = await queryRows<{ id: number }>(
        database.db,
        sql`select id from campaigns where id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
      const audited = await queryRows<{ id: string }>(
        database.db,
        sql`select entity_id as id from audit_log where action = 'campaign.create'`,
      );
      const storedIds = new Set(stored.map((r) => r.id));
      const auditedIds = new Set(audited.map((r) => Number(r.id)));
      const missing = ids.filter((id) => !storedIds.has(id));
      const unaudited = ids.filter((id) => !auditedIds.has(id));
      // a write the API never acknowledged may have committed, but never half: row and audit entry
      const [rows] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from campaigns`,
      );
      const report = await verifyAuditChains(database.db);
      process.stdout.write(
        `crash safety: ${String(attempted)} campaign writes attempted, ${String(acknowledged.length)} acknowledged ` +
          `(${String(beforeCrash)} before the crash), ${String(rows?.n)} stored, ${String(auditedIds.size)} audited, ` +
          `${String(missing.length)} lost, ${String(unaudited.length)} without audit entry; audit chain ` +
          `${report.ok ? `verifies (${String(report.entries)} entries)` : `BROKEN: ${JSON.stringify(report)}`}\n`,
      );
      expect(missing).toEqual([]);
      expect(unaudited).toEqual([]);
      expect(auditedIds.size).toBe(rows?.n);
      expect(report.ok, JSON.stringify(report)).toBe(true);
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
