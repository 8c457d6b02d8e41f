import type { Db } from '@huanjie/db';
import { queryRows } from '@huanjie/db';
import { sql } from 'drizzle-orm';

/** What the village entered for a stage: its day and counts; null when nothing is entered. */
export async function stageEntry(db: Db, unitId: number, stageCode: string) {
  const [row] = await queryRows<{ done_date: string | null; counts: Record<string, number> }>(
    db,
    sql`select done_date::text as done_date, counts from stage_records
         where unit_election_id = ${unitId} and stage_code = ${stageCode}`,
  );
  return row ? { doneDate: row.done_date, counts: row.counts } : null;
}

/** The villager groups (村民小组 / 居民小组) of a village, in their order. */
export async function groupNames(db: Db, villageId: number): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select name from regions where parent_id = ${villageId} and level = 'group'
         order by sort_order, id`,
  );
  return rows.map((r) => r.name);
}
