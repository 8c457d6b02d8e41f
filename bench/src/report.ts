import { cpus, loadavg } from 'node:os';
import type { LoadOutcome, LoadResult } from './stats.js';
import { round } from './stats.js';
import type { AppLoadResult } from './app-load.js';

export const LOAD_SCENARIOS = [
  'county_overview',
  'county_overview_sql',
  'township_list',
  'township_list_postgraphile',
  'result_entry',
] as const;
export type LoadScenario = (typeof LOAD_SCENARIOS)[number];

export interface BenchReport {
  scale: string;
  villages: number;
  county_overview: LoadResult;
  county_overview_sql: LoadResult;
  township_list: LoadResult;
  township_list_postgraphile: LoadResult;
  result_entry: LoadResult;
  village_app: AppLoadResult;
  ratios: {
    /** API over the SQL floor (≤ 2 is the target). */
    county_overview_p95_vs_sql: number;
    county_overview_rps_vs_sql: number;
    /** Our API over PostGraphile (≤ 1 for latency, ≥ 1 for throughput is the target). */
    township_list_p95_vs_postgraphile: number;
    township_list_rps_vs_postgraphile: number;
  };
  targets: Record<string, { target: string; met: boolean }>;
  errors: Record<LoadScenario, number>;
  result_entry_detail: { pool: number; accepted: number; wrapped: boolean };
  counties: number;
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
}

export function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : round(a / b, 2);
}

export function strip(outcome: LoadOutcome): LoadResult {
  return { rps: outcome.rps, p50_ms: outcome.p50_ms, p95_ms: outcome.p95_ms };
}

export function targetsOf(r: Omit<BenchReport, 'targets'>): BenchReport['targets'] {
  return {
    county_overview_p95: {
      target:
        r.scale === 'province'
          ? 'p95 ≤ 50 ms at province scale'
          : 'p95 ≤ 50 ms (the target is for province scale; this run is county scale)',
      met: r.county_overview.p95_ms <= 50,
    },
    county_overview_vs_floor: {
      target: 'p95 within 2× of the SQL floor',
      met: r.ratios.county_overview_p95_vs_sql <= 2,
    },
    township_list_vs_postgraphile: {
      target: 'at least as fast as PostGraphile (p95 and rps)',
      met:
        r.township_list.p95_ms <= r.township_list_postgraphile.p95_ms &&
        r.township_list.rps >= r.township_list_postgraphile.rps,
    },
    result_entry_rps: { target: '≥ 500 results/s', met: r.result_entry.rps >= 500 },
    village_app_bytes: {
      target: 'first load ≤ 200 KB compressed',
      met: r.village_app.first_load_bytes <= 200 * 1024,
    },
    village_app_usable: {
      target: 'login usable ≤ 5 s on slow 3G',
      met: r.village_app.usable_ms_slow3g <= 5000,
    },
  };
}

export function machine(postgres: string, loadBefore: number): BenchReport['machine'] {
  return {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    postgres,
    load_before: round(loadBefore, 2),
    load_after: round(loadavg()[0] ?? 0, 2),
  };
}

/** The table printed at the end of a run. */
export function formatTable(r: BenchReport): string {
  const rows: string[][] = [['scenario', 'rps', 'p50 ms', 'p95 ms', 'errors']];
  for (const name of LOAD_SCENARIOS) {
    const s = r[name];
    rows.push([name, String(s.rps), String(s.p50_ms), String(s.p95_ms), String(r.errors[name])]);
  }
  const widths =
    rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  const out = [
    `scale ${r.scale}: ${r.villages} villages in ${r.counties} ${r.counties === 1 ? 'county' : 'counties'}; ${r.connections} connections, ${r.duration_s} s measured after ${r.warmup_s} s warm-up; API with row-level security ${r.row_level_security ? 'on' : 'off'}`,
    '',
    line(rows[0] ?? []),
    ...rows.slice(1).map(line),
    '',
    `village_app  first load ${r.village_app.first_load_bytes} bytes (${(r.village_app.first_load_bytes / 1024).toFixed(1)} KB) compressed, login usable after ${r.village_app.usable_ms_slow3g} ms on slow 3G`,
    `county overview vs SQL floor: p95 ×${r.ratios.county_overview_p95_vs_sql}, rps ×${r.ratios.county_overview_rps_vs_sql}`,
    `township list vs PostGraphile: p95 ×${r.ratios.township_list_p95_vs_postgraphile}, rps ×${r.ratios.township_list_rps_vs_postgraphile}`,
    `result entry: ${r.result_entry_detail.accepted} results accepted from a pool of ${r.result_entry_detail.pool} elections${r.result_entry_detail.wrapped ? ' (pool wrapped: later requests resubmitted)' : ''}`,
    '',
    `machine: ${r.machine.cpus} × ${r.machine.cpu}, PostgreSQL ${r.machine.postgres}; load average ${r.machine.load_before} before the loads, ${r.machine.load_after} after`,
    '',
    'targets:',
    ...Object.values(r.targets).map((t) => `  ${t.met ? 'met   ' : 'MISSED'}  ${t.target}`),
  ];
  return out.join('\n');
}
