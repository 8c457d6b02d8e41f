import type { Db } from '@huanjie/db';
import type { Action, Actor, RegionId } from '@huanjie/domain';
import { can, countyPathIn, pathIds } from '@huanjie/domain';
import type { Context } from '../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.js';
import type { RegionRef } from './scope.repo.js';
import * as repo from './scope.repo.js';

export type { RegionRef, VillageRef } from './scope.repo.js';
export { findRegion, findZone, villagesUnder } from './scope.repo.js';

/** The signed-in actor; the root types require a session, so a missing one is a bug. */
export function actorOf(ctx: Pick<Context, 'actor'>): Actor {
  if (!ctx.actor) throw new Error('unreachable: the root type requires a session');
  return ctx.actor;
}

/** FORBIDDEN unless the policy lets the actor do this in the region. */
export function authorize(
  actor: Actor,
  action: Action,
  regionPath: string,
  message?: string,
): void {
  if (!can(actor, action, { regionPath })) throw new ForbiddenError(message);
}

export async function requireRegion(db: Db, id: RegionId): Promise<RegionRef> {
  const region = await repo.findRegion(db, id);
  if (!region) throw new NotFoundError('该区划不存在或无权查看');
  return region;
}

/** The county a region lies in; a province or city lies in none (a typed refusal, not a crash). */
export function countyIdOf(path: string): number {
  const id = pathIds(path)[0];
  if (id === undefined) {
    throw new ValidationError('请选择县或县以下的区划', [
      { path: ['regionId'], message: '省、市(州)一级没有这项内容，请选择其下的县' },
    ]);
  }
  return id;
}

/** "12." for anything in county 12 ("90/91/12." when the county sits under a province and city). */
export function countyPathOf(path: string): string {
  countyIdOf(path);
  return countyPathIn(path) ?? '';
}
