import type { Db, Relations } from '@huanjie/db';
import { loginAttempts, regions, sessions, users } from '@huanjie/db';
import type { DBQueryConfig } from 'drizzle-orm';
import { and, count, eq, gt, isNull, lt, sql } from 'drizzle-orm';

export async function findUserForLogin(db: Db, username: string) {
  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      role: users.role,
      disabled: users.disabled,
    })
    .from(users)
    .where(eq(users.username, username));
  return row;
}

export async function countRecentFailures(
  db: Db,
  since: Date,
  by: { username: string } | { address: string },
) {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        'username' in by
          ? eq(loginAttempts.username, by.username)
          : eq(loginAttempts.address, by.address),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.at, since),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Counts an attempt against its account before the password is checked, as a failure until
 * markAttemptSucceeded says otherwise. A per-account advisory lock, held to the end of the
 * request's transaction, queues parallel attempts on one account: each sees the ones before it,
 * so exactly `limit` failures get through however many arrive at once. Null: the account has
 * reached the limit, and nothing is recorded.
 */
export async function reserveLoginAttempt(
  db: Db,
  attempt: { username: string; address: string; at: Date },
  since: Date,
  limit: number,
): Promise<number | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:${attempt.username}`}))`);
    const failures = await countRecentFailures(tx, since, { username: attempt.username });
    if (failures >= limit) return null;
    const [row] = await tx
      .insert(loginAttempts)
      .values({ ...attempt, succeeded: false })
      .returning({ id: loginAttempts.id });
    if (!row) throw new Error('login attempt insert returned no row');
    return row.id;
  });
}

export async function markAttemptSucceeded(db: Db, attemptId: number) {
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
  const [row] = await db.insert(sessions).values(values).returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned no row');
  return row.id;
}

/** A live session (not revoked, expired or idle since `idleSince`) with what an Actor needs, in one query. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date, idleSince: Date) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      app: sessions.app,
      userId: users.id,
      role: users.role,
      homeRegionId: regions.id,
      homePath: regions.path,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastUsedAt, idleSince),
        eq(users.disabled, false),
      ),
    );
  return row;
}

/** Marks a session used now, unless that was already done since `unlessSince`: one write a minute. */
export async function touchSession(db: Db, sessionId: number, now: Date, unlessSince: Date) {
  await db
    .update(sessions)
    .set({ lastUsedAt: now })
    .where(and(eq(sessions.id, sessionId), lt(sessions.lastUsedAt, unlessSince)));
}

export async function revokeSession(db: Db, sessionId: number, now: Date) {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

/** Ends every live session of a user; returns how many there were. */
export async function revokeUserSessions(db: Db, userId: number, now: Date) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/** What a GraphQL field selects of a user (the drizzle plugin's `query()`). */
export type UserSelection = Omit<DBQueryConfig<'one', Relations, Relations['users']>, 'where'>;

export function findUser(db: Db, selection: UserSelection, id: number) {
  return db.query.users.findFirst({ ...selection, where: { id } });
}
