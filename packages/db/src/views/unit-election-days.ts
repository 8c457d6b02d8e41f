import { TRACKS } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { date, integer, pgView, text } from 'drizzle-orm/pg-core';

/**
 * The effective election day of every unit election: its own day, else the most specific
 * township/county row for its track or for all tracks, else the campaign's day. Follow-up work (F)
 * counts from the day of the village's main election (V/C, else P). Every module reads days here.
 */
export const unitElectionDays = pgView('unit_election_days', {
  unitElectionId: integer('unit_election_id').notNull(),
  campaignId: integer('campaign_id').notNull(),
  regionId: integer('region_id').notNull(),
  regionPath: text('region_path').notNull(),
  track: text('track', { enum: TRACKS }).notNull(),
  day: date('day', { mode: 'string' }).notNull(),
})
  // Row-level security applies to whoever reads the view, not to the view's owner.
  .with({ securityInvoker: true }).as(sql`
  select ue.id as unit_election_id, ue.campaign_id, ue.region_id, ue.region_path, ue.track,
    coalesce(
      du.election_day,
      (select d.day from election_days d
        where d.campaign_id = ue.campaign_id
          and ue.region_path like d.region_path || '%'
          and (d.track is null or d.track = coalesce(du.track, ue.track))
        order by length(d.region_path) desc, d.track is null
        limit 1),
      c.election_day
    ) as day
  from unit_elections ue
  join campaigns c on c.id = ue.campaign_id
  left join lateral (
    select u2.track, u2.election_day from unit_elections u2
    where u2.campaign_id = ue.campaign_id and u2.region_id = ue.region_id
      and case when ue.track = 'F' then u2.track in ('V', 'C', 'P') else u2.id = ue.id end
    order by position(u2.track in 'VCP')
    limit 1
  ) du on true
`);
