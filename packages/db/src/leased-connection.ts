import { AsyncLocalStorage } from 'node:async_hooks';
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

interface Section {
  done: Promise<void>;
}

const sections = new AsyncLocalStorage<Section>();

/**
 * Runs `work` with the request's connection to itself: from its first statement until it ends, a
 * statement of any other resolver of the same request waits. For statements that change the
 * planner's settings for a moment (monitoring's aggregate() turns nested loops off): a sibling's
 * statement planned inside that window got the setting too, and a case list that takes 1 ms took
 * 250 ms as hash joins over whole tables. Keep `work` to its own statements: awaiting another
 * resolver's statement inside it would wait for itself.
 */
export async function exclusively<T>(work: () => Promise<T>): Promise<T> {
  let finish!: () => void;
  const section: Section = {
    done: new Promise<void>((resolve) => {
      finish = resolve;
    }),
  };
  try {
    return await sections.run(section, work);
  } finally {
    finish();
  }
}

export async function leaseConnection(pool: pg.Pool): Promise<LeasedConnection> {
  const client = await pool.connect();
  let running = 0;
  let released = false;
  /** The exclusive section holding the connection (see exclusively), if any. */
  let holder: Section | null = null;
  const waitForTurn = async () => {
    const mine = sections.getStore() ?? null;
    while (holder && holder !== mine) await holder.done;
    if (mine && holder !== mine) {
      holder = mine;
      void mine.done.then(() => {
        if (holder === mine) holder = null;
      });
    }
  };
  const refuseAfterRelease = () => {
    if (released) throw new Error('database connection used after its request ended');
  };
  // drizzle calls only `query` on a client that is not a pool, and leaves BEGIN/COMMIT to us
  const guarded = {
    query: async (config: pg.QueryConfig, values?: unknown[]) => {
      refuseAfterRelease();
      running += 1;
      try {
        await waitForTurn();
        // released while it waited for an exclusive section
        refuseAfterRelease();
        return await client.query(config, values);
      } finally {
        running -= 1;
      }
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
