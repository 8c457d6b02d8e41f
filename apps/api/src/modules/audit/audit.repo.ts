import type { Db } from '@huanjie/db';
import { auditLog } from '@huanjie/db';
import { asc, desc, eq, sql } from 'drizzle-orm';

export async function lockChain(tx: Db, chain: string): Promise<void> {
  // Serializes appends to one county's chain until the transaction ends.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit:${chain}`}))`);
}

export async function lastOfChain(tx: Db, chain: string) {
  const [row] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.chain, chain))
    .orderBy(desc(auditLog.seq))
    .limit(1);
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
