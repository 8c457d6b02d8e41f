import type { StageFact } from '@huanjie/domain';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';

/**
 * When a unit election's records hold each fact other than the result (domain stage-facts.ts),
 * read from the per-unit aggregates of unitFactsSql (cand, vet, pub).
 */
const FACT_ON_RECORD: Record<Exclude<StageFact, 'result'>, SQL> = {
  nominations: sql`coalesce(cand.nominations, false)`,
  vetting: sql`vet.unit_id is not null`,
  publicity: sql`coalesce(pub.has_publicity, false)`,
  formal_list: sql`coalesce(pub.has_formal_list, false)`,
  formal_candidates: sql`coalesce(cand.formal, false)`,
};

/**
 * Per unit election whose id is in `unitIds` (an SQL array): unit_id, result_status and present
 * (the facts on record, as text[]) — the domain's UnitFacts, which stageStatus reads — and the
 * dates the facts fix (formal_list_on, publicity_ends_on, meeting_on; domain factDate).
 *
 * Aggregates joined once per table, each table read through its unit (or candidate, or result)
 * index with `= any(array)`: the monitoring statements run with nested loops off, and a correlated
 * subplan holding a join (candidates × vetting_answers) then hashed a scan of every county's
 * vetting answers once per unit election.
 */
export function unitFactsSql(unitIds: SQL): SQL {
  const present = Object.entries(FACT_ON_RECORD).map(
    ([fact, onRecord]) => sql`case when ${onRecord} then ${fact}::text end`,
  );
  return sql`select ue.id as unit_id,
      res.status as result_status,
      array_remove(array[${sql.join(present, sql`, `)}], null) as present,
      -- the dates the facts fix (domain factDate)
      pub.formal_list_on,
      pub.publicity_ends_on,
      meet.held_on as meeting_on
    from unit_elections ue
    left join (
      select c.unit_election_id as unit_id,
        bool_or(c.stage <> 'withdrawn') as nominations,
        bool_or(c.stage = 'formal') as formal
      from candidates c
      where c.unit_election_id = any(${unitIds})
      group by c.unit_election_id
    ) cand on cand.unit_id = ue.id
    left join (
      select distinct c.unit_election_id as unit_id
      from candidates c
      where c.unit_election_id = any(${unitIds})
        and c.id = any(array(
          select va.candidate_id from vetting_answers va
          where va.candidate_id = any(array(
            select c2.id from candidates c2 where c2.unit_election_id = any(${unitIds})))))
    ) vet on vet.unit_id = ue.id
    left join (
      select p.unit_election_id as unit_id,
        bool_or(p.kind = 'candidates') as has_publicity,
        bool_or(p.kind = 'formal_list') as has_formal_list,
        min(p.starts_on) filter (where p.kind = 'formal_list') as formal_list_on,
        min(p.ends_on) filter (where p.kind = 'candidates') as publicity_ends_on
      from publicity_notices p
      where p.unit_election_id = any(${unitIds})
      group by p.unit_election_id
    ) pub on pub.unit_id = ue.id
    left join (
      select r.unit_election_id as unit_id, r.id, r.status
      from election_results r
      where r.unit_election_id = any(${unitIds})
    ) res on res.unit_id = ue.id
    left join (
      select m.result_id, m.held_on
      from election_meetings m
      where m.seq = 0 and m.result_id = any(array(
        select r.id from election_results r where r.unit_election_id = any(${unitIds})))
    ) meet on meet.result_id = res.id
    where ue.id = any(${unitIds})`;
}
