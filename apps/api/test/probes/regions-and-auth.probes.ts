import { appOfRole, isWithinAny } from '@huanjie/domain';
import { expect } from 'vitest';
import { errorCodes, refusal } from '../harness.js';
import type { ProbeModule } from './types.js';
import { collectRegionIds, pathOfGid } from './types.js';

const REGION_FIELDS = 'id name level children { id name children { id name } }';

export const regionsAndAuth: ProbeModule = {
  probes: {
    'Query.me': async (api, caller) => {
      const res = await api.gql<{ me: { username: string } }>(
        '{ me { username } }',
        {},
        { token: caller.token },
      );
      expect(res.data?.me.username).toBe(caller.username);
    },
    'Query.myRegions': async (api, caller) => {
      const res = await api.gql<{ myRegions: unknown[] }>(
        `{ myRegions { ${REGION_FIELDS} } }`,
        {},
        {
          token: caller.token,
        },
      );
      const ids = collectRegionIds(res.data?.myRegions);
      for (const id of ids) expect(isWithinAny(pathOfGid(api, id), caller.scope), id).toBe(true);
      expect(ids.length > 0).toBe(caller.scope.length > 0);
    },
    'Query.region': async (api, caller) => {
      const keys = api.demoPlan.regions
        .filter((r) => r.level !== 'group' || r.key.endsWith('g1'))
        .map((r) => r.key);
      for (const key of keys) {
        const gid = api.regionGid(key);
        const res = await api.gql(
          `query($id: ID!) { region(id: $id) { ${REGION_FIELDS} } }`,
          { id: gid },
          {
            token: caller.token,
          },
        );
        const visible = isWithinAny(api.demo.regionPaths.get(key)!, caller.scope);
        if (visible) {
          expect(res.errors, `${caller.username} reads ${key}`).toBeUndefined();
          for (const id of collectRegionIds(res.data)) {
            expect(isWithinAny(pathOfGid(api, id), caller.scope)).toBe(true);
          }
        } else {
          expect(res.data, `${caller.username} must not read ${key}`).toBeNull();
          expect(refusal(res)).toBe('refused');
        }
      }
    },
    'Query.regionSearch': async (api, caller) => {
      for (const text of ['村', '社区', '小组', '镇', '县']) {
        const res = await api.gql<{ regionSearch: unknown[] }>(
          `query($t: String!) { regionSearch(text: $t, first: 50) { ${REGION_FIELDS} } }`,
          { t: text },
          { token: caller.token },
        );
        expect(res.errors).toBeUndefined();
        for (const id of collectRegionIds(res.data)) {
          expect(
            isWithinAny(pathOfGid(api, id), caller.scope),
            `${caller.username} found ${id}`,
          ).toBe(true);
        }
      }
    },
    'Mutation.logout': async (api, caller, everyone) => {
      const own = await api.login(caller.username, appOfRole(caller.role));
      await api.gql('mutation { logout }', {}, { token: own });
      expect(errorCodes(await api.gql('{ me { id } }', {}, { token: own }))).toEqual([
        'UNAUTHENTICATED',
      ]);
      // Everyone else's sessions, including this caller's other one, still work.
      for (const other of everyone) {
        const res = await api.gql('{ me { id } }', {}, { token: other.token });
        expect(res.errors, other.username).toBeUndefined();
      }
    },
    'Mutation.logoutEverywhere': async (api, caller, everyone) => {
      const app = appOfRole(caller.role);
      const elsewhere = await api.login(caller.username, app);
      const here = await api.login(caller.username, app);
      const out = await api.gql<{ logoutEverywhere: number }>(
        'mutation { logoutEverywhere }',
        {},
        { token: here },
      );
      expect(out.data?.logoutEverywhere).toBeGreaterThanOrEqual(3);
      for (const token of [here, elsewhere, caller.token]) {
        expect(errorCodes(await api.gql('{ me { id } }', {}, { token }))).toEqual([
          'UNAUTHENTICATED',
        ]);
      }
      // Only this user's sessions ended; the caller signs in again for the probes that follow.
      caller.token = await api.login(caller.username, app);
      for (const other of everyone) {
        const res = await api.gql('{ me { id } }', {}, { token: other.token });
        expect(res.errors, other.username).toBeUndefined();
      }
    },
  },
  anonymousCalls: (api) => ({
    'Query.me': '{ me { id } }',
    'Query.myRegions': '{ myRegions { id } }',
    'Query.region': `{ region(id: "${api.regionGid('c')}") { id } }`,
    'Query.regionSearch': '{ regionSearch(text: "村") { id } }',
    'Mutation.logout': 'mutation { logout }',
    'Mutation.logoutEverywhere': 'mutation { logoutEverywhere }',
  }),
};
