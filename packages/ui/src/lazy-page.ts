import { lazy, type ComponentType } from 'react';

/** A route's page loaded on demand: `lazyPage(() => import('./pages/x.js'), 'XPage')`. */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
