import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db } from './db-type.js';
import { relations } from './relations.js';

/**
 * One pooled connection held by one unit of work (a request's transaction), which knows when its
 * statements have stopped. A GraphQL request can end while resolvers of it still run: when a
 * non-null field fails, graphql-js answers at once and its siblings go on. Without this, their
 * next statements ran on the connection after it was returned to the pool, inside the next
 * request's transaction (a stray `release savepoint` there aborted it).
 */
export interface LeasedConnection {
  /** Statements on this connection only; `transaction` opens BEGIN … COMMIT on it. */
  db: Db;
  /**
   * Resolves once no statement is running and none started in the turn after the last one ended
   * (the callers' continuations have run), or after `timeoutMs`.
   */
  settle: (timeoutMs?: number) => Promise<void>;
  /** Returns the connection to the pool; a statement after that is refused, not run elsewhere. */
  release: () => void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function leaseConnection(pool: pg.Pool): Promise<LeasedConnection> {
  const client = await pool.connect();
  let running = 0;
  let released = false;
  // drizzle calls only `query` on a client that is not a pool, and leaves BEGIN/COMMIT to us
  const guarded = {
    query: (config: pg.QueryConfig, values?: unknown[]) => {
      if (released)
        return Promise.reject(new Error('database connection used after its request ended'));
      running += 1;
      return client.query(config, values).finally(() => {
        running -= 1;
      });
    },
  };
  return {
    db: drizzlePg({ client: guarded as unknown as pg.PoolClient, relations }),
    settle: async (timeoutMs = 5000) => {
      const until = Date.now() + timeoutMs;
      await nextTurn();
      while (running > 0 && Date.now() < until) {
        await new Promise<void>((resolve) => setTimeout(resolve, 1));
        await nextTurn();
      }
    },
    release: () => {
      if (released) return;
      released = true;
      client.release();
    },
  };
}
