import { cpus } from 'node:os';
import type { AppLoadResult } from './app-load.js';
import type { LoadOutcome, LoadResult } from './stats.js';
import { round } from './stats.js';

/** Every timed row, in the order they run and print (bench/README.md says what each one is). */
export const LOAD_SCENARIOS = [
  'county_overview',
  'county_overview_uncached',
  'county_overview_sql',
  'township_list',
  'township_list_uncached',
  'township_list_postgraphile',
  'township_list_postgraphile_rls',
  'result_queue_county',
  'election_units_township',
  'result_entry',
  'result_entry_sql',
  'guidance_board_actions',
] as const;
export type LoadScenario = (typeof LOAD_SCENARIOS)[number];

/** The API's rows, whose statements per request are counted. */
export const API_SCENARIOS = [
  'county_overview',
  'county_overview_uncached',
  'township_list',
  'township_list_uncached',
  'result_queue_county',
  'election_units_township',
  'result_entry',
  'guidance_board_actions',
] as const satisfies readonly LoadScenario[];
export type ApiScenario = (typeof API_SCENARIOS)[number];

export interface PoolDetail {
  /** Elections ready for their first submission. */
  pool: number;
  /** Revisions the run stored (warm-up included): accepted first submissions. */
  accepted: number;
  /** Always false: each election is submitted once, the load stops when the pool runs out. */
  wrapped: boolean;
  sent: number;
  /** The pool ran out before the measured seconds did (then `measured_s` is shorter). */
  exhausted: boolean;
  measured_s: number;
}

export type BenchReport = Record<LoadScenario, LoadResult> & {
  scale: string;
  villages: number;
  village_app: AppLoadResult;
  township_app: AppLoadResult;
  county_app: AppLoadResult;
  /** SQL statements per request on the wire (BEGIN and COMMIT included), API scenarios only. */
  statements_per_request: Partial<Record<ApiScenario, number>>;
  ratios: Record<string, number>;
  targets: Record<string, { target: string; met: boolean }>;
  errors: Record<LoadScenario, number>;
  result_entry_detail: PoolDetail;
  result_entry_sql_detail: PoolDetail;
  /** The action plus the board reload after it: until the coordinator sees the change. */
  guidance_board_shown: { p50_ms: number; p95_ms: number };
  counties: number;
  /** Counties seeded only to give result entry elections (county scale). */
  result_entry_counties: number;
  /** Whether the API ran with PostgreSQL row-level security (its default; HUANJIE_ROW_LEVEL_SECURITY=0 turns it off). */
  row_level_security: boolean;
  seed_seconds: number;
  duration_s: number;
  warmup_s: number;
  connections: number;
  machine: {
    cpus: number;
    cpu: string;
    node: string;
    postgres: string;
    /** 1-minute load average when the loads started and ended: other work on the machine skews the figures. */
    load_before: number;
    load_after: number;
  };
  finished_at: string;
};

/** a over b; NaN (null in the JSON) when either row had no response in its window. */
export function ratio(a: number | null, b: number | null): number {
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b))
    return Number.NaN;
  return b === 0 ? Number.NaN : round(a / b, 2);
}

export function strip(outcome: LoadOutcome): LoadResult {
  return { rps: outcome.rps, p50_ms: outcome.p50_ms, p95_ms: outcome.p95_ms };
}

/** The issue's targets (issue 16), province scale unless named. */
export function targetsOf(r: Omit<BenchReport, 'targets'>): BenchReport['targets'] {
  const at =
    r.scale === 'province' ? '' : ' (target set for province scale; this run is county scale)';
  const q = (k: string) => r.ratios[k] ?? Number.NaN;
  /** a ≤ b for a measured a: a row with no response in its window (null) misses its target */
  const le = (a: number | null, b: number) => typeof a === 'number' && Number.isFinite(a) && a <= b;
  const ge = (a: number | null, b: number) => typeof a === 'number' && Number.isFinite(a) && a >= b;
  const perVillage = (s: ApiScenario) => r.statements_per_request[s] ?? Number.POSITIVE_INFINITY;
  return {
    county_overview_uncached_vs_floor: {
      target: `uncached county overview p95 ≤ 1.5 × its SQL floor's p95${at}`,
      met: le(q('county_overview_uncached_p95_vs_sql'), 1.5),
    },
    county_overview_cached_p95: {
      target: `cached county overview p95 ≤ 20 ms${at}`,
      met: le(r.county_overview.p95_ms, 20),
    },
    township_list_vs_postgraphile_rls: {
      target: `uncached township list ≥ 1.0 × PostGraphile under RLS in rps and ≤ 1.0 × in p95${at}`,
      met:
        ge(q('township_list_uncached_rps_vs_postgraphile_rls'), 1) &&
        le(q('township_list_uncached_p95_vs_postgraphile_rls'), 1),
    },
    result_entry_vs_floor: {
      target: `result entry ≥ 0.5 × its SQL floor (rps)${at}`,
      met: ge(q('result_entry_rps_vs_sql'), 0.5),
    },
    result_entry_rps: {
      target: `≥ 300 accepted first submissions/s, p95 ≤ 100 ms${at}`,
      met:
        ge(r.result_entry.rps, 300) &&
        le(r.result_entry.p95_ms, 100) &&
        r.errors.result_entry === 0,
    },
    result_queue_county_p95: {
      target: 'county results page (resultQueue) p95 ≤ 200 ms at county scale',
      met: le(r.result_queue_county.p95_ms, 200),
    },
    election_units_township_p95: {
      target: 'township electionUnits p95 ≤ 200 ms at county scale',
      met: le(r.election_units_township.p95_ms, 200),
    },
    statements_independent_of_villages: {
      target:
        'resultQueue and electionUnits: statements per request independent of the villages (≤ 20)',
      met: perVillage('result_queue_county') <= 20 && perVillage('election_units_township') <= 20,
    },
    guidance_board_actions: {
      target: 'guidance board: p95 ≤ 150 ms for the action, ≤ 300 ms until the board shows it',
      met: le(r.guidance_board_actions.p95_ms, 150) && le(r.guidance_board_shown.p95_ms, 300),
    },
    county_app_bytes: {
      target: 'county app first load ≤ 250 KB compressed',
      met: r.county_app.first_load_bytes <= 250 * 1024,
    },
    township_app_bytes: {
      target: 'township app first load ≤ 250 KB compressed',
      met: r.township_app.first_load_bytes <= 250 * 1024,
    },
    village_app_bytes: {
      target: 'village app first load ≤ 130 KB compressed',
      met: r.village_app.first_load_bytes <= 130 * 1024,
    },
    village_app_usable: {
      target: 'village app login usable ≤ 5 s on slow 3G',
      met: r.village_app.usable_ms_slow3g <= 5000,
    },
  };
}

export function machine(
  postgres: string,
  loadBefore: number,
  loadAfter: number,
): BenchReport['machine'] {
  return {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    postgres,
    load_before: round(loadBefore, 2),
    load_after: round(loadAfter, 2),
  };
}

/** The table printed at the end of a run. */
export function formatTable(r: BenchReport): string {
  const rows: string[][] = [['scenario', 'rps', 'p50 ms', 'p95 ms', 'errors', 'statements']];
  for (const name of LOAD_SCENARIOS) {
    const s = r[name];
    const statements = r.statements_per_request[name as ApiScenario];
    rows.push([
      name,
      String(s.rps),
      String(s.p50_ms),
      String(s.p95_ms),
      String(r.errors[name]),
      statements === undefined ? '' : String(statements),
    ]);
  }
  const widths =
    rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  const app = (name: string, a: AppLoadResult) =>
    `${name.padEnd(13)} first load ${a.first_load_bytes} bytes (${(a.first_load_bytes / 1024).toFixed(1)} KB) compressed, login usable after ${a.usable_ms_slow3g} ms on slow 3G`;
  const pool = (name: string, d: PoolDetail) =>
    `${name}: ${d.accepted} first submissions accepted of ${d.sent} sent from a pool of ${d.pool}; wrapped: ${String(d.wrapped)}${d.exhausted ? `; pool ran out after ${d.measured_s} s measured` : ''}`;
  const out = [
    `scale ${r.scale}: ${r.villages} villages in ${r.counties} ${r.counties === 1 ? 'county' : 'counties'}${r.result_entry_counties ? ` (+ ${r.result_entry_counties} for result entry)` : ''}; ${r.connections} connections, ${r.duration_s} s measured after ${r.warmup_s} s warm-up; API with row-level security ${r.row_level_security ? 'on' : 'off'}`,
    '',
    line(rows[0] ?? []),
    ...rows.slice(1).map(line),
    '',
    app('village_app', r.village_app),
    app('township_app', r.township_app),
    app('county_app', r.county_app),
    '',
    'ratios:',
    ...Object.entries(r.ratios).map(([k, v]) => `  ${k.padEnd(52)} ×${v}`),
    '',
    pool('result_entry', r.result_entry_detail),
    pool('result_entry_sql', r.result_entry_sql_detail),
    `guidance board: action + board reload p50 ${String(r.guidance_board_shown.p50_ms)} ms, p95 ${String(r.guidance_board_shown.p95_ms)} ms`,
    '',
    `machine: ${r.machine.cpus} × ${r.machine.cpu}, PostgreSQL ${r.machine.postgres}; load average ${r.machine.load_before} before the loads, ${r.machine.load_after} after`,
    '',
    'targets:',
    ...Object.values(r.targets).map((t) => `  ${t.met ? 'met   ' : 'MISSED'}  ${t.target}`),
  ];
  return out.join('\n');
}
