import { createDb, defaultDataDir } from '@huanjie/db';
import { createEventBus } from './events/event-bus.js';
import { readEnv } from './env.js';
import { logInfo } from './logger.js';
import { auditAnchorFile, startAuditAnchoring } from './modules/audit/audit-anchor.js';
import { DEVELOPMENT_AUDIT_CHAIN_KEY, setAuditChainKey } from './modules/audit/audit-key.js';
import { startServer } from './server.js';
import { clockStartingAt, systemClock } from './shared/clock.js';

const env = readEnv();
const dataDir = env.HUANJIE_DATA_DIR ?? defaultDataDir();
const database = await createDb(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir });
setAuditChainKey(env.AUDIT_CHAIN_KEY ?? DEVELOPMENT_AUDIT_CHAIN_KEY);
const anchorFile = auditAnchorFile(env, dataDir);
const anchoring = anchorFile
  ? startAuditAnchoring(database.db, anchorFile, env.AUDIT_ANCHOR_INTERVAL_SECONDS * 1000)
  : undefined;
const events = await createEventBus(env.REDIS_URL);
const server = await startServer(
  {
    database,
    cookieSecure: env.COOKIE_SECURE,
    trustedProxies: env.TRUSTED_PROXIES,
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    events,
    rowLevelSecurity: env.HUANJIE_ROW_LEVEL_SECURITY,
    clock: env.HUANJIE_NOW ? clockStartingAt(new Date(env.HUANJIE_NOW)) : systemClock,
  },
  { port: env.PORT, host: env.HOST },
);
logInfo('api.listening', {
  url: `${server.url}/graphql`,
  database: database.driver,
  events: env.REDIS_URL ? 'redis' : 'in-process',
  ...(env.HUANJIE_NOW ? { clockStartedAt: env.HUANJIE_NOW } : {}),
});
logInfo(anchorFile ? 'audit.anchoring' : 'audit.anchoring_disabled', {
  ...(anchorFile
    ? { file: anchorFile, everySeconds: env.AUDIT_ANCHOR_INTERVAL_SECONDS }
    : { hint: 'set AUDIT_ANCHOR_FILE so audit:verify can detect deleted or rewritten entries' }),
  ...(env.AUDIT_CHAIN_KEY ? {} : { key: 'development key (AUDIT_CHAIN_KEY unset)' }),
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server
      .stop()
      .then(() => anchoring?.stop())
      .then(() => events.close())
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}
