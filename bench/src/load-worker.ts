// The load generator: runs in its own process (the bench's "second process on loopback").
// Input: one JSON argument; output: one JSON line { rps, p50_ms, p95_ms, errors }.
import autocannon from 'autocannon';
import pg from 'pg';
import type { LoadResult } from './stats.js';
import { percentile, round } from './stats.js';

export type LoadSpec =
  | {
      kind: 'http';
      url: string;
      connections: number;
      warmupSeconds: number;
      seconds: number;
      headers: Record<string, string>;
      /** Request bodies, used in turn (e.g. one per village for result entry). */
      bodies: string[];
    }
  | {
      kind: 'sql';
      databaseUrl: string;
      connections: number;
      warmupSeconds: number;
      seconds: number;
      sql: string;
      params: unknown[];
    };

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const result = spec.kind === 'http' ? await runHttp(spec) : await runSql(spec);
process.stdout.write(`${JSON.stringify(result)}\n`);

async function runHttp(s: Extract<LoadSpec, { kind: 'http' }>): Promise<LoadResult & { errors: number }> {
  let next = 0;
  const options = (duration: number): autocannon.Options => ({
    url: s.url,
    method: 'POST',
    connections: s.connections,
    duration,
    headers: { 'content-type': 'application/json', ...s.headers },
    requests: [
      {
        setupRequest: (req) => {
          const body = s.bodies[next % s.bodies.length] ?? '{}';
          next += 1;
          return { ...req, body };
        },
      },
    ],
  });
  if (s.warmupSeconds > 0) await autocannon(options(s.warmupSeconds));
  const r = await autocannon(options(s.seconds));
  return {
    rps: round(r.requests.average),
    p50_ms: round(r.latency.p50),
    p95_ms: round(percentile95(r.latency)),
    errors: r.errors + r.non2xx,
  };
}

function percentile95(latency: autocannon.Histogram): number {
  // autocannon reports p90 and p97_5; p95 lies between: interpolate.
  const record = latency as unknown as Record<string, number>;
  return record.p95 ?? ((record.p90 ?? 0) + (record.p97_5 ?? 0)) / 2;
}

async function runSql(s: Extract<LoadSpec, { kind: 'sql' }>): Promise<LoadResult & { errors: number }> {
  const pool = new pg.Pool({ connectionString: s.databaseUrl, max: s.connections });
  const run = async (seconds: number, record: number[] | null) => {
    const deadline = performance.now() + seconds * 1000;
    let errors = 0;
    await Promise.all(
      Array.from({ length: s.connections }, async () => {
        while (performance.now() < deadline) {
          const started = performance.now();
          try {
            await pool.query(s.sql, s.params);
          } catch {
            errors += 1;
          }
          record?.push(performance.now() - started);
        }
      }),
    );
    return errors;
  };
  await run(s.warmupSeconds, null);
  const latencies: number[] = [];
  const errors = await run(s.seconds, latencies);
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    rps: round(latencies.length / s.seconds),
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    errors,
  };
}
