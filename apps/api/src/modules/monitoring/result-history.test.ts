import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@huanjie/db';
import { sql } from 'drizzle-orm';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';

const HISTORY = `query($c: ID!, $r: ID) { campaignOverview(campaignId: $c, regionId: $r) {
  today
  resultHistory { days villages reported approved
    children { region { id name } villages reported approved } }
} }`;

interface History {
  days: string[];
  villages: number;
  reported: number[];
  approved: number[];
  children: {
    region: { id: string; name: string };
    villages: number;
    reported: number[];
    approved: number[];
  }[];
}

/** The county's progress line: villages with every result reported / approved, by day, from the records. */
describe('result history (the county overview’s progress over time)', () => {
  let api: TestApi;
  let leader: string;
  let campaignId: string;

  beforeAll(async () => {
    api = await startTestApi({ fullDemo: true, villages: 36 });
    leader = await api.login('county.leader', 'county');
    const res = await api.gql<{ campaigns: { id: string; status: string }[] }>(
      '{ campaigns { id status } }',
      {},
      { token: leader },
    );
    campaignId = res.data!.campaigns.find((c) => c.status === 'running')!.id;
  });
  afterAll(() => api.close());

  async function history(token: string, regionId?: string) {
    const res = await api.gql<{ campaignOverview: { today: string; resultHistory: History } }>(
      HISTORY,
      { c: campaignId, ...(regionId ? { r: regionId } : {}) },
      { token },
    );
    return res;
  }

  it('ends today at the villages whose results are all approved, as the records say, and adds up over townships', async () => {
    const res = await history(leader);
    expect(res.errors).toBeUndefined();
    const { today, resultHistory: h } = res.data!.campaignOverview;
    expect(h.days.at(-1)).toBe(today);
    expect(h.reported).toHaveLength(h.days.length);
    const [owner] = await queryRows<{ approved: number; reported: number; villages: number }>(
      api.database.db,
      sql`select count(*) filter (where approved)::int as approved, count(*) filter (where reported)::int as reported,
            count(*)::int as villages
          from (select u.region_id, bool_and(r.status = 'approved') as approved,
                  bool_and(r.status in ('submitted', 'approved')) as reported
                from unit_elections u join campaigns k on k.id = u.campaign_id and k.status = 'running'
                left join election_results r on r.unit_election_id = u.id
                group by u.region_id) v`,
    );
    // The demo reports results in the pilot township: a line of zeros would prove nothing.
    expect(owner!.approved).toBeGreaterThan(0);
    expect(h.approved.at(-1)).toBe(owner!.approved);
    expect(h.reported.at(-1)).toBe(owner!.reported);
    expect(h.villages).toBe(owner!.villages);
    expect(h.children.reduce((n, c) => n + c.villages, 0)).toBe(h.villages);
    h.days.forEach((_day, i) => {
      expect(h.children.reduce((n, c) => n + c.approved[i]!, 0)).toBe(h.approved[i]);
      expect(h.approved[i]).toBeLessThanOrEqual(h.reported[i]!);
      if (i > 0) expect(h.approved[i]).toBeGreaterThanOrEqual(h.approved[i - 1]!);
    });
    // It reaches back before today: results came in on earlier days.
    expect(h.approved[0]).toBeLessThan(h.approved.at(-1)!);
  });

  it('gives a township its own villages, and refuses it the county', async () => {
    const coordinator = await api.login('town01.coordinator', 'township');
    const own = await history(coordinator, api.regionGid('t01'));
    expect(own.errors).toBeUndefined();
    const h = own.data!.campaignOverview.resultHistory;
    expect(h.children.length).toBe(h.villages);
    const county = await history(coordinator, api.regionGid('c'));
    expect(county.data?.campaignOverview ?? null).toBeNull();
    expect(county.errors?.length).toBeGreaterThan(0);
  });
});
