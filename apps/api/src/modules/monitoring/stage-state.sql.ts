import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { RULES, STAGE_TEMPLATE, STATUS_PROGRESS, TRACKS, isRuleCode } from '@huanjie/domain';
import { subtreePattern } from '../../shared/sql.js';
import { unitFactsSql } from '../../shared/unit-facts.sql.js';

/**
 * The stage template (domain/stages.ts) as JSON rows for SQL: what each unit election goes
 * through, how due dates follow from the election day, and the gates.
 */
const TEMPLATE_JSON = JSON.stringify(
  TRACKS.flatMap((track) =>
    STAGE_TEMPLATE[track].map((s) => ({
      track,
      code: s.code,
      name: s.name,
      position: s.position,
      village_wide: s.villageWide,
      sign: s.due.relation === 'before' ? -1 : s.due.relation === 'after' ? 1 : 0,
      rule: s.due.rule,
      default_days: s.due.rule && isRuleCode(s.due.rule) ? Number(RULES[s.due.rule].value) : 0,
      fact: s.fact,
    })),
  ),
);

const GATES_JSON = JSON.stringify(
  TRACKS.flatMap((track) =>
    STAGE_TEMPLATE[track].flatMap((s) =>
      s.gates.map((g) => ({
        track,
        code: s.code,
        kind: g.kind,
        gate_code: g.code,
        when_ordering: g.when ?? null,
      })),
    ),
  ),
);

const PROGRESS = `{${STATUS_PROGRESS.join(',')}}`;

/**
 * `with … stage_state`: every stage of every unit election of a campaign under a path, with its due
 * date (effective election day ± the rule set's days), its record status, whether its gates are
 * approved, and its display status — the same rules as domain stageStatus/displayStatus/gatesOf, in one
 * statement over the subtree. Append a select from stage_state (or from village_state).
 */
export function stageStateCte(campaignId: number, path: string, today: string): SQL {
  return sql`with
  tpl as (
    select * from jsonb_to_recordset(${TEMPLATE_JSON}::jsonb) as t(
      track text, code text, name text, position int, village_wide boolean, sign int,
      rule text, default_days int, fact text)
  ),
  gate_rules as (
    select * from jsonb_to_recordset(${GATES_JSON}::jsonb) as g(
      track text, code text, kind text, gate_code text, when_ordering text)
  ),
  camp as (
    select c.id, c.ordering, rs.values as rule_values
    from campaigns c join rule_sets rs on rs.id = c.rule_set_id
    where c.id = ${campaignId}
  ),
  tpl_days as materialized (
    select t.*,
      coalesce(
        case when jsonb_typeof(camp.rule_values -> t.rule -> 'value') = 'number'
               and (camp.rule_values -> t.rule ->> 'value')::numeric >= 0
               and (camp.rule_values -> t.rule ->> 'value')::numeric
                   = trunc((camp.rule_values -> t.rule ->> 'value')::numeric)
             then (camp.rule_values -> t.rule ->> 'value')::numeric::int end,
        t.default_days) * t.sign as offset_days
    from tpl t cross join camp
  ),
  units as (
    select d.unit_election_id as id, d.region_id, d.region_path, d.track, d.day,
      min(d.track) filter (where d.track in ('V', 'C')) over w as committee,
      min(d.track) filter (where d.track = 'P') over w as party
    from unit_election_days d
    where d.campaign_id = ${campaignId} and d.region_path like ${subtreePattern(path)}
    window w as (partition by d.region_id)
  ),
  items as (
    select u.id as unit_id, u.region_id, u.region_path, u.track, u.day, u.committee, u.party,
      coalesce(u.committee, u.party) as home, t.code, t.name, t.position, t.fact,
      u.day + t.offset_days as due_date
    from units u
    join tpl_days t on t.track = u.track
    where not t.village_wide or u.track = coalesce(u.committee, u.party)
  ),
  -- The subtree's records through the unique index: with nested loops off (monitoring.repo.ts) a
  -- join to units would hash-join a scan of every county's stage records.
  recs as (
    select r.unit_election_id, r.stage_code, r.status, r.id, r.done_date, r.submitted_at,
      r.first_submitted_at
    from stage_records r
    where r.unit_election_id = any(array(select id from units))
  ),
  facts as (${unitFactsSql(sql`array(select id from units)`)}),
  -- domain stageStatus: the record's status or what the records holding the stage's fact say
  -- (the candidates, the 公示, the result), whichever is further along
  with_facts as (
    select i.*, coalesce(r.status, 'not_started') as record_status, r.id as record_id,
      r.done_date, r.submitted_at, r.first_submitted_at,
      case
        when i.fact is null then null
        when f.result_status in ('submitted', 'approved') then f.result_status
        when i.fact = 'result' then f.result_status
        when i.fact = any(f.present) then 'draft'
      end as fact_status,
      case
        when i.fact = 'formal_list' then f.formal_list_on
        when i.fact = 'publicity' then f.publicity_ends_on
        when i.fact = 'result' and i.code = 'election' then f.meeting_on
      end as fact_date
    from items i
    left join recs r on r.unit_election_id = i.unit_id and r.stage_code = i.code
    left join facts f on f.unit_id = i.unit_id
  ),
  with_status as (
    select w.*,
      case
        when coalesce(array_position(${PROGRESS}::text[], w.fact_status), 0)
          > array_position(${PROGRESS}::text[], w.record_status)
        then w.fact_status else w.record_status
      end as status
    from with_facts w
  ),
  gate_state as (
    select w.unit_id, w.code, bool_and(coalesce(gs.status = 'approved', false)) as open
    from with_status w
    cross join camp
    join gate_rules g on g.track = w.track and g.code = w.code
      and (g.when_ordering is null or g.when_ordering = camp.ordering)
    cross join lateral (
      select case g.kind when 'home' then w.home when 'committee' then w.committee else w.party end as track
    ) k
    left join with_status gs
      on gs.region_id = w.region_id and gs.track = k.track and gs.code = g.gate_code
    where k.track is not null and not (k.track = w.track and g.gate_code = w.code)
    group by w.unit_id, w.code
  ),
  stage_state as (
    select w.*, coalesce(gs.open, true) as gates_open,
      case
        when w.status in ('submitted', 'approved') then w.status
        -- first submitted by the due date: a later return is the township's time (domain displayStatus)
        -- or done by then as the records holding its fact date it (domain factDate)
        when w.due_date < ${today}::date and not coalesce(
          (w.first_submitted_at at time zone 'Asia/Shanghai')::date <= w.due_date, false
        ) and not coalesce(w.fact_date <= w.due_date, false) then 'overdue'
        when not coalesce(gs.open, true) then 'blocked'
        else w.status
      end as display
    from with_status w
    left join gate_state gs on gs.unit_id = w.unit_id and gs.code = w.code
  )`;
}

/**
 * Per village: its standing as domain unitProgress computes it (overdue, done, blocked,
 * in_progress, not_started), over all its stages or one track's. Follows stageStateCte.
 */
export function villageStateCte(track: string | null, name = 'village_state'): SQL {
  return sql`, ${sql.identifier(name)} as (
    select region_id, region_path,
      case
        when bool_or(display = 'overdue') then 'overdue'
        when bool_and(display = 'approved') then 'done'
        when count(*) filter (where display not in ('approved', 'submitted')) > 0
          and count(*) filter (where display not in ('approved', 'submitted'))
            = count(*) filter (where display = 'blocked') then 'blocked'
        when bool_or(display not in ('not_started', 'blocked')) then 'in_progress'
        else 'not_started'
      end as progress
    from stage_state
    where ${track}::text is null or track = ${track}::text
    group by region_id, region_path
  )`;
}
