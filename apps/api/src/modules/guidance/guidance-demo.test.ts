import { COVERAGE_RULES } from '@huanjie/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';

/** The demo county comes with teams assigned, and a few problems left for the boards to show. */
describe('guidance demo data as the boards show it', () => {
  let api: TestApi;
  let coordinator: string;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi({ villages: 54, fullDemo: true });
    coordinator = await api.login('town01.coordinator', 'township');
    admin = await api.login('county.admin', 'county');
  });
  afterAll(() => api.close());

  it('leaves deliberate problems on the first township’s board', async () => {
    const res = await api.gql<{
      guidanceBoard: {
        findings: { rule: string }[];
        summary: { villages: number; coveredVillages: number };
      };
    }>(
      `query($t: ID!) { guidanceBoard(townshipId: $t) { findings { rule }
        summary { villages coveredVillages } } }`,
      { t: api.regionGid('t01') },
      { token: coordinator },
    );
    expect(res.errors).toBeUndefined();
    const board = res.data!.guidanceBoard;
    const rules = new Set(board.findings.map((f) => f.rule));
    for (const rule of [
      COVERAGE_RULES.villageWithoutTeam,
      COVERAGE_RULES.tooFewCadres,
      COVERAGE_RULES.cadreOverloaded,
      COVERAGE_RULES.noFirstResponsible,
    ]) {
      expect(rules, rule).toContain(rule);
    }
    expect(board.summary.coveredVillages).toBe(board.summary.villages - 1);
  });

  it('shows the county a township not started and one without supervision', async () => {
    const res = await api.gql<{
      countyGuidance: {
        findings: { rule: string; townshipIds: string[] }[];
        townships: { township: { id: string }; summary: { coveredVillages: number } }[];
      };
    }>(
      `query($c: ID!) { countyGuidance(countyId: $c) { findings { rule townshipIds }
        townships { township { id } summary { coveredVillages } } } }`,
      { c: api.regionGid('c') },
      { token: admin },
    );
    expect(res.errors).toBeUndefined();
    const county = res.data!.countyGuidance;
    const last = county.townships.at(-1)!;
    expect(last.summary.coveredVillages).toBe(0);
    expect(county.findings).toEqual([
      { rule: COVERAGE_RULES.townshipWithoutSupervision, townshipIds: [last.township.id] },
    ]);
  });

  it('gives the demo guidance member the villages of their teams', async () => {
    const guide = await api.login('town01.guide1', 'village');
    const res = await api.gql<{ myRegions: { id: string }[] }>(
      '{ myRegions { id } }',
      {},
      { token: guide },
    );
    expect(res.data!.myRegions.map((r) => r.id)).toEqual([
      api.regionGid('t01v001'),
      api.regionGid('t01v002'),
    ]);
  });
});
