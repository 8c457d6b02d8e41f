import { accountProbes } from './accounts.probes.js';
import { campaignProbes } from './campaign.probes.js';
import { casesProbes } from './cases.probes.js';
import { followUpProbes } from './follow-up.probes.js';
import { countyRollupProbes } from './county-rollup.probes.js';
import { guidance } from './guidance.probes.js';
import { previousTerm } from './previous-term.probes.js';
import { regionAdmin } from './region-admin.probes.js';
import { representatives } from './representatives.probes.js';
import { regionsAndAuth } from './regions-and-auth.probes.js';
import { results } from './results.probes.js';
import { riskPlanProbes } from './risk-plans.probes.js';
import { summary } from './summary.probes.js';
import { supervision } from './supervision.probes.js';
import type { ProbeModule } from './types.js';

/** Every module's scope probes: add one line per module. */
export const PROBE_MODULES: ProbeModule[] = [
  regionsAndAuth,
  guidance,
  results,
  campaignProbes,
  previousTerm,
  summary,
  supervision,
  accountProbes,
  regionAdmin,
  casesProbes,
  riskPlanProbes,
  countyRollupProbes,
  followUpProbes,
  representatives,
];
