import type { Action } from '@huanjie/domain';
import { isWithinAny } from '@huanjie/domain';
import { expect } from 'vitest';
import type { TestApi } from '../harness.js';
import { refusal } from '../harness.js';
import { allows } from '../permissions.js';
import type { Caller, ProbeModule } from './types.js';

const may = (api: TestApi, caller: Caller, key: string, action: Action) =>
  isWithinAny(api.demo.regionPaths.get(key) ?? '', caller.scope) && allows(caller.role, action);

/** The rollup province and city users read: a county's row only for who may read its campaign. */
export const countyRollupProbes: ProbeModule = {
  probes: {
    'Query.countyRollup': async (api, caller) => {
      const res = await api.gql<{ countyRollup: { county: { id: string } }[] }>(
        'query($r: ID!) { countyRollup(regionId: $r) { county { id } overview { region { id } } } }',
        { r: api.regionGid('c') },
        { token: caller.token },
      );
      if (may(api, caller, 'c', 'campaign.read')) {
        expect(res.errors, caller.username).toBeUndefined();
        expect(res.data?.countyRollup.map((r) => r.county.id)).toEqual([api.regionGid('c')]);
      } else {
        expect(res.data, caller.username).toBeNull();
        expect(refusal(res), caller.username).toBe('refused');
      }
    },
  },
  anonymousCalls: (api) => ({
    'Query.countyRollup': `{ countyRollup(regionId: "${api.regionGid('c')}") { county { id } } }`,
  }),
};
