import type { Db } from '@huanjie/db';
import { cadres, queryRows, regions, users } from '@huanjie/db';
import type { RegionLevel, Role } from '@huanjie/domain';
import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { underPath } from '../../shared/sql.js';

/*
 * Accounts are written only through the SECURITY DEFINER functions of the migration
 * account_management: each finds the manager from the session and checks region and role in SQL.
 * What the request role reads directly is the harmless columns of users and, under row-level
 * security, regions and cadres.
 */

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** Why the database refused a change to an account. */
export type AccountRefusal =
  'forbidden' | 'not_found' | 'role' | 'level' | 'duplicate' | 'self' | 'cadre';

export interface AccountRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionId: number;
  regionPath: string;
  regionName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
}

/** Every account the manager of this session manages, in region order. */
export async function listAccounts(db: Db, sessionId: number, now: Date): Promise<AccountRow[]> {
  const rows = await queryRows<AccountRow>(
    db,
    sql`select id, username, display_name as "displayName", role, region_id as "regionId",
          region_path as "regionPath", region_name as "regionName", disabled, must_change_password as "mustChangePassword",
          created_at as "createdAt", last_sign_in_at as "lastSignInAt"
        from huanjie_accounts(${sessionId}, ${at(now)})`,
  );
  // raw rows carry timestamps as the driver gives them (a string on some drivers)
  return rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt),
    lastSignInAt: r.lastSignInAt === null ? null : new Date(r.lastSignInAt),
  }));
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  regionId: number;
  passwordHash: string;
  cadreId: number | null;
}

export async function createAccount(
  db: Db,
  sessionId: number,
  now: Date,
  account: NewAccount,
): Promise<{ id: number } | { refusal: AccountRefusal }> {
  const [row] = await queryRows<{ id: number | null; refusal: AccountRefusal | null }>(
    db,
    sql`select account_id as id, refusal from huanjie_account_create(${sessionId}, ${at(now)},
          ${account.username}, ${account.displayName}, ${account.role}, ${account.regionId},
          ${account.passwordHash}, ${account.cadreId}::integer)`,
  );
  if (row?.id != null) return { id: row.id };
  return { refusal: row?.refusal ?? 'forbidden' };
}

async function refusalOf(
  db: Db,
  statement: ReturnType<typeof sql>,
): Promise<AccountRefusal | null> {
  const [row] = await queryRows<{ refusal: AccountRefusal | null }>(db, statement);
  return row?.refusal ?? null;
}

export function updateAccount(
  db: Db,
  sessionId: number,
  now: Date,
  userId: number,
  values: { displayName: string; role: Role; regionId: number },
) {
  return refusalOf(
    db,
    sql`select huanjie_account_update(${sessionId}, ${at(now)}, ${userId}, ${values.displayName},
          ${values.role}, ${values.regionId}) as refusal`,
  );
}

export function setAccountDisabled(
  db: Db,
  sessionId: number,
  now: Date,
  userId: number,
  disabled: boolean,
) {
  return refusalOf(
    db,
    sql`select huanjie_account_set_disabled(${sessionId}, ${at(now)}, ${userId}, ${disabled}) as refusal`,
  );
}

export function resetAccountPassword(
  db: Db,
  sessionId: number,
  now: Date,
  userId: number,
  passwordHash: string,
) {
  return refusalOf(
    db,
    sql`select huanjie_account_reset_password(${sessionId}, ${at(now)}, ${userId}, ${passwordHash}) as refusal`,
  );
}

export async function ownPassword(db: Db, sessionId: number, now: Date) {
  const [row] = await queryRows<{ username: string; passwordHash: string }>(
    db,
    sql`select username, password_hash as "passwordHash" from huanjie_own_password(${sessionId}, ${at(now)})`,
  );
  return row;
}

/** Sets the caller's own password; returns how many of their other sessions ended. */
export async function changeOwnPassword(
  db: Db,
  sessionId: number,
  now: Date,
  passwordHash: string,
) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select huanjie_change_own_password(${sessionId}, ${at(now)}, ${passwordHash}) as n`,
  );
  return row?.n ?? 0;
}

/** Usernames among these that are taken (the request role reads usernames). */
export async function takenUsernames(db: Db, usernames: string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
  return new Set(rows.map((r) => r.username));
}

/** Usernames starting with a prefix (to number generated ones). */
export async function usernamesLike(db: Db, prefix: string): Promise<Set<string>> {
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(like(users.username, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return new Set(rows.map((r) => r.username));
}

export interface RegionForAccount {
  id: number;
  name: string;
  code: string;
  level: RegionLevel;
  path: string;
}

/** Regions of these levels under a path (row-level security applies), in tree order. */
export function regionsUnder(db: Db, path: string, levels: RegionLevel[]) {
  return db
    .select({
      id: regions.id,
      name: regions.name,
      code: regions.code,
      level: regions.level,
      path: regions.path,
    })
    .from(regions)
    .where(and(underPath(regions.path, path), inArray(regions.level, levels)))
    .orderBy(asc(regions.path));
}

export async function regionsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: regions.id,
      name: regions.name,
      code: regions.code,
      level: regions.level,
      path: regions.path,
    })
    .from(regions)
    .where(inArray(regions.id, ids));
}

/** Enabled accounts of a role at these regions: who already has one. */
export async function regionsWithAccount(db: Db, role: Role, regionIds: number[]) {
  if (regionIds.length === 0) return new Set<number>();
  const rows = await db
    .selectDistinct({ regionId: users.regionId })
    .from(users)
    .where(
      and(eq(users.role, role), eq(users.disabled, false), inArray(users.regionId, regionIds)),
    );
  return new Set(rows.map((r) => r.regionId));
}

/** Cadres on township rosters under a path who have no login yet. */
export function cadresWithoutLogin(db: Db, path: string) {
  return db
    .select({
      id: cadres.id,
      name: cadres.name,
      regionId: cadres.regionId,
      regionName: regions.name,
      regionCode: regions.code,
      regionPath: regions.path,
    })
    .from(cadres)
    .innerJoin(regions, eq(regions.id, cadres.regionId))
    .where(and(underPath(regions.path, path), eq(regions.level, 'township'), isNull(cadres.userId)))
    .orderBy(asc(regions.path), asc(cadres.id));
}
