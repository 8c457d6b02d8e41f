import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@huanjie/db';
import { loginAttempts, users } from '@huanjie/db';
import { createTestDatabase } from '@huanjie/db/testing';
import { DEMO_PASSWORD } from '@huanjie/db/demo';
import { todayInChina } from '@huanjie/domain';
import { eq } from 'drizzle-orm';
import type { TestApi } from '../../../test/harness.js';
import { errorCodes, startTestApi } from '../../../test/harness.js';
import type { RunningServer } from '../../server.js';
import { startServer } from '../../server.js';
import type { Clock } from '../../shared/clock.js';
import {
  ADDRESS_SLOWDOWN_AFTER,
  DEFAULT_SESSION_IDLE_MS,
  MAX_FAILURES_PER_ACCOUNT,
  addressDelayMs,
} from './auth.service.js';

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

  it("binds a bearer token sent without an app to its own app (logout clears that app's cookie)", async () => {
    const token = await api.login('town01.coordinator', 'township');
    const out = await api.gql<{ logout: boolean }>('mutation { logout }', {}, { token });
    expect(out.data?.logout).toBe(true);
    expect(out.headers.get('set-cookie') ?? '').toMatch(/^hj_session_township=;/);
  });

  it('ends every session of the user, in every app and device, on logoutEverywhere', async () => {
    const first = await api.login('vil01003.clerk', 'village');
    const second = await api.login('vil01003.clerk', 'village');
    const bystander = await api.login('vil01004.clerk', 'village');
    const out = await api.gql<{ logoutEverywhere: number }>(
      'mutation { logoutEverywhere }',
      {},
      { token: second, app: 'village' },
    );
    expect(out.data?.logoutEverywhere).toBe(2);
    expect(out.headers.get('set-cookie') ?? '').toMatch(/^hj_session_village=;/);
    expect(errorCodes(await api.gql(ME, {}, { token: first }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await api.gql(ME, {}, { token: second }))).toEqual(['UNAUTHENTICATED']);
    expect((await api.gql(ME, {}, { token: bystander })).errors).toBeUndefined();
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

  it('slows an address that tries many accounts, but still lets a correct password in from it', async () => {
    for (let i = 0; i < ADDRESS_SLOWDOWN_AFTER; i++) {
      const res = await api.gql<LoginData>(
        LOGIN,
        { u: `guess${i}`, p: 'guess', a: 'village' },
        { forwardedFor: '10.3.0.1' },
      );
      expect(res.data?.login.__typename).toBe('InvalidCredentialsError');
    }
    // a colleague behind the same address (one township office, one NAT) with the right password
    const started = Date.now();
    const colleague = await api.gql<LoginData>(
      LOGIN,
      { u: 'county.leader', p: DEMO_PASSWORD, a: 'county' },
      { forwardedFor: '10.3.0.1' },
    );
    expect(colleague.data?.login.__typename).toBe('LoginSuccess');
    expect(Date.now() - started).toBeGreaterThanOrEqual(addressDelayMs(ADDRESS_SLOWDOWN_AFTER));
    const other = await api.gql<LoginData>(
      LOGIN,
      { u: 'county.admin', p: DEMO_PASSWORD, a: 'county' },
      { forwardedFor: '10.3.0.2' },
    );
    expect(other.data?.login.__typename).toBe('LoginSuccess');
  });

  it('lets exactly the limit of parallel wrong passwords for one account through', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api.gql<LoginData>(
          LOGIN,
          { u: 'town02.guide2', p: `guess${i}`, a: 'village' },
          { forwardedFor: `10.4.${i}.1` },
        ),
      ),
    );
    const kinds = answers.map((a) => a.data?.login.__typename);
    expect(kinds.filter((k) => k === 'InvalidCredentialsError')).toHaveLength(
      MAX_FAILURES_PER_ACCOUNT,
    );
    expect(kinds.filter((k) => k === 'RateLimitedError')).toHaveLength(
      40 - MAX_FAILURES_PER_ACCOUNT,
    );
  });
});

describe('idle sessions', () => {
  let api: TestApi;
  let now = Date.parse('2026-03-20T01:00:00Z');
  const clock: Clock = {
    now: () => new Date(now),
    today: () => todayInChina(new Date(now)),
  };
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(() => api.close());

  it('keeps a session alive while it is used, and ends it once unused for the idle timeout', async () => {
    const token = await api.login('county.leader', 'county');
    // used every hour for longer than the idle timeout: still alive
    for (let elapsed = 0; elapsed <= DEFAULT_SESSION_IDLE_MS; elapsed += 3600_000) {
      now += 3600_000;
      expect((await api.gql(ME, {}, { token })).errors).toBeUndefined();
    }
    now += DEFAULT_SESSION_IDLE_MS - 60_000;
    expect((await api.gql(ME, {}, { token })).errors).toBeUndefined();
    now += DEFAULT_SESSION_IDLE_MS + 1;
    expect(errorCodes(await api.gql(ME, {}, { token }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('client addresses without a trusted proxy', () => {
  let database: Database;
  let server: RunningServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ database }, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.stop();
    await database.close();
  });

  it('counts a login by the connecting address, whatever X-Forwarded-For claims', async () => {
    for (const forged of ['10.9.0.1', '10.9.0.2, 10.9.0.3']) {
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forged },
        body: JSON.stringify({ query: LOGIN, variables: { u: 'nobody', p: 'x', a: 'county' } }),
      });
    }
    const rows = await database.db
      .select({ address: loginAttempts.address })
      .from(loginAttempts)
      .where(eq(loginAttempts.username, 'nobody'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.address).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });
});
