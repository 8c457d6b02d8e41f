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
});
