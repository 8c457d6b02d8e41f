import type { RegionId, RegionLevel } from '@huanjie/domain';
import { can } from '@huanjie/domain';
import type { Context } from '../../context.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { actorOf, requireRegion } from '../../shared/scope.js';
import { hasControlChars } from '../../shared/text.js';
import type { RegionCrumbRow, RegionSelection } from './regions.repo.js';
import * as repo from './regions.repo.js';

export type { RegionCrumbRow } from './regions.repo.js';
export { figureOf, villageCountOf } from './regions.repo.js';

const MAX_SEARCH_RESULTS = 50;

/** A region in the caller's scope: NOT_FOUND when it does not exist, FORBIDDEN outside the scope. */
export async function region(ctx: Context, selection: RegionSelection, id: RegionId) {
  const { path } = await requireRegion(ctx.db, id);
  if (!can(actorOf(ctx), 'region.read', { regionPath: path })) {
    throw new ForbiddenError('无权查看该区划');
  }
  const row = await repo.findRegion(ctx.db, selection, id);
  if (!row) throw new NotFoundError('该区划不存在或无权查看');
  return row;
}

/** Regions in the caller's scope whose name contains the text (at most MAX_SEARCH_RESULTS). */
export async function searchRegions(
  ctx: Context,
  selection: RegionSelection,
  search: { text: string; level: RegionLevel | null; first: number | null },
) {
  const { scopeRoots } = actorOf(ctx);
  const text = search.text.trim().slice(0, 40);
  // a name holds no control or invisible characters: such a search matches nothing
  if (text === '' || hasControlChars(text) || scopeRoots.length === 0) return [];
  const limit = Math.min(Math.max(search.first ?? 20, 1), MAX_SEARCH_RESULTS);
  return repo.searchRegions(ctx.db, selection, {
    text,
    roots: scopeRoots,
    level: search.level,
    limit,
  });
}

/** The roots of what the caller may browse (the home region; a guidance member's villages). */
export async function myRegions(ctx: Context, selection: RegionSelection) {
  const { scopeRoots } = actorOf(ctx);
  return scopeRoots.length === 0 ? [] : repo.regionsAtPaths(ctx.db, selection, scopeRoots);
}

/** The breadcrumb from the county down to the parent of a region. */
export async function ancestors(ctx: Context, path: string): Promise<RegionCrumbRow[]> {
  return (await repo.crumbsOnPath(ctx.db, path)).slice(0, -1);
}

/** A region named by id (a merged village's successor), or null when the caller cannot see it. */
export async function crumbOf(ctx: Context, id: number): Promise<RegionCrumbRow | null> {
  return (await repo.crumbsById(ctx.db, [id]))[0] ?? null;
}
