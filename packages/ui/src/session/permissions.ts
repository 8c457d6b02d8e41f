import { useMe } from '@huanjie/client';
import type { Action, Actor, Role } from '@huanjie/domain';
import { baseScopeRoots, can } from '@huanjie/domain';
import { useCallback } from 'react';

/** Stands for the signed-in user's home region: only containment matters to the policy. */
const HOME = '0.';

/**
 * Whether a user of `role` may take `action` across their home region, by the domain's policy
 * (can()), the same one the API enforces. A county supervisor reads only the townships assigned
 * to them, so county-wide screens (the county's guidance board) are not theirs; `anywhere` asks
 * whether the role may take the action at all (inside an assigned region).
 */
export function mayAtHome(role: Role, action: Action, anywhere = false): boolean {
  const actor: Actor = {
    userId: 0,
    role,
    homeRegionId: 0,
    homePath: HOME,
    scopeRoots: anywhere ? [HOME] : baseScopeRoots(role, HOME),
  };
  return can(actor, action, { regionPath: HOME });
}

/**
 * `can(action)`: the signed-in user may take the action across their home region; `can(action,
 * true)`: somewhere in their scope. False until the user is known, so nothing is offered early.
 */
export function useCan(): { can: (action: Action, anywhere?: boolean) => boolean; ready: boolean } {
  const { me } = useMe();
  const role = me?.role ?? null;
  const check = useCallback(
    (action: Action, anywhere = false) => role !== null && mayAtHome(role, action, anywhere),
    [role],
  );
  return { can: check, ready: role !== null };
}
