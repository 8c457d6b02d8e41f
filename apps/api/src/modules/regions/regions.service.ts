import type { Db } from '@huanjie/db';
import { regions } from '@huanjie/db';
import type { Actor } from '@huanjie/domain';
import { can } from '@huanjie/domain';
import { eq } from 'drizzle-orm';
import { ForbiddenError, NotFoundError } from '../../graphql/errors.js';

/** Throws NOT_FOUND or FORBIDDEN unless the actor may read the region. */
export async function authorizeRegionRead(db: Db, actor: Actor, regionId: number): Promise<void> {
  const [region] = await db
    .select({ path: regions.path })
    .from(regions)
    .where(eq(regions.id, regionId));
  if (!region) throw new NotFoundError('该区划不存在或无权查看');
  if (!can(actor, 'region.read', { regionPath: region.path })) {
    throw new ForbiddenError('无权查看该区划');
  }
}

export const MAX_SEARCH_RESULTS = 50;

export function normalizeSearch(text: string): string {
  return text.trim().slice(0, 40);
}
