import type { Db } from '@huanjie/db';
import { queryRows, workSummaryNarratives } from '@huanjie/db';
import { and, eq, sql } from 'drizzle-orm';
import { subtreePattern } from '../../shared/sql.js';

/** The region's administrative profile: what the regions table holds under it. */
export interface ProfileCounts {
  townships: number;
  villages: number;
  communities: number;
  households: number;
  /** Villages and communities whose household count is on record (the sum's units). */
  householdsKnown: number;
  population: number;
  populationKnown: number;
}

export async function profileOf(db: Db, path: string): Promise<ProfileCounts> {
  const [row] = await queryRows<ProfileCounts>(
    db,
    sql`select
      count(*) filter (where level = 'township')::int as townships,
      count(*) filter (where level = 'village')::int as villages,
      count(*) filter (where level = 'community')::int as communities,
      coalesce(sum(households) filter (where level in ('village', 'community')), 0)::int as households,
      count(households) filter (where level in ('village', 'community'))::int as "householdsKnown",
      coalesce(sum(population) filter (where level in ('village', 'community')), 0)::int as population,
      count(population) filter (where level in ('village', 'community'))::int as "populationKnown"
    from regions where path like ${subtreePattern(path)}`,
  );
  return (
    row ?? {
      townships: 0,
      villages: 0,
      communities: 0,
      households: 0,
      householdsKnown: 0,
      population: 0,
      populationKnown: 0,
    }
  );
}

/** What the guidance teams and the villages recorded in the campaign under the region. */
export interface WorkCounts {
  guidanceTeams: number;
  supervisionTeams: number;
  teamMembers: number;
  /** Villages with a guidance team assigned (directly or through their zone). */
  villagesCovered: number;
  visits: number;
  visitedVillages: number;
  talks: number;
  /** Visits and talks that recorded something to follow up. */
  followUps: number;
  dailyReports: number;
  dailyReportsWithProblems: number;
  stagesApproved: number;
  stagesSubmitted: number;
  stagesReturned: number;
  /** Stage records submitted with warnings the village explained (情况说明). */
  warningsExplained: number;
}

export async function workCountsOf(db: Db, campaignId: number, path: string): Promise<WorkCounts> {
  const under = subtreePattern(path);
  const [row] = await queryRows<WorkCounts>(
    db,
    sql`select
      (select count(*) from guidance_teams t where t.campaign_id = ${campaignId} and t.region_path like ${under} and t.kind = 'guidance')::int as "guidanceTeams",
      (select count(*) from guidance_teams t where t.campaign_id = ${campaignId} and t.region_path like ${under} and t.kind = 'supervision')::int as "supervisionTeams",
      (select count(distinct m.cadre_id) from guidance_team_members m join guidance_teams t on t.id = m.team_id
        where t.campaign_id = ${campaignId} and t.region_path like ${under})::int as "teamMembers",
      (select count(distinct r.id) from guidance_teams t join guidance_team_assignments a on a.team_id = t.id
        join regions r on (r.id = a.region_id or r.zone_id = a.zone_id) and r.level in ('village', 'community')
        where t.campaign_id = ${campaignId} and t.kind = 'guidance' and r.path like ${under})::int as "villagesCovered",
      (select count(*) from visit_logs v where v.campaign_id = ${campaignId} and v.region_path like ${under})::int as visits,
      (select count(distinct v.region_id) from visit_logs v where v.campaign_id = ${campaignId} and v.region_path like ${under})::int as "visitedVillages",
      (select count(*) from visit_logs v where v.campaign_id = ${campaignId} and v.region_path like ${under} and v.kind = 'talk')::int as talks,
      (select count(*) from visit_logs v where v.campaign_id = ${campaignId} and v.region_path like ${under} and v.follow_up_needed)::int as "followUps",
      (select count(*) from daily_reports d where d.campaign_id = ${campaignId} and d.region_path like ${under})::int as "dailyReports",
      (select count(*) from daily_reports d where d.campaign_id = ${campaignId} and d.region_path like ${under} and btrim(d.problems) <> '')::int as "dailyReportsWithProblems",
      (select count(*) filter (where s.status = 'approved') from stage_records s join unit_elections u on u.id = s.unit_election_id
        where u.campaign_id = ${campaignId} and u.region_path like ${under})::int as "stagesApproved",
      (select count(*) filter (where s.status in ('submitted', 'approved')) from stage_records s join unit_elections u on u.id = s.unit_election_id
        where u.campaign_id = ${campaignId} and u.region_path like ${under})::int as "stagesSubmitted",
      (select count(*) filter (where s.status = 'returned') from stage_records s join unit_elections u on u.id = s.unit_election_id
        where u.campaign_id = ${campaignId} and u.region_path like ${under})::int as "stagesReturned",
      (select count(*) from stage_records s join unit_elections u on u.id = s.unit_election_id
        where u.campaign_id = ${campaignId} and u.region_path like ${under}
          and jsonb_array_length(s.warnings) > 0 and coalesce(btrim(s.explanation), '') <> '')::int as "warningsExplained"`,
  );
  if (!row) throw new Error('work counts returned no row');
  return row;
}

export async function narrativesOf(
  db: Db,
  campaignId: number,
  regionId: number,
): Promise<Map<string, string>> {
  const rows = await db
    .select({ key: workSummaryNarratives.key, body: workSummaryNarratives.body })
    .from(workSummaryNarratives)
    .where(
      and(
        eq(workSummaryNarratives.campaignId, campaignId),
        eq(workSummaryNarratives.regionId, regionId),
      ),
    );
  return new Map(rows.map((r) => [r.key, r.body]));
}

export async function upsertNarrative(
  db: Db,
  values: {
    campaignId: number;
    regionId: number;
    regionPath: string;
    key: string;
    body: string;
    updatedBy: number;
    updatedAt: Date;
  },
): Promise<number> {
  const [row] = await db
    .insert(workSummaryNarratives)
    .values(values)
    .onConflictDoUpdate({
      target: [
        workSummaryNarratives.campaignId,
        workSummaryNarratives.regionId,
        workSummaryNarratives.key,
      ],
      set: { body: values.body, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    })
    .returning({ id: workSummaryNarratives.id });
  if (!row) throw new Error('narrative upsert returned no row');
  return row.id;
}
