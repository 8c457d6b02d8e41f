import type { Db } from '@huanjie/db';
import { auditLog, queryRows, regions, users } from '@huanjie/db';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
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

/** The province, cities and counties at or below a path: the regions that own an audit chain. */
export function regionsAbove(db: Db, path: string) {
  return db
    .select({ path: regions.path })
    .from(regions)
    .where(
      and(underPath(regions.path, path), inArray(regions.level, ['province', 'city', 'county'])),
    )
    .orderBy(asc(regions.path));
}

export async function regionNamesByPath(db: Db, paths: string[]) {
  if (paths.length === 0) return new Map<string, { id: number; name: string; level: string }>();
  const rows = await queryRows<{ id: number; name: string; level: string; path: string }>(
    db,
    sql`select id, name, level, path from regions where path = any(${sql.param(paths)}::text[])`,
  );
  return new Map(rows.map((r) => [r.path, r]));
}

export interface EntityContext {
  track: string | null;
  stageCode: string | null;
  personName: string | null;
}

/**
 * What a person needs to name the objects of some entries: the body (track) an election's record
 * belongs to, the stage of a stage record, the person of a candidate or objection; by "type:id".
 */
export async function entityContexts(db: Db, refs: { type: string; id: string }[]) {
  const ids = (type: string) =>
    refs.filter((r) => r.type === type && /^\d{1,15}$/.test(r.id)).map((r) => Number(r.id));
  const [stage, result, candidate, unit, objection] = [
    ids('stage_record'),
    ids('election_result'),
    ids('candidate'),
    ids('unit_election'),
    ids('objection'),
  ];
  const found = new Map<string, EntityContext>();
  if (stage.length + result.length + candidate.length + unit.length + objection.length === 0) {
    return found;
  }
  const rows = await queryRows<{
    type: string;
    id: string;
    track: string | null;
    stage_code: string | null;
    person_name: string | null;
  }>(
    db,
    sql`select 'stage_record' as type, s.id::text as id, u.track, s.stage_code, null::text as person_name
          from stage_records s join unit_elections u on u.id = s.unit_election_id
         where s.id = any(${sql.param(stage)}::int[])
        union all
        select 'election_result', r.id::text, u.track, null, null
          from election_results r join unit_elections u on u.id = r.unit_election_id
         where r.id = any(${sql.param(result)}::int[])
        union all
        select 'candidate', c.id::text, u.track, null, p.name
          from candidates c join unit_elections u on u.id = c.unit_election_id
          join persons p on p.id = c.person_id
         where c.id = any(${sql.param(candidate)}::int[])
        union all
        select 'unit_election', u.id::text, u.track, null, null
          from unit_elections u where u.id = any(${sql.param(unit)}::int[])
        union all
        select 'objection', o.id::text, u.track, null, p.name
          from publicity_objections o join publicity_notices n on n.id = o.publicity_id
          join unit_elections u on u.id = n.unit_election_id
          left join candidates c on c.id = o.candidate_id
          left join persons p on p.id = c.person_id
         where o.id = any(${sql.param(objection)}::int[])`,
  );
  for (const r of rows) {
    found.set(`${r.type}:${r.id}`, {
      track: r.track,
      stageCode: r.stage_code,
      personName: r.person_name,
    });
  }
  return found;
}
