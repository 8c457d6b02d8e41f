import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

/**
 * One election's first submission as the floor writes it: the rows the API writes for it,
 * snapshotted from the seed before the pool was reset (the result, its meetings and votes, the
 * revision), and what its audit entry needs.
 */
export interface FloorEntry {
  unitId: number;
  clerkId: number;
  regionPath: string;
  result: Record<string, unknown>;
  meetings: Record<string, unknown>[];
  votes: Record<string, unknown>[];
  revision: Record<string, unknown>;
}

export interface ResultPools {
  /** Submitted through the API by the village clerks. */
  api: ResultEntry[];
  /** Written by the result-entry floor (result-floor.ts), one pg transaction each. */
  floor: FloorEntry[];
}

export interface ResultEntry {
  unitId: number;
  /** The village clerk's bearer token: only village clerks (and guidance members) may enter results. */
  token: string;
  /** The SubmitResult variables, idempotency key left to the load generator. */
  sheet: unknown;
}

interface StoredMeeting {
  votes: { candidateId: number; votesFor: number; against?: number; abstain?: number }[];
  [field: string]: unknown;
}

/**
 * Elections of villages that voted, set back to "formal candidates published, nothing entered":
 * the demo's seeded results are deleted and their tally kept as the sheet the clerk submits, so
 * every request of the result-entry scenario is a first submission of a different election, on
 * the path the village app takes on election day. Units are taken in a scattered order, so the
 * requests spread over the counties (each county's audit chain is one lock). The clerks' sessions
 * are written as login writes them (a token's SHA-256): thousands of argon2 sign-ins would take
 * minutes; the demo users the other scenarios use do sign in through the API.
 */
export async function prepareResultPool(
  client: pg.Client,
  limit: number,
  /** The measured county: its results stay, for the result queue and the overview. */
  keepPath: string,
): Promise<ResultPools> {
  await client.query('begin');
  try {
    const { rows } = await client.query<{
      unitId: number;
      resultId: number;
      clerkId: number;
      sheet: { meetings: StoredMeeting[] };
      regionPath: string;
      result: Record<string, unknown>;
      meetings: Record<string, unknown>[];
      votes: Record<string, unknown>[];
      revision: Record<string, unknown>;
    }>(
      `select ue.id as "unitId", er.id as "resultId", u.id as "clerkId", rr.sheet,
              r.path as "regionPath", to_jsonb(er) as result, to_jsonb(rr) as revision,
              coalesce((select jsonb_agg(to_jsonb(em)) from election_meetings em
                        where em.result_id = er.id), '[]') as meetings,
              coalesce((select jsonb_agg(to_jsonb(mv)) from meeting_votes mv
                        join election_meetings em on em.id = mv.meeting_id
                        where em.result_id = er.id), '[]') as votes
       from election_results er
       join regions r on r.id = (select region_id from unit_elections where id = er.unit_election_id)
       join unit_elections ue on ue.id = er.unit_election_id
       join result_revisions rr on rr.result_id = er.id and rr.revision = 1
       join lateral (select id from users where region_id = ue.region_id and role = 'village_clerk'
                     order by id limit 1) u on true
       where r.path not like $2 || '%'
       order by md5(ue.id::text)
       limit $1`,
      [limit, keepPath],
    );
    const resultIds = rows.map((r) => r.resultId);
    await client.query(`delete from election_meetings where result_id = any($1)`, [resultIds]);
    await client.query(`delete from result_revisions where result_id = any($1)`, [resultIds]);
    await client.query(`delete from election_results where id = any($1)`, [resultIds]);

    const tokens = new Map<number, string>();
    for (const clerkId of new Set(rows.map((r) => r.clerkId))) {
      tokens.set(clerkId, randomBytes(32).toString('base64url'));
    }
    const clerkIds = [...tokens.keys()];
    await client.query(
      `insert into sessions (token_hash, user_id, app, expires_at)
       select h, u, 'village', now() + interval '1 day' from unnest($1::text[], $2::int[]) as s(h, u)`,
      [clerkIds.map((id) => sha256(tokens.get(id) ?? '')), clerkIds],
    );
    await client.query('commit');
    await client.query(
      'analyze election_results, election_meetings, meeting_votes, result_revisions, sessions',
    );
    const toApi = (r: (typeof rows)[number]): ResultEntry => ({
      unitId: r.unitId,
      token: tokens.get(r.clerkId) ?? '',
      sheet: {
        meetings: r.sheet.meetings.map((m) => ({
          ...m,
          votes: m.votes.map((v) => ({ ...v, candidateId: `Candidate:${String(v.candidateId)}` })),
        })),
      },
    });
    // one election in four to the API, the others to the floor (about ten times as fast: one
    // transaction of a few statements), interleaved so both face the same mix of counties and tracks
    return {
      api: rows.filter((_, i) => i % 4 === 0).map(toApi),
      floor: rows
        .filter((_, i) => i % 4 !== 0)
        .map((r) => ({
          unitId: r.unitId,
          clerkId: r.clerkId,
          regionPath: r.regionPath,
          result: r.result,
          meetings: r.meetings,
          votes: r.votes,
          revision: r.revision,
        })),
    };
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
