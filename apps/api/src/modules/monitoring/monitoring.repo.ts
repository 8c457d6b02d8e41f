import type { Db } from '@huanjie/db';
import { exclusively, queryRows, regions } from '@huanjie/db';
import type { RegionLevel, RiskLevel, Track } from '@huanjie/domain';
import type { SQL } from 'drizzle-orm';
import { and, asc, eq, sql } from 'drizzle-orm';
import { stageStateCte, villageStateCte } from './stage-state.sql.js';
import { subtreePattern, underPath } from '../../shared/sql.js';

/**
 * Runs one aggregation over the stage state. The CTEs' row estimates are poor on freshly written
 * data (PGlite has no autovacuum to collect statistics), and a nested-loop plan over thousands of
 * stage rows takes seconds where hash joins take milliseconds; so nested loops are switched off
 * for this statement's transaction only. That inflates the plan's cost estimate, which would make
 * PostgreSQL spend a second JIT-compiling it: JIT goes off too.
 */
function aggregate<T>(db: Db, query: SQL): Promise<T[]> {
  // exclusively: no sibling resolver's statement is planned while nested loops are off
  return exclusively(() =>
    db.transaction(async (tx) => {
      // the settings as they were (read in a fenced sub-select, before the set_configs run)
      const [was] = await queryRows<{ nestloop: string; jit: string }>(
        tx,
        sql`select s.nestloop, s.jit, set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true)
          from (select current_setting('enable_nestloop') as nestloop, current_setting('jit') as jit offset 0) s`,
      );
      const rows = await queryRows<T>(tx, query);
      // Inside the request's transaction this one is a savepoint, and a local setting outlives its
      // release: put them back.
      await tx.execute(
        sql`select set_config('enable_nestloop', ${was?.nestloop ?? 'on'}, true), set_config('jit', ${was?.jit ?? 'on'}, true)`,
      );
      return rows;
    }),
  );
}

export interface FunnelRow {
  track: Track;
  code: string;
  name: string;
  position: number;
  total: number;
  approved: number;
  submitted: number;
  in_progress: number;
  overdue: number;
  blocked: number;
  not_started: number;
}

export interface ChildRow {
  id: number;
  name: string;
  level: RegionLevel;
  villages: number;
  done: number;
  in_progress: number;
  overdue: number;
  blocked: number;
  not_started: number;
  key_risk: number;
  difficult_risk: number;
}

export interface OverdueRow {
  unit_id: number;
  region_id: number;
  village_name: string;
  village_level: RegionLevel;
  township_name: string;
  track: Track;
  code: string;
  name: string;
  due_date: string;
  days_overdue: number;
  status: string;
}

export interface RiskRow {
  id: number;
  region_id: number;
  village_name: string;
  village_level: RegionLevel;
  township_name: string;
  level: RiskLevel;
  reason: string;
  /** The village's 一村一策 plan (risk_plans), null when none is drawn up yet. */
  plan_id: number | null;
  /** The plan's owner; null also when the owner is on a roster the caller cannot read. */
  owner_name: string | null;
  escalated_on: string | null;
  answered_on: string | null;
  resolved_on: string | null;
  measures_open: number;
  measures_overdue: number;
  measures_done: number;
  set_by_name: string;
  set_by_role: string;
  progress: string | null;
}

/** Everything an overview page shows, from one pass over the stage state. */
export interface OverviewParts {
  /** Villages per stage per track (all tracks). */
  funnel: FunnelRow[];
  /** Each child region (townships of a county, villages of a township) by village standing. */
  children: ChildRow[];
  /** The most overdue stages first, at most OVERDUE_LIMIT of them, and how many there are. */
  overdue: OverdueRow[];
  overdueTotal: number;
  /** Villages marked key or difficult, with their standing over all tracks. */
  risks: RiskRow[];
  days: { first: string | null; last: string | null };
}

export const OVERDUE_LIMIT = 500;

/**
 * The overview of `root` in one statement: the stage state is computed once and every part of the
 * page aggregated from it (the bench's SQL floor runs this very statement through `pg`).
 * `track` narrows the children's standing and the overdue list; the funnel and the risk villages'
 * standing always cover every track.
 */
export function overviewStatement(
  campaignId: number,
  root: string,
  today: string,
  track: Track | null,
): SQL {
  // Every join to regions (and users) is narrowed to the subtree or done per row by primary key:
  // with nested loops off (aggregate()), an unqualified join would hash the whole table — every
  // county of a province.
  const under = subtreePattern(root);
  return sql`${stageStateCte(campaignId, root, today)}${villageStateCte(track)}${villageStateCte(null, 'village_state_all')},
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
    join regions r on r.path = p.child_path and r.path like ${under}
    left join village_risks vr on vr.campaign_id = ${campaignId} and vr.region_id = p.region_id
      and vr.region_path like ${under}
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
    select s.unit_id, s.region_id, v.name as village_name, v.level as village_level,
      (select t.name from regions t where t.id = v.parent_id) as township_name,
      s.track, s.code, s.name, s.due_date::text as due_date,
      (${today}::date - s.due_date)::int as days_overdue, s.status, v.path, s.position
    from stage_state s
    join regions v on v.id = s.region_id and v.path like ${under}
    where s.display = 'overdue' and (${track}::text is null or s.track = ${track}::text)
  ),
  risks as (
    select vr.id, vr.region_id, v.name as village_name, v.level as village_level,
      (select t.name from regions t where t.id = v.parent_id) as township_name,
      vr.level, vr.reason,
      rp.id as plan_id, oc.name as owner_name, rp.escalated_on::text as escalated_on,
      rp.answered_on::text as answered_on, rp.resolved_on::text as resolved_on,
      coalesce(pm.open, 0) as measures_open, coalesce(pm.overdue, 0) as measures_overdue,
      coalesce(pm.done, 0) as measures_done,
      (select u.display_name from users u where u.id = vr.set_by) as set_by_name,
      vr.set_by_role, vs.progress, v.path
    from village_risks vr
    join regions v on v.id = vr.region_id and v.path like ${under}
    left join village_state_all vs on vs.region_id = vr.region_id
    left join risk_plans rp on rp.campaign_id = vr.campaign_id and rp.region_id = vr.region_id
    left join cadres oc on oc.id = rp.owner_cadre_id
    -- overdue as the domain's isMeasureOverdue: still open after its deadline day
    left join lateral (
      select count(*) filter (where m.status = 'open')::int as open,
        count(*) filter (where m.status = 'open' and m.deadline < ${today}::date)::int as overdue,
        count(*) filter (where m.status = 'done')::int as done
      from risk_measures m where m.plan_id = rp.id
    ) pm on true
    where vr.campaign_id = ${campaignId} and vr.level <> 'normal' and vr.region_path like ${under}
  )
  select
    coalesce((select json_agg(c order by c.sort_order, c.id) from children c), '[]') as children,
    coalesce((select json_agg(f order by position('' || f.track in 'PVCSF'), f.position)
      from funnel f), '[]') as funnel,
    (select count(*)::int from overdue) as overdue_total,
    coalesce((select json_agg(o) from (
      select * from overdue
      order by days_overdue desc, path, position('' || track in 'PVCSF'), position
      limit ${OVERDUE_LIMIT}) o), '[]') as overdue,
    coalesce((select json_agg(r order by r.level = 'difficult' desc, r.path) from risks r), '[]')
      as risks,
    (select json_build_object('first', min(day)::text, 'last', max(day)::text)
     from unit_election_days
     where campaign_id = ${campaignId} and track <> 'F' and region_path like ${under}) as days`;
}

export async function overviewParts(
  db: Db,
  campaignId: number,
  root: string,
  today: string,
  track: Track | null,
): Promise<OverviewParts> {
  const [row] = await aggregate<{
    children: ChildRow[] | string;
    funnel: FunnelRow[] | string;
    overdue_total: number;
    overdue: OverdueRow[] | string;
    risks: RiskRow[] | string;
    days: OverviewParts['days'] | string;
  }>(db, overviewStatement(campaignId, root, today, track));
  if (!row) throw new Error('overview statement returned no row');
  // json columns arrive parsed from pg and as text from some drivers
  const json = <T>(value: T | string): T =>
    typeof value === 'string' ? (JSON.parse(value) as T) : value;
  return {
    children: json(row.children),
    funnel: json(row.funnel),
    overdue: json(row.overdue),
    overdueTotal: row.overdue_total,
    risks: json(row.risks),
    days: json(row.days),
  };
}

export interface MatrixRow {
  region_id: number;
  village_name: string;
  village_level: RegionLevel;
  zone_id: number | null;
  zone_name: string | null;
  risk: RiskLevel;
  unit_id: number;
  track: Track;
  code: string;
  due_date: string;
  display: string;
  record_id: number | null;
}

/** Every stage of the township's villages in one track (V and C together when track is null). */
export function matrix(
  db: Db,
  campaignId: number,
  path: string,
  today: string,
  track: Track | null,
  zoneId: number | null,
  risk: RiskLevel | null,
) {
  return aggregate<MatrixRow>(
    db,
    sql`${stageStateCte(campaignId, path, today)}
    select s.region_id, v.name as village_name, v.level as village_level, v.zone_id,
      (select z.name from zones z where z.id = v.zone_id) as zone_name,
      coalesce(vr.level, 'normal') as risk, s.unit_id, s.track, s.code,
      s.due_date::text as due_date, s.display, s.record_id
    from stage_state s
    -- the villages through the primary key and the zone's name per village: with nested loops off
    -- a join hashed a scan of every region (and zone) of the province, 110 ms of the 130
    join regions v on v.id = s.region_id and v.id = any(array(select region_id from units))
      and v.path like ${subtreePattern(path)}
    left join village_risks vr on vr.campaign_id = ${campaignId} and vr.region_id = s.region_id
      and vr.region_path like ${subtreePattern(path)}
    where (case when ${track}::text is null then s.track in ('V', 'C') else s.track = ${track}::text end)
      and (${zoneId}::int is null or v.zone_id = ${zoneId}::int)
      and (${risk}::text is null or coalesce(vr.level, 'normal') = ${risk}::text)
    order by v.sort_order, v.id, s.position`,
  );
}

export function zonesOf(db: Db, townshipId: number) {
  return queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from zones where township_id = ${townshipId} order by id`,
  );
}

/** The counties at or below a path (a province's, a city's), in path order. */
export async function countiesUnder(db: Db, path: string): Promise<CountyRow[]> {
  return db
    .select({
      id: regions.id,
      name: regions.name,
      level: regions.level,
      path: regions.path,
      parentId: regions.parentId,
      zoneId: regions.zoneId,
    })
    .from(regions)
    .where(and(underPath(regions.path, path), eq(regions.level, 'county')))
    .orderBy(asc(regions.path));
}

/** The cities (市/州) at or below a path: a province's rollup groups its counties by them. */
export async function citiesUnder(
  db: Db,
  path: string,
): Promise<{ id: number; name: string; level: RegionLevel }[]> {
  return db
    .select({ id: regions.id, name: regions.name, level: regions.level })
    .from(regions)
    .where(and(underPath(regions.path, path), eq(regions.level, 'city')));
}

export type CountyRow = {
  id: number;
  name: string;
  level: RegionLevel;
  path: string;
  parentId: number | null;
  zoneId: number | null;
};
