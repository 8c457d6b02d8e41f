import type { Db } from '@huanjie/db';
import { regions, zones } from '@huanjie/db';
import type { RegionId, ZoneId } from '@huanjie/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
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

