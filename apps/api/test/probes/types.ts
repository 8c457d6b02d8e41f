import type { Role } from '@huanjie/domain';
import type { TestApi } from '../harness.js';

export interface Caller {
  username: string;
  role: Role;
  token: string;
  /** What this caller may read, computed here independently of the API's own rules. */
  scope: string[];
}

/** Asserts that the caller gets and changes nothing outside its scope through one root field. */
export type Probe = (api: TestApi, caller: Caller, everyone: Caller[]) => Promise<void>;

export interface ProbeModule {
  /** One probe per root field, keyed "Query.field" or "Mutation.field". */
  probes: Record<string, Probe>;
  /** The same root fields, each called without a session (must answer UNAUTHENTICATED). */
  anonymousCalls: (api: TestApi) => Record<string, string>;
}

export function pathOfGid(api: TestApi, gid: string): string {
  const id = Number(gid.split(':')[1]);
  for (const [key, regionId] of api.demo.regionIds) {
    if (regionId === id) return api.demo.regionPaths.get(key)!;
  }
  throw new Error(`unknown region ${gid}`);
}

/** Region ids found anywhere in a response (objects with an id "Region:n" and children). */
export function collectRegionIds(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectRegionIds(v, into));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && record.id.startsWith('Region:') && 'children' in record) {
      into.push(record.id);
    }
    Object.values(record).forEach((v) => collectRegionIds(v, into));
  }
  return into;
}
