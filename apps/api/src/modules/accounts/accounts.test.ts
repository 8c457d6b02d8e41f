import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cadres, createFirstAdmin } from '@huanjie/db';
import { DEMO_PASSWORD } from '@huanjie/db/demo';
import type { App } from '@huanjie/domain';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TestApi } from '../../../test/harness.js';
import { errorCodes, startTestApi } from '../../../test/harness.js';
import { ensureCampaign } from '../../../test/guidance-fixtures.js';
import { collect, wsClient } from '../../../test/ws-client.js';

const ISSUED = `__typename
  ... on IssuedPasswords { count xlsxBase64 slips { accountId username displayName roleLabel app regionName oneTimePassword } }
  ... on Error { code message }
  ... on ValidationError { issues { path message } }`;

const CREATE = `mutation($input: AccountInput!) { createAccount(input: $input) { ${ISSUED} } }`;
const BULK = `mutation($kind: BulkAccountKind!, $r: ID) { bulkCreateAccounts(kind: $kind, regionId: $r) { ${ISSUED} } }`;
const RESET = `mutation($id: ID!) { resetAccountPassword(id: $id) { ${ISSUED} } }`;
const DISABLE = `mutation($id: ID!, $d: Boolean!) { setAccountDisabled(id: $id, disabled: $d) {
  __typename ... on Account { status disabled } ... on Error { code message } } }`;
const UPDATE = `mutation($id: ID!, $input: AccountEditInput!) { updateAccount(id: $id, input: $input) {
  __typename ... on Account { displayName role regionName } ... on Error { code message } } }`;
const LIST = `query($f: AccountFilter) { accounts(filter: $f) { id username role regionName status lastSignInAt } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) {
  __typename ... on PasswordChanged { endedSessions } ... on Error { code message }
  ... on ValidationError { issues { path message } } } }`;

interface Slip {
  accountId: string;
  username: string;
  displayName: string;
  roleLabel: string;
  app: App;
  regionName: string;
  oneTimePassword: string;
}
interface Issued {
  __typename: string;
  count?: number;
  xlsxBase64?: string;
  slips?: Slip[];
  code?: string;
  message?: string;
  issues?: { path: string[]; message: string }[];
}

describe('accounts', () => {
  let api: TestApi;
  let admin: string;
  let coordinator: string;
  let address = 0;

  async function signIn(username: string, password: string, app: App) {
    address += 1;
    const res = await api.gql<{ login: { __typename: string; token?: string } }>(
      `mutation($u: String!, $p: String!, $a: App!) { login(username: $u, password: $p, app: $a) {
        __typename ... on LoginSuccess { token } } }`,
      { u: username, p: password, a: app },
      { forwardedFor: `10.9.0.${String(address)}` },
    );
    return res.data?.login.token ?? null;
  }

  async function create(token: string, input: Record<string, unknown>) {
    const res = await api.gql<{ createAccount: Issued }>(CREATE, { input }, { token });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.createAccount;
  }

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('county.admin', 'county');
    coordinator = await api.login('town01.coordinator', 'township');
  });
  afterAll(() => api.close());

  it('creates an account with a one-time password that must be changed before anything else', async () => {
    const made = await create(admin, {
      username: 'new.clerk01',
      displayName: '新信息员',
      role: 'village_clerk',
      regionId: api.regionGid('t01v002'),
    });
    expect(made.__typename).toBe('IssuedPasswords');
    const slip = made.slips![0]!;
    expect(slip).toMatchObject({
      username: 'new.clerk01',
      app: 'village',
      roleLabel: '村(社区)信息员',
    });
    expect(slip.oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    const token = (await signIn('new.clerk01', slip.oneTimePassword, 'village'))!;
    expect(token).toBeTruthy();
    const me = await api.gql<{ me: { username: string; mustChangePassword: boolean } }>(
      '{ me { username mustChangePassword } }',
      {},
      { token },
    );
    expect(me.data?.me).toEqual({ username: 'new.clerk01', mustChangePassword: true });
    const blocked = await api.gql('{ myRegions { id } }', {}, { token });
    expect(errorCodes(blocked)).toEqual(['PASSWORD_CHANGE_REQUIRED']);
    const exported = await fetch(`${api.server.url}/exports/overview.xlsx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.status).toBe(403);
    expect(((await exported.json()) as { code: string }).code).toBe('PASSWORD_CHANGE_REQUIRED');

    // the policy, rule by rule, in Chinese
    for (const [password, rule] of [
      ['short1', '密码至少10个字符'],
      ['xxnew.clerk01yy', '密码不能包含用户名'],
      [DEMO_PASSWORD, '不能使用演示系统的公开密码'],
    ] as const) {
      const res = await api.gql<{ changePassword: Issued }>(
        CHANGE,
        { c: slip.oneTimePassword, n: password },
        { token },
      );
      expect(res.data?.changePassword.__typename).toBe('ValidationError');
      expect(res.data?.changePassword.issues?.map((i) => i.message)).toContain(rule);
      expect(res.data?.changePassword.issues?.[0]?.path).toEqual(['newPassword']);
    }
    const wrong = await api.gql<{ changePassword: Issued }>(
      CHANGE,
      { c: 'not-the-password', n: 'a-good-new-secret' },
      { token },
    );
    expect(wrong.data?.changePassword.message).toBe('当前密码不正确');

    const changed = await api.gql<{ changePassword: Issued }>(
      CHANGE,
      { c: slip.oneTimePassword, n: 'a-good-new-secret' },
      { token },
    );
    expect(changed.data?.changePassword.__typename).toBe('PasswordChanged');
    const now = await api.gql<{ myRegions: unknown[] }>('{ myRegions { id } }', {}, { token });
    expect(now.errors).toBeUndefined();
    expect(await signIn('new.clerk01', slip.oneTimePassword, 'village')).toBeNull();
    expect(await signIn('new.clerk01', 'a-good-new-secret', 'village')).toBeTruthy();

    // the admin's list shows it, with its last sign-in; filters narrow it
    const list = await api.gql<{
      accounts: {
        username: string;
        status: string;
        lastSignInAt: string | null;
        regionName: string;
      }[];
    }>(LIST, { f: { text: 'new.clerk' } }, { token: admin });
    expect(list.data?.accounts).toHaveLength(1);
    expect(list.data?.accounts[0]).toMatchObject({
      status: 'active',
      regionName: expect.any(String),
    });
    expect(list.data?.accounts[0]?.lastSignInAt).not.toBeNull();
  });

  it('refuses a region outside the creator’s scope as not found, a role it may not grant in words, a taken username by its field', async () => {
    const outside = await create(coordinator, {
      username: 'x.clerk',
      displayName: '外乡',
      role: 'village_clerk',
      regionId: api.regionGid('t02v001'),
    });
    expect(outside.__typename).toBe('NotFoundError');

    const admin2 = await create(coordinator, {
      username: 'x.admin',
      displayName: '越权',
      role: 'county_admin',
      regionId: api.regionGid('c'),
    });
    expect(admin2.__typename).toBe('ValidationError');
    expect(admin2.message).toContain('乡镇选举办不能创建「县换届办管理员」账号');
    expect(admin2.issues?.[0]?.path).toEqual(['role']);

    const duplicate = await create(admin, {
      username: 'vil01001.clerk',
      displayName: '重复',
      role: 'village_clerk',
      regionId: api.regionGid('t01v001'),
    });
    expect(duplicate.__typename).toBe('ValidationError');
    expect(duplicate.issues?.[0]).toMatchObject({ path: ['username'] });
    expect(duplicate.message).toContain('用户名已被使用');

    const level = await create(admin, {
      username: 'misplaced.clerk',
      displayName: '错级',
      role: 'village_clerk',
      regionId: api.regionGid('t01'),
    });
    expect(level.__typename).toBe('ValidationError');
    expect(level.issues?.[0]?.path).toEqual(['regionId']);

    // a clerk manages nothing
    const clerk = await api.login('vil01003.clerk', 'village');
    expect(errorCodes(await api.gql(LIST, {}, { token: clerk }))).toEqual(['FORBIDDEN']);
    // the coordinator lists only its township's clerks and guidance members
    const theirs = await api.gql<{ accounts: { role: string; regionName: string }[] }>(
      LIST,
      {},
      { token: coordinator },
    );
    const roles = new Set(theirs.data?.accounts.map((a) => a.role));
    expect([...roles].sort()).toEqual(['guidance_member', 'village_clerk']);
  });

  it('bulk-creates a clerk per village lacking one, all or nothing, with slips and an xlsx', async () => {
    // two villages lose their clerk
    const list = await api.gql<{ accounts: { id: string; username: string }[] }>(
      LIST,
      { f: { role: 'village_clerk' } },
      { token: coordinator },
    );
    const victims = list.data!.accounts.filter((a) =>
      ['vil01004.clerk', 'vil01005.clerk'].includes(a.username),
    );
    expect(victims).toHaveLength(2);
    for (const v of victims) {
      const res = await api.gql<{ setAccountDisabled: { __typename: string } }>(
        DISABLE,
        { id: v.id, d: true },
        { token: coordinator },
      );
      expect(res.data?.setAccountDisabled.__typename).toBe('Account');
    }
    const res = await api.gql<{ bulkCreateAccounts: Issued }>(
      BULK,
      { kind: 'village_clerks' },
      { token: coordinator },
    );
    const issued = res.data!.bulkCreateAccounts;
    expect(issued.__typename, JSON.stringify(issued)).toBe('IssuedPasswords');
    expect(issued.count).toBe(2);
    for (const slip of issued.slips!) expect(slip.username).toMatch(/^\d{12}\.clerk$/);
    // again: nothing lacks a clerk
    const again = await api.gql<{ bulkCreateAccounts: Issued }>(
      BULK,
      { kind: 'village_clerks' },
      { token: coordinator },
    );
    expect(again.data?.bulkCreateAccounts.count).toBe(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(issued.xlsxBase64!, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cells = sheet.getRow(3).values as unknown[];
    expect(cells).toContain(issued.slips![0]!.username);
    expect(cells).toContain(issued.slips![0]!.oneTimePassword);

    // a slip's password signs in
    expect(
      await signIn(issued.slips![0]!.username, issued.slips![0]!.oneTimePassword, 'village'),
    ).toBeTruthy();

    // township coordinators: the admin makes none where each township has one; a coordinator may not
    const coordinators = await api.gql<{ bulkCreateAccounts: Issued }>(
      BULK,
      { kind: 'township_coordinators' },
      { token: admin },
    );
    expect(coordinators.data?.bulkCreateAccounts.count).toBe(0);
    const notTheirs = await api.gql<{ bulkCreateAccounts: Issued }>(
      BULK,
      { kind: 'township_coordinators' },
      { token: coordinator },
    );
    expect(notTheirs.data?.bulkCreateAccounts.__typename).toBe('ValidationError');
  });

  it('bulk-creates guidance members from the cadre roster, linking each cadre', async () => {
    const townshipId = api.demo.regionIds.get('t01')!;
    const inserted = await api.database.db
      .insert(cadres)
      .values([
        { regionId: townshipId, name: '甲干部', gender: 'male', rank: 'staff' },
        { regionId: townshipId, name: '乙干部', gender: 'female', rank: 'staff' },
      ])
      .returning({ id: cadres.id });
    const res = await api.gql<{ bulkCreateAccounts: Issued }>(
      BULK,
      { kind: 'guidance_members' },
      { token: coordinator },
    );
    const issued = res.data!.bulkCreateAccounts;
    expect(issued.__typename, JSON.stringify(issued)).toBe('IssuedPasswords');
    expect(issued.slips!.map((s) => s.displayName).sort()).toEqual(['乙干部', '甲干部']);
    for (const s of issued.slips!) expect(s.username).toMatch(/^\d+\.guide\d+$/);
    for (const { id } of inserted) {
      const [row] = await api.database.db
        .select({ userId: cadres.userId })
        .from(cadres)
        .where(eq(cadres.id, id));
      expect(row?.userId).not.toBeNull();
    }
  });

  it('disabling ends the sessions and closes the live connection at once; reset does too; both audited without hashes', async () => {
    const campaignId = await ensureCampaign(api);
    const clerk = await api.login('vil01006.clerk', 'village');
    const client = wsClient(api.server.url, clerk, 'village');
    let closedWith: number | null = null;
    client.on('closed', (event) => {
      closedWith = (event as { code: number }).code;
    });
    const live = collect(
      client,
      'subscription($c: ID!) { campaignEvents(campaignId: $c) { kind } }',
      { c: `Campaign:${String(campaignId)}` },
    );
    await expect.poll(() => client, { timeout: 5_000 }).toBeTruthy();
    await new Promise((r) => setTimeout(r, 500));
    const list = await api.gql<{ accounts: { id: string; username: string }[] }>(
      LIST,
      { f: { text: 'vil01006' } },
      { token: admin },
    );
    const id = list.data!.accounts[0]!.id;
    const started = Date.now();
    const res = await api.gql<{ setAccountDisabled: { status: string } }>(
      DISABLE,
      { id, d: true },
      { token: admin },
    );
    expect(res.data?.setAccountDisabled.status).toBe('disabled');
    // well under the 10 s periodic check
    await expect.poll(() => closedWith, { timeout: 3_000 }).toBe(4401);
    const closedAfter = Date.now() - started;
    expect(closedAfter).toBeLessThan(3_000);
    expect(errorCodes(await api.gql('{ me { id } }', {}, { token: clerk }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(await signIn('vil01006.clerk', DEMO_PASSWORD, 'village')).toBeNull();
    live.stop();

    // enable again, reset: the old password stops working, the new one must be changed
    await api.gql(DISABLE, { id, d: false }, { token: admin });
    const before = await api.login('vil01006.clerk', 'village');
    const reset = await api.gql<{ resetAccountPassword: Issued }>(RESET, { id }, { token: admin });
    const slip = reset.data!.resetAccountPassword.slips![0]!;
    expect(errorCodes(await api.gql('{ me { id } }', {}, { token: before }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(await signIn('vil01006.clerk', DEMO_PASSWORD, 'village')).toBeNull();
    const fresh = (await signIn('vil01006.clerk', slip.oneTimePassword, 'village'))!;
    expect(errorCodes(await api.gql('{ myRegions { id } }', {}, { token: fresh }))).toEqual([
      'PASSWORD_CHANGE_REQUIRED',
    ]);

    const entries = await api.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'user_account'));
    const actions = new Set(entries.map((e) => e.action));
    for (const a of [
      'account.create',
      'account.disable',
      'account.enable',
      'account.reset_password',
      'account.change_password',
    ]) {
      expect(actions.has(a), a).toBe(true);
    }
    expect(JSON.stringify(entries)).not.toMatch(/argon2|passwordHash|password_hash/);
    expect(JSON.stringify(entries)).not.toContain(slip.oneTimePassword);
  });

  it('edits an account within reach, refuses one outside it and the manager’s own role', async () => {
    const list = await api.gql<{ accounts: { id: string; username: string }[] }>(
      LIST,
      {},
      { token: admin },
    );
    const clerk = list.data!.accounts.find((a) => a.username === 'vil02003.clerk')!;
    const moved = await api.gql<{
      updateAccount: { __typename: string; regionName?: string; displayName?: string };
    }>(
      UPDATE,
      {
        id: clerk.id,
        input: {
          displayName: '改名信息员',
          role: 'village_clerk',
          regionId: api.regionGid('t02v004'),
        },
      },
      { token: admin },
    );
    expect(moved.data?.updateAccount).toMatchObject({
      __typename: 'Account',
      displayName: '改名信息员',
    });
    // the coordinator of t01 cannot touch a clerk of t02
    const outside = await api.gql<{ updateAccount: { __typename: string } }>(
      UPDATE,
      {
        id: clerk.id,
        input: { displayName: 'x', role: 'village_clerk', regionId: api.regionGid('t01v001') },
      },
      { token: coordinator },
    );
    expect(outside.data?.updateAccount.__typename).toBe('NotFoundError');
    const self = list.data!.accounts.find((a) => a.username === 'county.admin')!;
    const demote = await api.gql<{ updateAccount: { __typename: string } }>(
      UPDATE,
      {
        id: self.id,
        input: { displayName: 'x', role: 'county_leader', regionId: api.regionGid('c') },
      },
      { token: admin },
    );
    expect(demote.data?.updateAccount.__typename).toBe('ValidationError');
    const disableSelf = await api.gql<{ setAccountDisabled: { __typename: string } }>(
      DISABLE,
      { id: self.id, d: true },
      { token: admin },
    );
    expect(disableSelf.data?.setAccountDisabled.__typename).toBe('ValidationError');
  });

  it('makes the first admin of a new county from the command line, who must set a password first', async () => {
    const first = await createFirstAdmin(api.database.db, {
      regionCode: '130123000000',
      name: '新县',
      username: 'xinxian.admin',
    });
    expect(first).toMatchObject({ countyCreated: true, countyName: '新县' });
    await expect(
      createFirstAdmin(api.database.db, { regionCode: '130123000000', username: 'xinxian.admin' }),
    ).rejects.toThrow('用户名已被使用');
    await expect(
      createFirstAdmin(api.database.db, { regionCode: '13012300000', username: 'other' }),
    ).rejects.toThrow('12位数字');
    const token = (await signIn('xinxian.admin', first.oneTimePassword, 'county'))!;
    expect(errorCodes(await api.gql(LIST, {}, { token }))).toEqual(['PASSWORD_CHANGE_REQUIRED']);
    await api.gql(CHANGE, { c: first.oneTimePassword, n: 'the-new-county-secret' }, { token });
    const list = await api.gql<{ accounts: { username: string }[] }>(LIST, {}, { token });
    // the new county's admin sees its own county's accounts only: itself
    expect(list.data?.accounts.map((a) => a.username)).toEqual(['xinxian.admin']);
  });
});
