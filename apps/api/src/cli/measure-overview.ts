import {
  DEMO_PASSWORD,
  generateDemoCounty,
  insertDemoCounty,
  seedCampaign,
} from '@huanjie/db/demo';
import { createTestDatabase } from '@huanjie/db/testing';
import { startServer } from '../server.js';

/**
 * `tsx src/cli/measure-overview.ts [villages]`: seeds a fresh demo county (216 villages by default)
 * with its running campaign (the campaign demo step), then times the county overview query over HTTP as the county leader
 * sees it (days to election, totals, per-township progress, funnel, overdue list, risk villages).
 * PGlite in memory by default; a throwaway PostgreSQL database when DATABASE_URL is set.
 */
const villages = Number(process.argv[2] ?? 216);
const database = await createTestDatabase();
const seeded = performance.now();
// Only the campaign step: the overview reads nothing the other modules' demo steps write.
const county = await insertDemoCounty(database.db, generateDemoCounty({ villages }));
await seedCampaign({ db: database.db, county, seed: 2026, today: new Date() });
process.stdout.write(
  `seeded ${villages} villages in ${((performance.now() - seeded) / 1000).toFixed(1)}s (${database.driver})\n`,
);
// HUANJIE_ROW_LEVEL_SECURITY=1 measures with row-level security on, as the server would run it.
const rowLevelSecurity = ['1', 'true'].includes(process.env.HUANJIE_ROW_LEVEL_SECURITY ?? '');
const server = await startServer({ database, rowLevelSecurity }, { port: 0, host: '127.0.0.1' });
const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: Record<string, unknown>; errors?: unknown };
};
const login = await gql(
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p, app: county) { ... on LoginSuccess { token } } }',
  { u: 'county.leader', p: DEMO_PASSWORD },
);
const token = (login.data.login as { token: string }).token;
const campaigns = await gql('{ campaigns { id } }', {}, token);
const campaignId = (campaigns.data.campaigns as { id: string }[])[0]?.id;
const OVERVIEW = `query($c: ID!) { campaignOverview(campaignId: $c) {
  daysToElection firstElectionDay lastElectionDay
  totals { villages done inProgress overdue blocked notStarted }
  children { region { id name } counts { villages done inProgress overdue blocked notStarted } keyRisk difficultRisk }
  funnel { track units stages { stageCode total approved submitted inProgress overdue blocked notStarted } }
  overdue(limit: 500) { total items { village { name } townshipName track stageCode stageName daysOverdue } }
  riskVillages { village { name } level reason progress } } }`;
const times: number[] = [];
let last;
for (let i = 0; i < 7; i++) {
  const started = performance.now();
  last = await gql(OVERVIEW, { c: campaignId }, token);
  times.push(performance.now() - started);
}
if (last?.errors) throw new Error(JSON.stringify(last.errors));
const overview = last?.data.campaignOverview as { totals: unknown; overdue: { total: number } };
const sorted = [...times.slice(2)].sort((a, b) => a - b);
process.stdout.write(
  `county overview (${villages} villages${rowLevelSecurity ? ', row-level security' : ''}): first ${times[0]?.toFixed(0)} ms, median of 5 warm ${sorted[2]?.toFixed(0)} ms; totals ${JSON.stringify(overview.totals)}, overdue stages ${overview.overdue.total}\n`,
);
if (process.env.MEASURE_DETAIL) {
  for (const item of (last?.data.campaignOverview as { overdue: { items: unknown[] } }).overdue
    .items) {
    process.stdout.write(`overdue ${JSON.stringify(item)}\n`);
  }
  const funnel = (
    last?.data.campaignOverview as {
      funnel: {
        track: string;
        stages: { stageCode: string; overdue: number; total: number; approved: number }[];
      }[];
    }
  ).funnel;
  for (const f of funnel) {
    process.stdout.write(
      `${f.track}: ${f.stages.map((s) => `${s.stageCode} ${s.approved}/${s.total} overdue ${s.overdue}`).join(', ')}\n`,
    );
  }
}
await server.stop();
await database.close();
