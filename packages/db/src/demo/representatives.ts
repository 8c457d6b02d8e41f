import { sql } from 'drizzle-orm';
import { queryRows } from '../raw.js';
import { villageRepresentatives, villagerGroupLeaders } from '../schema/village-representatives.js';
import type { DemoContext } from './context.js';
import { personName } from './names.js';
import { createRandom } from './random.js';

/**
 * 村民代表 and 村民小组长 of the villages whose committee (V or C) result is in: about one
 * representative per 10 households spread over the groups, women a third or more in most villages
 * and a little short in a few (so the warning shows), a party member now and then; every group led,
 * some with a deputy, some leaders also representatives. Does nothing without a campaign.
 */
export async function seedRepresentatives(ctx: DemoContext): Promise<void> {
  const { db, county } = ctx;
  const [campaign] = await queryRows<{ id: number }>(
    db,
    sql`select id from campaigns where county_id = ${county.countyId} and status <> 'closed'
        order by status = 'running' desc, id desc limit 1`,
  );
  if (!campaign) return;
  const villages = await queryRows<{ id: number; path: string; households: number | null }>(
    db,
    sql`select distinct r.id, r.path, r.households from election_results er
        join unit_elections ue on ue.id = er.unit_election_id
        join regions r on r.id = ue.region_id
        where ue.campaign_id = ${campaign.id} and ue.track in ('V', 'C') order by r.id`,
  );
  const enteredBy = county.userIds.get('county.admin');
  if (enteredBy === undefined || villages.length === 0) return;
  const random = createRandom(ctx.seed + 13);
  for (const village of villages) {
    const groups = await queryRows<{ id: number }>(
      db,
      sql`select id from regions where parent_id = ${village.id} and level = 'group' order by sort_order, id`,
    );
    if (groups.length === 0) continue;
    // 1 per 8–12 households, capped for large communities
    const count = Math.min(
      60,
      Math.max(groups.length * 2, Math.round((village.households ?? 200) / random.int(8, 12))),
    );
    const womenShare = random.chance(0.2) ? 0.28 : 0.36;
    const reps = Array.from({ length: count }, (_, i) => {
      const group = groups[i % groups.length];
      if (group === undefined) throw new Error(`demo: ${village.path} has no villager groups`);
      const gender = i < Math.ceil(count * womenShare) ? ('female' as const) : ('male' as const);
      return {
        campaignId: campaign.id,
        regionId: village.id,
        regionPath: village.path,
        groupId: group.id,
        name: personName(random, gender),
        gender,
        partyMember: random.chance(0.45),
        method: random.chance(0.7) ? ('households' as const) : ('group' as const),
        enteredBy,
      };
    });
    const inserted = await db
      .insert(villageRepresentatives)
      .values(reps)
      .returning({
        id: villageRepresentatives.id,
        groupId: villageRepresentatives.groupId,
        name: villageRepresentatives.name,
        gender: villageRepresentatives.gender,
        partyMember: villageRepresentatives.partyMember,
      });
    const leaders = groups.flatMap((g) => {
      const rep = random.chance(0.4) ? inserted.find((r) => r.groupId === g.id) : undefined;
      const gender = rep?.gender ?? (random.chance(0.15) ? 'female' : 'male');
      const leader = {
        campaignId: campaign.id,
        regionId: village.id,
        regionPath: village.path,
        groupId: g.id,
        post: 'leader' as const,
        name: rep?.name ?? personName(random, gender),
        gender,
        partyMember: rep?.partyMember ?? random.chance(0.5),
        representativeId: rep?.id ?? null,
        enteredBy,
      };
      if (!random.chance(0.3)) return [leader];
      const deputyGender = random.chance(0.3) ? ('female' as const) : ('male' as const);
      return [
        leader,
        {
          ...leader,
          post: 'deputy' as const,
          name: personName(random, deputyGender),
          gender: deputyGender,
          partyMember: random.chance(0.4),
          representativeId: null,
        },
      ];
    });
    await db.insert(villagerGroupLeaders).values(leaders);
  }
}
