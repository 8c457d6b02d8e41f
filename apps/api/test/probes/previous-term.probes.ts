import { auditLog, officeHolders } from '@huanjie/db';
import { PREVIOUS_TERM_COLUMNS, isWithinAny } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { ensureCampaign } from '../guidance-fixtures.js';
import type { TestApi } from '../harness.js';
import { refusal, refusalType } from '../harness.js';
import { allows } from '../permissions.js';
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

/** A sheet with one row naming a village no township has: a report, never a write. */
async function probeSheet(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('上届班子成员');
  sheet.addRow(PREVIOUS_TERM_COLUMNS.map((c) => c.header));
  sheet.addRow(['探针村', '党组织', '书记', '探针人']);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
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
        if (isWithinAny(path, caller.scope) && allows(caller.role, 'election.read')) {
          expect(res.errors, `${caller.username} reads ${key}`).toBeUndefined();
        } else {
          expect(res.data, `${caller.username} must not read ${key}`).toBeNull();
          expect(refusal(res)).toBe('refused');
        }
      }
    },
    'Query.previousTermTemplate': async (api, caller) => {
      for (const key of TOWNSHIPS) {
        const res = await api.gql<{ previousTermTemplate: { fileName: string } }>(
          'query($t: ID!) { previousTermTemplate(townshipId: $t) { fileName } }',
          { t: api.regionGid(key) },
          { token: caller.token },
        );
        const path = api.demo.regionPaths.get(key)!;
        if (isWithinAny(path, caller.scope) && allows(caller.role, 'election.read')) {
          expect(res.errors, `${caller.username} downloads ${key}`).toBeUndefined();
          expect(res.data?.previousTermTemplate.fileName).toMatch(/上届班子成员\.xlsx$/);
        } else {
          expect(res.data, `${caller.username} must not download ${key}`).toBeNull();
          expect(refusal(res)).toBe('refused');
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
              contentBase64: await probeSheet(),
            },
          },
          { token: caller.token },
        );
        expect(res.errors, `${caller.username} ${key}`).toBeUndefined();
        const path = api.demo.regionPaths.get(key)!;
        const typename = res.data?.importPreviousTerm.__typename;
        if (isWithinAny(path, caller.scope) && allows(caller.role, 'officeholder.import')) {
          expect(typename, `${caller.username} may import for ${key}`).toBe(
            'PreviousTermImportReport',
          );
          expect(res.data?.importPreviousTerm.committed).toBe(false);
        } else {
          expect(refusalType(typename), `${caller.username} must not import for ${key}`).toBe(
            'refused',
          );
        }
        expect(await written(api), `${caller.username} wrote for ${key}`).toEqual(before);
      }
    },
  },
  anonymousCalls: (api) => ({
    'Query.previousTermMembers': `{ previousTermMembers(townshipId: "${api.regionGid('t01')}") { campaignName } }`,
    'Query.previousTermTemplate': `{ previousTermTemplate(townshipId: "${api.regionGid('t01')}") { fileName } }`,
    'Mutation.importPreviousTerm': `mutation { importPreviousTerm(input: { campaignId: "Campaign:1", townshipId: "${api.regionGid('t01')}", contentBase64: "" }) { __typename } }`,
  }),
};
