// The loads themselves; load-worker.ts runs one in its own process, the bench's tests run them in place.
import autocannon from 'autocannon';
import pg from 'pg';
import type { LoadOutcome } from './stats.js';
import { summarize } from './stats.js';

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

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
      /**
       * Each body is sent once at most (first submissions): when they run out the load stops
       * early and measures the time it ran, instead of wrapping round to resubmissions.
       */
      once?: boolean;
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
    }
  | {
      /**
       * Users working through their own steps in a loop, one request at a time each (a
       * coordinator clicking on the board): rps and latencies are the actions', `shown_p95_ms`
       * the action plus the board reload after it (the action alone when its answer shows).
       */
      kind: 'flows';
      url: string;
      warmupSeconds: number;
      seconds: number;
      flows: FlowStep[][];
    }
  | {
      /** One transaction per item (BEGIN, its statements, COMMIT), each item once: a write floor. */
      kind: 'sql-transactions';
      databaseUrl: string;
      connections: number;
      warmupSeconds: number;
      seconds: number;
      transactions: SqlStatement[][];
    };

/** One step of a user's flow: an action (a mutation) or the reload that shows it. */
export interface FlowStep {
  kind: 'action' | 'board';
  body: string;
  headers: Record<string, string>;
  /** An action whose answer is what the screen shows (no reload after it). */
  shows?: boolean;
}

/** What a pool-limited load adds: how much of its pool it used, and whether it had to stop early. */
export interface PoolOutcome {
  pool_exhausted: boolean;
  measured_s: number;
}

export type RunOutcome = LoadOutcome &
  Partial<PoolOutcome> & { first_error?: string; shown_p50_ms?: number; shown_p95_ms?: number };

/**
 * Whether a response counts as an error: not 2xx, or a GraphQL answer that holds `errors` or a
 * typed refusal (a `…Error` __typename, e.g. RuleViolationError), which the API sends with 200.
 */
export function isErrorResponse(status: number, body: string): boolean {
  if (status < 200 || status >= 300) return true;
  // a top-level `errors` (a field named errors inside `data`, e.g. the board's summary, is not one)
  if (body.includes('"errors"') && hasTopLevelErrors(body)) return true;
  return /"__typename"\s*:\s*"\w*Error"/.test(body);
}

function hasTopLevelErrors(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'errors' in parsed;
  } catch {
    return true; // not JSON: not an answer the apps could use
  }
}

export function runLoadSpec(spec: LoadSpec): Promise<RunOutcome> {
  switch (spec.kind) {
    case 'http':
      return runHttp(spec);
    case 'sql':
      return runSql(spec);
    case 'sql-transactions':
      return runTransactions(spec);
    case 'flows':
      return runFlows(spec);
  }
}

async function runHttp(s: Extract<LoadSpec, { kind: 'http' }>): Promise<RunOutcome> {
  let next = 0;
  let exhausted = false;
  const run = (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    let lastBody = '';
    let firstError: string | undefined;
    const started = performance.now();
    let stoppedAt = 0;
    return new Promise<{
      latencies: number[];
      errors: number;
      elapsed: number;
      firstError: string | undefined;
    }>((resolve, reject) => {
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
                if (s.once && next >= s.bodies.length) {
                  // the pool is used up: stop rather than resubmit (requests still in flight
                  // finish and are measured)
                  if (!exhausted) {
                    exhausted = true;
                    stoppedAt = performance.now();
                    setImmediate(() => {
                      instance.stop();
                    });
                  }
                  return { ...req, body: '{"query":"{ __typename }"}' };
                }
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
              // called with each response's body just before the 'response' event below
              onResponse: (_status, body) => {
                lastBody = body;
              },
            },
          ],
        },
        (error, r) => {
          if (error) reject(error instanceof Error ? error : new Error(String(error)));
          else {
            const elapsed = ((stoppedAt || performance.now()) - started) / 1000;
            resolve({ latencies, errors: errors + r.errors + r.timeouts, elapsed, firstError });
          }
        },
      );
      // Every response's own latency, so p50 and p95 are exact rather than read off a histogram.
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (lastBody === '{"data":{"__typename":"Query"}}') return; // a stop filler
        latencies.push(responseTime);
        if (isErrorResponse(statusCode, lastBody)) {
          errors += 1;
          firstError ??= `${String(statusCode)} ${lastBody.slice(0, 300)}`;
        }
      });
    });
  };
  if (s.warmupSeconds > 0) await run(s.warmupSeconds);
  const { latencies, errors, elapsed, firstError } = await run(s.seconds);
  const measured = s.once ? Math.min(s.seconds, elapsed) : s.seconds;
  return {
    ...(firstError ? { first_error: firstError } : {}),
    ...summarize(latencies, measured),
    errors,
    requests_sent: next,
    ...(s.once ? { pool_exhausted: exhausted, measured_s: Math.round(measured * 10) / 10 } : {}),
  };
}

async function runSql(s: Extract<LoadSpec, { kind: 'sql' }>): Promise<RunOutcome> {
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
  try {
    await run(s.warmupSeconds, null);
    const latencies: number[] = [];
    const errors = await run(s.seconds, latencies);
    return { ...summarize(latencies, s.seconds), errors, requests_sent: latencies.length };
  } finally {
    await pool.end();
  }
}

async function runTransactions(
  s: Extract<LoadSpec, { kind: 'sql-transactions' }>,
): Promise<RunOutcome> {
  const pool = new pg.Pool({ connectionString: s.databaseUrl, max: s.connections });
  let next = 0;
  let exhausted = false;
  const run = async (seconds: number, record: number[] | null) => {
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let errors = 0;
    let stoppedAt = 0;
    let firstError: string | undefined;
    await Promise.all(
      Array.from({ length: s.connections }, async () => {
        while (performance.now() < deadline) {
          const transaction = s.transactions[next];
          if (!transaction) {
            exhausted = true;
            stoppedAt ||= performance.now();
            return;
          }
          next += 1;
          const begun = performance.now();
          const client = await pool.connect();
          try {
            await client.query('begin');
            for (const statement of transaction)
              await client.query(statement.sql, statement.params);
            await client.query('commit');
          } catch (error) {
            errors += 1;
            firstError ??= String(error);
            await client.query('rollback').catch(() => undefined);
          } finally {
            client.release();
          }
          record?.push(performance.now() - begun);
        }
      }),
    );
    return {
      errors,
      firstError,
      elapsed: ((stoppedAt || performance.now()) - started) / 1000,
    };
  };
  try {
    await run(s.warmupSeconds, null);
    const latencies: number[] = [];
    const { errors, elapsed, firstError } = await run(s.seconds, latencies);
    const measured = Math.min(s.seconds, elapsed);
    return {
      ...(firstError ? { first_error: firstError } : {}),
      ...summarize(latencies, measured),
      errors,
      requests_sent: next,
      pool_exhausted: exhausted,
      measured_s: Math.round(measured * 10) / 10,
    };
  } finally {
    await pool.end();
  }
}

async function runFlows(s: Extract<LoadSpec, { kind: 'flows' }>): Promise<RunOutcome> {
  let sent = 0;
  const run = async (seconds: number) => {
    const deadline = performance.now() + seconds * 1000;
    const actions: number[] = [];
    const shown: number[] = [];
    let errors = 0;
    let firstError: string | undefined;
    await Promise.all(
      s.flows.map(async (steps) => {
        let i = 0;
        let pending: number | null = null;
        while (performance.now() < deadline) {
          const step = steps[i % steps.length];
          i += 1;
          if (!step) break;
          const started = performance.now();
          sent += 1;
          const response = await fetch(s.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...step.headers },
            body: step.body,
          });
          const text = await response.text();
          const ms = performance.now() - started;
          if (isErrorResponse(response.status, text)) {
            errors += 1;
            firstError ??= `${String(response.status)} ${text.slice(0, 300)}`;
          }
          if (step.kind === 'action') {
            actions.push(ms);
            if (step.shows) shown.push(ms);
            else pending = ms;
          } else if (pending !== null) {
            shown.push(pending + ms);
            pending = null;
          }
        }
      }),
    );
    return { actions, shown, errors, firstError };
  };
  if (s.warmupSeconds > 0) await run(s.warmupSeconds);
  const { actions, shown, errors, firstError } = await run(s.seconds);
  const shownSummary = summarize(shown, s.seconds);
  return {
    ...summarize(actions, s.seconds),
    shown_p50_ms: shownSummary.p50_ms,
    shown_p95_ms: shownSummary.p95_ms,
    errors,
    requests_sent: sent,
    ...(firstError ? { first_error: firstError } : {}),
  };
}
