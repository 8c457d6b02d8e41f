import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@huanjie/db';
import { hashPassword, verifyPassword } from '@huanjie/db';
import type { Actor, App } from '@huanjie/domain';
import { ROLE_INFO, appOfRole, baseScopeRoots } from '@huanjie/domain';
import type { Context } from '../../context.js';
import { sessionCookieName } from '../../context.js';
import { InvalidCredentialsError, RateLimitedError, WrongAppError } from '../../shared/errors.js';
import { actorOf } from '../../shared/scope.js';
import { z } from 'zod';
import { parseInput } from '../../shared/validation.js';
import * as repo from './auth.repo.js';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** A session unused for this long ends (SESSION_IDLE_MINUTES); the default is a working day. */
export const DEFAULT_SESSION_IDLE_MS = 8 * 3600 * 1000;
const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

/**
 * Throttling. An account is locked for the window after MAX_FAILURES_PER_ACCOUNT failures, from
 * wherever they came. An address is only slowed down: many people can share one (a township
 * office behind NAT), so failures from it never refuse a correct password, they make every
 * further attempt from it wait, longer as they pile up.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const ADDRESS_SLOWDOWN_AFTER = 30;
const ADDRESS_DELAY_STEP_MS = 500;
const ADDRESS_DELAY_MAX_MS = 5_000;

/** How long an attempt waits given the failures from its address within the window. */
export function addressDelayMs(failures: number): number {
  if (failures < ADDRESS_SLOWDOWN_AFTER) return 0;
  return Math.min(
    (failures - ADDRESS_SLOWDOWN_AFTER + 1) * ADDRESS_DELAY_STEP_MS,
    ADDRESS_DELAY_MAX_MS,
  );
}

const APP_LABEL: Record<App, string> = { village: '村级端', township: '乡镇端', county: '县级端' };

export interface LoginInput {
  username: string;
  password: string;
  app: App;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: number;
}

const loginShape = z.object({
  username: z
    .string()
    .transform((u) => u.trim())
    .pipe(
      z
        .string()
        .min(1, { message: '请输入用户名' })
        .max(64, { message: '用户名过长' })
        // PostgreSQL text cannot hold U+0000: refused here rather than in the database.
        .refine((u) => !u.includes('\u0000'), { message: '含有无效字符' }),
    ),
  password: z.string().min(1, { message: '请输入密码' }).max(256, { message: '密码过长' }),
});

export async function login(ctx: Context, input: LoginInput): Promise<LoginResult> {
  const { username } = parseInput(loginShape, input, '登录信息有误');
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const byAddress = await repo.countAddressFailures(ctx.db, ctx.address, since);
  const attemptId = await repo.reserveLoginAttempt(
    ctx.db,
    { username, address: ctx.address, at: now },
    since,
    MAX_FAILURES_PER_ACCOUNT,
  );
  if (attemptId === null) {
    throw new RateLimitedError(
      `登录失败次数过多，请${LOGIN_WINDOW_MS / 60_000}分钟后再试`,
      LOGIN_WINDOW_MS / 1000,
    );
  }
  const delay = addressDelayMs(byAddress);
  if (delay > 0) await sleep(delay);

  const user = await repo.findUserForLogin(ctx.db, username);
  // Verify against a dummy hash for unknown users so timing does not reveal which usernames exist.
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await dummyHash()),
    input.password,
  );
  // The attempt stays counted as a failure.
  if (!user || !passwordOk || user.disabled) throw new InvalidCredentialsError();
  await repo.markAttemptSucceeded(ctx.db, attemptId);

  const expectedApp = appOfRole(user.role);
  if (expectedApp !== input.app) {
    throw new WrongAppError(
      `${ROLE_INFO[user.role].label.zh}请使用${APP_LABEL[expectedApp]}登录`,
      expectedApp,
    );
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await repo.openSession(ctx.db, {
    attemptId,
    tokenHash: hashToken(token),
    app: input.app,
    now,
    expiresAt,
  });
  ctx.cookies.set(sessionCookieName(input.app), token, expiresAt);
  return { token, expiresAt, userId: user.id };
}

export async function logout(ctx: Context & { sessionId: number }): Promise<void> {
  await repo.revokeSession(ctx.db, ctx.sessionId, ctx.clock.now());
  if (ctx.app) ctx.cookies.clear(sessionCookieName(ctx.app));
}

/** Ends every session of the signed-in user, in every app and on every device. */
export async function logoutEverywhere(ctx: Context & { sessionId: number }): Promise<number> {
  const ended = await repo.revokeUserSessions(ctx.db, ctx.sessionId, ctx.clock.now());
  if (ctx.app) ctx.cookies.clear(sessionCookieName(ctx.app));
  return ended;
}

/**
 * The session behind a token, or null. A session belongs to the app it was opened in: a request
 * that names another app (x-huanjie-app, which nginx sets from the port the request came through,
 * or the app of the cookie the token came from) is refused, and one that names none is bound to
 * the session's own app. Using it keeps it alive; unused for `idleMs`, it ends.
 */
export async function resolveSession(
  db: Db,
  token: string,
  app: App | null,
  now: Date,
  idleMs: number = DEFAULT_SESSION_IDLE_MS,
): Promise<{
  actor: Actor;
  sessionId: number;
  /** What the account functions in the database check the session against (huanjie.session). */
  tokenHash: string;
  app: App;
  passwordChangeRequired: boolean;
} | null> {
  if (token.length > 200) return null;
  const tokenHash = hashToken(token);
  const row = await repo.findLiveSession(db, {
    tokenHash,
    app,
    now,
    idleSince: new Date(now.getTime() - idleMs),
    touchSince: new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS),
  });
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    tokenHash,
    app: row.app,
    passwordChangeRequired: row.mustChangePassword,
    actor: {
      userId: row.userId,
      role: row.role,
      homeRegionId: row.homeRegionId,
      homePath: row.homePath,
      // Guidance members and county supervisors reach what their teams are assigned to, read
      // afresh on every request: an unassignment takes effect on the very next one.
      scopeRoots: [...baseScopeRoots(row.role, row.homePath), ...row.assignedPaths],
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** A user as a GraphQL field selects it: the one who signed in, or the signed-in one (me). */
export async function user(ctx: Context, selection: repo.UserSelection, id: number) {
  const row = await repo.findUser(ctx.db, selection, id);
  if (!row) throw new Error(`user ${String(id)} vanished`);
  return row;
}

export function me(ctx: Context, selection: repo.UserSelection) {
  return user(ctx, selection, actorOf(ctx).userId);
}
