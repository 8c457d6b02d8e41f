import type { Db } from '@huanjie/db';
import { campaigns, ruleSets } from '@huanjie/db';
import type { CampaignId } from '@huanjie/domain';
import { asc, desc, eq, sql } from 'drizzle-orm';

const campaignColumns = {
  id: campaigns.id,
  countyId: campaigns.countyId,
  name: campaigns.name,
  status: campaigns.status,
  electionDay: campaigns.electionDay,
  windowStart: campaigns.windowStart,
  windowEnd: campaigns.windowEnd,
  ruleSetId: campaigns.ruleSetId,
};

export async function findCampaignRef(db: Db, id: CampaignId) {
  const [row] = await db.select(campaignColumns).from(campaigns).where(eq(campaigns.id, id));
  return row;
}
export type CampaignRef = NonNullable<Awaited<ReturnType<typeof findCampaignRef>>>;

/**
 * The county's current campaign: the running one; before any runs, the draft being prepared;
 * after the last one closed, that one. Among equals the latest election day, then the newest.
 */
export async function currentCampaign(db: Db, countyId: number) {
  const [row] = await db
    .select(campaignColumns)
    .from(campaigns)
    .where(eq(campaigns.countyId, countyId))
    .orderBy(
      asc(sql`case ${campaigns.status} when 'running' then 0 when 'draft' then 1 else 2 end`),
      desc(campaigns.electionDay),
      desc(campaigns.id),
    )
    .limit(1);
  return row;
}

/** The values of a rule set (codes the set overrides; the rest are the national defaults). */
export async function ruleSetValues(db: Db, ruleSetId: number) {
  const [row] = await db
    .select({ values: ruleSets.values })
    .from(ruleSets)
    .where(eq(ruleSets.id, ruleSetId));
  return row?.values ?? null;
}
