import { createHash, createHmac } from 'node:crypto';
import type { Db } from '@huanjie/db';
import type { AuditAction } from '@huanjie/domain';
import { canonicalJson, pathIds } from '@huanjie/domain';
import type { Context } from '../../context.js';
import type { AnchorMap } from './audit-anchor.js';
import { auditChainKey } from './audit-key.js';
import * as repo from './audit.repo.js';

export interface AuditEntry {
  /** What happened, e.g. "campaign.create", "stage.submit": a code with a Chinese name (domain audit-words). */
  action: AuditAction;
  entityType: string;
  entityId: string | number;
  /** The region the changed data belongs to. */
  regionPath: string;
  before?: unknown;
  after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
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

/**
 * An entry's hash: HMAC-SHA256 under the audit chain key (AUDIT_CHAIN_KEY, not in the database)
 * over the previous entry's hash and the entry.
 */
export function entryHash(prevHash: string, fields: HashedFields, key = auditChainKey()): string {
  return createHmac('sha256', key).update(hashedText(prevHash, fields)).digest('hex');
}

/**
 * The unkeyed hash entries had before the chain was keyed; anyone can recompute it, so it is only
 * accepted for a chain's oldest entries, before its first keyed one.
 */
export function legacyEntryHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(hashedText(prevHash, fields)).digest('hex');
}

function hashedText(prevHash: string, fields: HashedFields): string {
  return `${prevHash}\n${canonicalJson({ ...fields, at: fields.at.toISOString() })}`;
}

/** The chain an entry belongs to: its county's path (a province's or city's own: its path). */
export function chainOf(regionPath: string): string {
  const county = pathIds(regionPath)[0];
  if (county === undefined && regionPath.endsWith('/')) return regionPath;
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
  | {
      ok: true;
      chains: number;
      entries: number;
      /** Entries hashed without the key (written before the chain was keyed). */
      unkeyedEntries: number;
    }
  | { ok: false; chain: string; seq: number; reason: string };

/**
 * Recomputes every hash; reports the first entry that was changed, inserted or removed. With
 * anchors (audit-anchor.ts), also reports a chain whose anchored heads are gone or differ.
 */
export async function verifyAuditChains(
  db: Db,
  anchors: AnchorMap = new Map(),
): Promise<ChainReport> {
  let entries = 0;
  let unkeyedEntries = 0;
  const chains = [...new Set([...(await repo.chainNames(db)), ...anchors.keys()])].sort();
  for (const chain of chains) {
    const report = await verifyAuditChain(db, chain, anchors.get(chain));
    if (!report.ok) return report;
    entries += report.entries;
    unkeyedEntries += report.unkeyedEntries;
  }
  return { ok: true, chains: chains.length, entries, unkeyedEntries };
}

/** Verifies one county's chain (chain = the county's path, e.g. "1."), against its anchors. */
export async function verifyAuditChain(
  db: Db,
  chain: string,
  anchors: ReadonlyMap<number, string> = new Map(),
): Promise<ChainReport> {
  const key = auditChainKey();
  let entries = 0;
  let unkeyedEntries = 0;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for await (const row of repo.chainEntries(db, chain)) {
    if (row.seq !== expectedSeq) {
      return { ok: false, chain, seq: expectedSeq, reason: `第${expectedSeq}条记录缺失` };
    }
    if (row.prevHash !== prevHash) {
      return { ok: false, chain, seq: row.seq, reason: `第${row.seq}条记录与前一条不相连` };
    }
    const fields: HashedFields = {
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
    };
    if (entryHash(prevHash, fields, key) !== row.hash) {
      const unkeyed = legacyEntryHash(prevHash, fields) === row.hash;
      if (!unkeyed || unkeyedEntries !== entries) {
        const reason = unkeyed
          ? `第${row.seq}条记录在带密钥的记录之后却没有密钥（被改写后重算）`
          : `第${row.seq}条记录内容被改动`;
        return { ok: false, chain, seq: row.seq, reason };
      }
      unkeyedEntries += 1;
    }
    const anchored = anchors.get(row.seq);
    if (anchored !== undefined && anchored !== row.hash) {
      return {
        ok: false,
        chain,
        seq: row.seq,
        reason: `第${row.seq}条记录与锚定的哈希不符（被改写后重算）`,
      };
    }
    prevHash = row.hash;
    expectedSeq += 1;
    entries += 1;
  }
  let lastAnchored = 0;
  for (const seq of anchors.keys()) lastAnchored = Math.max(lastAnchored, seq);
  if (lastAnchored >= expectedSeq) {
    return {
      ok: false,
      chain,
      seq: expectedSeq,
      reason: `已锚定到第${lastAnchored}条，数据库只到第${expectedSeq - 1}条（末尾记录被删除）`,
    };
  }
  return { ok: true, chains: entries > 0 ? 1 : 0, entries, unkeyedEntries };
}
