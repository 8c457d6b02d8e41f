import { createDb, hashPassword, migrate } from '@huanjie/db';
import { DEMO_PASSWORD, demoAbove, seedDemo } from '@huanjie/db/demo';
import type { ScalePlan } from './scales.js';
import { withClient } from './bench-database.js';

export interface SeededScale {
  villages: number;
  counties: number;
  seedSeconds: number;
  /** The county the overview, township list and sign-ins use: the first, with the plain demo logins. */
  county: { id: number; path: string };
  campaignId: number;
  /** Its first township (voted already, so its list carries the most records). */
  township: { id: number; path: string; coordinator: string };
  /** A village clerk of that township, signed in through the login mutation. */
  clerk: string;
}

/**
 * Migrates the bench database and seeds the demo counties of the scale, one after another; the
 * first county keeps the demo's logins (county.admin, town01.coordinator, vil01001.clerk), the
 * others get a username prefix (c02.county.admin …). One password hash serves every account.
 */
export async function seedScale(
  url: string,
  plan: ScalePlan,
  progress: (line: string) => void,
): Promise<SeededScale> {
  const database = await createDb({ url, poolSize: 2 });
  const started = performance.now();
  try {
    await migrate(database);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const counties = plan.counties + plan.resultEntryCounties;
    for (let i = 0; i < counties; i++) {
      await seedDemo(database.db, {
        seed: 2026 + i,
        villages: plan.villagesPerCounty,
        ...(i === 0
          ? {}
          : {
              countyCode: `531${String(i).padStart(3, '0')}`,
              countyName: `示范${i + 1}县`,
              // every other county under one second city of the demo's province (shared, not re-created)
              above: { ...demoAbove('531000'), city: { name: '示范市', code: '531000000000' } },
            }),
        usernamePrefix: i === 0 ? '' : `c${String(i + 1).padStart(2, '0')}.`,
        passwordHash,
        townshipsVoted: i < plan.counties ? plan.townshipsVoted : 1,
      });
      if ((i + 1) % 10 === 0 || i + 1 === counties) {
        progress(`  seeded ${i + 1}/${counties} counties (${elapsed(started)} s)`);
      }
    }
  } finally {
    await database.close();
  }
  return withClient(url, async (c) => {
    await c.query('vacuum analyze');
    const seedSeconds = Number(elapsed(started));
    const one = async <T>(text: string, params: unknown[] = []): Promise<T> => {
      const { rows } = await c.query(text, params);
      if (!rows[0]) throw new Error(`bench seed: nothing for ${text}`);
      return rows[0] as T;
    };
    const { villages } = await one<{ villages: number }>(
      `select count(*)::int as villages from regions where level in ('village', 'community')`,
    );
    const county = await one<{ id: number; path: string }>(
      `select r.id, r.path from regions r join users u on u.region_id = r.id
       where u.username = 'county.admin'`,
    );
    const { campaignId } = await one<{ campaignId: number }>(
      `select id as "campaignId" from campaigns where county_id = $1 and status = 'running'`,
      [county.id],
    );
    const township = await one<{ id: number; path: string; coordinator: string }>(
      `select r.id, r.path, u.username as coordinator from regions r
       join users u on u.region_id = r.id and u.role = 'township_coordinator'
       where r.parent_id = $1 order by r.sort_order, r.id limit 1`,
      [county.id],
    );
    const { clerk } = await one<{ clerk: string }>(
      `select u.username as clerk from users u join regions v on v.id = u.region_id
       where v.parent_id = $1 and u.role = 'village_clerk' order by v.sort_order, v.id limit 1`,
      [township.id],
    );
    return {
      villages,
      counties: plan.counties,
      seedSeconds,
      county,
      campaignId,
      township,
      clerk,
    };
  });
}

function elapsed(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
