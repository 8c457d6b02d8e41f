import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import {
  stageStateCte,
  villageStateCte,
} from '../../apps/api/src/modules/monitoring/stage-state.sql.js';

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/**
 * The floor for the county overview: everything the overview page shows (per-township progress
 * and risk counts, the funnel, the first 100 overdue stages with their total, the risk villages,
 * the election-day range) as ONE statement through `pg`. It reuses the API's own stage-state CTE
 * (apps/api monitoring/stage-state.sql.ts), so it is the same aggregate computed once, where the
 * API runs one aggregation per part of the page.
 */
export function countyOverviewFloor(campaignId: number, root: string, today: string): SqlQuery {
  const like = `${root.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const query = sql`${stageStateCte(campaignId, root, today)}${villageStateCte(null)},
  placed as (
    select v.*, substr(v.region_path, 1,
      length(${root}) + strpos(substr(v.region_path, length(${root}) + 1), '.')) as child_path
    from village_state v
  ),
  children as (
    select r.id, r.name, r.level,
      count(*)::int as villages,
      count(*) filter (where p.progress = 'done')::int as done,
      count(*) filter (where p.progress = 'in_progress')::int as in_progress,
      count(*) filter (where p.progress = 'overdue')::int as overdue,
      count(*) filter (where p.progress = 'blocked')::int as blocked,
      count(*) filter (where p.progress = 'not_started')::int as not_started,
      count(*) filter (where vr.level = 'key')::int as key_risk,
      count(*) filter (where vr.level = 'difficult')::int as difficult_risk,
      min(r.sort_order) as sort_order
    from placed p
    join regions r on r.path = p.child_path
    left join village_risks vr on vr.campaign_id = ${campaignId} and vr.region_id = p.region_id
    group by r.id, r.name, r.level
  ),
  funnel as (
    select track, code, min(name) as name, min(position) as position,
      count(*)::int as total,
      count(*) filter (where display = 'approved')::int as approved,
      count(*) filter (where display = 'submitted')::int as submitted,
      count(*) filter (where display in ('draft', 'returned'))::int as in_progress,
      count(*) filter (where display = 'overdue')::int as overdue,
      count(*) filter (where display = 'blocked')::int as blocked,
      count(*) filter (where display = 'not_started')::int as not_started
    from stage_state
    group by track, code
  ),
  overdue as (
    select s.unit_id, s.region_id, v.name as village_name, t.name as township_name, s.track,
      s.code, s.name, s.due_date::text as due_date,
      (${today}::date - s.due_date)::int as days_overdue, s.status, v.path, s.position
    from stage_state s
    join regions v on v.id = s.region_id
    join regions t on t.id = v.parent_id
    where s.display = 'overdue'
  ),
  risks as (
    select vr.id, vr.region_id, v.name as village_name, t.name as township_name, vr.level,
      vr.reason, vr.plan, u.display_name as set_by_name, vr.set_by_role, vs.progress, v.path
    from village_risks vr
    join regions v on v.id = vr.region_id
    join regions t on t.id = v.parent_id
    join users u on u.id = vr.set_by
    left join village_state vs on vs.region_id = vr.region_id
    where vr.campaign_id = ${campaignId} and vr.level <> 'normal' and vr.region_path like ${like}
  )
  select
    (select json_agg(c order by c.sort_order, c.id) from children c) as children,
    (select json_agg(f order by position('' || f.track in 'PVCSF'), f.position) from funnel f) as funnel,
    (select count(*)::int from overdue) as overdue_total,
    (select json_agg(o) from (
      select * from overdue
      order by days_overdue desc, path, position('' || track in 'PVCSF'), position
      limit 100) o) as overdue,
    (select json_agg(r order by r.level = 'difficult' desc, r.path) from risks r) as risks,
    (select json_build_object('first', min(day)::text, 'last', max(day)::text)
     from unit_election_days
     where campaign_id = ${campaignId} and track <> 'F' and region_path like ${like}) as days`;
  return new PgDialect().sqlToQuery(query);
}
