import type { Db } from '@huanjie/db';
import type { Actor, App } from '@huanjie/domain';
import type { EventBus } from './events/event-bus.js';
import type { Clock } from './shared/clock.js';

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
  /**
   * The hash of the request's session token: the request transaction hands it to the database
   * (huanjie.session), whose account functions act only for the session it names.
   */
  sessionTokenHash: string | null;
  /**
   * The session's user signed in with a one-time password and has not chosen a new one yet: every
   * root field but me, changePassword and sign-out answers PASSWORD_CHANGE_REQUIRED.
   */
  passwordChangeRequired: boolean;
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
  /**
   * For a live connection (a subscription): the session's actor as it is now — null once the
   * user signed out, was disabled, or the session expired — with today's scope (an unassigned
   * guidance member has lost the village). Every event is checked against it before delivery.
   */
  recheck?: () => Promise<Actor | null>;
}

export type AuthenticatedContext = Context & { actor: Actor; sessionId: number };

export const SESSION_COOKIE_PREFIX = 'hj_session_';

export function sessionCookieName(app: App): string {
  return `${SESSION_COOKIE_PREFIX}${app}`;
}
