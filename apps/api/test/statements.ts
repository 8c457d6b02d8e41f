import type { Database } from '@huanjie/db';
import { vi } from 'vitest';

type Query = (...args: unknown[]) => unknown;
interface PoolLike {
  on: (event: 'acquire', listener: (client: { query: Query }) => void) => void;
  off: (event: 'acquire', listener: (client: { query: Query }) => void) => void;
}

/**
 * The statements sent to the database while `run` runs, on either backend, BEGIN and COMMIT
 * included: on PGlite the frontend messages that run one (a simple Query, an extended-protocol
 * Execute; the bench's relay counts the same on the wire), which every statement sends through
 * execProtocolStream; on PostgreSQL the query calls on the clients the pool hands out.
 */
export async function countStatements(
  database: Database,
  run: () => Promise<unknown>,
): Promise<number> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.driver === 'pglite') {
    const spy = vi.spyOn(client as Record<string, Query>, 'execProtocolStream');
    try {
      await run();
      return spy.mock.calls.reduce((n, [message]) => n + statementsIn(message), 0);
    } finally {
      spy.mockRestore();
    }
  }
  const pool = client as PoolLike;
  let count = 0;
  const restore: (() => void)[] = [];
  const wrap = (c: { query: Query }) => {
    if (restore.some((r) => (r as { client?: unknown }).client === c)) return;
    const original = c.query;
    c.query = function (this: unknown, ...args: unknown[]) {
      count += 1;
      return original.apply(this, args);
    };
    restore.push(
      Object.assign(
        () => {
          c.query = original;
        },
        { client: c },
      ),
    );
  };
  pool.on('acquire', wrap);
  try {
    await run();
    return count;
  } finally {
    pool.off('acquire', wrap);
    for (const r of restore) r();
  }
}

/** Query ('Q') and Execute ('E') messages in a buffer of frontend messages (type byte, int32 length). */
function statementsIn(message: unknown): number {
  if (!(message instanceof Uint8Array)) return 0;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  let n = 0;
  for (let at = 0; at + 5 <= message.length; at += 1 + view.getInt32(at + 1)) {
    const type = String.fromCharCode(message[at] ?? 0);
    if (type === 'Q' || type === 'E') n += 1;
  }
  return n;
}
