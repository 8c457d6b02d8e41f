import { checkRepresentatives, readRepresentativeRules } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { queryRows } from '../raw.js';
import { createTestDatabase } from '../testing.js';
import { seedDemo } from './seed.js';

describe('demo representatives and group leaders', () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, { villages: 36 });
  });
  afterAll(() => database.close());

  it('the villages whose committee result is in have representatives, every group led once', async () => {
    const villages = await queryRows<{
      id: number;
      households: number | null;
      reps: number;
      women: number;
      groups: number;
      leaders: number;
      led: number;
    }>(
      database.db,
      sql`select r.id, r.households,
          (select count(*)::int from village_representatives v where v.region_id = r.id) as reps,
          (select count(*)::int from village_representatives v where v.region_id = r.id and v.gender = 'female') as women,
          (select count(*)::int from regions g where g.parent_id = r.id and g.level = 'group') as groups,
          (select count(*)::int from villager_group_leaders l where l.region_id = r.id and l.post = 'leader') as leaders,
          (select count(distinct group_id)::int from villager_group_leaders l where l.region_id = r.id and l.post = 'leader') as led
        from regions r where exists (select 1 from village_representatives v where v.region_id = r.id)`,
    );
    expect(villages.length).toBeGreaterThan(0);
    for (const v of villages) {
      expect(v.leaders).toBe(v.groups);
      expect(v.led).toBe(v.groups);
    }
    // most villages pass the women's share, a few do not: the warning is there to see
    const rules = readRepresentativeRules();
    const short = villages.filter((v) =>
      checkRepresentatives(
        {
          households: v.households,
          groups: [],
          leaders: [],
          representatives: Array.from({ length: v.reps }, (_, i) => ({
            groupId: 0,
            gender: i < v.women ? ('female' as const) : ('male' as const),
            partyMember: false,
          })),
        },
        rules,
      ).some((f) => f.rule === 'representatives.women_share'),
    );
    expect(short.length).toBeLessThan(villages.length);
  });
});
