import type { Db } from '@huanjie/db';
import { auditLog, queryRows, users } from '@huanjie/db';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { underPath } from '../../shared/sql.js';

export interface AuditFilter {
  path: string;
  username: string | null;
  action: string | null;
  from: Date | null;
  until: Date | null;
}

function where(filter: AuditFilter) {
  return and(
    underPath(auditLog.regionPath, filter.path),
    filter.username === null ? undefined : eq(users.username, filter.username),
    filter.action === null ? undefined : underPath(auditLog.action, filter.action),
    filter.from === null ? undefined : gte(auditLog.at, filter.from),
    filter.until === null ? undefined : lt(auditLog.at, filter.until),
  );
}

/** One page of the log under a region, newest first, with the total that matches. */
export async function page(db: Db, filter: AuditFilter, limit: number, offset: number) {
  const rows = await db
    .select({
      id: auditLog.id,
      chain: auditLog.chain,
      seq: auditLog.seq,
      at: auditLog.at,
      role: auditLog.role,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      regionPath: auditLog.regionPath,
      before: auditLog.before,
      after: auditLog.after,
      hash: auditLog.hash,
      userName: users.displayName,
      username: users.username,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where(filter))
    .orderBy(desc(auditLog.at), desc(auditLog.seq))
    .limit(limit)
    .offset(offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where(filter));
  return { rows, total: count?.n ?? 0 };
}

export async function regionNamesByPath(db: Db, paths: string[]) {
  if (paths.length === 0) return new Map<string, { id: number; name: string; level: string }>();
  const rows = await queryRows<{ id: number; name: string; level: string; path: string }>(
    db,
    sql`select id, name, level, path from regions where path = any(${sql.param(paths)}::text[])`,
  );
  return new Map(rows.map((r) => [r.path, r]));
}
