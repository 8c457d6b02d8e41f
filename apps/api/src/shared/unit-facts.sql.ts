import type { StageFact } from '@huanjie/domain';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';

/** When a unit election's records hold each fact other than the result (domain stage-facts.ts). */
const FACT_ON_RECORD: Record<Exclude<StageFact, 'result'>, SQL> = {
  nominations: sql`exists (select 1 from candidates c where c.unit_election_id = ue.id and c.stage <> 'withdrawn')`,
  vetting: sql`exists (select 1 from vetting_answers va join candidates c on c.id = va.candidate_id where c.unit_election_id = ue.id)`,
  publicity: sql`exists (select 1 from publicity_notices p where p.unit_election_id = ue.id and p.kind = 'candidates')`,
  formal_list: sql`exists (select 1 from publicity_notices p where p.unit_election_id = ue.id and p.kind = 'formal_list')`,
  formal_candidates: sql`exists (select 1 from candidates c where c.unit_election_id = ue.id and c.stage = 'formal')`,
};

/**
 * Per unit election whose id is in `unitIds` (an SQL array): unit_id, result_status and present
 * (the facts on record, as text[]) — the domain's UnitFacts, which stageStatus reads — and the
 * dates the facts fix (formal_list_on, publicity_ends_on, meeting_on; domain factDate).
 */
export function unitFactsSql(unitIds: SQL): SQL {
  const present = Object.entries(FACT_ON_RECORD).map(
    ([fact, onRecord]) => sql`case when ${onRecord} then ${fact}::text end`,
  );
  return sql`select ue.id as unit_id,
      (select r.status from election_results r where r.unit_election_id = ue.id) as result_status,
      array_remove(array[${sql.join(present, sql`, `)}], null) as present,
      -- the dates the facts fix (domain factDate)
      (select p.starts_on from publicity_notices p where p.unit_election_id = ue.id and p.kind = 'formal_list') as formal_list_on,
      (select p.ends_on from publicity_notices p where p.unit_election_id = ue.id and p.kind = 'candidates') as publicity_ends_on,
      (select m.held_on from election_results r join election_meetings m on m.result_id = r.id
        where r.unit_election_id = ue.id and m.seq = 0) as meeting_on
    from unit_elections ue
    where ue.id = any(${unitIds})`;
}
