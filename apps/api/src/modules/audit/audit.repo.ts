import type { Db } from '@huanjie/db';
import { auditLog, queryRows } from '@huanjie/db';
import { asc, sql } from 'drizzle-orm';

export async function lockChain(tx: Db, chain: string): Promise<void> {
  // Serializes appends to one county's chain until the transaction ends.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${chain}`}))`);
}

/**
 * The head of a county's chain. Requests cannot see the county's whole log under row-level
 * security (the last entry may be another township's), so a SECURITY DEFINER function reads it and
 * hands back only its seq and hash.
 */
export async function lastOfChain(tx: Db, chain: string) {
  const [row] = await queryRows<{ seq: number; hash: string }>(
    tx,
    sql`select seq, hash from huanjie_audit_chain_head(${chain})`,
  );
  return row;
}

export async function insertEntry(tx: Db, values: typeof auditLog.$inferInsert): Promise<void> {
  await tx.insert(auditLog).values(values);
}

export async function chainNames(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ chain: auditLog.chain }).from(auditLog);
  return rows.map((r) => r.chain);
}

export async function* chainEntries(db: Db, chain: string, pageSize = 5000) {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.chain} = ${chain} and ${auditLog.seq} > ${after}`)
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]?.seq ?? after;
  }
}
