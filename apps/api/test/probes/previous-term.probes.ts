import { auditLog, officeHolders } from '@huanjie/db';
import { isWithinAny, roleAllows } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { ensureCampaign } from '../guidance-fixtures.js';
import type { TestApi } from '../harness.js';
import { errorCodes } from '../harness.js';
import type { ProbeModule } from './types.js';

/** The previous term (上届班子成员): each township read and imported only by those whose scope holds it. */
const TOWNSHIPS = ['t01', 't02'] as const;

async function written(api: TestApi) {
  const db = api.database.db;
  const [holders] = await db.select({ n: sql<number>`count(*)::int` }).from(officeHolders);
  const [audits] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(sql`${auditLog.action} = 'officeholder.import'`);
  return [holders?.n, audits?.n];
}

export const previousTerm: ProbeModule = {
  probes: {
    'Query.previousTermMembers': async (api, caller) => {
      await ensureCampaign(api);
      for (const key of TOWNSHIPS) {
        const res = await api.gql(
          'query($t: ID!) { previousTermMembers(townshipId: $t) { campaignName members { village { id } person { id } } } }',
          { t: api.regionGid(key) },
          { token: caller.token },
        );
        const path = api.demo.regionPaths.get(key)!;
        if (isWithinAny(path, caller.scope) && roleAllows(caller.role, 'election.read')) {
          expect(res.errors, `${caller.username} reads ${key}`).toBeUndefined();
        } else {
          expect(res.data, `${caller.username} must not read ${key}`).toBeNull();
          expect(errorCodes(res)).toEqual(['FORBIDDEN']);
        }
      }
    },
    'Mutation.importPreviousTerm': async (api, caller) => {
      const campaignId = await ensureCampaign(api);
      for (const key of TOWNSHIPS) {
        const before = await written(api);
        const res = await api.gql<{
          importPreviousTerm: { __typename: string; committed?: boolean };
        }>(
          `mutation($i: ImportPreviousTermInput!) { importPreviousTerm(input: $i) {
            __typename ... on PreviousTermImportReport { committed } } }`,
          {
            i: {
              campaignId: `Campaign:${String(campaignId)}`,
              townshipId: api.regionGid(key),
              rows: [{ village: '探针村', body: '党组织', post: '书记', name: '探针人' }],
            },
          },
          { token: caller.token },
        );
        expect(res.errors, `${caller.username} ${key}`).toBeUndefined();
        const path = api.demo.regionPaths.get(key)!;
        const typename = res.data?.importPreviousTerm.__typename;
        if (isWithinAny(path, caller.scope) && roleAllows(caller.role, 'officeholder.import')) {
          expect(typename, `${caller.username} may import for ${key}`).toBe(
            'PreviousTermImportReport',
          );
          expect(res.data?.importPreviousTerm.committed).toBe(false);
        } else {
          expect(typename, `${caller.username} must not import for ${key}`).toBe('ForbiddenError');
        }
        expect(await written(api), `${caller.username} wrote for ${key}`).toEqual(before);
      }
    },
  },
  anonymousCalls: (api) => ({
    'Query.previousTermMembers': `{ previousTermMembers(townshipId: "${api.regionGid('t01')}") { campaignName } }`,
    'Mutation.importPreviousTerm': `mutation { importPreviousTerm(input: { campaignId: "Campaign:1", townshipId: "${api.regionGid('t01')}", rows: [] }) { __typename } }`,
  }),
};
