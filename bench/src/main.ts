// `pnpm bench`: the API against the SQL floor and a peer engine, on a fresh PostgreSQL database.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@huanjie/db/demo';
import type { AppDocuments } from './app-documents.js';
import { loadAppDocuments } from './app-documents.js';
import type { BenchDatabase } from './bench-database.js';
import { createBenchDatabase, withClient } from './bench-database.js';
import { appHeaders, postGraphQL, signIn } from './graphql-http.js';
import { runLoad, stopLoads } from './load.js';
import type { LoadSpec } from './load-worker.js';
import type { BenchOptions } from './options.js';
import { readOptions } from './options.js';
import { ensureChromium } from './preflight.js';
import { countyOverviewFloor } from './overview-floor.js';
import {
  TOWNSHIP_LIST_POSTGRAPHILE,
  declareRelationsForPostGraphile,
} from './postgraphile-peer.js';
import type { Service } from './processes.js';
import { freePort, run, startService } from './processes.js';
import type { BenchReport, LoadScenario } from './report.js';
import { formatTable, machine, ratio, strip, targetsOf } from './report.js';
import type { ResultEntry } from './result-pool.js';
import { prepareResultPool } from './result-pool.js';
import { SCALES } from './scales.js';
import type { SeededScale } from './seed-scale.js';
import { seedScale } from './seed-scale.js';
import type { LoadOutcome } from './stats.js';
import { measureAppLoad } from './app-load.js';

const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(BENCH_DIR, '..');
/** More elections than any run can submit at the target rate: the pool never wraps at province scale. */
const RESULT_POOL_LIMIT = 40_000;

const log = (line: string) => process.stderr.write(`${line}\n`);

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  for (const step of cleanups.splice(0).reverse()) {
    await step().catch((error: unknown) => {
      log(`clean-up: ${String(error)}`);
    });
  }
}
/** Stops what the bench started (load worker, servers), drops its database, and exits. */
function stopEverything(why: string, code: number) {
  log(`\n${why}: stopping the servers and dropping the bench database`);
  stopLoads();
  void cleanUp().finally(() => process.exit(code));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    stopEverything(signal, 130);
  });
}
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.once(event, (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    stopEverything(event, 1);
  });
}

try {
  await main(readOptions());
} catch (error) {
  log(
    `\npnpm bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  stopLoads();
  await cleanUp();
  // nothing the bench opened may keep it alive after a failure (a socket, a browser, a timer)
  process.exit(process.exitCode ?? 0);
}

/**
 * HUANJIE_BENCH_FAIL_AT=<step> makes the run fail on purpose at that step (seeded, servers,
 * loads, apps), to check that a failure stops everything and drops the database.
 */
function failAt(step: 'seeded' | 'servers' | 'loads' | 'apps') {
  if (process.env.HUANJIE_BENCH_FAIL_AT === step) {
    throw new Error(`failing on purpose at step "${step}" (HUANJIE_BENCH_FAIL_AT)`);
  }
}

async function main(options: BenchOptions) {
  const plan = SCALES[options.scale];
  ensureChromium(log);
  if (options.build) {
    log('building the API and the village app (turbo, cached)');
    // through the pinned pnpm, as `npm start` does: turbo needs the package manager on its PATH
    await run(
      'npx',
      [
        '--yes',
        'pnpm@10.34.9',
        'exec',
        'turbo',
        'run',
        'build',
        '--filter=@huanjie/api',
        '--filter=@huanjie/village',
        '--output-logs=errors-only',
      ],
      ROOT,
    );
  }
  const database: BenchDatabase = await createBenchDatabase(options.databaseUrl);
  cleanups.push(database.drop);
  log(`database ${database.name}: seeding ${plan.counties} × ${plan.villagesPerCounty} villages`);
  const seeded = await seedScale(database.url, plan, log);
  log(`seeded ${seeded.villages} villages in ${seeded.seedSeconds} s`);
  failAt('seeded');

  const { pool, postgres } = await withClient(database.url, async (client) => {
    await declareRelationsForPostGraphile(client);
    const version =
      (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]
        ?.v ?? '';
    return { pool: await prepareResultPool(client, RESULT_POOL_LIMIT), postgres: version };
  });
  log(`result entry: ${pool.length} elections ready for their first submission`);

  const api = await startApi(database.url);
  cleanups.push(api.stop);
  const peer = await startPostGraphile(database.url, Number(new URL(api.url).port) + 1);
  cleanups.push(peer.stop);
  failAt('servers');
  const documents = await loadAppDocuments(ROOT);
  const graphqlUrl = `${api.url}/graphql`;

  const countyToken = await signIn(graphqlUrl, 'county.admin', DEMO_PASSWORD, 'county');
  const townshipToken = await signIn(
    graphqlUrl,
    seeded.township.coordinator,
    DEMO_PASSWORD,
    'township',
  );
  await signIn(graphqlUrl, seeded.clerk, DEMO_PASSWORD, 'village');
  log(`signed in county.admin, ${seeded.township.coordinator} and ${seeded.clerk}`);

  const specs = await scenarioSpecs({
    options,
    seeded,
    databaseUrl: database.url,
    graphqlUrl,
    peerUrl: `${peer.url}/graphql`,
    documents,
    countyToken,
    townshipToken,
    pool,
  });

  const loadBefore = loadavg()[0] ?? 0;
  const outcomes = {} as Record<LoadScenario, LoadOutcome>;
  for (const [name, spec] of Object.entries(specs) as [LoadScenario, LoadSpec][]) {
    log(`${name}: ${options.warmupSeconds} s warm-up, ${options.durationSeconds} s measured`);
    outcomes[name] = await runLoad(BENCH_DIR, spec);
    log(`  ${JSON.stringify(outcomes[name])}`);
    failAt('loads');
  }
  const accepted = await withClient(database.url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from result_revisions where idempotency_key like 'bench-%'`,
    );
    return rows[0]?.n ?? 0;
  });
  await peer.stop();
  await api.stop();

  log('village app: first load under slow 3G in Chromium');
  failAt('apps');
  const villageApp = await measureAppLoad(ROOT, 'village', await freePort(4400));

  const partial = {
    scale: plan.scale,
    villages: seeded.villages,
    county_overview: strip(outcomes.county_overview),
    county_overview_sql: strip(outcomes.county_overview_sql),
    township_list: strip(outcomes.township_list),
    township_list_postgraphile: strip(outcomes.township_list_postgraphile),
    result_entry: strip(outcomes.result_entry),
    village_app: villageApp,
    ratios: {
      county_overview_p95_vs_sql: ratio(
        outcomes.county_overview.p95_ms,
        outcomes.county_overview_sql.p95_ms,
      ),
      county_overview_rps_vs_sql: ratio(
        outcomes.county_overview.rps,
        outcomes.county_overview_sql.rps,
      ),
      township_list_p95_vs_postgraphile: ratio(
        outcomes.township_list.p95_ms,
        outcomes.township_list_postgraphile.p95_ms,
      ),
      township_list_rps_vs_postgraphile: ratio(
        outcomes.township_list.rps,
        outcomes.township_list_postgraphile.rps,
      ),
    },
    errors: Object.fromEntries(
      Object.entries(outcomes).map(([name, o]) => [name, o.errors]),
    ) as Record<LoadScenario, number>,
    result_entry_detail: {
      pool: pool.length - 1,
      accepted,
      wrapped: outcomes.result_entry.requests_sent > pool.length - 1,
    },
    counties: seeded.counties,
    row_level_security: !['0', 'false'].includes(process.env.HUANJIE_ROW_LEVEL_SECURITY ?? '1'),
    seed_seconds: seeded.seedSeconds,
    duration_s: options.durationSeconds,
    warmup_s: options.warmupSeconds,
    connections: options.connections,
    machine: machine(postgres, loadBefore),
    finished_at: new Date().toISOString(),
  };
  const report: BenchReport = { ...partial, targets: targetsOf(partial) };
  const resultsDir = join(BENCH_DIR, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${formatTable(report)}\n\nwritten to bench/results/latest.json\n`);
}

async function startApi(databaseUrl: string): Promise<Service> {
  const port = await freePort(4400);
  const url = `http://127.0.0.1:${port}`;
  // in-process subscription events: the bench measures one API instance
  const env = { ...process.env };
  delete env.REDIS_URL;
  return startService({
    name: 'API',
    command: process.execPath,
    // as production runs it (apps/api/package.json start, docker/Dockerfile.api)
    args: ['--enable-source-maps', '--max-semi-space-size=32', 'apps/api/dist/main.js'],
    cwd: ROOT,
    env: {
      AUDIT_CHAIN_KEY: 'huanjie-bench-audit-chain-key-not-a-secret',
      ...env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    url,
    ready: async () => (await fetch(`${url}/healthz`)).ok,
  });
}

async function startPostGraphile(databaseUrl: string, from: number): Promise<Service> {
  const port = await freePort(from);
  const url = `http://127.0.0.1:${port}`;
  return startService({
    name: 'PostGraphile',
    command: process.execPath,
    args: ['serve.mjs'],
    cwd: join(BENCH_DIR, 'postgraphile'),
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port) },
    url,
    ready: async () =>
      (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        })
      ).ok,
  });
}

interface ScenarioInput {
  options: BenchOptions;
  seeded: SeededScale;
  databaseUrl: string;
  graphqlUrl: string;
  peerUrl: string;
  documents: AppDocuments;
  countyToken: string;
  townshipToken: string;
  pool: ResultEntry[];
}

/** Each scenario's load, after one request that checks it answers what the screen needs. */
async function scenarioSpecs(input: ScenarioInput): Promise<Record<LoadScenario, LoadSpec>> {
  const { options, seeded, documents, pool } = input;
  const timing = {
    connections: options.connections,
    warmupSeconds: options.warmupSeconds,
    seconds: options.durationSeconds,
  };
  const campaignId = `Campaign:${seeded.campaignId}`;

  const overviewBody = {
    operationName: documents.countyOverview.operationName,
    query: documents.countyOverview.query,
    variables: { campaignId, regionId: null, track: null },
  };
  const countyHeaders = appHeaders('county', input.countyToken);
  const overview = await postGraphQL<{ campaignOverview: { totals: { villages: number } } }>(
    input.graphqlUrl,
    overviewBody,
    countyHeaders,
  );
  expect(
    'county overview',
    overview.errors,
    (overview.data?.campaignOverview.totals.villages ?? 0) > 0,
  );

  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const floor = countyOverviewFloor(seeded.campaignId, seeded.county.path, today);

  const matrixBody = {
    operationName: documents.townshipMatrix.operationName,
    query: documents.townshipMatrix.query,
    variables: {
      campaignId,
      townshipId: `Region:${seeded.township.id}`,
      track: null,
      zoneId: null,
      risk: null,
    },
  };
  const townshipHeaders = appHeaders('township', input.townshipToken);
  const matrix = await postGraphQL<{ townshipMatrix: { rows: unknown[] } }>(
    input.graphqlUrl,
    matrixBody,
    townshipHeaders,
  );
  expect('township matrix', matrix.errors, (matrix.data?.townshipMatrix.rows.length ?? 0) > 0);

  const peerBody = {
    operationName: 'TownshipList',
    query: TOWNSHIP_LIST_POSTGRAPHILE,
    variables: { townshipId: seeded.township.id, campaignId: seeded.campaignId },
  };
  const peer = await postGraphQL<{ regionById: { children: { nodes: unknown[] } } | null }>(
    input.peerUrl,
    peerBody,
  );
  expect(
    'PostGraphile township list',
    peer.errors,
    (peer.data?.regionById?.children.nodes.length ?? 0) > 0,
  );

  const runTag = Date.now().toString(36);
  const submitBody = (entry: ResultEntry, key: string) =>
    JSON.stringify({
      operationName: documents.submitResult.operationName,
      query: documents.submitResult.query,
      variables: {
        unitId: `ElectionUnit:${entry.unitId}`,
        sheet: entry.sheet,
        idempotencyKey: key,
        // as a clerk does when the sheet draws a warning (e.g. no woman elected): the API refuses
        // such a sheet without one, and says so in a 200 response
        explanation: '与选举现场公布的结果一致',
      },
    });
  const [first, ...rest] = pool;
  if (!first || rest.length === 0) throw new Error('no election is ready for result entry');
  const submitted = await postGraphQL<{ submitResult: { __typename: string } }>(
    input.graphqlUrl,
    JSON.parse(submitBody(first, `bench-${runTag}-check`)),
    appHeaders('village', first.token),
  );
  expect(
    'result submission',
    submitted.errors,
    submitted.data?.submitResult.__typename === 'ElectionUnit',
    JSON.stringify(submitted.data),
  );

  return {
    county_overview: {
      kind: 'http',
      url: input.graphqlUrl,
      ...timing,
      headers: countyHeaders,
      bodies: [JSON.stringify(overviewBody)],
    },
    county_overview_sql: {
      kind: 'sql',
      databaseUrl: input.databaseUrl,
      ...timing,
      sql: floor.sql,
      params: floor.params,
      // the session settings the API's monitoring aggregations use (monitoring.repo.ts)
      options: '-c enable_nestloop=off -c jit=off',
    },
    township_list: {
      kind: 'http',
      url: input.graphqlUrl,
      ...timing,
      headers: townshipHeaders,
      bodies: [JSON.stringify(matrixBody)],
    },
    township_list_postgraphile: {
      kind: 'http',
      url: input.peerUrl,
      ...timing,
      headers: {},
      bodies: [JSON.stringify(peerBody)],
    },
    result_entry: {
      kind: 'http',
      url: input.graphqlUrl,
      ...timing,
      headers: { 'x-huanjie-app': 'village', 'apollo-require-preflight': 'true' },
      bodies: rest.map((entry) => submitBody(entry, `bench-${runTag}-${entry.unitId}-@@seq@@`)),
      bodyHeaders: rest.map((entry) => ({ authorization: `Bearer ${entry.token}` })),
      sequencePlaceholder: '@@seq@@',
    },
  };
}

function expect(what: string, errors: unknown, ok: boolean, detail = '') {
  if (errors || !ok) {
    throw new Error(
      `${what}: unexpected answer ${JSON.stringify(errors ?? null)} ${detail}`.trim(),
    );
  }
}
