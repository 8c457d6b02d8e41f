import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { queryRows } from '../raw.js';
import { campaigns, ruleSets } from '../schema/index.js';
import { createTestDatabase } from '../testing.js';
import { generateDemoCounty } from './generate.js';
import { seedGuidance } from './guidance.js';
import type { InsertedDemoCounty } from './insert.js';
import { insertDemoCounty } from './insert.js';

describe('demo guidance teams', () => {
  let database: Database;
  let county: InsertedDemoCounty;

  beforeAll(async () => {
    database = await createTestDatabase();
    county = await insertDemoCounty(database.db, generateDemoCounty({ villages: 54 }));
  });
  afterAll(() => database.close());

  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(database.db, query))[0]?.n ?? -1;

  it('does nothing while the county has no campaign', async () => {
    await seedGuidance({ db: database.db, county, seed: 2026, today: new Date() });
    expect(await count(sql`select count(*)::int as n from guidance_teams`)).toBe(0);
  });

  it('builds teams for the campaign with deliberate problems in the first township', async () => {
    const [ruleSet] = await database.db
      .insert(ruleSets)
      .values({ countyId: county.countyId, name: 'r', values: {} })
      .returning({ id: ruleSets.id });
    const today = new Date('2026-05-10T02:00:00Z');
    const [campaign] = await database.db
      .insert(campaigns)
      .values({
        countyId: county.countyId,
        name: 'c',
        tracks: ['P', 'V'],
        termNumbers: {},
        electionDayPlan: 'county',
        electionDay: '2026-05-20',
        ordering: 'party_first',
        ruleSetId: ruleSet!.id,
        status: 'running',
        createdBy: county.userIds.get('county.admin')!,
      })
      .returning({ id: campaigns.id });
    await seedGuidance({ db: database.db, county, seed: 2026, today });

    const t01 = county.regionPaths.get('t01')!;
    const villagesWithoutTeam = await count(sql`
      select count(*)::int as n from regions r where r.path like ${`${t01}%`} and r.level in ('village', 'community')
        and not exists (select 1 from guidance_team_assignments a where a.region_id = r.id)`);
    expect(villagesWithoutTeam).toBe(1);
    const t02 = county.regionPaths.get('t02')!;
    expect(
      await count(sql`
      select count(*)::int as n from regions r where r.path like ${`${t02}%`} and r.level in ('village', 'community')
        and (select count(distinct m.cadre_id) from guidance_team_assignments a
             join guidance_team_members m on m.team_id = a.team_id where a.region_id = r.id) < 2`),
    ).toBe(0);

    const guide1Villages = await queryRows<{ path: string }>(
      database.db,
      sql`select distinct r.path from cadres c join guidance_team_members m on m.cadre_id = c.id
          join guidance_team_assignments a on a.team_id = m.team_id join regions r on r.id = a.region_id
          where c.user_id = ${county.userIds.get('town01.guide1')!} order by 1`,
    );
    expect(guide1Villages.map((r) => r.path)).toEqual([
      county.regionPaths.get('t01v001'),
      county.regionPaths.get('t01v002'),
    ]);

    const supervised = await count(sql`
      select count(distinct a.region_id)::int as n from guidance_team_assignments a
        join guidance_teams t on t.id = a.team_id where t.kind = 'supervision'`);
    expect(supervised).toBe(2);
    const t03 = county.regionIds.get('t03')!;
    expect(
      await count(sql`select count(*)::int as n from guidance_teams where region_id = ${t03}`),
    ).toBe(0);
    expect(await count(sql`select count(*)::int as n from cadres where region_id = ${t03}`)).toBe(
      0,
    );
    expect(
      await count(
        sql`select count(*)::int as n from cadres where user_id = ${county.userIds.get('county.supervisor')!}`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`select count(*)::int as n from daily_reports where campaign_id = ${campaign!.id}`,
      ),
    ).toBeGreaterThan(0);
  });
});
