import type { Server } from 'node:http';
import type { Database } from '@huanjie/db';
import { parse as parseCookies } from 'cookie';
import {
  GraphQLError,
  OperationTypeNode,
  getOperationAST,
  parse,
  specifiedRules,
  subscribe,
  validate,
} from 'graphql';
import type { ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Context } from '../context.js';
import { sessionCookieName } from '../context.js';
import { bearerToken, parseApp } from '../create-context.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../shared/clock.js';
import { resolveSession } from '../modules/auth/auth.service.js';
import { beginRequestTransaction, closedDb } from '../request-transaction.js';
import { QUERY_LIMITS, queryProtection } from './apollo.js';
import { schema } from './schema.js';

/** How often an open socket checks that its session still stands (signed out, disabled, expired). */
const SESSION_CHECK_MS = 10_000;
/** The close code a socket gets when its session ended (graphql-ws keeps 4400–4499 for such). */
const SESSION_ENDED = 4401;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const hostName = (host: string) => {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
};
const sameSite = (a: string, b: string) => a === b || (LOOPBACK.has(a) && LOOPBACK.has(b));

/**
 * A browser's WebSocket carries the page's Origin: only the apps, served from the API's own host
 * (any port: each app has its own), may open one; a page of another site cannot ride the user's
 * session cookie. Clients that send no Origin (scripts with a bearer token) are not browsers.
 */
export function originAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).hostname;
  } catch {
    return false;
  }
  return host !== undefined && sameSite(originHost, hostName(host));
}

interface SocketAuth {
  actor: NonNullable<Context['actor']>;
  sessionId: number;
  app: NonNullable<Context['app']>;
  token: string;
  address: string;
}

/**
 * GraphQL subscriptions over WebSocket (graphql-ws) on the same /graphql path. The socket is
 * authenticated like HTTP: the app comes from connectionParams.app (browsers cannot set headers on
 * a WebSocket) or the x-huanjie-app header, the session from a bearer token in
 * connectionParams.authorization or from that app's session cookie on the upgrade request.
 * Only subscription operations are served here; queries and mutations go over HTTP.
 */
export function attachSubscriptions(
  httpServer: Server,
  database: Database,
  events: EventBus,
  options: { rowLevelSecurity: boolean; clock: Clock; sessionIdleMs?: number },
): { close: () => Promise<void> } {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const limits = queryProtection().validationRules;
  const auth = new WeakMap<object, SocketAuth>();

  const disposable = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const headers = ctx.extra.request.headers;
        if (!originAllowed(headers.origin, headers.host)) return false;
        const params = ctx.connectionParams ?? {};
        // Behind nginx the header names the port's app whatever the page claims: both must agree.
        const headerApp = parseApp(headers['x-huanjie-app'] as string | undefined);
        const paramsApp = parseApp(typeof params.app === 'string' ? params.app : undefined);
        if (headerApp && paramsApp && headerApp !== paramsApp) return false;
        const app = headerApp ?? paramsApp;
        const cookies = parseCookies(headers.cookie ?? '');
        const token =
          bearerToken(
            typeof params.authorization === 'string' ? params.authorization : undefined,
          ) ?? (app ? cookies[sessionCookieName(app)] : undefined);
        // No session, or one that ended: 4401, which the apps take as "sign in again" and do not
        // retry (4403, graphql-ws's refusal, is retried by its clients). The later 4403 is ignored.
        const refuse = () => {
          ctx.extra.socket.close(SESSION_ENDED, 'session ended');
          return false;
        };
        if (!token || !app) return refuse();
        const resolved = await resolveSession(
          database.db,
          token,
          app,
          options.clock.now(),
          options.sessionIdleMs,
        );
        if (!resolved) return refuse();
        auth.set(ctx.extra, {
          ...resolved,
          app,
          token,
          address: ctx.extra.request.socket.remoteAddress ?? 'unknown',
        });
        // a signed-out, disabled or expired session loses its socket within SESSION_CHECK_MS,
        // whether or not an event comes
        const socket = ctx.extra.socket;
        const timer = setInterval(() => {
          void resolveSession(database.db, token, app, options.clock.now(), options.sessionIdleMs)
            .then((still) => {
              if (!still) socket.close(SESSION_ENDED, 'session ended');
            })
            .catch(() => undefined);
        }, SESSION_CHECK_MS);
        timer.unref();
        // disabled or reset by an admin: closed at once, not at the next check
        const userId = resolved.actor.userId;
        const stopListening = events.listen((event) => {
          if (event.kind === 'sessions_ended' && event.userId === userId) {
            socket.close(SESSION_ENDED, 'session ended');
          }
        });
        socket.once('close', () => {
          clearInterval(timer);
          stopListening();
        });
        return true;
      },
      onSubscribe: (_ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('无效的查询')];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [new GraphQLError('WebSocket 只用于订阅；查询和修改请使用 HTTP')];
        }
        // the same limits as HTTP: aliases, depth, directives, cost, list cost
        const errors = validate(schema, document, [...specifiedRules, ...limits]);
        if (errors.length > 0) return errors;
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
        };
        return args;
      },
      context: async (ctx): Promise<Context> => {
        const socket = auth.get(ctx.extra);
        if (!socket)
          throw new GraphQLError('请先登录', { extensions: { code: 'UNAUTHENTICATED' } });
        // The session is checked again for every subscription: a logout ends new ones at once.
        const resolved = await resolveSession(
          database.db,
          socket.token,
          socket.app,
          options.clock.now(),
          options.sessionIdleMs,
        );
        // each event is checked against the session as it is then (monitoring.service subscribe):
        // one lookup by token, shared by the events of a burst that arrive while it runs
        let pending: Promise<NonNullable<Context['actor']> | null> | null = null;
        const recheck = () => {
          if (!pending) {
            pending = resolveSession(
              database.db,
              socket.token,
              socket.app,
              options.clock.now(),
              options.sessionIdleMs,
            )
              .then((r) => {
                if (!r) ctx.extra.socket.close(SESSION_ENDED, 'session ended');
                return r?.actor ?? null;
              })
              .finally(() => {
                pending = null;
              });
          }
          return pending;
        };
        return {
          recheck,
          db: options.rowLevelSecurity ? closedDb : database.db,
          actor: resolved?.actor ?? null,
          sessionId: resolved?.sessionId ?? null,
          sessionTokenHash: resolved?.tokenHash ?? null,
          passwordChangeRequired: resolved?.passwordChangeRequired ?? false,
          app: socket.app,
          address: socket.address,
          requestId: `ws-${ctx.extra.request.headers['sec-websocket-key'] ?? ''}`,
          cookies: { set: () => undefined, clear: () => undefined },
          clock: options.clock,
          events,
          adoptSession: () => Promise.resolve(),
        };
      },
      // Setting a subscription up reads the database (is the campaign readable?): that runs in a
      // request transaction like any HTTP request. The events it then delivers carry their data and
      // read nothing; clients re-read over HTTP.
      subscribe: async (args) => {
        if (!options.rowLevelSecurity) return subscribe(args);
        const ctx = args.contextValue as Context;
        const transaction = await beginRequestTransaction(database, ctx.actor, {
          sessionTokenHash: ctx.sessionTokenHash,
        });
        ctx.db = transaction.db;
        let ok = false;
        try {
          const result = await subscribe(args);
          ok = true;
          return result;
        } finally {
          ctx.db = closedDb;
          await transaction.finish(ok);
        }
      },
    },
    wss,
  );

  return {
    close: async () => {
      await disposable.dispose();
      // ws 8 leaves open connections alone on close(); a stopping instance cuts them.
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => {
        wss.close(() => {
          resolve();
        });
      });
    },
  };
}
