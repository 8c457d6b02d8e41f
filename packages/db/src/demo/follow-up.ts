import { FOLLOW_UP_ITEMS } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../raw.js';
import type { DemoContext } from './context.js';

/**
 * Track F behind its stage records: a village whose follow-up stage is submitted or approved has
 * every item of that stage's checklist done on the stage's date (one truth; domain follow-up.ts),
 * by the clerk who entered it. Villages whose stages are not done keep their items open, and
 * those past the due date show overdue on the county overview.
 */
export async function seedFollowUp(ctx: DemoContext): Promise<void> {
  const { db } = ctx;
  const [campaign] = await queryRows<{ id: number }>(
    db,
    sql`select id from campaigns where county_id = ${ctx.county.countyId} and status <> 'closed'
        order by status = 'running' desc, id desc limit 1`,
  );
  if (!campaign) return;
  const fixed = FOLLOW_UP_ITEMS.map((i) => sql`(${i.stage}, ${i.code})`);
  await db.execute(sql`
    insert into follow_up_items
      (unit_election_id, region_path, item_code, done_on, done_by, entered_by, entered_role, entered_at)
    select s.unit_election_id, ue.region_path, i.code, s.done_date, '村文书', s.entered_by,
      s.entered_role, s.entered_at
    from stage_records s
    join unit_elections ue on ue.id = s.unit_election_id and ue.track = 'F'
    join (values ${sql.join(fixed, sql`, `)}) as i(stage, code) on i.stage = s.stage_code
    where ue.campaign_id = ${campaign.id} and s.status in ('submitted', 'approved')
      and s.done_date is not null`);
  // exit talks with each previous-term member not elected again
  await db.execute(sql`
    insert into follow_up_items
      (unit_election_id, region_path, item_code, done_on, done_by, entered_by, entered_role, entered_at)
    select distinct on (s.unit_election_id, p.id) s.unit_election_id, ue.region_path,
      'exit_talk.' || p.id, s.done_date, '乡镇党委委员', s.entered_by, s.entered_role, s.entered_at
    from stage_records s
    join unit_elections ue on ue.id = s.unit_election_id and ue.track = 'F'
    join campaigns c on c.id = ue.campaign_id
    join office_holders oh on oh.region_id = ue.region_id
      and oh.term_number = (c.term_numbers ->> oh.track)::int - 1
    join persons p on p.id = oh.person_id
    where ue.campaign_id = ${campaign.id} and s.stage_code = 'exit_talks'
      and s.status in ('submitted', 'approved') and s.done_date is not null
      and not exists (
        select 1 from unit_elections u2
        join election_results r on r.unit_election_id = u2.id
        join election_meetings m on m.result_id = r.id
        join meeting_votes mv on mv.meeting_id = m.id
        left join candidates ca on ca.id = mv.candidate_id
        where u2.campaign_id = c.id and u2.region_id = ue.region_id and mv.elected
          and coalesce(ca.person_id, mv.write_in_person_id) = p.id)`);
}
