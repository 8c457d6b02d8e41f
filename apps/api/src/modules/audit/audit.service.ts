import { createHash } from 'node:crypto';
import type { Db } from '@huanjie/db';
import { canonicalJson, pathIds } from '@huanjie/domain';
import type { Context } from '../../context.js';
import * as repo from './audit.repo.js';

export interface AuditEntry {
  /** What happened, e.g. "campaign.create", "stage.submit". */
  action: string;
  entityType: string;
  entityId: string | number;
  /** The region the changed data belongs to. */
  regionPath: string;
  before?: unknown;
  after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

interface HashedFields {
  chain: string;
  seq: number;
  at: Date;
  userId: number | null;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string;
  regionPath: string;
  before: unknown;
  after: unknown;
}

export function entryHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ ...fields, at: fields.at.toISOString() }))
    .digest('hex');
}

/** The chain an entry belongs to: its county's path. */
export function chainOf(regionPath: string): string {
  const county = pathIds(regionPath)[0];
  if (county === undefined) throw new Error(`audit entry without a region: "${regionPath}"`);
  return `${county}.`;
}

/**
 * Appends an entry to its county's chain. Call it inside the transaction that makes the change,
 * as late as possible: it holds the chain's lock until that transaction ends.
 */
export async function recordAudit(
  tx: Db,
  by: Pick<Context, 'actor' | 'clock'>,
  entry: AuditEntry,
): Promise<void> {
  const { actor } = by;
  const chain = chainOf(entry.regionPath);
  const last = await repo.lockChainHead(tx, chain);
  const fields: HashedFields = {
    chain,
    seq: (last?.seq ?? 0) + 1,
    at: by.clock.now(),
    userId: actor?.userId ?? null,
    role: actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    regionPath: entry.regionPath,
    // Stored as jsonb; normalised here so the hash is computed over what is read back.
    before: normalise(entry.before),
    after: normalise(entry.after),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await repo.insertEntry(tx, { ...fields, prevHash, hash: entryHash(prevHash, fields) });
}

function normalise(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(canonicalJson(value)) as unknown);
}

export type ChainReport =
  | { ok: true; chains: number; entries: number }
  | { ok: false; chain: string; seq: number; reason: string };

/** Recomputes every hash; reports the first entry that was changed, inserted or removed. */
export async function verifyAuditChains(db: Db): Promise<ChainReport> {
  let entries = 0;
  const chains = await repo.chainNames(db);
  for (const chain of chains) {
    const report = await verifyAuditChain(db, chain);
    if (!report.ok) return report;
    entries += report.entries;
  }
  return { ok: true, chains: chains.length, entries };
}

/** Verifies one county's chain (chain = the county's path, e.g. "1."). */
export async function verifyAuditChain(db: Db, chain: string): Promise<ChainReport> {
  let entries = 0;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for await (const row of repo.chainEntries(db, chain)) {
    if (row.seq !== expectedSeq) {
      return { ok: false, chain, seq: expectedSeq, reason: `第${expectedSeq}条记录缺失` };
    }
    if (row.prevHash !== prevHash) {
      return { ok: false, chain, seq: row.seq, reason: `第${row.seq}条记录与前一条不相连` };
    }
    const recomputed = entryHash(prevHash, {
      chain: row.chain,
      seq: row.seq,
      at: row.at,
      userId: row.userId,
      role: row.role,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      regionPath: row.regionPath,
      before: row.before,
      after: row.after,
    });
    if (recomputed !== row.hash) {
      return { ok: false, chain, seq: row.seq, reason: `第${row.seq}条记录内容被改动` };
    }
    prevHash = row.hash;
    expectedSeq += 1;
    entries += 1;
  }
  return { ok: true, chains: entries > 0 ? 1 : 0, entries };
}
