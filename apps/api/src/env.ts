import { z } from 'zod';

const fields = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL; when unset the embedded PGlite database in HUANJIE_DATA_DIR is used. */
  DATABASE_URL: z.url().optional(),
  HUANJIE_DATA_DIR: z.string().optional(),
  /** Shares subscription events between API instances; in-process when unset. */
  REDIS_URL: z.url().optional(),
  /** Set behind HTTPS so the session cookie is only sent over TLS. */
  COOKIE_SECURE: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * The reverse proxies whose X-Forwarded-For is believed (login throttling keys on the client
   * address): comma-separated addresses or CIDR ranges, or `loopback` for a proxy on the same
   * machine. Unset: none, every request counts as coming from the address that connected.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
    ),
  /** Sessions unused for this many minutes end (a sign-in lasts at most 7 days regardless). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(8 * 60),
  /**
   * Starts the API's clock at this instant (ISO 8601), running forward in real time from there:
   * browser tests pin "today" with it. Unset: the system time.
   */
  HUANJIE_NOW: z.iso.datetime({ offset: true }).optional(),
  /** Row-level security under the API's checks (request-transaction.ts); on unless set to 0. */
  HUANJIE_ROW_LEVEL_SECURITY: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * The secret the audit log's hash chain is keyed with (HMAC-SHA256); keep it out of the
   * database and its backups. Required in production; elsewhere a fixed development key is used.
   */
  AUDIT_CHAIN_KEY: z.string().min(32).optional(),
  /**
   * The file the audit chains' heads are appended to, outside the database (audit:verify checks
   * the log against it). Default: audit-anchors.jsonl next to the embedded database's directory;
   * with DATABASE_URL and no file, no anchors are written.
   */
  AUDIT_ANCHOR_FILE: z.string().optional(),
  /** How often the heads are anchored. */
  AUDIT_ANCHOR_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
});

const schema = fields.refine((env) => env.NODE_ENV !== 'production' || env.AUDIT_CHAIN_KEY, {
  message: 'AUDIT_CHAIN_KEY is required in production (a secret of at least 32 characters)',
  path: ['AUDIT_CHAIN_KEY'],
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
