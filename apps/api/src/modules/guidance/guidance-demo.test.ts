import { COVERAGE_RULES } from '@huanjie/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';
import { countStatements } from '../../../test/statements.js';

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

  it('answers a change to a team with its board read once: the write and one board', async () => {
    const BOARD = `guidanceBoard(townshipId: $t) { summary { coveredVillages }
      teams { id name members { cadre { id } } } villages { id teamIds } }`;
    const read = async () => {
      const res = await api.gql<{
        guidanceBoard: {
          summary: { coveredVillages: number };
          teams: { id: string; name: string }[];
          villages: { id: string; teamIds: string[] }[];
        };
      }>(`query($t: ID!) { ${BOARD} }`, { t: api.regionGid('t01') }, { token: coordinator });
      expect(res.errors).toBeUndefined();
      return res.data!.guidanceBoard;
    };
    const before = await read();
    const team = before.teams[0]!;
    const village = before.villages.find((v) => !v.teamIds.includes(team.id))!;
    const change = (field: string) => async () => {
      const res = await api.gql<Record<string, { __typename: string; name?: string }>>(
        `mutation($team: ID!, $r: ID) { ${field}(teamId: $team, regionId: $r) { __typename
          ... on GuidanceTeam { name members { cadre { id } } board { summary { coveredVillages }
            teams { id name members { cadre { id } } } villages { id teamIds } } } } }`,
        { team: team.id, r: village.id },
        { token: coordinator },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data![field]).toMatchObject({ __typename: 'GuidanceTeam', name: team.name });
    };
    const board = await countStatements(api.database, read);
    const assign = await countStatements(api.database, change('assignTeam'));
    expect((await read()).summary.coveredVillages).toBeGreaterThanOrEqual(
      before.summary.coveredVillages,
    );
    const unassign = await countStatements(api.database, change('unassignTeam'));
    expect(await read()).toEqual(before);
    // the write: the team, its campaign, the village, the row and its audit entry (the chain's
    // lock and head, the insert) inside a savepoint
    const WRITE = 8;
    expect(assign - board).toBeLessThanOrEqual(WRITE);
    expect(unassign - board).toBeLessThanOrEqual(WRITE);
  });

  it('answers two changes in one request each with the board as that change left it', async () => {
    const BOARD = `board { summary { coveredVillages } villages { id teamIds } }`;
    const read = async () => {
      const res = await api.gql<{
        guidanceBoard: {
          summary: { coveredVillages: number };
          teams: { id: string }[];
          villages: { id: string; teamIds: string[] }[];
        };
      }>(
        `query($t: ID!) { guidanceBoard(townshipId: $t) { summary { coveredVillages } teams { id }
          villages { id teamIds } } }`,
        { t: api.regionGid('t01') },
        { token: coordinator },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.guidanceBoard;
    };
    const before = await read();
    const team = before.teams[0]!.id;
    const free = before.villages.filter((v) => !v.teamIds.includes(team)).slice(0, 2);
    expect(free).toHaveLength(2);
    type Answer = { board: { villages: { id: string; teamIds: string[] }[] } };
    const res = await api.gql<{ first: Answer; second: Answer }>(
      `mutation($team: ID!, $a: ID, $b: ID) {
        first: assignTeam(teamId: $team, regionId: $a) { ... on GuidanceTeam { ${BOARD} } }
        second: assignTeam(teamId: $team, regionId: $b) { ... on GuidanceTeam { ${BOARD} } } }`,
      { team, a: free[0]!.id, b: free[1]!.id },
      { token: coordinator },
    );
    expect(res.errors).toBeUndefined();
    const covers = (answer: Answer, village: string) =>
      answer.board.villages.find((v) => v.id === village)!.teamIds.includes(team);
    expect(covers(res.data!.first, free[0]!.id)).toBe(true);
    expect(covers(res.data!.first, free[1]!.id)).toBe(false);
    expect(covers(res.data!.second, free[0]!.id)).toBe(true);
    expect(covers(res.data!.second, free[1]!.id)).toBe(true);
    for (const village of free) {
      const undo = await api.gql(
        `mutation($team: ID!, $r: ID) { unassignTeam(teamId: $team, regionId: $r) { __typename } }`,
        { team, r: village.id },
        { token: coordinator },
      );
      expect(undo.errors).toBeUndefined();
    }
    expect(await read()).toEqual(before);
  });
});
