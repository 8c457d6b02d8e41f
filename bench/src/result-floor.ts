import type { SqlStatement } from './load-run.js';
import type { FloorEntry } from './result-pool.js';

const GENESIS_HASH = '0'.repeat(64);

/**
 * The floor for result entry: one election's first submission written by one `pg` transaction,
 * the rows the API writes for it (election_results, election_meetings, meeting_votes,
 * result_revisions and the county chain's audit_log entry, taken under the chain's lock as the
 * API takes it), into the same tables with the same durability (synchronous commit, the
 * database's default), and nothing else: no session, no scope, no row-level security, no reads
 * to check the sheet. Each statement inserts rows given as JSON.
 *
 * What differs from the API's write: the audit entry's hash is a SHA-256 of the previous hash and
 * the entry computed in the statement (the API's is an HMAC computed in Node: the same work of the
 * same size); the rows are the seed's own (status and revision as the seed left them).
 */
export function resultFloorTransactions(entries: FloorEntry[], runTag: string): SqlStatement[][] {
  return entries.map((e, i) => {
    const resultId = Number(e.result.id);
    const chain = `${e.regionPath.split('.')[0] ?? ''}.`;
    const after = JSON.stringify({ status: 'submitted', revision: 1, sheet: e.revision.sheet });
    return [
      {
        sql: `insert into election_results overriding system value
              select * from jsonb_populate_record(null::election_results, $1::jsonb)`,
        params: [JSON.stringify(e.result)],
      },
      {
        sql: `insert into election_meetings overriding system value
              select * from jsonb_populate_recordset(null::election_meetings, $1::jsonb)`,
        params: [JSON.stringify(e.meetings)],
      },
      {
        sql: `insert into meeting_votes overriding system value
              select * from jsonb_populate_recordset(null::meeting_votes, $1::jsonb)`,
        params: [JSON.stringify(e.votes)],
      },
      {
        sql: `insert into result_revisions overriding system value
              select * from jsonb_populate_record(null::result_revisions, $1::jsonb)`,
        params: [
          JSON.stringify({
            ...e.revision,
            idempotency_key: `floor-${runTag}-${String(i)}`,
            created_at: new Date().toISOString(),
          }),
        ],
      },
      {
        sql: `insert into audit_log (chain, seq, at, user_id, role, action, entity_type, entity_id,
                                     region_path, before, after, prev_hash, hash)
              select $1, coalesce(h.seq, 0) + 1, now(), $2, 'village_clerk', 'result.submit',
                     'election_result', $3, $4, '{"status":"draft","revision":0}'::jsonb, $5::jsonb,
                     coalesce(h.hash, $6),
                     encode(sha256(convert_to(coalesce(h.hash, $6) || $5, 'UTF8')), 'hex')
              from (select 1) one left join huanjie_lock_audit_chain($1) h on true`,
        params: [chain, e.clerkId, String(resultId), e.regionPath, after, GENESIS_HASH],
      },
    ];
  });
}
