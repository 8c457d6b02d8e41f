import type { Db, Relations } from '@huanjie/db';
import { queryRows } from '@huanjie/db';
import type { App, Role } from '@huanjie/domain';
import type { DBQueryConfig } from 'drizzle-orm';
import { sql } from 'drizzle-orm';

/*
 * The account tables (users' hashes, sessions, login attempts) are out of the request role's
 * reach: everything here goes through the SECURITY DEFINER functions of the migration
 * account_tables_private, each doing one narrow thing with the owner's rights.
 */

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

export async function findUserForLogin(db: Db, username: string) {
  const [row] = await queryRows<{
    id: number;
    passwordHash: string;
    role: Role;
    disabled: boolean;
  }>(
    db,
    sql`select id, password_hash as "passwordHash", role, disabled from huanjie_login_account(${username})`,
  );
  return row;
}

/** Failed sign-ins from one address since `since`: what the address slowdown counts. */
export async function countAddressFailures(db: Db, address: string, since: Date) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select huanjie_address_login_failures(${address}, ${at(since)}) as n`,
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
  const [row] = await queryRows<{ id: number | null }>(
    db,
    sql`select huanjie_reserve_login_attempt(${attempt.username}, ${attempt.address}, ${at(attempt.at)}, ${at(since)}, ${limit}) as id`,
  );
  return row?.id ?? null;
}

export async function markAttemptSucceeded(db: Db, attemptId: number) {
  await db.execute(sql`select huanjie_login_succeeded(${attemptId})`);
}

/** A session for the account of a login attempt that just succeeded (and no other). */
export async function openSession(
  db: Db,
  values: { attemptId: number; tokenHash: string; app: App; now: Date; expiresAt: Date },
) {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select huanjie_open_session(${values.attemptId}, ${values.tokenHash}, ${values.app}, ${at(values.now)}, ${at(values.expiresAt)}) as id`,
  );
  if (!row) throw new Error('session insert returned no row');
  return row.id;
}

/**
 * A live session (not revoked, expired or idle since `idleSince`; of `app` when one is named)
 * with what an Actor needs, in one call; using it refreshes it, unless that was done since
 * `touchSince` (one write a minute).
 */
export async function findLiveSession(
  db: Db,
  query: { tokenHash: string; app: App | null; now: Date; idleSince: Date; touchSince: Date },
) {
  const [row] = await queryRows<{
    sessionId: number;
    app: App;
    userId: number;
    role: Role;
    homeRegionId: number;
    homePath: string;
    assignedPaths: string[];
    mustChangePassword: boolean;
  }>(
    db,
    sql`select session_id as "sessionId", app, user_id as "userId", role,
          home_region_id as "homeRegionId", home_path as "homePath", assigned_paths as "assignedPaths",
          must_change_password as "mustChangePassword"
        from huanjie_session(${query.tokenHash}, ${query.app}, ${at(query.now)}, ${at(query.idleSince)}, ${at(query.touchSince)})`,
  );
  return row;
}

export async function revokeSession(db: Db, sessionId: number, now: Date) {
  await db.execute(sql`select huanjie_end_session(${sessionId}, ${at(now)})`);
}

/** Ends every live session of the user whose session this is; returns how many there were. */
export async function revokeUserSessions(db: Db, sessionId: number, now: Date) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select huanjie_end_all_sessions(${sessionId}, ${at(now)}) as n`,
  );
  return row?.n ?? 0;
}

/** What a GraphQL field selects of a user (the drizzle plugin's `query()`). */
export type UserSelection = Omit<DBQueryConfig<'one', Relations, Relations['users']>, 'where'>;

export function findUser(db: Db, selection: UserSelection, id: number) {
  return db.query.users.findFirst({ ...selection, where: { id } });
}
