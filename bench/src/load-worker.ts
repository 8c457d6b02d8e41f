// The load generator: runs in its own process (the bench's "second process on loopback").
// Input: the path of a JSON file holding a LoadSpec; output: one JSON line of LoadOutcome.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import type { LoadOutcome } from './stats.js';
import { summarize } from './stats.js';

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
      /** Extra headers per body (same index), e.g. the bearer token of that body's village. */
      bodyHeaders?: Record<string, string>[];
      /** Replaced in each body by the request's sequence number (fresh idempotency keys). */
      sequencePlaceholder?: string;
    }
  | {
      kind: 'sql';
      databaseUrl: string;
      connections: number;
      warmupSeconds: number;
      seconds: number;
      sql: string;
      params: unknown[];
      /** Session settings for each pooled connection (libpq `options`, e.g. "-c jit=off"). */
      options?: string;
    };

const specPath = process.argv[2];
if (!specPath) throw new Error('usage: load-worker <spec.json>');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as LoadSpec;
const result = spec.kind === 'http' ? await runHttp(spec) : await runSql(spec);
process.stdout.write(`${JSON.stringify(result)}\n`);

async function runHttp(s: Extract<LoadSpec, { kind: 'http' }>): Promise<LoadOutcome> {
  let next = 0;
  const run = (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    return new Promise<{ latencies: number[]; errors: number }>((resolve, reject) => {
      const instance = autocannon(
        {
          url: s.url,
          method: 'POST',
          connections: s.connections,
          duration: seconds,
          headers: { 'content-type': 'application/json', ...s.headers },
          requests: [
            {
              setupRequest: (req) => {
                const index = next % s.bodies.length;
                next += 1;
                const template = s.bodies[index] ?? '{}';
                const body = s.sequencePlaceholder
                  ? template.replaceAll(s.sequencePlaceholder, String(next))
                  : template;
                const extra = s.bodyHeaders?.[index];
                return {
                  ...req,
                  body,
                  ...(extra ? { headers: { ...req.headers, ...extra } } : {}),
                };
              },
            },
          ],
        },
        (error, r) => {
          if (error) reject(error instanceof Error ? error : new Error(String(error)));
          else resolve({ latencies, errors: errors + r.errors + r.timeouts });
        },
      );
      // Every response's own latency, so p50 and p95 are exact rather than read off a histogram.
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        latencies.push(responseTime);
        if (statusCode < 200 || statusCode >= 300) errors += 1;
      });
    });
  };
  if (s.warmupSeconds > 0) await run(s.warmupSeconds);
  const { latencies, errors } = await run(s.seconds);
  return { ...summarize(latencies, s.seconds), errors, requests_sent: next };
}

async function runSql(s: Extract<LoadSpec, { kind: 'sql' }>): Promise<LoadOutcome> {
  const pool = new pg.Pool({
    connectionString: s.databaseUrl,
    max: s.connections,
    ...(s.options ? { options: s.options } : {}),
  });
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
  return { ...summarize(latencies, s.seconds), errors, requests_sent: latencies.length };
}
