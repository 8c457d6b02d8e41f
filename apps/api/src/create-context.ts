import type { Database } from '@huanjie/db';
import type { App } from '@huanjie/domain';
import { APPS } from '@huanjie/domain';
import type { Context, SessionCookieJar } from './context.js';
import { sessionCookieName } from './context.js';
import type { EventBus } from './events/event-bus.js';
import { resolveSession } from './modules/auth/auth.service.js';
import { closedDb } from './request-transaction.js';
import type { Clock } from './shared/clock.js';

export interface RequestInfo {
  headers: Record<string, string | string[] | undefined>;
  address: string;
  requestId: string;
  cookies: Record<string, string | undefined>;
  cookieJar: SessionCookieJar;
}

export async function createContext(
  database: Database,
  request: RequestInfo,
  events: EventBus,
  options: { rowLevelSecurity: boolean; clock: Clock; sessionIdleMs?: number },
): Promise<Context> {
  const app = parseApp(header(request.headers, 'x-huanjie-app'));
  const token =
    bearerToken(header(request.headers, 'authorization')) ??
    (app ? request.cookies[sessionCookieName(app)] : undefined);
  // The session is looked up before the request's transaction (and its role) exist: it is what
  // gives the request its scope.
  const resolved = token
    ? await resolveSession(database.db, token, app, options.clock.now(), options.sessionIdleMs)
    : null;
  return {
    // With row-level security the request transaction replaces it when execution starts.
    db: options.rowLevelSecurity ? closedDb : database.db,
    actor: resolved?.actor ?? null,
    sessionId: resolved?.sessionId ?? null,
    sessionTokenHash: resolved?.tokenHash ?? null,
    passwordChangeRequired: resolved?.passwordChangeRequired ?? false,
    // A request that names no app (a script with a bearer token) acts as its session's app.
    app: app ?? resolved?.app ?? null,
    address: request.address,
    requestId: request.requestId,
    cookies: request.cookieJar,
    clock: options.clock,
    events,
    adoptSession: () => Promise.resolve(),
  };
}

function header(headers: RequestInfo['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function bearerToken(value: string | undefined): string | undefined {
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

export function parseApp(value: string | undefined): App | null {
  return (APPS as readonly string[]).includes(value ?? '') ? (value as App) : null;
}
