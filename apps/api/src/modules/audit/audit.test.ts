import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@huanjie/db';
import { auditLog } from '@huanjie/db';
import { createTestDatabase } from '@huanjie/db/testing';
import type { Actor } from '@huanjie/domain';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { systemClock } from '../../shared/clock.js';
import { createAnchorWriter, readAnchors } from './audit-anchor.js';
import type { HashedFields } from './audit.service.js';
import { GENESIS_HASH, legacyEntryHash, recordAudit, verifyAuditChains } from './audit.service.js';

const actor: Actor = {
  userId: 7,
  role: 'village_clerk',
  homeRegionId: 3,
  homePath: '1.2.3.',
  scopeRoots: ['1.2.3.'],
};

describe('audit chain', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 5; i++) {
      await database.db.transaction(async (tx) => {
        await recordAudit(
          tx,
          { actor, clock: systemClock },
          {
            action: 'stage.submit',
            entityType: 'stage',
            entityId: i,
            regionPath: '1.2.3.',
            before: null,
            after: { registered: 1200 + i, note: '选民登记', nested: { b: 2, a: 1 } },
          },
        );
      });
    }
    await recordAudit(
      database.db,
      { actor: null, clock: systemClock },
      {
        action: 'campaign.create',
        entityType: 'region',
        entityId: 9,
        regionPath: '50.51.',
        after: { name: '另一个县的乡镇' },
      },
    );
  });
  afterAll(() => database.close());

  it('verifies an untouched log, one chain per county', async () => {
    expect(await verifyAuditChains(database.db)).toEqual({
      ok: true,
      chains: 2,
      entries: 6,
      unkeyedEntries: 0,
    });
  });

  it('detects an edited row, naming the entry', async () => {
    await database.db
      .update(auditLog)
      .set({ after: sql`jsonb_set(after, '{registered}', '9999')` })
      .where(and(eq(auditLog.chain, '1.'), eq(auditLog.seq, 3)));
    expect(await verifyAuditChains(database.db)).toMatchObject({ ok: false, chain: '1.', seq: 3 });
  });

  it('detects a deleted row', async () => {
    const other = await createTestDatabase();
    try {
      for (let i = 0; i < 3; i++) {
        await recordAudit(
          other.db,
          { actor, clock: systemClock },
          {
            action: 'campaign.update',
            entityType: 'y',
            entityId: i,
            regionPath: '1.2.',
          },
        );
      }
      await other.db.delete(auditLog).where(eq(auditLog.seq, 2));
      expect(await verifyAuditChains(other.db)).toMatchObject({ ok: false, seq: 2 });
    } finally {
      await other.close();
    }
  });
});

async function appendEntries(database: Database, count: number, regionPath = '1.2.') {
  for (let i = 0; i < count; i++) {
    await recordAudit(
      database.db,
      { actor, clock: systemClock },
      { action: 'campaign.update', entityType: 'y', entityId: i, regionPath, after: { i } },
    );
  }
}

/**
 * What a database writer can do without the key: change entry `fromSeq` of chain "1." (or only
 * recompute from there) and recompute every hash after it with the old, unkeyed function.
 */
async function rehashForward(database: Database, fromSeq: number, edit?: unknown) {
  const rows = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.chain, '1.'), gt(auditLog.seq, fromSeq - 1)))
    .orderBy(asc(auditLog.seq));
  let prevHash = rows[0]!.prevHash;
  for (const row of rows) {
    const after = row.seq === fromSeq && edit !== undefined ? edit : row.after;
    const { chain, seq, at, userId, role, action, entityType, entityId, regionPath, before } = row;
    const fields: HashedFields = {
      chain,
      seq,
      at,
      userId,
      role,
      action,
      entityType,
      entityId,
      regionPath,
      before,
      after,
    };
    const hash = legacyEntryHash(prevHash, fields);
    await database.db
      .update(auditLog)
      .set({ after, prevHash, hash })
      .where(and(eq(auditLog.chain, '1.'), eq(auditLog.seq, row.seq)));
    prevHash = hash;
  }
}

describe('audit chain against a database writer', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'huanjie-audit-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('detects an entry rewritten and the chain recomputed after it without the key', async () => {
    const database = await createTestDatabase();
    try {
      await appendEntries(database, 5);
      await rehashForward(database, 3, { i: 999 });
      expect(await verifyAuditChains(database.db)).toMatchObject({
        ok: false,
        chain: '1.',
        seq: 3,
      });
    } finally {
      await database.close();
    }
  });

  it('detects a whole chain recomputed without the key, against its anchors', async () => {
    const database = await createTestDatabase();
    try {
      await appendEntries(database, 4);
      const file = join(dir, 'rewrite.jsonl');
      await createAnchorWriter(database.db, file)();
      await rehashForward(database, 1, { i: 999 });
      expect(await verifyAuditChains(database.db, await readAnchors(file))).toMatchObject({
        ok: false,
        chain: '1.',
        seq: 4,
      });
    } finally {
      await database.close();
    }
  });

  it('detects the newest entries deleted, against the anchors; the untouched log passes', async () => {
    const database = await createTestDatabase();
    try {
      await appendEntries(database, 3);
      await appendEntries(database, 2, '50.51.');
      const file = join(dir, 'truncate.jsonl');
      const anchorHeads = createAnchorWriter(database.db, file);
      expect(await anchorHeads()).toBe(2);
      await appendEntries(database, 2);
      expect(await anchorHeads()).toBe(1);
      expect(await anchorHeads()).toBe(0);
      expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(3);

      const anchors = await readAnchors(file);
      expect(await verifyAuditChains(database.db, anchors)).toEqual({
        ok: true,
        chains: 2,
        entries: 7,
        unkeyedEntries: 0,
      });

      await database.db.delete(auditLog).where(and(eq(auditLog.chain, '1.'), gt(auditLog.seq, 3)));
      // The remaining chain is intact in itself: only the anchor shows what is missing.
      expect(await verifyAuditChains(database.db)).toMatchObject({ ok: true });
      expect(await verifyAuditChains(database.db, anchors)).toMatchObject({
        ok: false,
        chain: '1.',
        seq: 4,
      });

      await database.db.delete(auditLog).where(eq(auditLog.chain, '50.'));
      expect(await verifyAuditChains(database.db, anchors)).toMatchObject({
        ok: false,
        chain: '1.',
      });
      anchors.delete('1.');
      expect(await verifyAuditChains(database.db, anchors)).toMatchObject({
        ok: false,
        chain: '50.',
        seq: 1,
      });
    } finally {
      await database.close();
    }
  });

  it('accepts unkeyed entries written before the chain was keyed, and only those', async () => {
    const database = await createTestDatabase();
    try {
      await appendEntries(database, 3);
      await rehashForward(database, 1); // as the entries were before the key
      await appendEntries(database, 2);
      expect(await verifyAuditChains(database.db)).toEqual({
        ok: true,
        chains: 1,
        entries: 5,
        unkeyedEntries: 3,
      });
      await rehashForward(database, 5, { i: 999 });
      expect(await verifyAuditChains(database.db)).toMatchObject({ ok: false, seq: 5 });
    } finally {
      await database.close();
    }
  });

  it('rejects an anchor file that is not one', async () => {
    const file = join(dir, 'bad.jsonl');
    await writeFile(file, `{"chain":"1.","seq":1,"hash":"${GENESIS_HASH}"}\nnonsense\n`);
    await expect(readAnchors(file)).rejects.toThrow(/bad.jsonl:2/);
    await writeFile(file, `{"chain":"1.","seq":1,"hash":"${GENESIS_HASH}"}\n{"chain":"1.`);
    expect((await readAnchors(file)).get('1.')?.get(1)).toBe(GENESIS_HASH);
  });
});
