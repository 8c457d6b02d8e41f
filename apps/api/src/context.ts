import type { Database, Db } from '@huanjie/db';
import type { Actor, App } from '@huanjie/domain';
import { APPS } from '@huanjie/domain';
import type { EventBus } from './events/event-bus.js';
import type { Clock } from './shared/clock.js';
import { resolveSession } from './modules/auth/auth.service.js';
import { closedDb } from './request-transaction.js';

export interface SessionCookieJar {
  set: (name: string, value: string, expires: Date) => void;
  clear: (name: string) => void;
}

export interface Context {
  /**
   * The request's one database handle; every service goes through it. It is the request's
   * transaction (request-transaction.ts), running as the database role that row-level security
   * applies to, with the actor's region scope; it exists only while the operation executes.
   */
  db: Db;
  actor: Actor | null;
  sessionId: number | null;
  /** The app the request comes from (x-huanjie-app), which picks the session cookie. */
  app: App | null;
  address: string;
  requestId: string;
  cookies: SessionCookieJar;
  /** The one source of "now" and "today in China". */
  clock: Clock;
  /** Campaign change events for subscriptions; publish after the transaction commits. */
  events: EventBus;
  /**
   * A sign-in gives the rest of its request the new session's scope (row-level security: what
   * the login returns about the user is read with it); nothing to do when that is off.
   */
  adoptSession: (token: string, app: App) => Promise<void>;
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
  options: { rowLevelSecurity: boolean; clock: Clock },
): Promise<Context> {
  const app = parseApp(header(request.headers, 'x-huanjie-app'));
  const token =
    bearerToken(header(request.headers, 'authorization')) ??
    (app ? request.cookies[sessionCookieName(app)] : undefined);
  // The session is looked up before the request's transaction (and its role) exist: it is what
  // gives the request its scope.
  const resolved = token
    ? await resolveSession(database.db, token, app, options.clock.now())
    : null;
  return {
    // With row-level security the request transaction replaces it when execution starts.
    db: options.rowLevelSecurity ? closedDb : database.db,
    actor: resolved?.actor ?? null,
    sessionId: resolved?.sessionId ?? null,
    app,
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
