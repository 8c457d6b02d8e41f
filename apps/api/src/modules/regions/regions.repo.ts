import type { Db } from '@huanjie/db';
import { regions } from '@huanjie/db';
import type { RegionLevel } from '@huanjie/domain';
import { pathIds } from '@huanjie/domain';
import { inArray } from 'drizzle-orm';

export interface RegionCrumbRow {
  id: number;
  name: string;
  level: RegionLevel;
}

/** The regions on a path, from the root down, including the last one. */
export async function crumbsOnPath(db: Db, path: string): Promise<RegionCrumbRow[]> {
  const ids = pathIds(path);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: regions.id, name: regions.name, level: regions.level })
    .from(regions)
    .where(inArray(regions.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
