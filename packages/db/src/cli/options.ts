import { parseArgs } from 'node:util';
import type { CreateDbOptions } from '../client.js';
import { defaultDataDir } from '../client.js';

/** DATABASE_URL selects PostgreSQL; otherwise the embedded database in HUANJIE_DATA_DIR or .data/pglite. */
export function databaseOptionsFromEnv(): CreateDbOptions {
  const url = process.env.DATABASE_URL;
  if (url) return { url };
  return { dataDir: process.env.HUANJIE_DATA_DIR ?? defaultDataDir() };
}

export function cliArgs() {
  return parseArgs({
    options: {
      villages: { type: 'string' },
      seed: { type: 'string' },
      'if-empty': { type: 'boolean', default: false },
    },
  }).values;
}
