export const REGION_LEVELS = [
  'province',
  'city',
  'county',
  'township',
  'village',
  'community',
  'group',
] as const;
/**
 * province (省) > city (市/州) > county > township > village | community > villager group
 * (村民小组 / 居民小组). A county may also stand alone at the root (an installation for one county).
 */
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The levels above the county: their users read the counties below them. */
export const UPPER_LEVELS = ['province', 'city'] as const;
export type UpperLevel = (typeof UPPER_LEVELS)[number];
/** The levels of a county's own tree, the county included. */
export type CountyTreeLevel = Exclude<RegionLevel, UpperLevel>;

export function isUpperLevel(level: RegionLevel): level is UpperLevel {
  return level === 'province' || level === 'city';
}

export const REGION_LEVEL_LABEL: Record<RegionLevel, { zh: string; en: string }> = {
  province: { zh: '省', en: 'Province' },
  city: { zh: '市(州)', en: 'City' },
  county: { zh: '县', en: 'County' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '行政村', en: 'Village' },
  community: { zh: '社区', en: 'Community' },
  group: { zh: '村(居)民小组', en: 'Villager group' },
};

const CHILD_LEVELS: Record<RegionLevel, readonly RegionLevel[]> = {
  province: ['city'],
  city: ['county'],
  county: ['township'],
  township: ['village', 'community'],
  village: ['group'],
  community: ['group'],
  group: [],
};

export function canBeChildOf(child: RegionLevel, parent: RegionLevel): boolean {
  return CHILD_LEVELS[parent].includes(child);
}

/** Villages and communities: the units that hold an election. */
export function isVillageLevel(level: RegionLevel): boolean {
  return level === 'village' || level === 'community';
}

/**
 * Regions are stored with a materialized path of ids, each followed by a dot: the county 1 is
 * "1.", its township 4 is "1.4.", a village under it "1.4.37.". "Everything under X" is then a
 * prefix match, which one btree index (text_pattern_ops) answers.
 *
 * A province or city is followed by a slash instead: the province 90 is "90/", its city 91
 * "90/91/", a county under it "90/91/1.", its township "90/91/1.4.". The prefix match still
 * finds everything under a province, and the part after the last slash keeps its meaning for
 * every county-level reader: its first id is the county (pathIds).
 */
export function childPath(parentPath: string | null, id: number, level?: RegionLevel): string {
  return `${parentPath ?? ''}${String(id)}${level !== undefined && isUpperLevel(level) ? '/' : '.'}`;
}

/** The ids of the county's own tree on a path, from the county down (none for a province or city). */
export function pathIds(path: string): number[] {
  return path
    .slice(path.lastIndexOf('/') + 1)
    .split('.')
    .filter((s) => s !== '')
    .map(Number);
}

/**
 * The path of the county a path lies in, its province and city included: "90/91/1." for
 * "90/91/1.4.17.", "1." for "1.4." (a county with nothing above it); undefined above the county.
 */
export function countyPathIn(path: string): string | undefined {
  const upper = path.slice(0, path.lastIndexOf('/') + 1);
  const county = pathIds(path)[0];
  return county === undefined ? undefined : `${upper}${String(county)}.`;
}

/** The path of a region's parent within the county's tree: "90/91/1.4." for "90/91/1.4.17.". */
export function parentPathIn(path: string): string {
  const last = pathIds(path).at(-1);
  return last === undefined ? path : path.slice(0, path.length - `${String(last)}.`.length);
}

/** Every id on a path, from the root down, the province and city included. */
export function allPathIds(path: string): number[] {
  return path
    .split(/[./]/)
    .filter((s) => s !== '')
    .map(Number);
}

/** The id of the region a path ends with. */
export function lastPathId(path: string): number | undefined {
  return allPathIds(path).at(-1);
}

/** True when the region at `path` is `root` itself or lies below it. */
export function isWithin(path: string, root: string): boolean {
  return root !== '' && path.startsWith(root);
}

/** True when `path` is within any of the roots. */
export function isWithinAny(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => isWithin(path, root));
}

/** 乡, 镇 or 街道: what the civil affairs list calls a township. */
export const TOWNSHIP_KINDS = ['xiang', 'zhen', 'jiedao'] as const;
export type TownshipKind = (typeof TOWNSHIP_KINDS)[number];

export const TOWNSHIP_KIND_LABEL: Record<TownshipKind, string> = {
  xiang: '乡',
  zhen: '镇',
  jiedao: '街道',
};

/** A row's 类型 as the civil affairs list writes it. */
export interface RegionKind {
  level: Exclude<CountyTreeLevel, 'county'>;
  townshipKind: TownshipKind | null;
}

const KIND_WORDS: Record<string, RegionKind> = {
  乡: { level: 'township', townshipKind: 'xiang' },
  民族乡: { level: 'township', townshipKind: 'xiang' },
  镇: { level: 'township', townshipKind: 'zhen' },
  街道: { level: 'township', townshipKind: 'jiedao' },
  街道办事处: { level: 'township', townshipKind: 'jiedao' },
  行政村: { level: 'village', townshipKind: null },
  村: { level: 'village', townshipKind: null },
  村委会: { level: 'village', townshipKind: null },
  社区: { level: 'community', townshipKind: null },
  居委会: { level: 'community', townshipKind: null },
  村民小组: { level: 'group', townshipKind: null },
  居民小组: { level: 'group', townshipKind: null },
};

/** The kinds a region file's 类型 column offers (the template's drop-down). */
export const REGION_KIND_WORDS = ['乡', '镇', '街道', '行政村', '社区', '村民小组'] as const;

/** Reads a 类型 cell (乡 / 镇 / 街道; 行政村 / 社区; 村民小组); null when it names none. */
export function parseRegionKind(text: string): RegionKind | null {
  return KIND_WORDS[text.replace(/\s/g, '')] ?? null;
}

/** What to call a region's kind: 镇 rather than 乡镇 when the list said so. */
export function regionKindLabel(level: RegionLevel, townshipKind: TownshipKind | null): string {
  if (level === 'township' && townshipKind) return TOWNSHIP_KIND_LABEL[townshipKind];
  if (level === 'group') return '村民小组';
  return REGION_LEVEL_LABEL[level].zh;
}

/** 统计用区划代码: twelve digits. */
export function isDivisionCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}

/**
 * A stored code in its twelve-digit form: older rows keep the short codes of their level
 * (530923 for a county, 530923101 for a township), which the list writes padded with zeros.
 */
export function divisionCode12(code: string): string {
  return code.length < 12 ? code.padEnd(12, '0') : code;
}
