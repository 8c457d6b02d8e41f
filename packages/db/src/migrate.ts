import { fileURLToPath } from 'node:url';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/** Applies the committed SQL migrations; the same files run on PGlite and PostgreSQL. */
export async function migrate(database: Database, migrationsFolder = MIGRATIONS_FOLDER) {
  // The two migrators take their own driver's database type; both are the same Db at run time.
  if (database.driver === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
  } else {
    await migrateNodePg(database.db as never, { migrationsFolder });
  }
}
