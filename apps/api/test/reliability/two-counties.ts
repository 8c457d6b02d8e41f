import type { Db } from '@huanjie/db';
import { queryRows } from '@huanjie/db';
import type { Role } from '@huanjie/domain';
import type { InsertedDemoCounty } from '@huanjie/db/demo';
import { seedDemo } from '@huanjie/db/demo';
import { sql } from 'drizzle-orm';
import type { TestApi } from '../harness.js';
import { startTestApi } from '../harness.js';

/** Usernames of the second county's demo users start with this. */
export const SECOND_COUNTY_PREFIX = 'b.';

/**
 * The full demo county (campaign in progress, teams, results) under its demo province and city, and
 * a second full demo county under another province and city in the same database, so every role
 * (province and city ones too) also has a region outside its scope. The second county's
 * users carry the prefix "b." (b.county.admin, b.town01.coordinator, …).
 */
export async function startTwoCountyApi(
  villages = 54,
  secondVillages = 36,
): Promise<TestApi & { second: InsertedDemoCounty }> {
  // 54 villages make three townships: the demo leaves the last one without teams, so the first two
  // both have guidance members with villages.
  const api = await startTestApi({ fullDemo: true, villages });
  const second = await seedDemo(api.database.db, {
    villages: secondVillages,
    seed: 4711,
    countyCode: '530924',
    countyName: '彩云县',
    usernamePrefix: SECOND_COUNTY_PREFIX,
    // in another province and city, so province and city roles also have a region outside their scope
    above: {
      province: { name: '彩云省', code: '540000000000' },
      city: { name: '彩云市', code: '540100000000' },
    },
  });
  const counties = await queryRows<{ n: number }>(
    api.database.db,
    sql`select count(*)::int as n from regions where level = 'county'`,
  );
  if (counties[0]?.n !== 2) throw new Error('expected two counties');
  return Object.assign(api, { second });
}

/**
 * What a user may read, from the tables (its region, or its guidance teams' assignments), not from
 * the API's rules: the yardstick the scope matrices hold the API to.
 */
export async function scopeFromTables(db: Db, username: string, role: Role): Promise<string[]> {
  if (role === 'guidance_member' || role === 'county_supervisor') {
    const rows = await queryRows<{ path: string | null }>(
      db,
      sql`select distinct coalesce(r.path, zv.path) as path
          from users u
          join cadres cd on cd.user_id = u.id
          join guidance_team_members m on m.cadre_id = cd.id
          join guidance_team_assignments a on a.team_id = m.team_id
          left join regions r on r.id = a.region_id
          left join regions zv on zv.zone_id = a.zone_id
          where u.username = ${username}
          order by 1`,
    );
    return rows.map((r) => r.path).filter((p): p is string => p !== null);
  }
  const rows = await queryRows<{ path: string }>(
    db,
    sql`select r.path from users u join regions r on r.id = u.region_id where u.username = ${username}`,
  );
  return rows.map((r) => r.path);
}
