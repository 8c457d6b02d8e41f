import type { Db, Relations } from '@huanjie/db';
import { queryRows, regions, zones } from '@huanjie/db';
import type { RegionId, RegionLevel } from '@huanjie/domain';
import { pathIds } from '@huanjie/domain';
import type { DBQueryConfig } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { likeLiteral, underPath } from '../../shared/sql.js';
import type { StoredRegion } from './region-import.js';

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

export function crumbsById(db: Db, ids: number[]): Promise<RegionCrumbRow[]> {
  return db
    .select({ id: regions.id, name: regions.name, level: regions.level })
    .from(regions)
    .where(inArray(regions.id, ids));
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

/**
 * Villages and communities in the subtree of a region, as a column the Region type selects; a
 * village merged into another (撤并) no longer counts.
 */
export function villageCountOf(path: SQL.Aliased | SQL | typeof regions.path): SQL<number> {
  return sql<number>`(select count(*)::int from regions v where v.path like ${path} || '%' and v.level in ('village', 'community') and v.merged_on is null)`;
}

/**
 * A figure of the region's own row, or, when the list left it out (a township, the county), the
 * sum over the villages and communities below it that are not merged away.
 */
export function figureOf(
  column: 'households' | 'population',
  row: {
    path: SQL.Aliased | SQL | typeof regions.path;
    own: SQL.Aliased | SQL | typeof regions.households;
  },
): SQL<number | null> {
  const name = sql.raw(column);
  return sql<
    number | null
  >`coalesce(${row.own}, (select sum(v.${name})::int from regions v where v.path like ${row.path} || '%' and v.level in ('village', 'community') and v.merged_on is null))`;
}

const storedColumns = {
  id: regions.id,
  parentId: regions.parentId,
  level: regions.level,
  townshipKind: regions.townshipKind,
  name: regions.name,
  code: regions.code,
  path: regions.path,
  households: regions.households,
  population: regions.population,
  villagerGroups: regions.villagerGroups,
  mergedOn: regions.mergedOn,
  mergedIntoId: regions.mergedIntoId,
};

/** Every region below a path (not the region itself), as an import compares them. */
export function storedRegionsUnder(db: Db, path: string): Promise<StoredRegion[]> {
  return db
    .select(storedColumns)
    .from(regions)
    .where(and(like(regions.path, `${likeLiteral(path)}_%`)))
    .orderBy(asc(regions.path));
}

export async function storedRegion(db: Db, id: number): Promise<StoredRegion | undefined> {
  const [row] = await db.select(storedColumns).from(regions).where(eq(regions.id, id));
  return row;
}

export async function storedRegionByCode(db: Db, code: string): Promise<StoredRegion | undefined> {
  const [row] = await db.select(storedColumns).from(regions).where(eq(regions.code, code));
  return row;
}

/** One change of a county's tree at a time: a second import or edit waits for the first. */
export async function lockRegionTree(db: Db, countyId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`regions:${String(countyId)}`}))`);
}

/** Ids for new regions, taken before inserting so that each row's path can hold its own id. */
export async function allocateRegionIds(db: Db, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select nextval(pg_get_serial_sequence('regions', 'id'))::int as id from generate_series(1, ${count}::int)`,
  );
  return rows.map((r) => r.id);
}

export interface NewRegionRow {
  id: number;
  parentId: number;
  level: RegionLevel;
  townshipKind: string | null;
  name: string;
  code: string;
  path: string;
  households: number | null;
  population: number | null;
  villagerGroups: number | null;
  sortOrder: number;
}

/** Rows per statement: each batch is one jsonb parameter, so a county of 20,000 villages is a few statements. */
const BATCH = 4000;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

export async function insertRegions(db: Db, rows: readonly NewRegionRow[]): Promise<void> {
  for (const batch of batches(rows)) {
    await db.execute(sql`insert into regions (id, parent_id, level, township_kind, name, code, path, households, population, villager_groups, sort_order)
      select x.id, x."parentId", x.level, x."townshipKind", x.name, x.code, x.path, x.households, x.population, x."villagerGroups", x."sortOrder"
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(id int, "parentId" int, level text, "townshipKind" text, name text, code text, path text, households int, population int, "villagerGroups" int, "sortOrder" int)`);
  }
}

export interface RegionValueRow {
  id: number;
  level: RegionLevel;
  townshipKind: string | null;
  name: string;
  households: number | null;
  population: number | null;
  villagerGroups: number | null;
}

export async function updateRegionValues(db: Db, rows: readonly RegionValueRow[]): Promise<void> {
  for (const batch of batches(rows)) {
    await db.execute(sql`update regions r set level = x.level, township_kind = x."townshipKind", name = x.name,
        households = x.households, population = x.population, villager_groups = x."villagerGroups"
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(id int, level text, "townshipKind" text, name text, households int, population int, "villagerGroups" int)
      where r.id = x.id`);
  }
}

export async function markMerged(
  db: Db,
  rows: readonly { id: number; mergedIntoId: number; mergedOn: string }[],
): Promise<void> {
  for (const batch of batches(rows)) {
    await db.execute(sql`update regions r set merged_into_id = x."mergedIntoId", merged_on = x."mergedOn"
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(id int, "mergedIntoId" int, "mergedOn" date)
      where r.id = x.id`);
  }
}

export async function nextSortOrder(db: Db, parentId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${regions.sortOrder}) + 1, 0)::int` })
    .from(regions)
    .where(eq(regions.parentId, parentId));
  return row?.n ?? 0;
}

// --- zones ---------------------------------------------------------------------------------------

export function zonesOf(db: Db, townshipId: number) {
  return db
    .select({
      id: zones.id,
      townshipId: zones.townshipId,
      name: zones.name,
      headName: zones.headName,
    })
    .from(zones)
    .where(eq(zones.townshipId, townshipId))
    .orderBy(asc(zones.id));
}

export async function findZoneRow(db: Db, id: number) {
  const [row] = await db.select().from(zones).where(eq(zones.id, id));
  return row;
}

export async function insertZone(
  db: Db,
  values: { townshipId: number; name: string; headName: string | null },
): Promise<number> {
  const [row] = await db.insert(zones).values(values).returning({ id: zones.id });
  if (!row) throw new Error('zone insert returned nothing');
  return row.id;
}

export async function updateZone(
  db: Db,
  id: number,
  values: { name: string; headName: string | null },
) {
  await db.update(zones).set(values).where(eq(zones.id, id));
}

export async function deleteZone(db: Db, id: number) {
  await db.update(regions).set({ zoneId: null }).where(eq(regions.zoneId, id));
  await db.delete(zones).where(eq(zones.id, id));
}

export function villageIdsOfZone(db: Db, zoneId: number) {
  return db
    .select({ id: regions.id })
    .from(regions)
    .where(eq(regions.zoneId, zoneId))
    .then((rows) => rows.map((r) => r.id));
}

/** Puts exactly these villages in the zone: the ones listed join it, the others leave it. */
export async function setZoneVillages(db: Db, zoneId: number, villageIds: readonly number[]) {
  await db
    .update(regions)
    .set({ zoneId: null })
    .where(
      villageIds.length === 0
        ? eq(regions.zoneId, zoneId)
        : and(
            eq(regions.zoneId, zoneId),
            sql`${regions.id} <> all(${sql.param([...villageIds])}::int[])`,
          ),
    );
  if (villageIds.length > 0) {
    await db
      .update(regions)
      .set({ zoneId })
      .where(inArray(regions.id, [...villageIds]));
  }
}

/** Zone ids in use by guidance assignments (a zone a team covers cannot be deleted). */
export async function zoneInUse(db: Db, zoneId: number): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from guidance_team_assignments where zone_id = ${zoneId}`,
  );
  return (rows[0]?.n ?? 0) > 0;
}
