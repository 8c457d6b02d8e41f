import type { Db } from '@huanjie/db';
import { regions, users } from '@huanjie/db';
import type { Action } from '@huanjie/domain';
import { ROLES, roleAllows } from '@huanjie/domain';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { ForbiddenError } from './errors.js';

/**
 * Whether an enabled user other than `userId` may take `action` on the region at `regionPath`.
 * The roles that review (township coordinators) reach their home region's subtree, so a user
 * whose home path is a prefix of the region's path is one.
 */
export async function hasOtherReviewer(
  db: Db,
  action: Action,
  regionPath: string,
  userId: number,
): Promise<boolean> {
  const roles = ROLES.filter((role) => roleAllows(role, action));
  if (roles.length === 0) return false;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(
      and(
        inArray(users.role, roles),
        eq(users.disabled, false),
        ne(users.id, userId),
        sql`starts_with(${regionPath}, ${regions.path})`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Four eyes on a review: whoever entered or submitted a record does not approve or return it while
 * someone else may. Where nobody else may (a township with a single coordinator) the review goes
 * ahead and is marked self-reviewed, so the county sees it. Returns that mark.
 */
export async function assertNotOwnReview(
  db: Db,
  review: { action: Action; regionPath: string; reviewerId: number },
  authors: readonly (number | null)[],
): Promise<boolean> {
  if (!authors.includes(review.reviewerId)) return false;
  if (await hasOtherReviewer(db, review.action, review.regionPath, review.reviewerId)) {
    throw new ForbiddenError('本人录入或上报的记录须由其他有审核权限的人员审核');
  }
  return true;
}
