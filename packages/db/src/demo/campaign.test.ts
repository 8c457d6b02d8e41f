import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, findStage, gatesOf, todayInChina } from '@huanjie/domain';
import type { Track } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { queryRows } from '../raw.js';
import { createTestDatabase } from '../testing.js';
import { seedDemo } from './seed.js';

describe('demo campaign', () => {
  let database: Database;
  const now = new Date('2026-11-22T04:00:00Z');
  const today = todayInChina(now);

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, { villages: 72, today: now });
  }, 120_000);
  afterAll(() => database.close());

  it('runs one campaign with township days around today', async () => {
    const [campaign] = await queryRows<{ status: string; day: string }>(
      database.db,
      sql`select status, election_day::text as day from campaigns`,
    );
    expect(campaign).toEqual({ status: 'running', day: addDays(today, 18) });
    const days = await queryRows<{ day: string }>(
      database.db,
      sql`select distinct day::text as day from unit_election_days order by 1`,
    );
    expect(days.map((d) => d.day)).toEqual([
      addDays(today, -4),
      addDays(today, 10),
      addDays(today, 18),
    ]);
  });

  it('spreads villages across stages: approved, waiting, returned, drafts', async () => {
    const rows = await queryRows<{ status: string; n: number }>(
      database.db,
      sql`select status, count(*)::int as n from stage_records group by status`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(by.approved).toBeGreaterThan(100);
    expect(by.submitted).toBeGreaterThan(0);
    expect(by.returned).toBeGreaterThan(0);
    expect(by.draft).toBeGreaterThan(0);
  });

  it('records no stage whose gate is not approved', async () => {
    const rows = await queryRows<{ regionId: number; track: Track; code: string; status: string }>(
      database.db,
      sql`select u.region_id as "regionId", u.track, s.stage_code as code, s.status
          from stage_records s join unit_elections u on u.id = s.unit_election_id`,
    );
    const approved = new Set(
      rows.filter((r) => r.status === 'approved').map((r) => `${r.regionId}.${r.track}.${r.code}`),
    );
    const tracks = new Map<number, Track[]>();
    for (const r of rows)
      tracks.set(r.regionId, [...new Set([...(tracks.get(r.regionId) ?? []), r.track])]);
    const units = await queryRows<{ regionId: number; track: Track }>(
      database.db,
      sql`select region_id as "regionId", track from unit_elections`,
    );
    for (const u of units)
      tracks.set(u.regionId, [...new Set([...(tracks.get(u.regionId) ?? []), u.track])]);
    for (const r of rows) {
      const gates = gatesOf(findStage(r.track, r.code)!, 'party_first', tracks.get(r.regionId)!);
      for (const g of gates)
        expect(approved.has(`${r.regionId}.${g.track}.${g.code}`), `${r.track}.${r.code}`).toBe(
          true,
        );
    }
  });

  it('has risk villages with reasons, and one village left out', async () => {
    const risks = await queryRows<{ level: string; reason: string }>(
      database.db,
      sql`select level, reason from village_risks`,
    );
    expect(risks.length).toBeGreaterThan(2);
    for (const r of risks) {
      expect(r.reason).not.toBe('');
    }
    const [excluded] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from campaign_exclusions`,
    );
    expect(excluded?.n).toBe(1);
  });
});
