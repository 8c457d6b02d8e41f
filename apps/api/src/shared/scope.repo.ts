import type { Db } from '@huanjie/db';
import { queryRows, regions, zones } from '@huanjie/db';
import type { RegionId, ZoneId } from '@huanjie/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { underPath } from './sql.js';

export async function findRegion(db: Db, id: RegionId) {
  const [row] = await db
    .select({
      id: regions.id,
      name: regions.name,
      level: regions.level,
      path: regions.path,
      parentId: regions.parentId,
      zoneId: regions.zoneId,
    })
    .from(regions)
    .where(eq(regions.id, id));
  return row;
}
export type RegionRef = NonNullable<Awaited<ReturnType<typeof findRegion>>>;

/** A zone (片区) with its township's path. */
export async function findZone(db: Db, id: ZoneId) {
  const [row] = await db
    .select({ id: zones.id, name: zones.name, townshipId: zones.townshipId, path: regions.path })
    .from(zones)
    .innerJoin(regions, eq(regions.id, zones.townshipId))
    .where(eq(zones.id, id));
  return row;
}

/** Villages and communities under a path, in the order townships list them. */
export async function villagesUnder(db: Db, path: string) {
  return db
    .select({
      id: regions.id,
      name: regions.name,
      level: regions.level,
      path: regions.path,
      parentId: regions.parentId,
      zoneId: regions.zoneId,
    })
    .from(regions)
    .where(and(underPath(regions.path, path), inArray(regions.level, ['village', 'community'])))
    .orderBy(asc(regions.parentId), asc(regions.sortOrder), asc(regions.id));
}
export type VillageRef = Awaited<ReturnType<typeof villagesUnder>>[number];

/**
 * The paths a user reaches through the teams they belong to, in campaigns not yet closed: the
 * villages assigned to their guidance teams (directly or through a zone), or the townships
 * assigned to their supervision teams. Only targets inside the team's own region count.
 */
export async function assignedPaths(db: Db, userId: number): Promise<string[]> {
  const rows = await queryRows<{ path: string }>(
    db,
    sql`
      with my_teams as (
        select t.id, t.region_path
        from cadres c
        join guidance_team_members m on m.cadre_id = c.id
        join guidance_teams t on t.id = m.team_id
        join campaigns k on k.id = t.campaign_id and k.status <> 'closed'
        where c.user_id = ${userId}
      )
      select r.path from my_teams t
        join guidance_team_assignments a on a.team_id = t.id
        join regions r on r.id = a.region_id
        where r.path like t.region_path || '%' and r.path <> t.region_path
      union
      select r.path from my_teams t
        join guidance_team_assignments a on a.team_id = t.id
        join regions r on r.zone_id = a.zone_id and r.level in ('village', 'community')
        where r.path like t.region_path || '%'
      order by 1
    `,
  );
  return rows.map((r) => r.path);
}
