import type { Db } from '@huanjie/db';
import { queryRows, regions, villageRepresentatives, villagerGroupLeaders } from '@huanjie/db';
import type { Gender, GroupLeaderPost, RepresentativeMethod } from '@huanjie/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { PgInsertValue, PgUpdateSetSource } from 'drizzle-orm/pg-core';

/** The village's households and its villager groups (regions of level 'group' under it). */
export async function villageFacts(db: Db, villageId: number) {
  const [village] = await db
    .select({ households: regions.households })
    .from(regions)
    .where(eq(regions.id, villageId));
  const groups = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(and(eq(regions.parentId, villageId), eq(regions.level, 'group')))
    .orderBy(asc(regions.sortOrder), asc(regions.id));
  return { households: village?.households ?? null, groups };
}

const repColumns = {
  id: villageRepresentatives.id,
  campaignId: villageRepresentatives.campaignId,
  regionId: villageRepresentatives.regionId,
  regionPath: villageRepresentatives.regionPath,
  groupId: villageRepresentatives.groupId,
  name: villageRepresentatives.name,
  gender: villageRepresentatives.gender,
  partyMember: villageRepresentatives.partyMember,
  method: villageRepresentatives.method,
};
export type RepresentativeRow = {
  id: number;
  campaignId: number;
  regionId: number;
  regionPath: string;
  groupId: number;
  name: string;
  gender: Gender;
  partyMember: boolean;
  method: RepresentativeMethod;
};

const leaderColumns = {
  id: villagerGroupLeaders.id,
  campaignId: villagerGroupLeaders.campaignId,
  regionId: villagerGroupLeaders.regionId,
  regionPath: villagerGroupLeaders.regionPath,
  groupId: villagerGroupLeaders.groupId,
  post: villagerGroupLeaders.post,
  name: villagerGroupLeaders.name,
  gender: villagerGroupLeaders.gender,
  partyMember: villagerGroupLeaders.partyMember,
  representativeId: villagerGroupLeaders.representativeId,
};
export type GroupLeaderRow = {
  id: number;
  campaignId: number;
  regionId: number;
  regionPath: string;
  groupId: number;
  post: GroupLeaderPost;
  name: string;
  gender: Gender;
  partyMember: boolean;
  representativeId: number | null;
};

export async function representativesOf(
  db: Db,
  campaignId: number,
  villageId: number,
): Promise<RepresentativeRow[]> {
  return db
    .select(repColumns)
    .from(villageRepresentatives)
    .where(
      and(
        eq(villageRepresentatives.campaignId, campaignId),
        eq(villageRepresentatives.regionId, villageId),
      ),
    )
    .orderBy(asc(villageRepresentatives.groupId), asc(villageRepresentatives.id));
}

export async function leadersOf(
  db: Db,
  campaignId: number,
  villageId: number,
): Promise<GroupLeaderRow[]> {
  return db
    .select(leaderColumns)
    .from(villagerGroupLeaders)
    .where(
      and(
        eq(villagerGroupLeaders.campaignId, campaignId),
        eq(villagerGroupLeaders.regionId, villageId),
      ),
    )
    .orderBy(
      asc(villagerGroupLeaders.groupId),
      asc(villagerGroupLeaders.post),
      asc(villagerGroupLeaders.id),
    );
}

export async function findRepresentative(db: Db, id: number) {
  const [row] = await db
    .select(repColumns)
    .from(villageRepresentatives)
    .where(eq(villageRepresentatives.id, id));
  return row;
}

export async function findLeader(db: Db, id: number) {
  const [row] = await db
    .select(leaderColumns)
    .from(villagerGroupLeaders)
    .where(eq(villagerGroupLeaders.id, id));
  return row;
}

export interface RepresentativeValues {
  groupId: number;
  name: string;
  gender: Gender;
  partyMember: boolean;
  method: RepresentativeMethod;
}

/**
 * The two tables of people a village records — representatives and group leaders — are written
 * the same way: insert returning the id, update stamping updatedAt.
 */
type PersonTable = typeof villageRepresentatives | typeof villagerGroupLeaders;
interface Placement {
  campaignId: number;
  regionId: number;
  regionPath: string;
  enteredBy: number;
}

async function insertPerson<T extends PersonTable>(
  db: Db,
  table: T,
  values: PgInsertValue<T>,
): Promise<number> {
  const [row] = await db.insert(table).values(values).returning({ id: table.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}

async function updatePerson<T extends PersonTable>(
  db: Db,
  table: T,
  id: number,
  values: PgUpdateSetSource<T>,
): Promise<void> {
  await db
    .update(table)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(table.id, id));
}

export const insertRepresentative = (db: Db, values: RepresentativeValues & Placement) =>
  insertPerson(db, villageRepresentatives, values);

export const updateRepresentative = (
  db: Db,
  id: number,
  values: RepresentativeValues & { enteredBy: number },
) => updatePerson(db, villageRepresentatives, id, values);

export async function deleteRepresentative(db: Db, id: number): Promise<void> {
  await db.delete(villageRepresentatives).where(eq(villageRepresentatives.id, id));
}

export interface LeaderValues {
  groupId: number;
  post: GroupLeaderPost;
  name: string;
  gender: Gender;
  partyMember: boolean;
  representativeId: number | null;
}

export const insertLeader = (db: Db, values: LeaderValues & Placement) =>
  insertPerson(db, villagerGroupLeaders, values);

export const updateLeader = (db: Db, id: number, values: LeaderValues & { enteredBy: number }) =>
  updatePerson(db, villagerGroupLeaders, id, values);

export async function deleteLeader(db: Db, id: number): Promise<void> {
  await db.delete(villagerGroupLeaders).where(eq(villagerGroupLeaders.id, id));
}

/**
 * Per region of the given paths (disjoint subtrees, e.g. the townships of a county): the figures
 * of representatives and group leaders of its villages, summed in one query. `villages_reporting`
 * counts the villages with a representative; `groups`, the villager groups of the villages that
 * recorded representatives or leaders. A region without any has no row.
 */
export interface RegionFigureRow {
  path: string;
  villages_reporting: number;
  representatives: number;
  women: number;
  party_members: number;
  also_group_leader: number;
  group_leaders: number;
  group_deputies: number;
  groups: number;
}

export async function figuresByRegion(
  db: Db,
  campaignId: number,
  paths: readonly string[],
): Promise<RegionFigureRow[]> {
  if (paths.length === 0) return [];
  const patterns = paths.map((p) => `${p}%`);
  return queryRows<RegionFigureRow>(
    db,
    sql`with reps as (
          select region_id,
                 count(*)::int as representatives,
                 count(*) filter (where gender = 'female')::int as women,
                 count(*) filter (where party_member)::int as party_members
            from village_representatives
           where campaign_id = ${campaignId}
             and region_path like any (${sql.param(patterns)}::text[])
           group by region_id),
        leads as (
          select region_id,
                 count(*) filter (where post = 'leader')::int as group_leaders,
                 count(*) filter (where post = 'deputy')::int as group_deputies,
                 count(distinct representative_id) filter (where post = 'leader')::int as also_group_leader
            from villager_group_leaders
           where campaign_id = ${campaignId}
             and region_path like any (${sql.param(patterns)}::text[])
           group by region_id),
        villages as (
          select rg.path,
                 coalesce(r.representatives, 0) as representatives,
                 coalesce(r.women, 0) as women,
                 coalesce(r.party_members, 0) as party_members,
                 coalesce(l.also_group_leader, 0) as also_group_leader,
                 coalesce(l.group_leaders, 0) as group_leaders,
                 coalesce(l.group_deputies, 0) as group_deputies,
                 (select count(*)::int from regions g where g.parent_id = v.region_id and g.level = 'group') as groups
            from (select region_id from reps union select region_id from leads) v
            join regions rg on rg.id = v.region_id
            left join reps r on r.region_id = v.region_id
            left join leads l on l.region_id = v.region_id)
        select u.path,
               count(*) filter (where x.representatives > 0)::int as villages_reporting,
               sum(x.representatives)::int as representatives,
               sum(x.women)::int as women,
               sum(x.party_members)::int as party_members,
               sum(x.also_group_leader)::int as also_group_leader,
               sum(x.group_leaders)::int as group_leaders,
               sum(x.group_deputies)::int as group_deputies,
               sum(x.groups)::int as groups
          from unnest(${sql.param(paths)}::text[]) as u(path)
          join villages x on x.path like u.path || '%'
         group by u.path`,
  );
}
