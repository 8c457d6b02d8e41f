import { parseArgs } from 'node:util';
import type { CreateDbOptions } from '../client.js';
import { defaultDataDir } from '../client.js';

/**
 * DATABASE_URL selects PostgreSQL; otherwise the embedded database in HUANJIE_DATA_DIR, or
 * .data/pglite (the demo), or .data/pglite-empty for an installation started empty (`--empty` or
 * HUANJIE_EMPTY=1), so that a real county's data never mixes with the demo's.
 */
export function databaseOptionsFromEnv(empty = isEmptyInstall()): CreateDbOptions {
  const url = process.env.DATABASE_URL;
  if (url) return { url };
  return { dataDir: process.env.HUANJIE_DATA_DIR ?? `${defaultDataDir()}${empty ? '-empty' : ''}` };
}

/** The installation starts without the demo: HUANJIE_EMPTY=1 (or a command's --empty). */
export function isEmptyInstall(): boolean {
  return process.env.HUANJIE_EMPTY === '1' || process.argv.includes('--empty');
}

export function cliArgs() {
  return parseArgs({
    options: {
      villages: { type: 'string' },
      seed: { type: 'string' },
      'if-empty': { type: 'boolean', default: false },
      empty: { type: 'boolean', default: false },
    },
  }).values;
}

export function adminArgs() {
  return parseArgs({
    options: {
      'region-code': { type: 'string' },
      name: { type: 'string' },
      username: { type: 'string', default: 'admin' },
      'display-name': { type: 'string' },
      empty: { type: 'boolean', default: false },
    },
  }).values;
}
