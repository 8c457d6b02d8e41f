export const REGION_LEVELS = ['county', 'township', 'village', 'community', 'group'] as const;
/** county > township > village | community > villager group (村民小组 / 居民小组). */
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABEL: Record<RegionLevel, { zh: string; en: string }> = {
  county: { zh: '县', en: 'County' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '行政村', en: 'Village' },
  community: { zh: '社区', en: 'Community' },
  group: { zh: '村(居)民小组', en: 'Villager group' },
};

const CHILD_LEVELS: Record<RegionLevel, readonly RegionLevel[]> = {
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
 */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? ''}${id}.`;
}

export function pathIds(path: string): number[] {
  return path
    .split('.')
    .filter((s) => s !== '')
    .map(Number);
}

/** True when the region at `path` is `root` itself or lies below it. */
export function isWithin(path: string, root: string): boolean {
  return root !== '' && path.startsWith(root);
}

/** True when `path` is within any of the roots. */
export function isWithinAny(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => isWithin(path, root));
}
