import type { Db } from '@huanjie/db';
import { queryRows } from '@huanjie/db';
import type { Education, PersonGender, PoliticalStatus, Post } from '@huanjie/domain';
import { EDUCATION_LEVELS, MAJORITY_ETHNICITY } from '@huanjie/domain';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';

/** Which unit elections are counted, and how they are grouped (by the child region of the one asked about). */
export interface StatsScope {
  campaignId: number;
  /** Path prefix of the region asked about. */
  path: string;
  /** The position in the path of the id to group by (1-based, as split_part counts). */
  groupAt: number;
  zoneId: number | null;
}

const REPORTED = sql`('submitted', 'approved')`;

/**
 * The whitespace String.prototype.trim() removes, so that a minority here is what the domain's
 * isMinority() says (btrim alone strips spaces only: "汉族\u3000" would count as a minority).
 */
const JS_WHITESPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

function unitFilter(s: StatsScope): SQL {
  return sql`ue.campaign_id = ${s.campaignId} and ue.region_path like ${`${s.path}%`} and ue.track in ('P', 'V', 'C')${
    s.zoneId === null ? sql`` : sql` and v.zone_id = ${s.zoneId}`
  }`;
}

/** Office holders and unit elections of a body: a community's 居委会 (C) continues a 村委会 (V) roster. */
const sameBody = (a: SQL, b: SQL) =>
  sql`(case when ${a} = 'C' then 'V' else ${a} end) = (case when ${b} = 'C' then 'V' else ${b} end)`;

export interface UnitAggregate {
  grp: string;
  track: 'P' | 'V' | 'C';
  units: number;
  reported: number;
  approved: number;
  voted: number;
  entitled: number;
  oneTime: number;
  withRunoff: number;
  /** Seats and formal candidates of every unit election in scope, reported or not. */
  seatsInCampaign: number;
  formalCandidatesInCampaign: number;
  /** Seats and formal candidates of the units whose result is reported only. */
  seatsReported: number;
  formalCandidatesReported: number;
  /** Reported units whose previous term's roster (office holders) is on record. */
  reportedWithRoster: number;
}

/**
 * Per group and track: units, reported results, first-meeting turnout, one-time success, seats and
 * candidates (over all units and over the reported ones).
 */
export async function unitAggregates(db: Db, s: StatsScope): Promise<UnitAggregate[]> {
  return queryRows<UnitAggregate>(
    db,
    sql`
    select split_part(ue.region_path, '.', ${s.groupAt}) as grp, ue.track,
      count(*)::int as units,
      count(r.id) filter (where r.status in ${REPORTED})::int as reported,
      count(r.id) filter (where r.status = 'approved')::int as approved,
      coalesce(sum(m0.voted) filter (where r.status in ${REPORTED}), 0)::int as voted,
      coalesce(sum(m0.entitled) filter (where r.status in ${REPORTED}), 0)::int as entitled,
      count(r.id) filter (where r.status in ${REPORTED} and mc.meetings = 1 and el.elected = coalesce(st.seats, 0))::int as "oneTime",
      count(r.id) filter (where r.status in ${REPORTED} and mc.meetings > 1)::int as "withRunoff",
      coalesce(sum(st.seats), 0)::int as "seatsInCampaign",
      coalesce(sum(fc.formal), 0)::int as "formalCandidatesInCampaign",
      coalesce(sum(st.seats) filter (where r.status in ${REPORTED}), 0)::int as "seatsReported",
      coalesce(sum(fc.formal) filter (where r.status in ${REPORTED}), 0)::int as "formalCandidatesReported",
      count(r.id) filter (where r.status in ${REPORTED} and exists (
        select 1 from office_holders oh
        where oh.region_id = ue.region_id and ${sameBody(sql`oh.track`, sql`ue.track`)}
          and oh.term_number = (c.term_numbers ->> ue.track)::int - 1
      ))::int as "reportedWithRoster"
    from unit_elections ue
    join regions v on v.id = ue.region_id
    join campaigns c on c.id = ue.campaign_id
    left join election_results r on r.unit_election_id = ue.id
    left join election_meetings m0 on m0.result_id = r.id and m0.seq = 0
    left join lateral (select count(*)::int as meetings from election_meetings m where m.result_id = r.id) mc on true
    left join lateral (
      select count(*)::int as elected from meeting_votes mv join election_meetings m on m.id = mv.meeting_id
      where m.result_id = r.id and m.seq = 0 and mv.elected
    ) el on true
    left join lateral (
      select sum(j.value::int)::int as seats from election_setups es, jsonb_each_text(es.seats) j where es.unit_election_id = ue.id
    ) st on true
    left join lateral (
      select count(*)::int as formal from candidates c where c.unit_election_id = ue.id and c.stage = 'formal'
    ) fc on true
    where ${unitFilter(s)}
    group by 1, 2`,
  );
}

/**
 * Seats as rows (grp, track, region_id, post, person and the day ages are taken on): the elected
 * members of reported results of this campaign, or the previous term's office holders. An elected
 * candidate is the candidate's person; an elected written-in person (另选他人) is stored as such.
 */
export function currentSeats(s: StatsScope): SQL {
  return sql`
    select split_part(ue.region_path, '.', ${s.groupAt}) as grp, ue.track, ue.region_id, mv.post,
      p.id as person_id, p.gender, p.birth_date, p.birth_precision, p.ethnicity, p.education, p.political_status,
      m0.held_on as as_of,
      exists (
        select 1 from office_holders oh
        where oh.person_id = p.id and oh.region_id = ue.region_id and ${sameBody(sql`oh.track`, sql`ue.track`)}
          and oh.term_number = (c.term_numbers ->> ue.track)::int - 1
      ) as reelected
    from meeting_votes mv
    join election_meetings m on m.id = mv.meeting_id
    join election_results r on r.id = m.result_id and r.status in ${REPORTED}
    join election_meetings m0 on m0.result_id = r.id and m0.seq = 0
    join unit_elections ue on ue.id = r.unit_election_id
    join campaigns c on c.id = ue.campaign_id
    join regions v on v.id = ue.region_id
    left join candidates ca on ca.id = mv.candidate_id
    join persons p on p.id = coalesce(mv.write_in_person_id, ca.person_id)
    where mv.elected and ${unitFilter(s)}`;
}

/**
 * The previous term's office holders of the same units as currentSeats: only villages (and bodies)
 * whose result of this campaign is reported, so "this term against last term" compares like with
 * like. A holder is counted under the track of this term's unit election.
 */
export function previousSeats(s: StatsScope, termYears: number): SQL {
  return sql`
    select split_part(ue.region_path, '.', ${s.groupAt}) as grp, ue.track, ue.region_id, oh.post,
      p.id as person_id, p.gender, p.birth_date, p.birth_precision, p.ethnicity, p.education, p.political_status,
      (c.election_day - make_interval(years => ${termYears}))::date as as_of,
      false as reelected
    from office_holders oh
    join persons p on p.id = oh.person_id
    join campaigns c on c.id = ${s.campaignId}
    join unit_elections ue on ue.campaign_id = c.id and ue.region_id = oh.region_id and ${sameBody(sql`oh.track`, sql`ue.track`)}
    join election_results r on r.unit_election_id = ue.id and r.status in ${REPORTED}
    join regions v on v.id = ue.region_id
    where ${unitFilter(s)}
      and oh.term_number = (c.term_numbers ->> ue.track)::int - 1`;
}

export interface MemberAggregate {
  grp: string;
  track: 'P' | 'V' | 'C';
  band: number;
  members: number;
  women: number;
  partyMembers: number;
  minorities: number;
  reelected: number;
  /** Members whose band is known (the band's count in its row). */
  ageKnown: number;
  /** Members whose age is known to the year, and the sum of their ages (the average age). */
  ageExact: number;
  ageTotal: number;
  education: Record<Education | 'unknown', number>;
}

/**
 * Composition per group, track and age band (band -1: birth date unknown; band -2: born in a
 * known month, the band depending on the unknown day), as the domain's compose() counts it.
 */
export async function memberAggregates(
  db: Db,
  seats: SQL,
  bounds: readonly number[],
): Promise<MemberAggregate[]> {
  const bandOf = (age: SQL) =>
    bounds.length === 0
      ? sql`0`
      : sql`case ${sql.join(
          bounds.map((b, i) => sql`when ${age} <= ${b}::int then ${i}::int`),
          sql` `,
        )} else ${bounds.length}::int end`;
  const band = sql`case when birth_date is null then -1
    when ${bandOf(sql`youngest`)} <> ${bandOf(sql`oldest`)} then -2
    else ${bandOf(sql`youngest`)} end`;
  const education = sql.join(
    [...EDUCATION_LEVELS, null].map(
      (e) =>
        sql`count(*) filter (where ${e === null ? sql`education is null` : sql`education = ${e}`})::int`,
    ),
    sql`, `,
  );
  const rows = await queryRows<Omit<MemberAggregate, 'education'> & { edu: number[] }>(
    db,
    sql`
    with seats as (${seats}),
    -- a month-only birth date (stored as the 1st): the oldest is born on the 1st, the youngest on the last day
    ranged as (select *,
      extract(year from age(as_of, birth_date))::int as oldest,
      extract(year from age(as_of, case when birth_precision = 'month'
        then (birth_date + interval '1 month' - interval '1 day')::date else birth_date end))::int as youngest
      from seats),
    aged as (select *, case when youngest = oldest then youngest end as age from ranged)
    select grp, track, (${band})::int as band,
      count(*)::int as members,
      count(*) filter (where gender = 'female')::int as women,
      count(*) filter (where political_status = 'party_member')::int as "partyMembers",
      count(*) filter (where btrim(ethnicity, ${JS_WHITESPACE}) not in ('', ${MAJORITY_ETHNICITY}))::int as minorities,
      count(*) filter (where reelected)::int as reelected,
      count(*) filter (where (${band}) >= 0)::int as "ageKnown",
      count(age)::int as "ageExact",
      coalesce(sum(age), 0)::int as "ageTotal",
      array[${education}] as edu
    from aged group by 1, 2, 3`,
  );
  const keys = [...EDUCATION_LEVELS, 'unknown' as const];
  return rows.map(({ edu, ...r }) => ({
    ...r,
    education: Object.fromEntries(keys.map((k, i) => [k, edu[i] ?? 0])) as Record<
      Education | 'unknown',
      number
    >,
  }));
}

export interface PostAggregate {
  grp: string;
  track: 'P' | 'V' | 'C';
  post: Post;
  seats: number;
  /** Everyone nominated (初步人选), whatever became of them. */
  nominated: number;
  /** Nominees with at least one department answering fail in 资格联审. */
  failedVetting: number;
  formal: number;
}

/** Per group, track and post, over the reported units only: seats and candidates by stage. */
export async function postAggregates(db: Db, s: StatsScope): Promise<PostAggregate[]> {
  return queryRows<PostAggregate>(
    db,
    sql`
    with reported as (
      select ue.id, ue.track, split_part(ue.region_path, '.', ${s.groupAt}) as grp
      from unit_elections ue
      join regions v on v.id = ue.region_id
      join election_results r on r.unit_election_id = ue.id and r.status in ${REPORTED}
      where ${unitFilter(s)}
    ),
    seats as (
      select u.grp, u.track, j.key as post, sum(j.value::int)::int as n
      from reported u join election_setups es on es.unit_election_id = u.id, jsonb_each_text(es.seats) j
      group by 1, 2, 3
    ),
    cands as (
      select u.grp, u.track, ca.post,
        count(*)::int as nominated,
        count(*) filter (where exists (
          select 1 from vetting_answers va where va.candidate_id = ca.id and va.result = 'fail'
        ))::int as "failedVetting",
        count(*) filter (where ca.stage = 'formal')::int as formal
      from reported u join candidates ca on ca.unit_election_id = u.id
      group by 1, 2, 3
    )
    select coalesce(s.grp, c.grp) as grp, coalesce(s.track, c.track) as track, coalesce(s.post, c.post) as post,
      coalesce(s.n, 0)::int as seats, coalesce(c.nominated, 0)::int as nominated,
      coalesce(c."failedVetting", 0)::int as "failedVetting", coalesce(c.formal, 0)::int as formal
    from seats s full join cands c on c.grp = s.grp and c.track = s.track and c.post = s.post`,
  );
}

/** Members per group, track and post of a seats query (currentSeats or previousSeats). */
export async function membersByPost(db: Db, seats: SQL) {
  return queryRows<{ grp: string; track: 'P' | 'V' | 'C'; post: Post; members: number }>(
    db,
    sql`with seats as (${seats}) select grp, track, post, count(*)::int as members from seats group by 1, 2, 3`,
  );
}

export interface CommitteeAggregate {
  grp: string;
  track: 'P' | 'V' | 'C';
  committees: number;
  withWoman: number;
}

export async function committeeAggregates(db: Db, seats: SQL): Promise<CommitteeAggregate[]> {
  return queryRows<CommitteeAggregate>(
    db,
    sql`with seats as (${seats})
    select grp, track, count(distinct region_id)::int as committees,
      count(distinct region_id) filter (where gender = 'female')::int as "withWoman"
    from seats group by 1, 2`,
  );
}

export interface LinkAggregate {
  grp: string;
  villagesWithBoth: number;
  dualRoleVillages: number;
  persons: number;
  crossPersons: number;
  crossPersonsExclDual: number;
  /** Distinct 两委 members of the villages where both bodies are elected: 交叉任职's denominator. */
  personsInBoth: number;
}

/** 一肩挑 and 交叉任职, per village and then per group: derived from who holds which seat. */
export async function linkAggregates(db: Db, seats: SQL): Promise<LinkAggregate[]> {
  return queryRows<LinkAggregate>(
    db,
    sql`with seats as (${seats}),
    per_person as (
      select grp, region_id, person_id,
        bool_or(track = 'P') as in_p, bool_or(track <> 'P') as in_c,
        bool_or(track = 'P' and post = 'secretary') and bool_or(track <> 'P' and post = 'chair') as dual
      from seats group by 1, 2, 3
    ),
    per_village as (
      select grp, region_id, bool_or(in_p) as has_p, bool_or(in_c) as has_c, bool_or(dual) as dual,
        count(*)::int as persons,
        count(*) filter (where in_p and in_c)::int as cross_persons,
        count(*) filter (where in_p and in_c and not dual)::int as cross_excl
      from per_person group by 1, 2
    )
    select grp,
      count(*) filter (where has_p and has_c)::int as "villagesWithBoth",
      count(*) filter (where dual)::int as "dualRoleVillages",
      coalesce(sum(persons), 0)::int as persons,
      coalesce(sum(cross_persons), 0)::int as "crossPersons",
      coalesce(sum(cross_excl), 0)::int as "crossPersonsExclDual",
      coalesce(sum(persons) filter (where has_p and has_c), 0)::int as "personsInBoth"
    from per_village group by 1`,
  );
}

/** Villages and communities of the region (or zone), whether or not the campaign covers them. */
export async function villagesIn(db: Db, path: string, groupAt: number, zoneId: number | null) {
  return queryRows<{ grp: string; villages: number }>(
    db,
    sql`select split_part(path, '.', ${groupAt}) as grp, count(*)::int as villages from regions v
      where path like ${`${path}%`} and level in ('village', 'community') and merged_on is null${zoneId === null ? sql`` : sql` and zone_id = ${zoneId}`}
      group by 1`,
  );
}

/** Villages and communities the campaign covers: those with a unit election of it in scope. */
export async function campaignVillages(db: Db, s: StatsScope) {
  return queryRows<{ grp: string; villages: number }>(
    db,
    sql`select split_part(ue.region_path, '.', ${s.groupAt}) as grp, count(distinct ue.region_id)::int as villages
      from unit_elections ue join regions v on v.id = ue.region_id
      where ${unitFilter(s)}
      group by 1`,
  );
}

export interface ExcludedVillage {
  grp: string;
  regionId: number;
  name: string;
  reason: string;
}

/** Villages the county left out of the campaign (campaign_exclusions), with the reason. */
export async function excludedVillages(db: Db, s: StatsScope): Promise<ExcludedVillage[]> {
  return queryRows<ExcludedVillage>(
    db,
    sql`select split_part(x.region_path, '.', ${s.groupAt}) as grp, x.region_id as "regionId", v.name, x.reason
      from campaign_exclusions x join regions v on v.id = x.region_id
      where x.campaign_id = ${s.campaignId} and x.region_path like ${`${s.path}%`}${
        s.zoneId === null ? sql`` : sql` and v.zone_id = ${s.zoneId}`
      }
      order by v.sort_order, v.id`,
  );
}

export async function groupNames(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: number; name: string; level: string }>(
    db,
    sql`select id, name, level from regions where id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )}) order by sort_order, id`,
  );
}

/** The materialized paths of regions, by id. */
export async function regionPaths(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: number; path: string }>(
    db,
    sql`select id, path from regions where id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
}

// ---------------------------------------------------------------- ethnicity, voting modes, candidates against last term, people

/** Members per group, track and ethnicity (trimmed as isMinority() trims; null: blank). */
export async function ethnicityAggregates(db: Db, seats: SQL) {
  return queryRows<{
    grp: string;
    track: 'P' | 'V' | 'C';
    ethnicity: string | null;
    members: number;
  }>(
    db,
    sql`with seats as (${seats})
    select grp, track, nullif(btrim(ethnicity, ${JS_WHITESPACE}), '') as ethnicity, count(*)::int as members
    from seats group by 1, 2, 3`,
  );
}

export interface VotingModeAggregate {
  grp: string;
  track: 'P' | 'V' | 'C';
  inPerson: number;
  proxy: number;
  other: number;
}

/** How the voters of the election meeting (the first meeting) of reported results voted. */
export async function votingModeAggregates(db: Db, s: StatsScope): Promise<VotingModeAggregate[]> {
  return queryRows<VotingModeAggregate>(
    db,
    sql`
    select split_part(ue.region_path, '.', ${s.groupAt}) as grp, ue.track,
      coalesce(sum(m0.in_person), 0)::int as "inPerson",
      coalesce(sum(m0.proxy), 0)::int as proxy,
      coalesce(sum(m0.other), 0)::int as other
    from unit_elections ue
    join regions v on v.id = ue.region_id
    join election_results r on r.unit_election_id = ue.id and r.status in ${REPORTED}
    join election_meetings m0 on m0.result_id = r.id and m0.seq = 0
    where ${unitFilter(s)}
    group by 1, 2`,
  );
}

/**
 * The reported units of this campaign whose previous term's election (same village and body, a
 * campaign of the same county with the term number before) has its candidates on record: the
 * latest such unit election, when there are several.
 */
function comparedCandidateUnits(s: StatsScope): SQL {
  return sql`
    select ue.id, prev.id as prev_id, ue.track, split_part(ue.region_path, '.', ${s.groupAt}) as grp
    from unit_elections ue
    join regions v on v.id = ue.region_id
    join campaigns c on c.id = ue.campaign_id
    join election_results r on r.unit_election_id = ue.id and r.status in ${REPORTED}
    join lateral (
      select pu.id from unit_elections pu
      join campaigns pc on pc.id = pu.campaign_id
      where pu.region_id = ue.region_id and pc.county_id = c.county_id and pc.id <> c.id
        and ${sameBody(sql`pu.track`, sql`ue.track`)}
        and (pc.term_numbers ->> pu.track)::int = (c.term_numbers ->> ue.track)::int - 1
        and exists (select 1 from candidates pca where pca.unit_election_id = pu.id)
      order by pu.id desc limit 1
    ) prev on true
    where ${unitFilter(s)}`;
}

/** Per group and track: the reported units whose previous term's candidates are on record. */
export async function candidateComparedUnits(db: Db, s: StatsScope) {
  return queryRows<{ grp: string; track: 'P' | 'V' | 'C'; units: number }>(
    db,
    sql`with cmp as (${comparedCandidateUnits(s)}) select grp, track, count(*)::int as units from cmp group by 1, 2`,
  );
}

export interface PostComparison {
  grp: string;
  track: 'P' | 'V' | 'C';
  post: Post;
  seats: number;
  formal: number;
  previousSeats: number;
  previousFormal: number;
}

/** Per post, over the compared units only: seats and formal candidates this term and last term. */
export async function postComparisons(db: Db, s: StatsScope): Promise<PostComparison[]> {
  const perPost = (unit: SQL) => sql`
    select cmp.grp, cmp.track, x.post, sum(x.seats)::int as seats, sum(x.formal)::int as formal
    from cmp, lateral (
      select j.key as post, j.value::int as seats, 0 as formal
      from election_setups es, jsonb_each_text(es.seats) j where es.unit_election_id = ${unit}
      union all
      select ca.post, 0, 1 from candidates ca where ca.unit_election_id = ${unit} and ca.stage = 'formal'
    ) x
    group by 1, 2, 3`;
  return queryRows<PostComparison>(
    db,
    sql`with cmp as (${comparedCandidateUnits(s)}),
    cur as (${perPost(sql`cmp.id`)}),
    prev as (${perPost(sql`cmp.prev_id`)})
    select coalesce(c.grp, p.grp) as grp, coalesce(c.track, p.track) as track, coalesce(c.post, p.post) as post,
      coalesce(c.seats, 0)::int as seats, coalesce(c.formal, 0)::int as formal,
      coalesce(p.seats, 0)::int as "previousSeats", coalesce(p.formal, 0)::int as "previousFormal"
    from cur c full join prev p on p.grp = c.grp and p.track = c.track and p.post = c.post`,
  );
}

export interface SeatHolder {
  personId: number;
  name: string;
  track: 'P' | 'V' | 'C';
  post: Post;
  gender: PersonGender;
  birthDate: string | null;
  asOf: string;
  ethnicity: string;
  education: Education | null;
  politicalStatus: PoliticalStatus;
  reelected: boolean;
}

/** The people behind a seats query (currentSeats of a village): one row per seat. */
export async function seatHolders(db: Db, seats: SQL): Promise<SeatHolder[]> {
  return queryRows<SeatHolder>(
    db,
    sql`with seats as (${seats})
    select s.person_id as "personId", p.name, s.track, s.post, s.gender, s.birth_date::text as "birthDate",
      s.as_of::text as "asOf", s.ethnicity, s.education, s.political_status as "politicalStatus", s.reelected
    from seats s join persons p on p.id = s.person_id
    order by s.track, p.name, p.id`,
  );
}
