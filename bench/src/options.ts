import { parseArgs } from 'node:util';

export type Scale = 'county' | 'province';

export interface BenchOptions {
  scale: Scale;
  /** Measured seconds per scenario (warm-up excluded). */
  durationSeconds: number;
  warmupSeconds: number;
  /** Concurrent connections of the load generator (HTTP and SQL alike). */
  connections: number;
  /** Where the bench creates (and drops) its database: any database of the server will do. */
  databaseUrl: string;
  /** Build the API and the village app with turbo first (cached when nothing changed). */
  build: boolean;
}

export const USAGE = `pnpm bench [--scale county|province] [--duration 10] [--warmup 3] [--connections 10] [--no-build]
  DATABASE_URL  the PostgreSQL server to create the throwaway database on
                (default postgres://postgres@127.0.0.1:5432/postgres)`;

export function readOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      scale: { type: 'string', default: 'county' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.scale !== 'county' && values.scale !== 'province') {
    throw new Error(`--scale must be county or province, not ${values.scale}`);
  }
  return {
    scale: values.scale,
    durationSeconds: positive(values.duration, '--duration'),
    warmupSeconds: positive(values.warmup, '--warmup', true),
    connections: positive(values.connections, '--connections'),
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    build: !values['no-build'],
  };
}

function positive(text: string, name: string, zeroAllowed = false): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || (!zeroAllowed && n === 0)) {
    throw new Error(`${name} must be a positive number, not ${text}`);
  }
  return n;
}
