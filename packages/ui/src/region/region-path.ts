import type { RegionLevel } from '@huanjie/domain';

export function regionPath(id: string): string {
  return `/regions/${encodeURIComponent(id)}`;
}

export interface Crumb {
  id: string;
  name: string;
  level: RegionLevel;
  /** False above the user's roots: the API refuses those regions, so they are shown as text. */
  browsable: boolean;
}

/** The breadcrumb of a region, from the county down to its parent. */
export function scopedCrumbs(
  ancestors: readonly { id: string; name: string; level: RegionLevel }[],
  selfId: string,
  rootIds: readonly string[],
): Crumb[] {
  const chain = [...ancestors.map((a) => a.id), selfId];
  const firstRoot = chain.findIndex((id) => rootIds.includes(id));
  return ancestors.map((a, i) => ({ ...a, browsable: firstRoot !== -1 && i >= firstRoot }));
}
