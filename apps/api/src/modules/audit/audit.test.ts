import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@huanjie/db';
import { auditLog } from '@huanjie/db';
import { createTestDatabase } from '@huanjie/db/testing';
import type { Actor } from '@huanjie/domain';
import { and, eq, sql } from 'drizzle-orm';
import { systemClock } from '../../shared/clock.js';
import { recordAudit, verifyAuditChains } from './audit.service.js';

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
        action: 'region.create',
        entityType: 'region',
        entityId: 9,
        regionPath: '50.51.',
        after: { name: '另一个县的乡镇' },
      },
    );
  });
  afterAll(() => database.close());

  it('verifies an untouched log, one chain per county', async () => {
    expect(await verifyAuditChains(database.db)).toEqual({ ok: true, chains: 2, entries: 6 });
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
            action: 'x',
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
