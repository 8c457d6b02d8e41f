import type pg from 'pg';
import { pathIds } from '@huanjie/domain';
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
/** The columns an insert may set, per table of a result submission. */
export async function writableColumns(client: pg.Client) {
  const { rows } = await client.query<{ table_name: string; columns: string[] }>(
    `select table_name, array_agg(column_name::text order by ordinal_position) as columns
     from information_schema.columns
     where table_schema = 'public' and is_generated = 'NEVER'
       and table_name in ('election_results', 'election_meetings', 'meeting_votes', 'result_revisions')
     group by table_name`,
  );
  const of = (name: string) => rows.find((r) => r.table_name === name)?.columns ?? [];
  return {
    election_results: of('election_results'),
    election_meetings: of('election_meetings'),
    meeting_votes: of('meeting_votes'),
    result_revisions: of('result_revisions'),
  };
}

export function resultFloorTransactions(
  entries: FloorEntry[],
  runTag: string,
  /** Each table's writable columns (generated ones left out: PostgreSQL computes them). */
  columns: Record<
    'election_results' | 'election_meetings' | 'meeting_votes' | 'result_revisions',
    string[]
  >,
): SqlStatement[][] {
  const insert = (table: keyof typeof columns, many: boolean) => {
    const list = columns[table].map((c) => `"${c}"`).join(', ');
    const from = many ? 'jsonb_populate_recordset' : 'jsonb_populate_record';
    return `insert into ${table} (${list}) overriding system value
            select ${list} from ${from}(null::${table}, $1::jsonb)`;
  };
  return entries.map((e, i) => {
    const resultId = Number(e.result.id);
    // the county's chain, as the API's chainOf names it (a county under a province is "<p>/<c>/<county>.")
    const chain = `${String(pathIds(e.regionPath)[0])}.`;
    const after = JSON.stringify({ status: 'submitted', revision: 1, sheet: e.revision.sheet });
    return [
      {
        sql: insert('election_results', false),
        params: [JSON.stringify(e.result)],
      },
      {
        sql: insert('election_meetings', true),
        params: [JSON.stringify(e.meetings)],
      },
      {
        sql: insert('meeting_votes', true),
        params: [JSON.stringify(e.votes)],
      },
      {
        sql: insert('result_revisions', false),
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
