import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCounty } from '@huanjie/db/demo';
import { dialogsSettled, field, launchBrowser, newContext, signIn } from './browser.js';
import { dayFromToday } from './clock.js';
import { useStack } from './stack.js';

/**
 * The county supervisor's job (issue 12): an inspection of an assigned township (its date, the
 * villages visited, findings by category) and a correction order with a deadline; the township's
 * coordinator answers the order; the county overview counts both, and its counts open them.
 */

const demo = generateDemoCounty();
const FINDING = '选民登记册未按规定张榜公布';
const SECOND_FINDING = '个别村拉票传言未及时核查';
const REQUIREMENT = '请于期限内补齐选民名单公告并报送照片';
const ANSWER = '已督促各村张榜公布选民名单，照片已报送';

const stack = useStack();

/** The visible dropdown's option with `text`, once the select is open. */
/**
 * An option of the select opened last: antd appends each select's list to the page when it first
 * opens, so the newest list is the last one; a list still closing (the finding categories hold the
 * same options) is an earlier one.
 */
function option(page: Page, text: string | RegExp) {
  return page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .last();
}

/**
 * Waits until no dropdown is open: one still sliding away holds options of the same names as the
 * next select's, and an option found in it is never clickable.
 */
async function dropdownsClosed(page: Page) {
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** Opens a select; a click during the opening animation of a busy machine is tried again. */
async function openSelect(page: Page, select: Locator) {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    try {
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .first()
        .waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Types a day into an antd DatePicker and confirms it. */
async function pickDay(page: Page, testId: string, day: string) {
  const input = field(page, testId);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(day);
}

/** The overview's supervision counts, by list: inspections, orders, unanswered, overdue. */
async function counts(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const list of ['inspections', 'orders', 'unanswered', 'overdue']) {
    const text = await page
      .getByTestId(`supervision-count-${list}`)
      .locator('.ant-statistic-content')
      .innerText();
    out[list] = Number(text.replace(/[^\d]/g, ''));
  }
  return out;
}

async function overviewCounts(page: Page): Promise<Record<string, number>> {
  await page.goto(`${stack.appUrls.county}/overview`);
  await page.getByTestId('campaign-overview').waitFor();
  await page.getByTestId('supervision-count-inspections').waitFor();
  return counts(page);
}

describe('supervision: an inspection and a correction order, answered by the township', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  let township = '';
  let before: Record<string, number> = {};

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
        .screenshot({
          path: join(tmpdir(), `huanjie-supervision-${String(i)}.png`),
          fullPage: true,
        })
        .catch(() => undefined);
    }
  });

  it('the supervisor records an inspection of an assigned township and issues an order', async () => {
    const leader = await open();
    await signIn(leader, stack.appUrls.county, 'county.leader');
    await leader.getByTestId('campaign-overview').waitFor();
    before = await overviewCounts(leader);

    const page = await open();
    await signIn(page, stack.appUrls.county, 'county.supervisor');
    await page.getByTestId('supervision-page').waitFor();
    await page.getByTestId('inspection-new').click();

    // only the townships assigned to the supervisor are offered
    const townshipSelect = page.getByTestId('inspection-township');
    await openSelect(page, townshipSelect);
    // read once the list holds them: the dropdown can redraw (empty for a moment) as it opens
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    let offered: string[] = [];
    await expect
      .poll(async () => (offered = await options.allInnerTexts()).length)
      .toBeGreaterThan(0);
    const all = demo.regions.filter((r) => r.level === 'township').map((r) => r.name);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThan(all.length);
    for (const name of offered) expect(all).toContain(name);
    township = offered[0] ?? '';
    await option(page, township).click();
    await expect.poll(() => townshipSelect.innerText()).toContain(township);

    await pickDay(page, 'inspection-date', dayFromToday(-1));
    const key = demo.regions.find((r) => r.name === township)?.key;
    const visited = demo.regions
      .filter((r) => r.parentKey === key && r.level === 'village')
      .slice(0, 2)
      .map((r) => r.name);
    expect(visited).toHaveLength(2);
    const villageSelect = page.getByTestId('inspection-villages');
    for (const name of visited) {
      // typed, as a supervisor finds a village among a township's dozens
      await openSelect(page, villageSelect);
      await page.keyboard.type(name);
      await option(page, name).click();
      await expect.poll(() => villageSelect.innerText()).toContain(name);
    }
    await page.locator('.ant-modal-title').click();

    // two findings of two categories: the first's default (程序不规范) changed to 选民登记
    const firstCategory = page.locator('.ant-modal .ant-select').nth(2);
    await dropdownsClosed(page);
    await openSelect(page, firstCategory);
    await option(page, '选民登记').click();
    await expect.poll(() => firstCategory.innerText()).toContain('选民登记');
    await page.getByTestId('inspection-finding-0').fill(FINDING);
    await page.getByRole('button', { name: '添加一条' }).click();
    const secondCategory = page.locator('.ant-modal .ant-select').nth(3);
    await dropdownsClosed(page);
    await openSelect(page, secondCategory);
    await option(page, '拉票贿选').click();
    await expect.poll(() => secondCategory.innerText()).toContain('拉票贿选');
    await page.getByTestId('inspection-finding-1').fill(SECOND_FINDING);
    await page.getByTestId('inspection-save').click();

    const inspections = page.getByTestId('inspection-list');
    await expect.poll(() => inspections.innerText()).toContain(FINDING);
    const row = inspections.locator('tr', { hasText: FINDING });
    const text = await row.innerText();
    expect(text).toContain(dayFromToday(-1));
    expect(text).toContain(township);
    for (const name of visited) expect(text).toContain(name);
    expect(text).toContain('选民登记');
    expect(text).toContain('拉票贿选');
    expect(text).toContain(SECOND_FINDING);

    // a correction order with a deadline a week ahead
    await page.getByTestId('order-new').click();
    const orderTownship = page.getByTestId('order-township');
    await openSelect(page, orderTownship);
    await option(page, township).click();
    await expect.poll(() => orderTownship.innerText()).toContain(township);
    await pickDay(page, 'order-deadline', dayFromToday(7));
    await page.getByTestId('order-requirement').fill(REQUIREMENT);
    await page.getByTestId('order-save').click();
    await page.getByTestId('tab-orders').click();
    const orders = page.getByTestId('order-list');
    await expect.poll(() => orders.innerText()).toContain(REQUIREMENT);
    const order = orders.locator('tr', { hasText: REQUIREMENT });
    expect(await order.innerText()).toContain(dayFromToday(7));
    expect(await order.getByTestId('order-status-open').count()).toBe(1);
    // the supervisor issues, the township answers
    expect(await order.getByTestId('order-answer').count()).toBe(0);
  });

  it('the township coordinator answers the order', async () => {
    expect(township).not.toBe('');
    const key = demo.regions.find((r) => r.name === township)?.key ?? '';
    const page = await open();
    await signIn(page, stack.appUrls.township, `town${key.slice(1)}.coordinator`);
    await page.getByTestId('nav-supervision').click();
    await page.getByTestId('supervision-page').waitFor();
    expect(await page.getByTestId('inspection-new').count()).toBe(0);
    await expect.poll(() => page.getByTestId('inspection-list').innerText()).toContain(FINDING);
    await page.getByTestId('tab-orders').click();
    const order = page.getByTestId('order-list').locator('tr', { hasText: REQUIREMENT });
    await order.getByTestId('order-answer').click();
    await dialogsSettled(page);
    await page.getByTestId('order-answer-text').fill(ANSWER);
    await page.getByTestId('order-answer-text-save').click();
    await expect.poll(() => order.innerText()).toContain(ANSWER);
    expect(await order.getByTestId('order-status-answered').count()).toBe(1);
  });

  it('the county overview counts the inspection and the order, and opens them', async () => {
    const page = pages[0]!;
    const after = await overviewCounts(page);
    expect(after).toEqual({
      ...before,
      inspections: (before.inspections ?? 0) + 1,
      orders: (before.orders ?? 0) + 1,
    });
    await page.getByTestId('supervision-count-inspections').click();
    await expect.poll(() => page.getByTestId('inspection-list').innerText()).toContain(FINDING);
    await page.getByTestId('tab-orders').click();
    const order = page.getByTestId('order-list').locator('tr', { hasText: REQUIREMENT });
    expect(await order.innerText()).toContain(ANSWER);
  });
});
