import type { Database, Db } from '@huanjie/db';
import type { Actor, App } from '@huanjie/domain';
import { APPS } from '@huanjie/domain';
import type { EventBus } from './events/event-bus.js';
import { resolveSession } from './modules/auth/auth.service.js';

export interface SessionCookieJar {
  set: (name: string, value: string, expires: Date) => void;
  clear: (name: string) => void;
}

export interface Context {
  /** The request's one database handle; every service goes through it. */
  db: Db;
  actor: Actor | null;
  sessionId: number | null;
  /** The app the request comes from (x-huanjie-app), which picks the session cookie. */
  app: App | null;
  address: string;
  requestId: string;
  cookies: SessionCookieJar;
  /** Campaign change events for subscriptions; publish after the transaction commits. */
  events: EventBus;
}

export type AuthenticatedContext = Context & { actor: Actor; sessionId: number };

export interface RequestInfo {
  headers: Record<string, string | string[] | undefined>;
  address: string;
  requestId: string;
  cookies: Record<string, string | undefined>;
  cookieJar: SessionCookieJar;
}

export const SESSION_COOKIE_PREFIX = 'hj_session_';

export function sessionCookieName(app: App): string {
  return `${SESSION_COOKIE_PREFIX}${app}`;
}

export async function createContext(
  database: Database,
  request: RequestInfo,
  events: EventBus,
): Promise<Context> {
  const app = parseApp(header(request.headers, 'x-huanjie-app'));
  const token =
    bearerToken(header(request.headers, 'authorization')) ??
    (app ? request.cookies[sessionCookieName(app)] : undefined);
  const resolved = token ? await resolveSession(database.db, token, app) : null;
  return {
    db: database.db,
    actor: resolved?.actor ?? null,
    sessionId: resolved?.sessionId ?? null,
    app,
    address: request.address,
    requestId: request.requestId,
    cookies: request.cookieJar,
    events,
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
