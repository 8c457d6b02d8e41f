import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@huanjie/db';
import { DEMO_PASSWORD } from '@huanjie/db/demo';
import { eq } from 'drizzle-orm';
import type { TestApi } from '../../../test/harness.js';
import { errorCodes, startTestApi } from '../../../test/harness.js';
import { MAX_FAILURES_PER_ACCOUNT } from './auth.service.js';

const LOGIN = `mutation($u: String!, $p: String!, $a: App!) {
  login(username: $u, password: $p, app: $a) {
    __typename
    ... on LoginSuccess { token expiresAt user { username role homeRegion { name level } } }
    ... on Error { code message }
    ... on WrongAppError { expectedApp }
    ... on RateLimitedError { retryAfterSeconds }
    ... on ValidationError { issues { path message } }
  }
}`;
const ME = '{ me { username displayName role roleLabel homeRegion { name } } }';

type LoginData = {
  login: {
    __typename: string;
    token?: string;
    code?: string;
    message?: string;
    expectedApp?: string;
    user?: { username: string; role: string; homeRegion: { name: string; level: string } };
  };
};

describe('sign in and out', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('signs a village clerk in to the village app, with a token and an httpOnly cookie', async () => {
    const res = await api.gql<LoginData>(
      LOGIN,
      { u: 'vil01001.clerk', p: DEMO_PASSWORD, a: 'village' },
      { forwardedFor: '10.1.0.1' },
    );
    expect(res.data?.login.__typename).toBe('LoginSuccess');
    expect(res.data?.login.user).toMatchObject({
      username: 'vil01001.clerk',
      role: 'village_clerk',
    });
    const village = api.demoPlan.regions.find((r) => r.key === 't01v001');
    expect(res.data?.login.user?.homeRegion.name).toBe(village?.name);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^hj_session_village=/);
    expect(cookie).toMatch(/HttpOnly/i);

    const viaToken = await api.gql(ME, {}, { token: res.data!.login.token! });
    expect(viaToken.data).toMatchObject({
      me: { username: 'vil01001.clerk', roleLabel: '村(社区)信息员' },
    });
    const viaCookie = await api.gql(ME, {}, { cookie: cookie.split(';')[0]!, app: 'village' });
    expect(viaCookie.data).toMatchObject({ me: { username: 'vil01001.clerk' } });
  });

  it('refuses a wrong password with a typed error and no session', async () => {
    const res = await api.gql<LoginData>(
      LOGIN,
      { u: 'county.leader', p: 'not-the-password', a: 'county' },
      { forwardedFor: '10.1.0.2' },
    );
    expect(res.data?.login).toMatchObject({
      __typename: 'InvalidCredentialsError',
      code: 'UNAUTHENTICATED',
      message: '用户名或密码错误',
    });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('gives an unknown user the same answer as a wrong password', async () => {
    const res = await api.gql<LoginData>(
      LOGIN,
      { u: 'nobody', p: 'x', a: 'county' },
      { forwardedFor: '10.1.0.3' },
    );
    expect(res.data?.login.__typename).toBe('InvalidCredentialsError');
  });

  it('tells a user of another level which app to use, and opens no session', async () => {
    const res = await api.gql<LoginData>(
      LOGIN,
      { u: 'county.admin', p: DEMO_PASSWORD, a: 'village' },
      { forwardedFor: '10.1.0.4' },
    );
    expect(res.data?.login).toMatchObject({
      __typename: 'WrongAppError',
      code: 'WRONG_APP',
      expectedApp: 'county',
    });
    expect(res.data?.login.message).toContain('县级端');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('names the missing fields when username or password is empty', async () => {
    const res = await api.gql<{ login: { __typename: string; issues: { path: string[] }[] } }>(
      LOGIN,
      { u: ' ', p: '', a: 'county' },
      { forwardedFor: '10.1.0.5' },
    );
    expect(res.data?.login.__typename).toBe('ValidationError');
    expect(res.data?.login.issues.map((i) => i.path.join('.'))).toEqual(['username', 'password']);
  });

  it('refuses a session opened for one app when it is used from another app', async () => {
    const token = await api.login('county.admin', 'county');
    expect((await api.gql(ME, {}, { token, app: 'county' })).data).toBeTruthy();
    const fromVillageApp = await api.gql(ME, {}, { token, app: 'village' });
    expect(errorCodes(fromVillageApp)).toEqual(['UNAUTHENTICATED']);
  });

  it('revokes the session on logout: the same token is refused afterwards', async () => {
    const token = await api.login('town01.coordinator', 'township');
    const out = await api.gql<{ logout: boolean }>('mutation { logout }', {}, { token });
    expect(out.data?.logout).toBe(true);
    expect(errorCodes(await api.gql(ME, {}, { token }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses every query without a session, with UNAUTHENTICATED and no data', async () => {
    const res = await api.gql(ME);
    expect(res.data).toBeNull();
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a disabled user at once, even with a live session', async () => {
    const token = await api.login('vil01002.clerk', 'village');
    await api.database.db
      .update(users)
      .set({ disabled: true })
      .where(eq(users.username, 'vil01002.clerk'));
    expect(errorCodes(await api.gql(ME, {}, { token }))).toEqual(['UNAUTHENTICATED']);
    const again = await api.gql<LoginData>(
      LOGIN,
      { u: 'vil01002.clerk', p: DEMO_PASSWORD, a: 'village' },
      { forwardedFor: '10.1.0.6' },
    );
    expect(again.data?.login.__typename).toBe('InvalidCredentialsError');
  });

  it('throttles an account after repeated failures, even from many addresses and with the right password', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await api.gql(
        LOGIN,
        { u: 'town02.guide1', p: 'guess', a: 'village' },
        { forwardedFor: `10.2.0.${i}` },
      );
    }
    const res = await api.gql<LoginData>(
      LOGIN,
      { u: 'town02.guide1', p: DEMO_PASSWORD, a: 'village' },
      { forwardedFor: '10.2.1.1' },
    );
    expect(res.data?.login).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
  });

  it('throttles an address that tries many accounts', async () => {
    let last: LoginData['login'] | undefined;
    for (let i = 0; i < 31; i++) {
      const res = await api.gql<LoginData>(
        LOGIN,
        { u: `guess${i}`, p: 'guess', a: 'village' },
        { forwardedFor: '10.3.0.1' },
      );
      last = res.data?.login;
    }
    expect(last?.__typename).toBe('RateLimitedError');
    const other = await api.gql<LoginData>(
      LOGIN,
      { u: 'county.leader', p: DEMO_PASSWORD, a: 'county' },
      { forwardedFor: '10.3.0.2' },
    );
    expect(other.data?.login.__typename).toBe('LoginSuccess');
  });
});
