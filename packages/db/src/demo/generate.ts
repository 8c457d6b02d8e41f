import type { RegionLevel, Role } from '@huanjie/domain';
import {
  CHINESE_NUMERALS,
  COMMUNITY_NAMES,
  TOWNSHIP_NAMES,
  VILLAGE_PREFIXES,
  VILLAGE_SUFFIXES,
  ZONE_NAMES,
  personName,
} from './names.js';
import type { Random } from './random.js';
import { createRandom } from './random.js';

export interface DemoRegion {
  key: string;
  parentKey: string | null;
  level: RegionLevel;
  name: string;
  code: string;
  zoneKey: string | null;
  households: number | null;
  population: number | null;
  sortOrder: number;
}

export interface DemoZone {
  key: string;
  townshipKey: string;
  name: string;
  headName: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  regionKey: string;
  phone: string;
}

export interface DemoCounty {
  seed: number;
  regions: DemoRegion[];
  zones: DemoZone[];
  users: DemoUser[];
}

export interface DemoOptions {
  seed?: number;
  /** Villages and communities in all; ~18 per township. The default county has 216. */
  villages?: number;
  countyName?: string;
  /** Six digits; each county of one database needs its own, since codes are unique. */
  countyCode?: string;
}

export const DEMO_PASSWORD = 'Huanjie@2026';

/** A realistic county, the same for the same options: pure data, written by insertDemoCounty. */
export function generateDemoCounty(options: DemoOptions = {}): DemoCounty {
  const seed = options.seed ?? 2026;
  const villageTotal = options.villages ?? 216;
  const random = createRandom(seed);
  // People's genders come from a stream of their own, so the places stay what the seed made them.
  const genders = createRandom(seed + 1);
  const someone = () => personName(random, genders.chance(0.3) ? 'female' : 'male');
  const countyCode = options.countyCode ?? '530923';
  const county: DemoRegion = region(
    'c',
    null,
    'county',
    options.countyName ?? '云岭县',
    countyCode,
    0,
  );
  const regions: DemoRegion[] = [county];
  const zones: DemoZone[] = [];
  const users: DemoUser[] = [
    user(random, someone(), 'county.admin', 'county_admin', 'c'),
    user(random, someone(), 'county.leader', 'county_leader', 'c'),
    user(random, someone(), 'county.supervisor', 'county_supervisor', 'c'),
  ];

  const townshipCount = Math.max(1, Math.round(villageTotal / 18));
  const perTownship = splitEvenly(villageTotal, townshipCount);
  perTownship.forEach((villageCount, t) => {
    const tn = pad(t + 1, 2);
    const tKey = `t${tn}`;
    const baseName = TOWNSHIP_NAMES[t % TOWNSHIP_NAMES.length] ?? '新镇';
    const name =
      t < TOWNSHIP_NAMES.length
        ? baseName
        : `${baseName.slice(0, -1)}${Math.floor(t / TOWNSHIP_NAMES.length) + 1}${baseName.slice(-1)}`;
    const isUrban = name.endsWith('街道') || name === '城关镇';
    regions.push(region(tKey, 'c', 'township', name, `${countyCode}${pad(100 + t + 1, 3)}`, t));
    users.push(user(random, someone(), `town${tn}.coordinator`, 'township_coordinator', tKey));
    users.push(user(random, someone(), `town${tn}.guide1`, 'guidance_member', tKey));
    users.push(user(random, someone(), `town${tn}.guide2`, 'guidance_member', tKey));

    const zoneCount = villageCount >= 12 ? random.int(2, 4) : 0;
    const zoneKeys = ZONE_NAMES.slice(0, zoneCount).map((zoneName, z) => {
      const key = `${tKey}z${z + 1}`;
      zones.push({ key, townshipKey: tKey, name: zoneName, headName: someone() });
      return key;
    });

    const communityCount = isUrban ? Math.ceil(villageCount * 0.6) : random.chance(0.4) ? 1 : 0;
    const used = new Set<string>();
    for (let v = 0; v < villageCount; v++) {
      const vn = pad(v + 1, 3);
      const vKey = `${tKey}v${vn}`;
      const isCommunity = v < communityCount;
      const vName = isCommunity
        ? uniqueName(used, () => random.pick(COMMUNITY_NAMES), v)
        : uniqueName(used, () => random.pick(VILLAGE_PREFIXES) + random.pick(VILLAGE_SUFFIXES), v);
      const households = isCommunity ? random.int(800, 3500) : random.int(180, 900);
      regions.push({
        key: vKey,
        parentKey: tKey,
        level: isCommunity ? 'community' : 'village',
        name: vName,
        code: `${countyCode}${pad(100 + t + 1, 3)}${pad((isCommunity ? 0 : 200) + v + 1, 3)}`,
        zoneKey: zoneKeys.length > 0 ? (zoneKeys[v % zoneKeys.length] ?? null) : null,
        households,
        population: Math.round(households * (3 + random.next())),
        sortOrder: v,
      });
      users.push(user(random, someone(), `vil${tn}${vn}.clerk`, 'village_clerk', vKey));

      const groupCount = isCommunity ? random.int(3, 8) : random.int(4, 12);
      for (let g = 0; g < groupCount; g++) {
        const numeral = CHINESE_NUMERALS[g] ?? String(g + 1);
        regions.push(
          region(
            `${vKey}g${g + 1}`,
            vKey,
            'group',
            `第${numeral}${isCommunity ? '居民' : '村民'}小组`,
            `${countyCode}${pad(100 + t + 1, 3)}${pad((isCommunity ? 0 : 200) + v + 1, 3)}${pad(g + 1, 2)}`,
            g,
          ),
        );
      }
    }
  });
  return { seed, regions, zones, users };
}

function region(
  key: string,
  parentKey: string | null,
  level: RegionLevel,
  name: string,
  code: string,
  sortOrder: number,
): DemoRegion {
  return {
    key,
    parentKey,
    level,
    name,
    code,
    zoneKey: null,
    households: null,
    population: null,
    sortOrder,
  };
}

function user(
  random: Random,
  displayName: string,
  username: string,
  role: Role,
  regionKey: string,
): DemoUser {
  return {
    username,
    displayName,
    role,
    regionKey,
    phone: `1${random.pick(['38', '39', '58', '59', '87', '88'])}${pad(random.int(0, 99_999_999), 8)}`,
  };
}

function uniqueName(used: Set<string>, make: () => string, index: number): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = make();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `${make().slice(0, -1)}${index + 1}${make().slice(-1)}`;
  used.add(name);
  return name;
}

function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total % parts ? 1 : 0));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
