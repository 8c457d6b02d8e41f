import type { Scale } from './options.js';

export interface ScalePlan {
  scale: Scale;
  /** Demo counties seeded side by side in the one database, each with its own running campaign. */
  counties: number;
  villagesPerCounty: number;
  /** Share of each county's townships whose election day has passed (their results are in). */
  townshipsVoted: number;
  /**
   * Counties seeded after the measured ones only to give result entry enough elections (every
   * township voted): the API's and the floor's pools never wrap within a run.
   */
  resultEntryCounties: number;
}

/**
 * The region model's top level is the county (there is no province region), and a county overview
 * only ever aggregates its own county. A province is therefore ~67 counties of 300 villages in one
 * database: the county overview faces one county's campaign among province-sized tables, and
 * election-day writes spread over many counties' audit chains, as they would in production.
 */
export const SCALES: Record<Scale, ScalePlan> = {
  county: {
    scale: 'county',
    counties: 1,
    villagesPerCounty: 300,
    townshipsVoted: 0.5,
    resultEntryCounties: 25,
  },
  province: {
    scale: 'province',
    counties: 67,
    villagesPerCounty: 300,
    townshipsVoted: 0.5,
    resultEntryCounties: 0,
  },
};
