import type { Db } from '@huanjie/db';
import { auditLog, queryRows } from '@huanjie/db';
import { asc, sql } from 'drizzle-orm';

/**
 * Locks a county's chain until the transaction ends (appends to one chain take turns) and returns
 * its head. Requests cannot see the county's whole log under row-level security (the last entry
 * may be another township's), so a SECURITY DEFINER function does both and hands back only the
 * head's seq and hash (migration audit_chain_lock).
 */
export async function lockChainHead(tx: Db, chain: string) {
  const [row] = await queryRows<{ seq: number; hash: string }>(
    tx,
    sql`select seq, hash from huanjie_lock_audit_chain(${chain})`,
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

/** Every chain's newest entry (seq and hash only), whatever the connection's scope. */
export async function chainHeads(db: Db) {
  return queryRows<{ chain: string; seq: number; hash: string }>(
    db,
    sql`select chain, seq, hash from huanjie_audit_chain_heads()`,
  );
}
