import { isWithinAny } from '@huanjie/domain';
import { expect } from 'vitest';
import type { TestApi } from '../harness.js';
import { errorCodes, refusalType } from '../harness.js';
import { PERMISSIONS } from '../permissions.js';
import type { Caller, ProbeModule } from './types.js';

/**
 * Accounts: a manager (PERMISSIONS user.manage) reaches the accounts of its own region only; every
 * other caller is refused. The probes change nothing anyone else signs in with: creations use
 * fresh usernames, the edits keep what was there, and resets aim at accounts no caller uses.
 */

const manages = (caller: Caller) => PERMISSIONS[caller.role]['user.manage'];

/** The region an account of this demo username belongs to, by the demo's naming. */
function accountPath(api: TestApi, username: string): string {
  const clerk = /^vil(\d\d)(\d\d\d)\.clerk$/.exec(username);
  if (clerk) return api.demo.regionPaths.get(`t${clerk[1]!}v${clerk[2]!}`)!;
  return api.demo.regionPaths.get(`t${username.slice(4, 6)}`)!;
}

const accountGid = (api: TestApi, username: string) =>
  `Account:${String(api.demo.userIds.get(username)!)}`;

let serial = 0;

export const accountProbes: ProbeModule = {
  probes: {
    'Query.accounts': async (api, caller) => {
      const res = await api.gql<{ accounts: { username: string; regionId: string }[] }>(
        '{ accounts { username regionId } }',
        {},
        { token: caller.token },
      );
      if (!manages(caller)) {
        expect(errorCodes(res), caller.username).toEqual(['FORBIDDEN']);
        return;
      }
      expect(res.data?.accounts.length).toBeGreaterThan(0);
      for (const a of res.data!.accounts) {
        const id = Number(a.regionId.split(':')[1]);
        const key = [...api.demo.regionIds].find(([, v]) => v === id)?.[0];
        expect(key, a.username).toBeDefined();
        expect(isWithinAny(api.demo.regionPaths.get(key!)!, caller.scope), a.username).toBe(true);
      }
    },
    'Mutation.createAccount': async (api, caller) => {
      for (const village of ['t01v010', 't02v010']) {
        serial += 1;
        const res = await api.gql<{ createAccount: { __typename: string } }>(
          `mutation($input: AccountInput!) { createAccount(input: $input) { __typename } }`,
          {
            input: {
              username: `probe${String(serial)}.clerk`,
              displayName: '探针',
              role: 'village_clerk',
              regionId: api.regionGid(village),
            },
          },
          { token: caller.token },
        );
        const inside =
          manages(caller) && isWithinAny(api.demo.regionPaths.get(village)!, caller.scope);
        const got = res.data?.createAccount.__typename ?? errorCodes(res).join();
        expect(got === 'IssuedPasswords', `${caller.username} ${village}: ${got}`).toBe(inside);
        if (!inside) expect(['refused', 'FORBIDDEN'], got).toContain(refusalType(got));
      }
    },
    'Mutation.bulkCreateAccounts': async (api, caller) => {
      for (const township of ['t01', 't02']) {
        const res = await api.gql<{ bulkCreateAccounts: { __typename: string; count?: number } }>(
          `mutation($r: ID) { bulkCreateAccounts(kind: village_clerks, regionId: $r) { __typename ... on IssuedPasswords { count } } }`,
          { r: api.regionGid(township) },
          { token: caller.token },
        );
        const inside =
          manages(caller) && isWithinAny(api.demo.regionPaths.get(township)!, caller.scope);
        const got = res.data?.bulkCreateAccounts.__typename ?? errorCodes(res).join();
        expect(got === 'IssuedPasswords', `${caller.username} ${township}: ${got}`).toBe(inside);
      }
    },
    'Mutation.updateAccount': async (api, caller) => {
      for (const username of ['vil01012.clerk', 'vil02012.clerk']) {
        const res = await api.gql<{ updateAccount: { __typename: string } }>(
          `mutation($id: ID!, $input: AccountEditInput!) { updateAccount(id: $id, input: $input) { __typename } }`,
          {
            id: accountGid(api, username),
            input: {
              displayName: `${username}信息员`,
              role: 'village_clerk',
              regionId: api.regionGid(`t${username.slice(3, 5)}v${username.slice(5, 8)}`),
            },
          },
          { token: caller.token },
        );
        const inside = manages(caller) && isWithinAny(accountPath(api, username), caller.scope);
        const got = res.data?.updateAccount.__typename ?? errorCodes(res).join();
        expect(got === 'Account', `${caller.username} ${username}: ${got}`).toBe(inside);
      }
    },
    'Mutation.setAccountDisabled': async (api, caller) => {
      for (const username of ['vil01013.clerk', 'vil02013.clerk']) {
        const res = await api.gql<{ setAccountDisabled: { __typename: string } }>(
          `mutation($id: ID!) { setAccountDisabled(id: $id, disabled: false) { __typename } }`,
          { id: accountGid(api, username) },
          { token: caller.token },
        );
        const inside = manages(caller) && isWithinAny(accountPath(api, username), caller.scope);
        const got = res.data?.setAccountDisabled.__typename ?? errorCodes(res).join();
        expect(got === 'Account', `${caller.username} ${username}: ${got}`).toBe(inside);
      }
    },
    'Mutation.resetAccountPassword': async (api, caller) => {
      for (const username of ['vil01014.clerk', 'vil02014.clerk']) {
        const res = await api.gql<{ resetAccountPassword: { __typename: string } }>(
          `mutation($id: ID!) { resetAccountPassword(id: $id) { __typename } }`,
          { id: accountGid(api, username) },
          { token: caller.token },
        );
        const inside = manages(caller) && isWithinAny(accountPath(api, username), caller.scope);
        const got = res.data?.resetAccountPassword.__typename ?? errorCodes(res).join();
        expect(got === 'IssuedPasswords', `${caller.username} ${username}: ${got}`).toBe(inside);
      }
    },
    'Mutation.changePassword': async (api, caller) => {
      // every signed-in user may; a wrong current password changes nothing
      const res = await api.gql<{ changePassword: { __typename: string } }>(
        `mutation { changePassword(currentPassword: "wrong-password", newPassword: "another-long-one") { __typename } }`,
        {},
        { token: caller.token },
      );
      expect(res.data?.changePassword.__typename, caller.username).toBe('ValidationError');
    },
  },
  anonymousCalls: (api) => ({
    'Query.accounts': '{ accounts { id } }',
    'Mutation.createAccount': `mutation { createAccount(input: { username: "anon.x", displayName: "x", role: village_clerk, regionId: "${api.regionGid('t01v001')}" }) { __typename } }`,
    'Mutation.bulkCreateAccounts':
      'mutation { bulkCreateAccounts(kind: village_clerks) { __typename } }',
    'Mutation.updateAccount': `mutation { updateAccount(id: "Account:1", input: { displayName: "x", role: village_clerk, regionId: "${api.regionGid('t01v001')}" }) { __typename } }`,
    'Mutation.setAccountDisabled':
      'mutation { setAccountDisabled(id: "Account:1", disabled: true) { __typename } }',
    'Mutation.resetAccountPassword':
      'mutation { resetAccountPassword(id: "Account:1") { __typename } }',
    'Mutation.changePassword':
      'mutation { changePassword(currentPassword: "x", newPassword: "y") { __typename } }',
  }),
};
