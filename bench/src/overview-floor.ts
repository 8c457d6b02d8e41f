import { PgDialect } from 'drizzle-orm/pg-core';
import { overviewStatement } from '../../apps/api/src/modules/monitoring/monitoring.repo.js';

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/**
 * The floor for the county overview: everything the overview page shows (per-township progress
 * and risk counts, the funnel, the overdue stages with their total, the risk villages, the
 * election-day range) as the ONE statement the API itself runs (monitoring.repo.ts
 * overviewStatement), sent straight through `pg` — what the API costs on top of the database is
 * the distance to this floor.
 */
export function countyOverviewFloor(campaignId: number, root: string, today: string): SqlQuery {
  return new PgDialect().sqlToQuery(overviewStatement(campaignId, root, today, null));
}
