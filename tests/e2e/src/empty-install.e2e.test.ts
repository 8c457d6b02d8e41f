import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FirstAdmin } from '@huanjie/db';
import { createFirstAdmin } from '@huanjie/db';
import { field, launchBrowser, newContext, signIn } from './browser.js';
import { dayFromToday } from './clock.js';
import { useStack } from './stack.js';

/**
 * A real county goes live (issue 12): on an empty installation (no demo) the first admin, made the
 * way the create-admin command makes it, signs in with a one-time password and must replace it;
 * imports the county's divisions from the downloaded template filled in (3 townships, 20 villages);
 * creates a clerk per village and prints their slips; starts the first campaign. A clerk signs in
 * with the slip's one-time password, must replace it, and works on their own village; when the
 * admin disables the clerk, the clerk's live connection closes at once and the open page is
 * signed out with it.
 */

const COUNTY = '530923000000';
const TOWNSHIPS = [
  { code: '530923201000', name: '东风镇', kind: '镇', villages: 7, word: '行政村' },
  { code: '530923202000', name: '红星乡', kind: '乡', villages: 7, word: '行政村' },
  { code: '530923003000', name: '新城街道', kind: '街道', villages: 6, word: '社区' },
] as const;
/** The villages of the file: 东风1村 … 红星7村, 新城1社区 … 新城6社区. */
const VILLAGES = TOWNSHIPS.flatMap((t) =>
  Array.from({ length: t.villages }, (_, i) => ({
    code: `${t.code.slice(0, 9)}${String(201 + i)}`,
    name: `${t.name.replace(/镇|乡|街道/, '')}${String(i + 1)}${t.word === '社区' ? '社区' : '村'}`,
    kind: t.word,
    parent: t.code,
    households: 300 + i,
    population: 1200 + i,
    groups: t.word === '社区' ? '' : 5,
  })),
);
const CLERK_VILLAGE = '东风3村';
const ONE_TIME = /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/;

let admin: FirstAdmin;
const stack = useStack({
  empty: async (database) => {
    admin = await createFirstAdmin(database.db, {
      regionCode: COUNTY,
      name: '宁远县',
      username: 'ningyuan.admin',
    });
  },
});

/** The downloaded template, filled in below its header as the 民政 list gives the divisions. */
async function fillTemplate(template: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the template has no sheet');
  const headers = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
  const column = (header: string) => {
    const at = headers.indexOf(header);
    if (at < 0) throw new Error(`the template has no column ${header}: ${headers.join(', ')}`);
    return at + 1;
  };
  const lines = [
    ...TOWNSHIPS.map((t) => ({
      统计用区划代码: t.code,
      名称: t.name,
      类型: t.kind,
      上级代码: COUNTY,
    })),
    ...VILLAGES.map((v) => ({
      统计用区划代码: v.code,
      名称: v.name,
      类型: v.kind,
      上级代码: v.parent,
      户数: v.households,
      人口: v.population,
      村民小组数: v.groups,
    })),
  ];
  lines.forEach((line, i) => {
    const row = sheet.getRow(3 + i);
    for (const [header, value] of Object.entries(line)) {
      if (value !== '') row.getCell(column(header)).value = value;
    }
  });
  const file = join(tmpdir(), `huanjie-regions-${String(process.pid)}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('an empty installation goes live: regions, accounts, a clerk signed out when disabled', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  let county: Page;
  let village: Page;
  /** The clerk of CLERK_VILLAGE, as the slip gives them. */
  const clerk = { username: '', oneTime: '' };

  async function open(): Promise<Page> {
    const context = await newContext(browser, stack.now(), {
      viewport: { width: 1400, height: 900 },
    });
    contexts.push(context);
    const page = await context.newPage();
    pages.push(page);
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const [i, page] of pages.entries()) {
      await page
        .screenshot({ path: join(tmpdir(), `huanjie-empty-${String(i)}.png`), fullPage: true })
        .catch(() => undefined);
    }
  });

  it('the first admin signs in with the one-time password and must set a new one', async () => {
    expect(admin.countyCreated).toBe(true);
    expect(admin.oneTimePassword).toMatch(ONE_TIME);
    county = await open();
    await signIn(county, stack.appUrls.county, admin.username, admin.oneTimePassword);
    await county.getByTestId('set-password-page').waitFor();
    await field(county, 'password-current').fill(admin.oneTimePassword);
    await field(county, 'password-new').fill('ningyuan-admin-2026');
    await field(county, 'password-repeat').fill('ningyuan-admin-2026');
    await county.getByTestId('password-submit').click();
    await county.getByTestId('nav-regions').waitFor();
    expect(new URL(county.url()).pathname).not.toBe('/set-password');
  });

  it('imports the county’s divisions from the template: 3 townships, 20 villages', async () => {
    await county.getByTestId('nav-regions').click();
    await county.getByTestId('regions-admin-page').waitFor();
    expect(await county.getByTestId('regions-admin-page').innerText()).toContain('宁远县');
    const [download] = await Promise.all([
      county.waitForEvent('download'),
      county.getByTestId('regions-template').click(),
    ]);
    const file = await fillTemplate(await download.path());
    await county.getByTestId('regions-file').setInputFiles({
      name: '宁远县行政区划.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: readFileSync(file),
    });
    // checked first, row by row; nothing is written until the admin imports it
    await county.getByTestId('regions-commit').waitFor();
    expect(await county.getByTestId('import-issue').count()).toBe(0);
    expect(
      await county.getByTestId('regions-townships').locator('tbody tr.ant-table-row').count(),
    ).toBe(0);
    await county.getByTestId('regions-commit').click();
    const townships = county.getByTestId('regions-townships').locator('tbody tr.ant-table-row');
    await expect.poll(() => townships.count()).toBe(3);
    const dongfeng = townships.filter({ hasText: '东风镇' });
    // 户数 of a township is the sum of its villages' (300 … 306)
    expect(await dongfeng.innerText()).toContain((300 * 7 + 21).toLocaleString('zh-CN'));
    await dongfeng.getByTestId('region-open').click();
    const villages = county.getByTestId('regions-villages').locator('tbody tr.ant-table-row');
    await expect.poll(() => villages.count()).toBe(7);
    expect(await villages.allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining(CLERK_VILLAGE)]),
    );
  });

  it('creates a clerk for every village and prints their slips', async () => {
    await county.getByTestId('nav-accounts').click();
    await county.getByTestId('accounts-page').waitFor();
    await county.getByTestId('accounts-bulk').hover();
    await county.getByTestId('bulk-village_clerks').click();
    await county.getByRole('button', { name: /OK|确\s*定/ }).click();
    await county.getByTestId('issued-table').waitFor();
    await county.getByTestId('issued-print').click();
    await county.getByTestId('slips-page').waitFor();
    const slips = county.getByTestId('slip');
    expect(await slips.count()).toBe(20);
    for (const password of await county.getByTestId('slip-password').allInnerTexts()) {
      expect(password.trim()).toMatch(ONE_TIME);
    }
    const texts = await slips.allInnerTexts();
    for (const v of VILLAGES) {
      expect(texts.filter((s) => s.includes(v.name)).length, v.name).toBe(1);
    }
    const slip = slips.filter({ hasText: CLERK_VILLAGE });
    clerk.username = (await slip.getByTestId('slip-username').innerText()).trim();
    clerk.oneTime = (await slip.getByTestId('slip-password').innerText()).trim();
    // the accounts list has them, each still to set a password
    await county.goto(`${stack.appUrls.county}/accounts`);
    await county.getByTestId('accounts-page').waitFor();
    await expect.poll(() => county.getByTestId('account-status').count()).toBe(21);
    expect(
      (await county.getByTestId('account-status').allInnerTexts()).filter((s) =>
        s.includes('待首次登录'),
      ).length,
    ).toBe(20);
  });

  it('starts the county’s first campaign', async () => {
    await county.getByTestId('nav-campaigns').click();
    await county.getByTestId('campaign-new').click();
    await field(county, 'campaign-name').fill('2026年村（社区）“两委”换届');
    await field(county, 'campaign-election-day').fill(dayFromToday(40));
    await county.getByTestId('campaign-create').click();
    await expect
      .poll(() => county.getByTestId('campaign-page').getAttribute('data-status'))
      .toBe('draft');
    await county.getByTestId('campaign-start').click();
    await county.getByRole('button', { name: /OK|确\s*定/ }).click();
    await expect
      .poll(() => county.getByTestId('campaign-page').getAttribute('data-status'))
      .toBe('running');
  });

  it('a clerk signs in with the slip, must set a new password, and works on their village', async () => {
    expect(clerk.username).not.toBe('');
    village = await open();
    await signIn(village, stack.appUrls.village, clerk.username, clerk.oneTime);
    await village.getByTestId('set-password-page').waitFor();
    await field(village, 'password-current').fill(clerk.oneTime);
    await field(village, 'password-new').fill(clerk.username);
    await field(village, 'password-repeat').fill(clerk.username);
    await village.getByTestId('password-submit').click();
    await village.getByTestId('password-error').waitFor();
    await field(village, 'password-new').fill('dongfeng-3-clerk');
    await field(village, 'password-repeat').fill('dongfeng-3-clerk');
    await village.getByTestId('password-submit').click();
    await expect
      .poll(() => village.getByTestId('region-name').first().innerText())
      .toBe(CLERK_VILLAGE);
    // the one-time password is spent
    const again = await open();
    await signIn(again, stack.appUrls.village, clerk.username, clerk.oneTime);
    await again.getByTestId('login-error').waitFor();
  });

  it('the admin disables the clerk: the live connection closes, the next request signs out', async () => {
    const sockets: WebSocket[] = [];
    village.on('websocket', (socket) => {
      if (new URL(socket.url()).pathname === '/graphql') sockets.push(socket);
    });
    await village.getByTestId('campaign-entry-item').click();
    await expect
      .poll(() => village.getByTestId('checklist-village').innerText())
      .toContain(CLERK_VILLAGE);
    await expect.poll(() => sockets.length).toBe(1);
    const live = sockets[0]!;
    expect(live.isClosed()).toBe(false);

    await county.getByTestId('nav-accounts').click();
    await county.getByTestId('accounts-search').locator('input').fill(clerk.username);
    await county.getByTestId('accounts-search').locator('input').press('Enter');
    await expect.poll(() => county.getByTestId('account-disable').count()).toBe(1);
    await county.getByTestId('account-disable').click();
    await county.getByRole('button', { name: /OK|确\s*定/ }).click();
    await expect
      .poll(() => county.getByTestId('account-status').first().innerText())
      .toContain('已停用');

    // closed by the API at once, not at its next periodic check (10 s); the socket's close
    // (4401, session ended) sends the open page to the sign-in without waiting for a click
    await expect.poll(() => live.isClosed(), { timeout: 5_000 }).toBe(true);
    await field(village, 'login-username').waitFor({ timeout: 5_000 });
    expect(new URL(village.url()).pathname).toBe('/login');
  });
});
