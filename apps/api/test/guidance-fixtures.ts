import type { RuleValue } from '@huanjie/db';
import {
  cadres,
  campaigns,
  guidanceTeamAssignments,
  guidanceTeamMembers,
  guidanceTeams,
  queryRows,
  ruleSets,
  unitElections,
} from '@huanjie/db';
import type { Track } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import type { TestApi } from './harness.js';

/**
 * A running campaign written straight to the database, so guidance tests do not depend on the
 * campaign module's API. Returns its id; an existing running campaign of the county is reused.
 */
export async function ensureCampaign(
  api: TestApi,
  options: {
    values?: Record<string, RuleValue>;
    electionDay?: string;
    windowStart?: string | null;
    windowEnd?: string | null;
    fresh?: boolean;
  } = {},
): Promise<number> {
  const db = api.database.db;
  const countyId = api.demo.countyId;
  if (!options.fresh) {
    const [existing] = await queryRows<{ id: number }>(
      db,
      sql`select id from campaigns where county_id = ${countyId} and status = 'running' order by id desc limit 1`,
    );
    if (existing) return existing.id;
  }
  const adminId = api.demo.userIds.get('county.admin');
  if (adminId === undefined) throw new Error('demo county has no county.admin');
  const [ruleSet] = await db
    .insert(ruleSets)
    .values({ countyId, name: '测试规则', values: options.values ?? {} })
    .returning({ id: ruleSets.id });
  if (!ruleSet) throw new Error('rule set insert failed');
  await db.execute(
    sql`update campaigns set status = 'closed' where county_id = ${countyId} and status <> 'closed'`,
  );
  const [campaign] = await db
    .insert(campaigns)
    .values({
      countyId,
      name: '2026年村(社区)两委换届',
      tracks: ['P', 'V', 'C'],
      termNumbers: {},
      electionDayPlan: 'village',
      electionDay: options.electionDay ?? '2099-06-30',
      windowStart: options.windowStart === undefined ? null : options.windowStart,
      windowEnd: options.windowEnd === undefined ? null : options.windowEnd,
      ordering: 'party_first',
      ruleSetId: ruleSet.id,
      status: 'running',
      createdBy: adminId,
    })
    .returning({ id: campaigns.id });
  if (!campaign) throw new Error('campaign insert failed');
  return campaign.id;
}

/** A unit election of a village with its own election day. */
export async function setElectionDay(
  api: TestApi,
  campaignId: number,
  villageKey: string,
  day: string,
  track: Track = 'V',
) {
  const regionId = api.demo.regionIds.get(villageKey);
  const regionPath = api.demo.regionPaths.get(villageKey);
  if (regionId === undefined || regionPath === undefined) throw new Error(`no ${villageKey}`);
  await api.database.db
    .insert(unitElections)
    .values({ campaignId, regionId, regionPath, track, electionDay: day })
    .onConflictDoUpdate({
      target: [unitElections.campaignId, unitElections.regionId, unitElections.track],
      set: { electionDay: day },
    });
}

/** Marks a village 难点 (the campaign module's data). */
export async function setDifficult(api: TestApi, campaignId: number, villageKey: string) {
  const regionId = api.demo.regionIds.get(villageKey);
  const regionPath = api.demo.regionPaths.get(villageKey);
  const userId = api.demo.userIds.get('town01.coordinator');
  if (regionId === undefined || regionPath === undefined || userId === undefined) {
    throw new Error(`no ${villageKey}`);
  }
  await api.database.db.execute(sql`
    insert into village_risks (campaign_id, region_id, region_path, level, reason, set_by, set_by_role)
    values (${campaignId}, ${regionId}, ${regionPath}, 'difficult', '宗族矛盾突出', ${userId}, 'township_coordinator')
    on conflict (campaign_id, region_id) do update set level = 'difficult'`);
}

/**
 * Makes a demo user a member of a team of `owner` assigned to `target`, in the database: a county
 * supervisor then reads the township, a guidance member the village.
 */
export async function assignToTeam(
  api: TestApi,
  username: string,
  owner: string,
  target: string,
): Promise<void> {
  const db = api.database.db;
  const campaignId = await ensureCampaign(api);
  const regionId = (key: string) => {
    const id = api.demo.regionIds.get(key);
    if (id === undefined) throw new Error(`no ${key}`);
    return id;
  };
  const userId = api.demo.userIds.get(username);
  if (userId === undefined) throw new Error(`no user ${username}`);
  const [cadre] = await db
    .insert(cadres)
    .values({
      regionId: regionId(owner),
      name: `组员${username}`,
      gender: 'female',
      rank: 'staff',
      userId,
    })
    .returning({ id: cadres.id });
  const [team] = await db
    .insert(guidanceTeams)
    .values({
      kind: owner === 'c' ? 'supervision' : 'guidance',
      campaignId,
      regionId: regionId(owner),
      regionPath: api.demo.regionPaths.get(owner) ?? '',
      name: `组${username}${target}`,
    })
    .returning({ id: guidanceTeams.id });
  if (!cadre || !team) throw new Error('team insert failed');
  await db
    .insert(guidanceTeamMembers)
    .values({ teamId: team.id, cadreId: cadre.id, role: owner === 'c' ? 'supervisor' : 'cadre' });
  await db.insert(guidanceTeamAssignments).values({ teamId: team.id, regionId: regionId(target) });
}
