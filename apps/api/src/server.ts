import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { expressMiddleware } from '@as-integrations/express5';
import type { Database } from '@huanjie/db';
import { parse as parseCookies } from 'cookie';
import { sql } from 'drizzle-orm';
import express from 'express';
import { createContext } from './create-context.js';
import type { EventBus } from './events/event-bus.js';
import { createInProcessBus } from './events/event-bus.js';
import { createApolloServer } from './graphql/apollo.js';
import { attachSubscriptions } from './graphql/subscriptions.js';
import { exportsRouter } from './modules/exports/exports.route.js';
import { requestTransactionPlugin } from './request-transaction.js';
import type { Clock } from './shared/clock.js';
import { systemClock } from './shared/clock.js';

export interface ServerOptions {
  database: Database;
  cookieSecure?: boolean;
  /**
   * Proxies whose X-Forwarded-For gives the client's address (express `trust proxy`: addresses,
   * CIDR ranges, `loopback`). None by default: the connecting address is the client's.
   */
  trustedProxies?: string[];
  /** Campaign events for subscriptions; in-process when absent (Redis-backed when shared). */
  events?: EventBus;
  /**
   * Runs every operation in one transaction as the database role that row-level security applies
   * to, keyed on the caller's region scope (request-transaction.ts): defence in depth under the
   * API's own checks. Off by default for now: out-of-scope ids then answer NOT_FOUND (the row is
   * invisible) where the API's checks answer FORBIDDEN.
   */
  rowLevelSecurity?: boolean;
  /** Sessions unused for this long end; DEFAULT_SESSION_IDLE_MS when absent. */
  sessionIdleMs?: number;
  /** "Now" for every request; the system time when absent. */
  clock?: Clock;
}

export interface RunningServer {
  httpServer: Server;
  url: string;
  stop: () => Promise<void>;
}

export async function startServer(
  options: ServerOptions,
  listen: { port: number; host: string },
): Promise<RunningServer> {
  const { database } = options;
  const events = options.events ?? createInProcessBus();
  const app = express();
  // Only the configured proxies: anyone else could name any address in X-Forwarded-For and
  // escape login throttling, and trusting none behind a proxy makes every client the proxy.
  const trustedProxies = options.trustedProxies ?? [];
  app.set('trust proxy', trustedProxies.length > 0 ? trustedProxies : false);
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    try {
      await database.db.execute(sql`select 1`);
      res.json({ status: 'ok', database: database.driver });
    } catch {
      res.status(503).json({ status: 'unavailable', database: database.driver });
    }
  });

  const httpServer = createServer(app);
  const rowLevelSecurity = options.rowLevelSecurity ?? true;
  const clock = options.clock ?? systemClock;
  const apollo = createApolloServer({
    plugins: rowLevelSecurity ? [requestTransactionPlugin(database)] : [],
  });
  await apollo.start();
  const subscriptions = attachSubscriptions(httpServer, database, events, {
    rowLevelSecurity,
    clock,
    ...(options.sessionIdleMs ? { sessionIdleMs: options.sessionIdleMs } : {}),
  });

  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = randomUUID();
        res.setHeader('x-request-id', requestId);
        return createContext(
          database,
          {
            headers: req.headers,
            address: req.ip ?? 'unknown',
            requestId,
            cookies: parseCookies(req.headers.cookie ?? ''),
            cookieJar: {
              set: (name, value, expires) =>
                res.cookie(name, value, {
                  httpOnly: true,
                  sameSite: 'lax',
                  secure: options.cookieSecure ?? false,
                  path: '/',
                  // relative: the browser judges Expires by its own clock, not the API's
                  maxAge: expires.getTime() - clock.now().getTime(),
                }),
              clear: (name) => res.clearCookie(name, { path: '/' }),
            },
          },
          events,
          {
            rowLevelSecurity,
            clock,
            ...(options.sessionIdleMs ? { sessionIdleMs: options.sessionIdleMs } : {}),
          },
        );
      },
    }),
  );

  app.use(
    exportsRouter({
      database,
      events,
      rowLevelSecurity,
      clock,
      ...(options.sessionIdleMs ? { sessionIdleMs: options.sessionIdleMs } : {}),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(listen.port, listen.host, resolve));
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : listen.port;
  return {
    httpServer,
    url: `http://${listen.host}:${port}`,
    stop: async () => {
      await subscriptions.close();
      await apollo.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => {
        httpServer.close(() => {
          resolve();
        });
      });
    },
  };
}
