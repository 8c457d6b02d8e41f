// `pnpm bench`: the API against the SQL floor and a peer engine, on a fresh PostgreSQL database.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@huanjie/db/demo';
import type { AppDocuments, AppOperation } from './app-documents.js';
import { TOWNSHIP_ELECTION_UNITS, loadAppDocuments } from './app-documents.js';
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
import type { ApiScenario, BenchReport, LoadScenario } from './report.js';
import { startStatementCounter } from './statement-counter.js';
import {
  API_SCENARIOS,
  LOAD_SCENARIOS,
  formatTable,
  machine,
  ratio,
  strip,
  targetsOf,
} from './report.js';
import type { ResultEntry, ResultPools } from './result-pool.js';
import { resultFloorTransactions, writableColumns } from './result-floor.js';
import { prepareResultPool } from './result-pool.js';
import { SCALES } from './scales.js';
import type { SeededScale } from './seed-scale.js';
import { seedScale } from './seed-scale.js';
import type { LoadResult } from './stats.js';
import type { FlowStep, RunOutcome } from './load-run.js';
import { isErrorResponse } from './load-run.js';
import type { AppLoadResult, AppName } from './app-load.js';
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
        '--filter=@huanjie/township',
        '--filter=@huanjie/county',
        '--output-logs=errors-only',
      ],
      ROOT,
    );
  }
  const database: BenchDatabase = await createBenchDatabase(options.databaseUrl);
  if (process.env.HUANJIE_BENCH_KEEP_DATABASE === '1') {
    // for profiling a missed target afterwards (EXPLAIN ANALYZE on the same data); drop it yourself
    cleanups.push(() => {
      log(`kept database ${database.name} (HUANJIE_BENCH_KEEP_DATABASE=1): drop it when done`);
      return Promise.resolve();
    });
  } else cleanups.push(database.drop);
  log(`database ${database.name}: seeding ${plan.counties} × ${plan.villagesPerCounty} villages`);
  const seeded = await seedScale(database.url, plan, log);
  log(`seeded ${seeded.villages} villages in ${seeded.seedSeconds} s`);
  failAt('seeded');

  const { pool, columns, postgres } = await withClient(database.url, async (client) => {
    await declareRelationsForPostGraphile(client);
    const version =
      (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]
        ?.v ?? '';
    return {
      pool: await prepareResultPool(client, RESULT_POOL_LIMIT, seeded.county.path),
      columns: await writableColumns(client),
      postgres: version,
    };
  });
  log(
    `result entry: ${pool.api.length} elections for the API, ${pool.floor.length} for its SQL floor, each submitted once`,
  );

  const api = await startApi(database.url, true);
  cleanups.push(api.stop);
  const apiUncached = await startApi(database.url, false);
  cleanups.push(apiUncached.stop);
  const peer = await startPostGraphile(database.url, 'owner');
  cleanups.push(peer.stop);
  const peerRls = await startPostGraphile(database.url, 'rls');
  cleanups.push(peerRls.stop);
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

  const boardFlows = await guidanceBoardFlows(database.url, graphqlUrl, seeded, documents);
  log(`guidance board: ${boardFlows.length} coordinators, each on a team of their own township`);
  // a few elections kept aside for counting the statements of a submission
  const reserved = pool.api.splice(-6);
  const readSpecs = await scenarioSpecs({
    options,
    seeded,
    databaseUrl: database.url,
    graphqlUrl,
    uncachedUrl: `${apiUncached.url}/graphql`,
    peerUrl: `${peer.url}/graphql`,
    peerRlsUrl: `${peerRls.url}/graphql`,
    documents,
    countyToken,
    townshipToken,
    pool,
    floorColumns: columns,
  });
  const specs: Record<LoadScenario, LoadSpec> = {
    ...readSpecs,
    guidance_board_actions: {
      kind: 'flows',
      url: graphqlUrl,
      warmupSeconds: options.warmupSeconds,
      seconds: options.durationSeconds,
      flows: boardFlows,
    },
  };

  const loadBefore = loadavg()[0] ?? 0;
  const outcomes = {} as Record<LoadScenario, RunOutcome>;
  for (const [name, spec] of Object.entries(specs) as [LoadScenario, LoadSpec][]) {
    log(`${name}: ${options.warmupSeconds} s warm-up, ${options.durationSeconds} s measured`);
    outcomes[name] = await runLoad(BENCH_DIR, spec);
    log(`  ${JSON.stringify(outcomes[name])}`);
  }
  const loadAfter = loadavg()[0] ?? 0;
  const accepted = await withClient(database.url, async (client) => {
    const { rows } = await client.query<{ n: number; floor: number }>(
      `select count(*) filter (where idempotency_key like 'bench-%'
                                 and idempotency_key not like '%-check')::int as n,
              count(*) filter (where idempotency_key like 'floor-%')::int as floor
       from result_revisions`,
    );
    return { api: rows[0]?.n ?? 0, floor: rows[0]?.floor ?? 0 };
  });
  failAt('loads');
  log('statements per request: each API row sent one at a time through a counting relay');
  const statements = await countStatements(database.url, specs, reserved);
  await peerRls.stop();
  await peer.stop();
  await apiUncached.stop();
  await api.stop();

  failAt('apps');
  const apps = {} as Record<AppName, AppLoadResult>;
  for (const app of ['village', 'township', 'county'] as const) {
    log(`${app} app: first load under slow 3G in Chromium`);
    apps[app] = await measureAppLoad(ROOT, app, await freePort(4400));
  }
  const o = outcomes;

  const poolUsed = (x: RunOutcome) => ({
    sent: x.requests_sent,
    exhausted: x.pool_exhausted ?? false,
    measured_s: x.measured_s ?? options.durationSeconds,
  });
  const partial = {
    scale: plan.scale,
    villages: seeded.villages,
    ...(Object.fromEntries(LOAD_SCENARIOS.map((name) => [name, strip(o[name])])) as Record<
      LoadScenario,
      LoadResult
    >),
    village_app: apps.village,
    township_app: apps.township,
    county_app: apps.county,
    statements_per_request: statements,
    ratios: {
      county_overview_uncached_p95_vs_sql: ratio(
        o.county_overview_uncached.p95_ms,
        o.county_overview_sql.p95_ms,
      ),
      county_overview_uncached_rps_vs_sql: ratio(
        o.county_overview_uncached.rps,
        o.county_overview_sql.rps,
      ),
      township_list_uncached_p95_vs_postgraphile_rls: ratio(
        o.township_list_uncached.p95_ms,
        o.township_list_postgraphile_rls.p95_ms,
      ),
      township_list_uncached_rps_vs_postgraphile_rls: ratio(
        o.township_list_uncached.rps,
        o.township_list_postgraphile_rls.rps,
      ),
      township_list_uncached_p95_vs_postgraphile: ratio(
        o.township_list_uncached.p95_ms,
        o.township_list_postgraphile.p95_ms,
      ),
      township_list_uncached_rps_vs_postgraphile: ratio(
        o.township_list_uncached.rps,
        o.township_list_postgraphile.rps,
      ),
      township_list_cached_rps_vs_postgraphile_rls: ratio(
        o.township_list.rps,
        o.township_list_postgraphile_rls.rps,
      ),
      // today's ratios, kept: the cached rows against the floor and the owner-posture peer
      county_overview_p95_vs_sql: ratio(o.county_overview.p95_ms, o.county_overview_sql.p95_ms),
      county_overview_rps_vs_sql: ratio(o.county_overview.rps, o.county_overview_sql.rps),
      township_list_p95_vs_postgraphile: ratio(
        o.township_list.p95_ms,
        o.township_list_postgraphile.p95_ms,
      ),
      township_list_rps_vs_postgraphile: ratio(
        o.township_list.rps,
        o.township_list_postgraphile.rps,
      ),
      result_entry_rps_vs_sql: ratio(o.result_entry.rps, o.result_entry_sql.rps),
      result_entry_p95_vs_sql: ratio(o.result_entry.p95_ms, o.result_entry_sql.p95_ms),
    },
    errors: Object.fromEntries(
      Object.entries(outcomes).map(([name, x]) => [name, x.errors]),
    ) as Record<LoadScenario, number>,
    result_entry_detail: {
      pool: pool.api.length - 1,
      accepted: accepted.api,
      wrapped: false,
      ...poolUsed(o.result_entry),
    },
    guidance_board_shown: {
      p50_ms: o.guidance_board_actions.shown_p50_ms ?? Number.NaN,
      p95_ms: o.guidance_board_actions.shown_p95_ms ?? Number.NaN,
    },
    result_entry_sql_detail: {
      pool: pool.floor.length,
      accepted: accepted.floor,
      wrapped: false,
      ...poolUsed(o.result_entry_sql),
    },
    counties: seeded.counties,
    result_entry_counties: plan.resultEntryCounties,
    row_level_security: !['0', 'false'].includes(process.env.HUANJIE_ROW_LEVEL_SECURITY ?? '1'),
    seed_seconds: seeded.seedSeconds,
    duration_s: options.durationSeconds,
    warmup_s: options.warmupSeconds,
    connections: options.connections,
    machine: machine(postgres, loadBefore, loadAfter),
    finished_at: new Date().toISOString(),
  };
  const report: BenchReport = { ...partial, targets: targetsOf(partial) };
  const resultsDir = join(BENCH_DIR, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${formatTable(report)}\n\nwritten to bench/results/latest.json\n`);
}

/** The API as production runs it; `cached` false switches the overview cache off (uncached rows). */
async function startApi(databaseUrl: string, cached: boolean, from = 4400): Promise<Service> {
  const port = await freePort(from);
  const url = `http://127.0.0.1:${port}`;
  // in-process subscription events: the bench measures one API instance
  const env = { ...process.env };
  delete env.REDIS_URL;
  delete env.HUANJIE_OVERVIEW_CACHE;
  return startService({
    name: cached ? 'API' : 'API (overview cache off)',
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
      ...(cached ? {} : { HUANJIE_OVERVIEW_CACHE: 'off' }),
    },
    url,
    ready: async () => (await fetch(`${url}/healthz`)).ok,
  });
}

/** PostGraphile as the peer, as the owner without RLS or under the API's RLS (serve.mjs), 20 connections like the API. */
async function startPostGraphile(databaseUrl: string, posture: 'owner' | 'rls'): Promise<Service> {
  const port = await freePort(5400);
  const url = `http://127.0.0.1:${port}`;
  return startService({
    name: `PostGraphile (${posture})`,
    command: process.execPath,
    args: ['serve.mjs'],
    cwd: join(BENCH_DIR, 'postgraphile'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      POSTGRAPHILE_POSTURE: posture,
      POOL_SIZE: '20',
    },
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
  uncachedUrl: string;
  peerUrl: string;
  peerRlsUrl: string;
  documents: AppDocuments;
  countyToken: string;
  townshipToken: string;
  pool: ResultPools;
  floorColumns: Awaited<ReturnType<typeof writableColumns>>;
}

/** Each scenario's load, after one request that checks it answers what the screen needs. */
async function scenarioSpecs(
  input: ScenarioInput,
): Promise<Record<Exclude<LoadScenario, 'guidance_board_actions'>, LoadSpec>> {
  const { options, seeded, documents } = input;
  const pool = input.pool.api;
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

  // PostGraphile under the API's row-level security: the township coordinator's scope and home
  const rlsHeaders = {
    'x-huanjie-scope': seeded.township.path,
    'x-huanjie-home': seeded.township.path,
  };
  const peerRls = await postGraphQL<{ regionById: { children: { nodes: unknown[] } } | null }>(
    input.peerRlsUrl,
    peerBody,
    rlsHeaders,
  );
  expect(
    'PostGraphile township list under RLS',
    peerRls.errors,
    (peerRls.data?.regionById?.children.nodes.length ?? 0) ===
      (peer.data?.regionById?.children.nodes.length ?? -1),
  );

  const queueBody = {
    operationName: documents.resultQueue.operationName,
    query: documents.resultQueue.query,
    variables: {
      regionId: `Region:${seeded.county.id}`,
      statuses: ['submitted', 'returned', 'approved'],
    },
  };
  const queue = await postGraphQL<{ resultQueue: unknown[] }>(
    input.graphqlUrl,
    queueBody,
    countyHeaders,
  );
  expect('county result queue', queue.errors, (queue.data?.resultQueue.length ?? 0) > 0);

  const unitsBody = {
    operationName: 'TownshipElectionUnits',
    query: TOWNSHIP_ELECTION_UNITS,
    variables: { regionId: `Region:${seeded.township.id}` },
  };
  const units = await postGraphQL<{ electionUnits: unknown[] }>(
    input.graphqlUrl,
    unitsBody,
    townshipHeaders,
  );
  expect('township election units', units.errors, (units.data?.electionUnits.length ?? 0) > 0);

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

  const http = (url: string, headers: Record<string, string>, body: unknown): LoadSpec => ({
    kind: 'http',
    url,
    ...timing,
    headers,
    bodies: [JSON.stringify(body)],
  });
  return {
    county_overview: http(input.graphqlUrl, countyHeaders, overviewBody),
    county_overview_uncached: http(input.uncachedUrl, countyHeaders, overviewBody),
    county_overview_sql: {
      kind: 'sql',
      databaseUrl: input.databaseUrl,
      ...timing,
      sql: floor.sql,
      params: floor.params,
      // the session settings the API's monitoring aggregations use (monitoring.repo.ts)
      options: '-c enable_nestloop=off -c jit=off',
    },
    township_list: http(input.graphqlUrl, townshipHeaders, matrixBody),
    township_list_uncached: http(input.uncachedUrl, townshipHeaders, matrixBody),
    township_list_postgraphile: http(input.peerUrl, {}, peerBody),
    township_list_postgraphile_rls: http(input.peerRlsUrl, rlsHeaders, peerBody),
    result_queue_county: http(input.graphqlUrl, countyHeaders, queueBody),
    election_units_township: http(input.graphqlUrl, townshipHeaders, unitsBody),
    result_entry: {
      kind: 'http',
      url: input.graphqlUrl,
      ...timing,
      headers: { 'x-huanjie-app': 'village', 'apollo-require-preflight': 'true' },
      bodies: rest.map((entry) => submitBody(entry, `bench-${runTag}-${entry.unitId}-@@seq@@`)),
      bodyHeaders: rest.map((entry) => ({ authorization: `Bearer ${entry.token}` })),
      sequencePlaceholder: '@@seq@@',
      once: true,
    },
    result_entry_sql: {
      kind: 'sql-transactions',
      databaseUrl: input.databaseUrl,
      ...timing,
      transactions: resultFloorTransactions(input.pool.floor, runTag, input.floorColumns),
    },
  };
}

/**
 * The township coordinators' board: up to four coordinators of the measured county, each in a
 * loop on a team of their own township — assign a village, reload the board, add a member, reload,
 * unassign the village, reload, remove the member, reload (so each loop leaves the team as it was).
 * Coordinators sign in through the login mutation.
 */
async function guidanceBoardFlows(
  databaseUrl: string,
  graphqlUrl: string,
  seeded: SeededScale,
  documents: AppDocuments,
): Promise<FlowStep[][]> {
  const picks = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{
      username: string;
      townshipId: number;
      teamId: number;
      villageId: number;
      cadreId: number;
    }>(
      `select u.username, t.id as "townshipId", team.id as "teamId", v.id as "villageId", c.id as "cadreId"
       from regions t
       join lateral (select username from users where region_id = t.id and role = 'township_coordinator'
                     order by id limit 1) u on true
       join lateral (select id from guidance_teams where region_id = t.id order by id limit 1) team on true
       join lateral (select id from regions v where v.parent_id = t.id
                       and not exists (select 1 from guidance_team_assignments a
                                       where a.team_id = team.id and a.region_id = v.id)
                     order by v.sort_order, v.id limit 1) v on true
       join lateral (select id from cadres c where c.region_id = t.id
                       and not exists (select 1 from guidance_team_members m
                                       where m.team_id = team.id and m.cadre_id = c.id)
                     order by c.id limit 1) c on true
       where t.parent_id = $1
       order by t.sort_order, t.id
       limit 4`,
      [seeded.county.id],
    );
    return rows;
  });
  const op = (o: AppOperation, variables: Record<string, unknown>) =>
    JSON.stringify({ operationName: o.operationName, query: o.query, variables });
  const flows: FlowStep[][] = [];
  for (const p of picks) {
    const token = await signIn(graphqlUrl, p.username, DEMO_PASSWORD, 'township');
    const headers = appHeaders('township', token);
    const team = `GuidanceTeam:${String(p.teamId)}`;
    const village = `Region:${String(p.villageId)}`;
    const cadre = `Cadre:${String(p.cadreId)}`;
    const board: FlowStep = {
      kind: 'board',
      headers,
      body: op(documents.guidanceBoard, { townshipId: `Region:${String(p.townshipId)}` }),
    };
    // the app's answer to a change carries the board as the change left it (GuidanceBoardFields):
    // the screen shows it without a reload, so the action alone is what the user waits for
    const answerShows = /\bboard\s*\{/.test(documents.assignTeam.query);
    const action = (body: string): FlowStep[] =>
      answerShows
        ? [{ kind: 'action', headers, body, shows: true }]
        : [{ kind: 'action', headers, body }, board];
    const steps = [
      ...action(op(documents.assignTeam, { teamId: team, regionId: village, zoneId: null })),
      ...action(op(documents.setTeamMember, { teamId: team, cadreId: cadre, role: 'cadre' })),
      ...action(op(documents.unassignTeam, { teamId: team, regionId: village, zoneId: null })),
      ...action(op(documents.removeTeamMember, { teamId: team, cadreId: cadre })),
    ];
    // one loop by hand first: each step must answer without an error
    for (const step of steps) {
      await send(graphqlUrl, { body: step.body, headers: step.headers });
    }
    flows.push(steps);
  }
  if (flows.length === 0)
    throw new Error('guidance board: no township with a team, a free village and a cadre');
  return flows;
}

/**
 * Statements per request of each API row, counted on the wire (statement-counter.ts): a cached
 * and an uncached API instance talk to PostgreSQL through the counting relay, each row's request
 * is sent once to warm up and then five times one after another, and the statements seen are
 * divided by five. Result entry submits the elections kept aside, once each.
 */
async function countStatements(
  databaseUrl: string,
  specs: Record<LoadScenario, LoadSpec>,
  reserved: ResultEntry[],
): Promise<Partial<Record<ApiScenario, number>>> {
  const counter = await startStatementCounter(databaseUrl);
  const counted: Partial<Record<ApiScenario, number>> = {};
  try {
    for (const cached of [true, false]) {
      const api = await startApi(counter.url, cached, 4600);
      try {
        for (const name of API_SCENARIOS) {
          if (name.endsWith('_uncached') === cached) continue;
          const spec = specs[name];
          if (spec.kind === 'flows') {
            // the first coordinator's loop, once to warm, then the actions' statements alone
            const steps = spec.flows[0] ?? [];
            const url = `${api.url}/graphql`;
            for (const step of steps) await send(url, step);
            let total = 0;
            let actions = 0;
            for (const step of steps) {
              const before = counter.count();
              await send(url, step);
              if (step.kind === 'action') {
                total += counter.count() - before;
                actions += 1;
              }
            }
            if (actions > 0) counted[name] = Math.round((total / actions) * 10) / 10;
            continue;
          }
          if (spec.kind !== 'http') continue;
          const requests =
            name === 'result_entry'
              ? reserved.map((entry, i) => ({
                  body: (spec.bodies[0] ?? '')
                    .replace(/ElectionUnit:\d+/, `ElectionUnit:${String(entry.unitId)}`)
                    .replace(
                      /"sheet":\{.*\},"idempotencyKey"/,
                      `"sheet":${JSON.stringify(entry.sheet)},"idempotencyKey"`,
                    )
                    .replace(
                      /"idempotencyKey":"[^"]*"/,
                      `"idempotencyKey":"bench-count-${String(i)}"`,
                    ),
                  headers: { ...spec.headers, authorization: `Bearer ${entry.token}` },
                }))
              : Array.from({ length: 6 }, () => ({
                  body: spec.bodies[0] ?? '',
                  headers: spec.headers,
                }));
          const [warm, ...measured] = requests;
          if (!warm) continue;
          const url = `${api.url}/graphql`;
          await send(url, warm);
          const before = counter.count();
          for (const r of measured) await send(url, r);
          counted[name] = Math.round(((counter.count() - before) / measured.length) * 10) / 10;
        }
      } finally {
        await api.stop();
      }
    }
  } finally {
    await counter.close();
  }
  return counted;
}

async function send(url: string, r: { body: string; headers: Record<string, string> }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...r.headers },
    body: r.body,
  });
  const text = await response.text();
  if (isErrorResponse(response.status, text)) {
    throw new Error(`counting statements: ${url} answered ${text.slice(0, 300)}`);
  }
}

function expect(what: string, errors: unknown, ok: boolean, detail = '') {
  if (errors || !ok) {
    throw new Error(
      `${what}: unexpected answer ${JSON.stringify(errors ?? null)} ${detail}`.trim(),
    );
  }
}
