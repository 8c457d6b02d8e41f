export interface LoadResult {
  rps: number;
  p50_ms: number;
  p95_ms: number;
}

/** What the load worker reports: the figures, plus what shows whether they can be trusted. */
export interface LoadOutcome extends LoadResult {
  /** Responses that were not 2xx, timeouts, socket errors (HTTP) or failed queries (SQL). */
  errors: number;
  /** Requests sent, warm-up included. */
  requests_sent: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Requests per second over the measured window, and the median and 95th percentile latency. */
export function summarize(latencies: number[], seconds: number): LoadResult {
  // no response within the window: null in the report (JSON has no NaN), never a met target
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    rps: round(sorted.length / seconds),
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
  };
}
