import type { Db } from '../client.js';
import type { DemoOptions } from './generate.js';
import { generateDemoCounty } from './generate.js';
import { seedCampaign } from './campaign.js';
import { seedCases } from './cases.js';
import { seedFollowUp } from './follow-up.js';
import { seedRepresentatives } from './representatives.js';
import { seedGuidance } from './guidance.js';
import type { DemoAbove } from './insert.js';
import { insertDemoCounty } from './insert.js';
import { seedResults } from './results.js';
import { seedRiskPlans } from './risk-plans.js';

import type { DemoContext } from './context.js';

export type { DemoContext };

/**
 * Each module adds its demo data (campaign in progress, guidance teams, results) as a step here,
 * run in order after the county itself.
 */
const STEPS: { name: string; run: (ctx: DemoContext) => Promise<void> }[] = [
  { name: 'campaign', run: seedCampaign },
  // guidance teams need the campaign: keep this after the campaign step
  { name: 'guidance', run: seedGuidance },
  // candidates and results need the campaign and its election days: keep this after the campaign step
  { name: 'results', run: seedResults },
  // complaints and reports on villages with guidance teams (and candidates): after both
  { name: 'cases', run: seedCases },
  // 一村一策 plans of risk villages, owned by roster cadres: after the campaign and guidance steps
  { name: 'risk-plans', run: seedRiskPlans },
  // the handover checklist behind the track F stage records (and the exit talks): after results
  { name: 'follow-up', run: seedFollowUp },
  // representatives and group leaders of the villages whose committee result is in: after results
  { name: 'representatives', run: seedRepresentatives },
];

export interface SeedOptions extends DemoOptions {
  today?: Date;
  townshipsVoted?: number;
  /** See insertDemoCounty: one hash shared by many seeded counties, and usernames kept apart. */
  passwordHash?: string;
  usernamePrefix?: string;
  /**
   * The province and city above the county (issue 12): by default 演示省 and 演示市, with codes
   * taken from the county's; false: the county stands alone at the root.
   */
  above?: DemoAbove | false;
}

/** The demo's province and city, coded as the county's code says (530923 → 53…, 5309…). */
export function demoAbove(countyCode = '530923'): DemoAbove {
  return {
    province: { name: '演示省', code: `${countyCode.slice(0, 2)}0000000000` },
    city: { name: '演示市', code: `${countyCode.slice(0, 4)}00000000` },
  };
}

export async function seedDemo(db: Db, options: SeedOptions = {}) {
  const county = await insertDemoCounty(db, generateDemoCounty(options), {
    passwordHash: options.passwordHash,
    usernamePrefix: options.usernamePrefix,
    above: options.above === false ? undefined : (options.above ?? demoAbove(options.countyCode)),
  });
  const ctx: DemoContext = {
    db,
    county,
    seed: options.seed ?? 2026,
    today: options.today ?? new Date(),
    townshipsVoted: options.townshipsVoted,
  };
  for (const step of STEPS) await step.run(ctx);
  return county;
}
