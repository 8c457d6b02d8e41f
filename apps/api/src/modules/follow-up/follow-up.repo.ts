import type { Db } from '@huanjie/db';
import {
  followUpItems,
  queryRows,
  storedFiles,
  unitElectionDays,
  users,
  villageRepresentatives,
} from '@huanjie/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { subtreePattern } from '../../shared/sql.js';

/** The village's track F unit election and its election day (the committee's, view unit_election_days). */
export async function followUpUnit(db: Db, campaignId: number, regionId: number) {
  const [row] = await db
    .select({ id: unitElectionDays.unitElectionId, day: unitElectionDays.day })
    .from(unitElectionDays)
    .where(
      and(
        eq(unitElectionDays.campaignId, campaignId),
        eq(unitElectionDays.regionId, regionId),
        eq(unitElectionDays.track, 'F'),
      ),
    );
  return row;
}

/** Every village under a path with a track F unit: its unit, region and election day. */
export async function followUpUnitsUnder(db: Db, campaignId: number, path: string) {
  return queryRows<{
    unit_id: number;
    region_id: number;
    region_path: string;
    name: string;
    township_name: string | null;
    day: string;
  }>(
    db,
    sql`select d.unit_election_id as unit_id, d.region_id, d.region_path, r.name,
        t.name as township_name, d.day::text as day
      from unit_election_days d
      join regions r on r.id = d.region_id
      left join regions t on t.id = r.parent_id
      where d.campaign_id = ${campaignId} and d.track = 'F'
        and d.region_path like ${subtreePattern(path)}
      order by r.parent_id, r.sort_order, r.id`,
  );
}

export interface ItemRecord {
  id: number;
  unitElectionId: number;
  itemCode: string;
  doneOn: string;
  doneBy: string;
  note: string | null;
  fileId: number | null;
  enteredByName: string;
  enteredAt: Date;
  version: number;
}

export async function itemsOfUnits(db: Db, unitIds: number[]): Promise<ItemRecord[]> {
  if (unitIds.length === 0) return [];
  return db
    .select({
      id: followUpItems.id,
      unitElectionId: followUpItems.unitElectionId,
      itemCode: followUpItems.itemCode,
      doneOn: followUpItems.doneOn,
      doneBy: followUpItems.doneBy,
      note: followUpItems.note,
      fileId: followUpItems.fileId,
      enteredByName: users.displayName,
      enteredAt: followUpItems.enteredAt,
      version: followUpItems.version,
    })
    .from(followUpItems)
    .innerJoin(users, eq(users.id, followUpItems.enteredBy))
    .where(inArray(followUpItems.unitElectionId, unitIds));
}

/**
 * Per village: the previous term's members (office holders of the term before the campaign's, P,
 * V or C) who were not elected in this campaign — those the exit talks are held with.
 */
export async function outgoingMembers(
  db: Db,
  campaignId: number,
  regionIds: number[],
): Promise<Map<number, { personId: number; name: string }[]>> {
  const out = new Map<number, { personId: number; name: string }[]>();
  if (regionIds.length === 0) return out;
  const rows = await queryRows<{ region_id: number; person_id: number; name: string }>(
    db,
    sql`select distinct oh.region_id, p.id as person_id, p.name
      from office_holders oh
      join persons p on p.id = oh.person_id
      join campaigns c on c.id = ${campaignId}
      where oh.region_id = any(${sql`array[${sql.join(
        regionIds.map((id) => sql`${id}`),
        sql`, `,
      )}]::int[]`})
        and oh.term_number = (c.term_numbers ->> oh.track)::int - 1
        and not exists (
          select 1 from unit_elections ue
          join election_results r on r.unit_election_id = ue.id
          join election_meetings m on m.result_id = r.id
          join meeting_votes mv on mv.meeting_id = m.id
          left join candidates ca on ca.id = mv.candidate_id
          where ue.campaign_id = c.id and ue.region_id = oh.region_id and mv.elected
            and coalesce(ca.person_id, mv.write_in_person_id) = p.id)
      order by oh.region_id, p.id`,
  );
  for (const r of rows) {
    const list = out.get(r.region_id) ?? [];
    list.push({ personId: r.person_id, name: r.name });
    out.set(r.region_id, list);
  }
  return out;
}

export async function findItem(db: Db, unitId: number, itemCode: string) {
  const [row] = await db
    .select()
    .from(followUpItems)
    .where(and(eq(followUpItems.unitElectionId, unitId), eq(followUpItems.itemCode, itemCode)));
  return row;
}

export interface ItemValues {
  doneOn: string;
  doneBy: string;
  note: string | null;
  fileId: number | null;
  enteredBy: number;
  enteredRole: (typeof followUpItems.$inferInsert)['enteredRole'];
}

export async function insertItem(
  db: Db,
  values: ItemValues & { unitElectionId: number; regionPath: string; itemCode: string },
): Promise<number> {
  const [row] = await db.insert(followUpItems).values(values).returning({ id: followUpItems.id });
  if (!row) throw new Error('follow_up_items insert returned nothing');
  return row.id;
}

/** Optimistic: false when someone else changed it first. */
export async function updateItem(
  db: Db,
  id: number,
  version: number,
  values: ItemValues,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(followUpItems)
    .set({ ...values, enteredAt: now, version: version + 1 })
    .where(and(eq(followUpItems.id, id), eq(followUpItems.version, version)))
    .returning({ id: followUpItems.id });
  return rows.length === 1;
}

export async function fileRegionPath(db: Db, id: number): Promise<string | null> {
  const [row] = await db
    .select({ regionPath: storedFiles.regionPath })
    .from(storedFiles)
    .where(eq(storedFiles.id, id));
  return row?.regionPath ?? null;
}

/** Whether the village has any 村民代表 recorded in the campaign (the supporting bodies rest on them). */
export async function hasRepresentatives(db: Db, campaignId: number, regionId: number) {
  const [row] = await db
    .select({ id: villageRepresentatives.id })
    .from(villageRepresentatives)
    .where(
      and(
        eq(villageRepresentatives.campaignId, campaignId),
        eq(villageRepresentatives.regionId, regionId),
      ),
    )
    .limit(1);
  return row !== undefined;
}
