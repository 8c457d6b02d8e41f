import type { Db } from '@huanjie/db';
import {
  campaignExclusions,
  campaignRuleChanges,
  campaigns,
  electionDays,
  queryRows,
  regions,
  ruleSets,
  unitElections,
  users,
  villageRisks,
} from '@huanjie/db';
import type { RuleSetValues, Track } from '@huanjie/domain';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { subtreePattern, underPath } from '../../shared/sql.js';

export async function findCampaign(db: Db, id: number) {
  const [row] = await db
    .select({
      campaign: campaigns,
      countyPath: regions.path,
      ruleValues: ruleSets.values,
    })
    .from(campaigns)
    .innerJoin(regions, eq(regions.id, campaigns.countyId))
    .innerJoin(ruleSets, eq(ruleSets.id, campaigns.ruleSetId))
    .where(eq(campaigns.id, id));
  return row
    ? { ...row.campaign, countyPath: row.countyPath, ruleValues: row.ruleValues as RuleSetValues }
    : undefined;
}
export type CampaignWithRules = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

export async function lockCampaign(db: Db, id: number): Promise<void> {
  await db.execute(sql`select 1 from campaigns where id = ${id} for update`);
}

export function campaignsOfCounty(db: Db, countyId: number) {
  return db
    .select()
    .from(campaigns)
    .where(eq(campaigns.countyId, countyId))
    .orderBy(sql`${campaigns.status} = 'running' desc`, desc(campaigns.id));
}

export async function insertCampaign(db: Db, values: typeof campaigns.$inferInsert) {
  const [row] = await db.insert(campaigns).values(values).returning();
  if (!row) throw new Error('campaign insert returned nothing');
  return row;
}

/** Updates when the version still matches; undefined means someone else changed it first. */
export async function updateCampaign(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof campaigns.$inferInsert>,
) {
  const [row] = await db
    .update(campaigns)
    .set({ ...values, version: version + 1 })
    .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
    .returning();
  return row;
}

/**
 * One unit election per village and applicable track (tracksForRegion: communities hold C, villages
 * V), leaving out excluded villages. One INSERT … SELECT over the county.
 */
export async function createUnitElections(
  db: Db,
  campaignId: number,
  countyPath: string,
  tracks: readonly Track[],
  onlyRegionId?: number,
): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with inserted as (
      insert into unit_elections (campaign_id, region_id, region_path, track)
      select ${campaignId}, r.id, r.path, t.track
      from regions r
      cross join unnest(${sql.param(tracks)}::text[]) as t(track)
      where r.path like ${subtreePattern(countyPath)}
        and r.level in ('village', 'community')
        and r.merged_on is null
        and (t.track not in ('V', 'C') or (t.track = 'V' and r.level = 'village') or (t.track = 'C' and r.level = 'community'))
        and not exists (select 1 from campaign_exclusions x where x.campaign_id = ${campaignId} and x.region_id = r.id)
        and (${onlyRegionId ?? null}::int is null or r.id = ${onlyRegionId ?? null}::int)
      on conflict do nothing
      returning 1
    ) select count(*)::int as n from inserted`,
  );
  return rows[0]?.n ?? 0;
}

export function countUnits(db: Db, campaignId: number) {
  return db
    .select({ track: unitElections.track, n: sql<number>`count(*)::int` })
    .from(unitElections)
    .where(eq(unitElections.campaignId, campaignId))
    .groupBy(unitElections.track);
}

/** Removes a village's unit elections; refuses (returns false) when any has a stage record. */
export async function deleteUnitsWithoutRecords(
  db: Db,
  campaignId: number,
  regionId: number,
): Promise<boolean> {
  const used = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from stage_records s join unit_elections u on u.id = s.unit_election_id
        where u.campaign_id = ${campaignId} and u.region_id = ${regionId}`,
  );
  if ((used[0]?.n ?? 0) > 0) return false;
  await db
    .delete(unitElections)
    .where(and(eq(unitElections.campaignId, campaignId), eq(unitElections.regionId, regionId)));
  return true;
}

export function exclusionsOf(db: Db, campaignId: number) {
  return db
    .select({
      id: campaignExclusions.id,
      regionId: campaignExclusions.regionId,
      regionName: regions.name,
      regionPath: campaignExclusions.regionPath,
      reason: campaignExclusions.reason,
      createdAt: campaignExclusions.createdAt,
    })
    .from(campaignExclusions)
    .innerJoin(regions, eq(regions.id, campaignExclusions.regionId))
    .where(eq(campaignExclusions.campaignId, campaignId))
    .orderBy(asc(campaignExclusions.regionPath));
}

export async function findExclusion(db: Db, campaignId: number, regionId: number) {
  const [row] = await db
    .select()
    .from(campaignExclusions)
    .where(
      and(eq(campaignExclusions.campaignId, campaignId), eq(campaignExclusions.regionId, regionId)),
    );
  return row;
}

export async function insertExclusion(db: Db, values: typeof campaignExclusions.$inferInsert) {
  const [row] = await db.insert(campaignExclusions).values(values).returning();
  if (!row) throw new Error('exclusion insert returned nothing');
  return row;
}

export async function deleteExclusion(db: Db, id: number) {
  await db.delete(campaignExclusions).where(eq(campaignExclusions.id, id));
}

export function electionDaysOf(db: Db, campaignId: number) {
  return db
    .select({
      id: electionDays.id,
      regionId: electionDays.regionId,
      regionName: regions.name,
      regionLevel: regions.level,
      regionPath: electionDays.regionPath,
      track: electionDays.track,
      day: electionDays.day,
    })
    .from(electionDays)
    .innerJoin(regions, eq(regions.id, electionDays.regionId))
    .where(eq(electionDays.campaignId, campaignId))
    .orderBy(asc(electionDays.regionPath), asc(electionDays.track));
}

export async function findElectionDay(
  db: Db,
  campaignId: number,
  regionId: number,
  track: Track | null,
) {
  const [row] = await db
    .select()
    .from(electionDays)
    .where(
      and(
        eq(electionDays.campaignId, campaignId),
        eq(electionDays.regionId, regionId),
        track === null ? isNull(electionDays.track) : eq(electionDays.track, track),
      ),
    );
  return row;
}

export async function upsertElectionDay(
  db: Db,
  values: typeof electionDays.$inferInsert & { setAt: Date },
) {
  await db
    .insert(electionDays)
    .values(values)
    .onConflictDoUpdate({
      target: [electionDays.campaignId, electionDays.regionId, electionDays.track],
      set: { day: values.day, setBy: values.setBy, setAt: values.setAt },
    });
}

export async function deleteElectionDay(db: Db, id: number) {
  await db.delete(electionDays).where(eq(electionDays.id, id));
}

export async function findRisk(db: Db, campaignId: number, regionId: number) {
  const [row] = await db
    .select()
    .from(villageRisks)
    .where(and(eq(villageRisks.campaignId, campaignId), eq(villageRisks.regionId, regionId)));
  return row;
}

export async function insertRisk(db: Db, values: typeof villageRisks.$inferInsert) {
  const [row] = await db.insert(villageRisks).values(values).returning();
  if (!row) throw new Error('risk insert returned nothing');
  return row;
}

export async function updateRisk(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof villageRisks.$inferInsert> & { updatedAt: Date },
) {
  const [row] = await db
    .update(villageRisks)
    .set({ ...values, version: version + 1 })
    .where(and(eq(villageRisks.id, id), eq(villageRisks.version, version)))
    .returning();
  return row;
}

export function risksUnder(db: Db, campaignId: number, roots: readonly string[]) {
  if (roots.length === 0) return Promise.resolve([]);
  return db
    .select({
      risk: villageRisks,
      regionName: regions.name,
      setByName: users.displayName,
    })
    .from(villageRisks)
    .innerJoin(regions, eq(regions.id, villageRisks.regionId))
    .innerJoin(users, eq(users.id, villageRisks.setBy))
    .where(
      and(
        eq(villageRisks.campaignId, campaignId),
        or(...roots.map((root) => underPath(villageRisks.regionPath, root))),
      ),
    )
    .orderBy(asc(villageRisks.regionPath));
}

export function ruleSetsOf(db: Db, countyId: number) {
  return db
    .select()
    .from(ruleSets)
    .where(or(isNull(ruleSets.countyId), eq(ruleSets.countyId, countyId)))
    .orderBy(sql`${ruleSets.countyId} is null desc`, asc(ruleSets.name), desc(ruleSets.version));
}

export async function findRuleSet(db: Db, id: number) {
  const [row] = await db.select().from(ruleSets).where(eq(ruleSets.id, id));
  return row;
}

export async function insertRuleSet(db: Db, values: typeof ruleSets.$inferInsert) {
  const [row] = await db.insert(ruleSets).values(values).returning();
  if (!row) throw new Error('rule set insert returned nothing');
  return row;
}

export function ruleChangesOf(db: Db, campaignId: number) {
  return db
    .select({
      change: campaignRuleChanges,
      changedByName: users.displayName,
    })
    .from(campaignRuleChanges)
    .innerJoin(users, eq(users.id, campaignRuleChanges.changedBy))
    .where(eq(campaignRuleChanges.campaignId, campaignId))
    .orderBy(desc(campaignRuleChanges.changedAt), desc(campaignRuleChanges.id));
}

export async function insertRuleChange(db: Db, values: typeof campaignRuleChanges.$inferInsert) {
  await db.insert(campaignRuleChanges).values(values);
}
