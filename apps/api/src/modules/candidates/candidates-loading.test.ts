import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';
import { countStatements } from '../../../test/statements.js';

const UNITS = `query($r: ID!) { electionUnits(regionId: $r) {
  id candidates { id person { name } vetting { department } objectionsPending } publicity { id objections { id } }
  registeredVoters knownPersons { id name } result { id status warnings { rule } oneTimeSuccess revisions { revision } meetings { heldOn } } } }`;

describe('loading election units', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi({ fullDemo: true, villages: 12 });
    token = await api.login('county.admin', 'county');
  });
  afterAll(() => api.close());

  const statements = (run: () => Promise<unknown>) => countStatements(api.database, run);

  it('takes as many statements for a township as for one village', async () => {
    const query = (region: string) => async () => {
      const res = await api.gql<{ electionUnits: { candidates: unknown[] }[] }>(
        UNITS,
        { r: api.regionGid(region) },
        { token },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.electionUnits;
    };
    const village = await query('t01v001')();
    const township = await query('t01')();
    expect(township.length).toBeGreaterThan(village.length);
    expect(township.flatMap((u) => u.candidates).length).toBeGreaterThan(0);
    const few = await statements(query('t01v001'));
    const many = await statements(query('t01'));
    expect(many).toBe(few);
  });

  it('a list reads candidates only when it shows them, and 联审 answers only when it shows those', async () => {
    const count = (fields: string) =>
      statements(async () => {
        const res = await api.gql<{ electionUnits: unknown[] }>(
          `query($r: ID!) { electionUnits(regionId: $r) { ${fields} } }`,
          { r: api.regionGid('t01') },
          { token },
        );
        expect(res.errors).toBeUndefined();
        expect(res.data!.electionUnits.length).toBeGreaterThan(0);
      });
    const results = await count('id result { status warnings { rule } }');
    const candidates = await count('id result { status } candidates { id person { name } }');
    const vetting = await count(
      'id result { status } candidates { id person { name } vettingStatus vetting { department } }',
    );
    expect(results).toBeLessThan(candidates);
    expect(candidates).toBeLessThan(vetting);
  });

  it('the county’s results page reads as many statements for a county as for a township', async () => {
    const queue = (region: string) =>
      statements(async () => {
        const res = await api.gql<{ resultQueue: unknown[] }>(
          `query($r: ID!) { resultQueue(regionId: $r, statuses: [submitted, returned, approved]) {
            id region { name } result { status revision oneTimeSuccess warnings { rule message } } } }`,
          { r: api.regionGid(region) },
          { token },
        );
        expect(res.errors).toBeUndefined();
      });
    expect(await queue('t01')).toBe(await queue('c'));
  });
});
