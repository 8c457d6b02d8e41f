import type { Db, Relations } from '@huanjie/db';
import { loginAttempts, regions, sessions, users } from '@huanjie/db';
import type { DBQueryConfig } from 'drizzle-orm';
import { and, count, eq, gt, isNull } from 'drizzle-orm';

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

export async function recordLoginAttempt(
  db: Db,
  attempt: { username: string; address: string; succeeded: boolean; at: Date },
) {
  await db.insert(loginAttempts).values(attempt);
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
  const [row] = await db.insert(sessions).values(values).returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned no row');
  return row.id;
}

/** A live session with what an Actor needs, in one query. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
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
        eq(users.disabled, false),
      ),
    );
  return row;
}

export async function revokeSession(db: Db, sessionId: number, now: Date) {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

/** What a GraphQL field selects of a user (the drizzle plugin's `query()`). */
export type UserSelection = Omit<DBQueryConfig<'one', Relations, Relations['users']>, 'where'>;

export function findUser(db: Db, selection: UserSelection, id: number) {
  return db.query.users.findFirst({ ...selection, where: { id } });
}
