import { childPath } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { hashPassword } from '../passwords.js';
import { queryRows } from '../raw.js';
import { regions } from '../schema/regions.js';
import { users } from '../schema/users.js';
import { zones } from '../schema/zones.js';
import type { DemoCounty } from './generate.js';
import { DEMO_PASSWORD } from './generate.js';

export interface InsertedDemoCounty {
  countyId: number;
  /** Region id by the generator's key (e.g. "t01v003"). */
  regionIds: Map<string, number>;
  regionPaths: Map<string, string>;
  userIds: Map<string, number>;
}

const CHUNK = 2000;

/** A province (省) and city (市/州) to put a demo county under, with their admins and leaders. */
export interface DemoAbove {
  province: { name: string; code: string };
  city: { name: string; code: string };
}

/** The demo's province and city users (issue 12, "Above the county"), keyed as userIds keys them. */
const ABOVE_USERS = [
  {
    username: 'province.admin',
    displayName: '省换届办管理员',
    role: 'province_admin',
    at: 'province',
  },
  { username: 'province.leader', displayName: '省领导', role: 'province_leader', at: 'province' },
  { username: 'city.admin', displayName: '市换届办管理员', role: 'city_admin', at: 'city' },
  { username: 'city.leader', displayName: '市领导', role: 'city_leader', at: 'city' },
] as const;

/** Writes a generated county in one transaction; ids come from the sequences, so many counties can share a database. */
export async function insertDemoCounty(
  db: Db,
  county: DemoCounty,
  options: {
    passwordHash?: string;
    /**
     * Prepended to every username, so several demo counties can share one database (usernames are
     * unique); userIds stays keyed by the unprefixed name ("county.admin").
     */
    usernamePrefix?: string;
    /** A province and city above the county: their regions (keys "province", "city") and users. */
    above?: DemoAbove;
  } = {},
): Promise<InsertedDemoCounty> {
  const above = options.above;
  const prefix = options.usernamePrefix ?? '';
  // One hash for every demo account keeps seeding fast; real accounts each get their own.
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  return db.transaction(async (tx) => {
    const idRows = await queryRows<{ id: number }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('regions', 'id'))::int as id from generate_series(1, ${county.regions.length + (above ? 2 : 0)})`,
    );
    const regionIds = new Map<string, number>();
    const regionPaths = new Map<string, string>();
    // A province or city another demo county already put in place (same code) is shared, with its
    // users; the rest take the last two ids, so the county keeps the id it has alone.
    const existing = above
      ? await queryRows<{ id: number; path: string; code: string }>(
          tx,
          sql`select id, path, code from regions
              where code in (${above.province.code}, ${above.city.code}) and level in ('province', 'city')`,
        )
      : [];
    const found = (code: string) => existing.find((r) => r.code === code);
    const upper = above
      ? {
          provinceId: found(above.province.code)?.id ?? idRows[county.regions.length]?.id ?? 0,
          cityId: found(above.city.code)?.id ?? idRows[county.regions.length + 1]?.id ?? 0,
          newProvince: !found(above.province.code),
          newCity: !found(above.city.code),
        }
      : null;
    if (above && upper) {
      const provincePath =
        found(above.province.code)?.path ?? childPath(null, upper.provinceId, 'province');
      regionIds.set('province', upper.provinceId);
      regionPaths.set('province', provincePath);
      regionIds.set('city', upper.cityId);
      regionPaths.set(
        'city',
        found(above.city.code)?.path ?? childPath(provincePath, upper.cityId, 'city'),
      );
    }
    county.regions.forEach((r, i) => {
      const id = idRows[i]?.id;
      if (id === undefined) throw new Error('sequence returned too few ids');
      regionIds.set(r.key, id);
      const parentKey = r.parentKey ?? (upper ? 'city' : null);
      const parentPath = parentKey === null ? null : (regionPaths.get(parentKey) ?? null);
      regionPaths.set(r.key, childPath(parentPath, id));
    });

    const zoneIds = new Map<string, number>();
    if (county.zones.length > 0) {
      const inserted = await tx
        .insert(zones)
        .values(
          county.zones.map((z) => ({
            townshipId: mustGet(regionIds, z.townshipKey),
            name: z.name,
            headName: z.headName,
          })),
        )
        .returning({ id: zones.id, townshipId: zones.townshipId, name: zones.name });
      const idOf = new Map(inserted.map((z) => [`${z.townshipId}/${z.name}`, z.id]));
      for (const z of county.zones) {
        zoneIds.set(z.key, mustGet(idOf, `${mustGet(regionIds, z.townshipKey)}/${z.name}`));
      }
    }

    if (above && upper) {
      const upperRows = [
        ...(upper.newProvince
          ? [
              {
                id: upper.provinceId,
                parentId: null,
                level: 'province' as const,
                name: above.province.name,
                code: above.province.code,
                path: mustGet(regionPaths, 'province'),
              },
            ]
          : []),
        ...(upper.newCity
          ? [
              {
                id: upper.cityId,
                parentId: upper.provinceId,
                level: 'city' as const,
                name: above.city.name,
                code: above.city.code,
                path: mustGet(regionPaths, 'city'),
              },
            ]
          : []),
      ];
      if (upperRows.length > 0) await tx.insert(regions).values(upperRows);
    }
    const rows = county.regions.map((r) => ({
      id: mustGet(regionIds, r.key),
      parentId:
        r.parentKey === null ? (upper ? upper.cityId : null) : mustGet(regionIds, r.parentKey),
      level: r.level,
      name: r.name,
      code: r.code,
      path: mustGet(regionPaths, r.key),
      zoneId: r.zoneKey === null ? null : mustGet(zoneIds, r.zoneKey),
      households: r.households,
      population: r.population,
      sortOrder: r.sortOrder,
    }));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx.insert(regions).values(rows.slice(i, i + CHUNK));
    }

    const userIds = new Map<string, number>();
    const allUsers = [
      ...(above && upper
        ? ABOVE_USERS.filter((u) => (u.at === 'province' ? upper.newProvince : upper.newCity)).map(
            (u) => ({
              username: u.username,
              displayName: u.displayName,
              phone: '',
              role: u.role,
              regionKey: u.at,
            }),
          )
        : []),
      ...county.users,
    ];
    for (let i = 0; i < allUsers.length; i += CHUNK) {
      const chunk = allUsers.slice(i, i + CHUNK);
      const inserted = await tx
        .insert(users)
        .values(
          chunk.map((u) => ({
            username: `${prefix}${u.username}`,
            passwordHash,
            displayName: u.displayName,
            phone: u.phone,
            role: u.role,
            regionId: mustGet(regionIds, u.regionKey),
          })),
        )
        .returning({ id: users.id, username: users.username });
      for (const row of inserted) userIds.set(row.username.slice(prefix.length), row.id);
    }
    return { countyId: mustGet(regionIds, 'c'), regionIds, regionPaths, userIds };
  });
}

function mustGet<K, V>(map: Map<K, V | undefined>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data refers to a missing key: ${String(key)}`);
  return value;
}
