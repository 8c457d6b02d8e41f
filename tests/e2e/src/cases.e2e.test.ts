import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { generateDemoCounty } from '@huanjie/db/demo';
import { launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';

/**
 * A complaint (信访举报) from the phone to its outcome, in the demo's first township: a guidance
 * member registers a 贿选 report with the reporter's name on one of their villages; the township
 * coordinator finds it in the queue, hands it to a guidance team, accepts it and records the
 * investigation (seeing the reporter only as 匿名: they are not of the handling group); the county
 * sees it open from its list, read-only, and then closed with the outcome and the reply.
 */

const demo = generateDemoCounty();
const township = demo.regions.find((r) => r.key === 't01')!;
const ALLEGATION = `村民反映候选人在村口小卖部向选民每户发放烟酒 ${String(Date.now() % 100000)}`;
const REPORTER = '刘举报';

/** Picks the first option of an antd Select, again if a click during its opening animation is lost. */
async function pickFirst(page: Page, select: Locator) {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const text = (await option.innerText()).trim();
    await option.click();
    try {
      await expect.poll(() => select.innerText(), { timeout: 5_000 }).toContain(text);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

const stack = useStack();

describe('complaints and reports: from the phone to the outcome', () => {
  let browser: Browser;
  let member: Page;
  let coordinator: Page;
  let county: Page;
  let villageName: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    member = await (
      await newContext(browser, stack.now(), { viewport: { width: 390, height: 844 } })
    ).newPage();
    coordinator = await (await newContext(browser, stack.now())).newPage();
    county = await (await newContext(browser, stack.now())).newPage();
  });
  afterAll(() => browser.close());

  it('a guidance member opens a 贿选 case on one of their villages from the phone', async () => {
    await signIn(member, stack.appUrls.village, 'town01.guide1');
    const first = member.locator('[data-testid="region-picker"] .adm-list-item').first();
    await first.waitFor();
    villageName = (await first.locator('.adm-list-item-content-main').innerText()).trim();
    await first.click();
    await member.getByTestId('cases-entry').click();
    await member.getByTestId('village-cases').waitFor();
    await member.getByTestId('case-open').click();
    await member.getByTestId('case-form').waitFor();

    // nothing alleged: refused before anything is sent
    await member.getByTestId('case-submit').click();
    await expect.poll(() => member.getByTestId('case-form').innerText()).toContain('必填');

    await member.getByTestId('case-channel').getByText('来访').click();
    await member.getByTestId('case-category').getByText('贿选').click();
    await member.getByTestId('case-severity').getByText('严重').click();
    await member.getByTestId('case-person').locator('input').fill('候选人周某');
    await member.getByTestId('case-allegation').locator('textarea').fill(ALLEGATION);
    await member.getByTestId('case-reporter-name').locator('input').fill(REPORTER);
    await member.getByTestId('case-reporter-phone').locator('input').fill('13800001234');
    await member.screenshot({ path: '/tmp/cases-phone-form.png', fullPage: true });
    await member.getByTestId('case-submit').click();

    const item = member.locator('[data-testid="case-item"]', { hasText: ALLEGATION });
    await item.waitFor();
    expect(await item.innerText()).toContain('贿选');
    expect(await item.getByTestId('case-item-status').innerText()).toBe('已登记');
    await member.screenshot({ path: '/tmp/cases-phone-list.png', fullPage: true });
  });

  it('the township coordinator assigns it to a guidance team, accepts it and investigates', async () => {
    await signIn(coordinator, stack.appUrls.township, 'town01.coordinator');
    await coordinator.getByTestId('nav-cases').click();
    await coordinator.getByTestId('cases-page').waitFor();
    const row = coordinator.locator('[data-testid="cases-table"] tr', { hasText: villageName });
    await row
      .filter({ hasText: ALLEGATION.slice(0, 20) })
      .getByTestId('case-link')
      .click();
    await coordinator.getByTestId('case-page').waitFor();
    expect(await coordinator.getByTestId('case-status').innerText()).toBe('已登记');
    expect(await coordinator.getByTestId('case-allegation').innerText()).toBe(ALLEGATION);
    // deadlines from the rule set: 15 days to accept (信访工作条例)
    expect(await coordinator.getByTestId('case-accept-by').innerText()).toMatch(
      /^\d{4}-\d\d-\d\d$/,
    );

    await pickFirst(coordinator, coordinator.getByTestId('case-team'));
    await coordinator.getByTestId('case-assign-submit').click();
    await expect.poll(() => coordinator.getByTestId('case-status').innerText()).toBe('已交办');
    expect(await coordinator.getByTestId('case-handler').innerText()).not.toBe('—');
    // the coordinator runs the queue but is not of the team: the reporter stays 匿名
    expect(await coordinator.getByTestId('case-reporter').innerText()).toBe('匿名');
    expect(await coordinator.getByTestId('case-reporter-phone').count()).toBe(0);
    expect(await coordinator.getByTestId('case-page').innerText()).not.toContain(REPORTER);

    await coordinator.getByTestId('case-acknowledge-submit').click();
    await expect.poll(() => coordinator.getByTestId('case-status').innerText()).toBe('已受理');

    await coordinator.getByTestId('case-action-actor').fill('镇纪委、包村干部');
    await coordinator
      .getByTestId('case-action-text')
      .fill('走访小卖部店主及反映涉及的5户村民，制作谈话笔录');
    await coordinator.getByTestId('case-action-submit').click();
    await expect.poll(() => coordinator.getByTestId('case-status').innerText()).toBe('调查中');
    expect(await coordinator.getByTestId('case-actions').innerText()).toContain('走访小卖部店主');
    await coordinator.screenshot({ path: '/tmp/cases-township-case.png', fullPage: true });
  });

  it('the county sees it open, read-only, then closed with its outcome', async () => {
    await signIn(county, stack.appUrls.county, 'county.leader');
    await county.getByTestId('nav-cases').click();
    await county.getByTestId('cases-page').waitFor();
    await county.getByTestId('cases-filter-township').click();
    await county
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: township.name })
      .click();
    const row = county
      .locator('[data-testid="cases-table"] tr', { hasText: ALLEGATION.slice(0, 20) })
      .first();
    await row.waitFor();
    expect(await row.innerText()).toContain(township.name);
    expect(await row.getByTestId('case-status').innerText()).toBe('调查中');
    await county.screenshot({ path: '/tmp/cases-county-list.png', fullPage: true });
    await row.getByTestId('case-link').click();
    await county.getByTestId('case-page').waitFor();
    expect(await county.getByTestId('case-actions').innerText()).toContain('走访小卖部店主');
    expect(await county.getByTestId('case-reporter').innerText()).toBe('匿名');
    // the leader reads; nothing to assign, accept or close
    for (const form of ['case-assign', 'case-acknowledge', 'case-action-form', 'case-close-form'])
      expect(await county.getByTestId(form).count(), form).toBe(0);
    const caseUrl = county.url();

    // the township closes it: 属实, the candidate disqualified, the reporter answered
    await coordinator.getByTestId('case-close-form').getByText('属实', { exact: true }).click();
    await coordinator.getByTestId('case-close-form').getByText('取消候选人资格').click();
    await coordinator
      .getByTestId('case-close-reply')
      .fill('经调查，反映问题属实，已取消其候选人资格，并当面答复举报人。');
    await coordinator.getByTestId('case-close-submit').click();
    await expect.poll(() => coordinator.getByTestId('case-status').innerText()).toBe('已办结');

    await county.goto(caseUrl);
    await expect.poll(() => county.getByTestId('case-status').innerText()).toBe('已办结');
    expect(await county.getByTestId('case-outcome-label').innerText()).toBe('属实');
    expect(await county.getByTestId('case-measures').innerText()).toContain('取消候选人资格');
    expect(await county.getByTestId('case-reply').innerText()).toContain('已取消其候选人资格');
    await county.screenshot({ path: '/tmp/cases-county-case.png', fullPage: true });

    // the overview's overdue card leads to the list of overdue cases
    await county.getByTestId('nav-overview').click();
    await county.getByTestId('overdue-cases-all').click();
    await county.getByTestId('cases-page').waitFor();
    expect(county.url()).toContain('overdue=1');
    await expect.poll(() => county.getByTestId('cases-count').innerText()).toMatch(/逾期 [1-9]/);
    expect(await county.getByTestId('cases-table').innerText()).not.toContain(
      ALLEGATION.slice(0, 20),
    );
  });
});
