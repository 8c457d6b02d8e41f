import type { InsertedDemoCounty } from './insert.js';

/**
 * Who works on a village's campaign: its own clerk enters and submits, the coordinator of its
 * township reviews. Keys as the generator makes them: village "t01v003", clerk "vil01003.clerk",
 * coordinator "town01.coordinator".
 */
export function villageActors(
  county: InsertedDemoCounty,
  villageKey: string,
): { clerk: number; coordinator: number } {
  const township = villageKey.slice(1, 3);
  return {
    clerk: userId(county, `vil${township}${villageKey.slice(4)}.clerk`),
    coordinator: userId(county, `town${township}.coordinator`),
  };
}

function userId(county: InsertedDemoCounty, username: string): number {
  const id = county.userIds.get(username);
  if (id === undefined) throw new Error(`demo: no user ${username}`);
  return id;
}
