import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Runs hand-written SQL and returns its rows. Both drivers answer `execute` with `{ rows }`; the
 * shared Db type cannot say so, hence the one cast here.
 */
export async function queryRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
