import type { Db, Relations } from '@huanjie/db';
import { regions } from '@huanjie/db';
import type { RegionId, RegionLevel } from '@huanjie/domain';
import { pathIds } from '@huanjie/domain';
import type { DBQueryConfig } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { and, inArray, like, or, sql } from 'drizzle-orm';
import { likeLiteral, underPath } from '../../shared/sql.js';

export interface RegionCrumbRow {
  id: number;
  name: string;
  level: RegionLevel;
}

/** The regions on a path, from the root down, including the last one. */
export async function crumbsOnPath(db: Db, path: string): Promise<RegionCrumbRow[]> {
  const ids = pathIds(path);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: regions.id, name: regions.name, level: regions.level })
    .from(regions)
    .where(inArray(regions.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * What a GraphQL field selects of a region (the drizzle plugin's `query()`): the repo adds which
 * regions, and runs it as one statement.
 */
export type RegionSelection = Omit<
  DBQueryConfig<'many', Relations, Relations['regions']>,
  'where' | 'orderBy' | 'limit'
>;

export function findRegion(db: Db, selection: RegionSelection, id: RegionId) {
  return db.query.regions.findFirst({ ...selection, where: { id } });
}

/** Regions whose name contains the text, inside any of the roots. */
export function searchRegions(
  db: Db,
  selection: RegionSelection,
  search: { text: string; roots: readonly string[]; level: RegionLevel | null; limit: number },
) {
  return db.query.regions.findMany({
    ...selection,
    where: {
      RAW: (r) =>
        and(
          like(r.name, `%${likeLiteral(search.text)}%`),
          or(...search.roots.map((root) => underPath(r.path, root))),
          search.level ? inArray(r.level, [search.level]) : undefined,
        ) ?? like(r.name, ''),
    },
    orderBy: { path: 'asc' },
    limit: search.limit,
  });
}

/** The regions whose paths are the given ones. */
export function regionsAtPaths(db: Db, selection: RegionSelection, paths: readonly string[]) {
  return db.query.regions.findMany({
    ...selection,
    where: { RAW: (r) => inArray(r.path, [...paths]) },
    orderBy: { path: 'asc' },
  });
}

/** Villages and communities in the subtree of a region, as a column the Region type selects. */
export function villageCountOf(path: SQL.Aliased | SQL | typeof regions.path): SQL<number> {
  return sql<number>`(select count(*)::int from regions v where v.path like ${path} || '%' and v.level in ('village', 'community'))`;
}
