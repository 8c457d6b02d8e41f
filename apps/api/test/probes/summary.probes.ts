import { queryRows } from '@huanjie/db';
import { isWithinAny } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { ensureCampaign } from '../guidance-fixtures.js';
import type { TestApi } from '../harness.js';
import { refusal, refusalType } from '../harness.js';
import { allows } from '../permissions.js';
import type { Caller, ProbeModule } from './types.js';

/** The county and both townships: a 工作总结 is drafted for a township or the county. */
const REGIONS = ['c', 't01', 't02'] as const;

/** The county's running campaign, the one the statistics count (latest election day first). */
async function campaignGid(api: TestApi): Promise<string> {
  await ensureCampaign(api);
  const [row] = await queryRows<{ id: number }>(
    api.database.db,
    sql`select id from campaigns where county_id = ${api.demo.countyId} and status = 'running'
        order by election_day desc, id desc limit 1`,
  );
  return `Campaign:${String(row!.id)}`;
}

async function narratives(api: TestApi): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    api.database.db,
    sql`select ((select count(*) from work_summary_narratives) + (select count(*) from audit_log))::int as n`,
  );
  return row?.n ?? 0;
}

const DRAFT = `query($c: ID!, $r: ID!) { workSummaryDraft(campaignId: $c, regionId: $r) {
  regionId regionName sections { heading paragraphs { kind key text } } } }`;
const SAVE = `mutation($c: ID!, $r: ID!) { saveWorkSummaryNarratives(campaignId: $c, regionId: $r,
  narratives: [{ key: "profile", text: "探针" }]) { __typename ... on WorkSummaryDraft { regionId } } }`;

export const summary: ProbeModule = {
  probes: {
    'Query.workSummaryDraft': async (api: TestApi, caller: Caller) => {
      const c = await campaignGid(api);
      for (const key of REGIONS) {
        const res = await api.gql(DRAFT, { c, r: api.regionGid(key) }, { token: caller.token });
        if (isWithinAny(api.demo.regionPaths.get(key)!, caller.scope)) {
          expect(res.errors, `${caller.username} drafts ${key}`).toBeUndefined();
        } else {
          expect(res.data, `${caller.username} must not draft ${key}`).toBeNull();
          expect(refusal(res)).toBe('refused');
        }
      }
    },
    'Mutation.saveWorkSummaryNarratives': async (api: TestApi, caller: Caller) => {
      const c = await campaignGid(api);
      for (const key of REGIONS) {
        const before = await narratives(api);
        const res = await api.gql<{ saveWorkSummaryNarratives: { __typename: string } }>(
          SAVE,
          { c, r: api.regionGid(key) },
          { token: caller.token },
        );
        expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
        const typename = res.data?.saveWorkSummaryNarratives.__typename;
        const inScope = isWithinAny(api.demo.regionPaths.get(key)!, caller.scope);
        if (inScope && allows(caller.role, 'summary.write')) {
          expect(typename, `${caller.username} saves ${key}`).toBe('WorkSummaryDraft');
        } else {
          expect(refusalType(typename), `${caller.username} must not save ${key}`).toBe('refused');
          expect(await narratives(api), `${caller.username} wrote to ${key}`).toBe(before);
        }
      }
    },
  },
  anonymousCalls: (api) => ({
    'Query.workSummaryDraft': `{ workSummaryDraft(campaignId: "Campaign:1", regionId: "${api.regionGid('c')}") { title } }`,
    'Mutation.saveWorkSummaryNarratives': `mutation { saveWorkSummaryNarratives(campaignId: "Campaign:1", regionId: "${api.regionGid('c')}", narratives: []) { __typename } }`,
  }),
};
