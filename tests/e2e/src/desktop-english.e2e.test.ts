import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { generateDemoCounty } from '@huanjie/db/demo';
import { launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';

/**
 * The township coordinator switches the top bar to English: the campaign overview, the results
 * queue and a result's review page read in English throughout — headings, column titles and
 * buttons; only data (region, person and stage names) may stay Chinese.
 */

const plan = generateDemoCounty();
// the demo's pilot township: its villages voted days ago, and their results were approved
const township = plan.regions.find((r) => r.level === 'township')!;
const coordinator = `town${township.key.slice(1)}.coordinator`;

const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** The texts of every element the locator matches, each of which must hold no Chinese. */
async function expectNoChinese(elements: Locator) {
  const texts = (await elements.allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '');
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.filter((t) => CHINESE.test(t))).toEqual([]);
}

const stack = useStack();

describe('the desktop in English', () => {
  let browser: Browser;
  let desk: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    desk = await (
      await newContext(browser, stack.now(), { viewport: { width: 1400, height: 900 } })
    ).newPage();
  });
  afterAll(() => browser.close());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await desk
      .screenshot({ path: join(tmpdir(), 'huanjie-desktop-english.png'), fullPage: true })
      .catch(() => undefined);
    const text = await desk
      .locator('body')
      .innerText()
      .catch(() => '');
    writeFileSync(join(tmpdir(), 'huanjie-desktop-english.txt'), `${desk.url()}\n${text}`);
  });

  it('the coordinator switches to English and reads the campaign overview', async () => {
    await signIn(desk, stack.appUrls.township, coordinator);
    await desk.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => desk.locator('html').getAttribute('lang')).toBe('en');
    await desk.getByTestId('nav-overview').click();
    const overview = desk.getByTestId('campaign-overview');
    await overview.waitFor();
    const text = await overview.innerText();
    expect(text).toContain('County election day');
    expect(text).toContain('Progress by village');
    expect(text).toContain('Stages completed (counted in election units)');
    expect(text).toMatch(/Overdue stages \(\d+\)/);
    await expectNoChinese(overview.locator('.ant-card-head-title'));
    await expectNoChinese(overview.locator('.ant-statistic-title'));
    await expectNoChinese(overview.locator('th'));
  });

  it('the results queue and a result review read in English', async () => {
    await desk.getByTestId('nav-results').click();
    const queue = desk.getByTestId('results-queue');
    await queue.waitFor();
    expect(await queue.locator('h3').innerText()).toContain('Election results review');
    expect(await desk.getByTestId('queue-submitted').innerText()).toBe('Awaiting review');
    await expectNoChinese(queue.locator('th'));
    await expectNoChinese(queue.locator('.ant-segmented-item-label'));
    const rows = queue.locator('[data-testid^="queue-row-"]');
    await rows.first().waitFor();
    await expectNoChinese(queue.locator('.ant-tag'));
    await rows.first().click();

    const review = desk.getByTestId('result-review');
    await review.waitFor();
    expect(await desk.getByTestId('review-status').innerText()).toBe('Submitted, awaiting review');
    expect(await desk.getByTestId('approve').innerText()).toBe('Approve (lock)');
    expect(await desk.getByTestId('return').innerText()).toBe('Return');
    const text = await review.innerText();
    expect(text).toContain('Registered voters');
    expect(text).toContain('Revision history (cannot be altered)');
    expect(text).toMatch(/Version 1 · Submitted/);
    await expectNoChinese(review.locator('.ant-card-head-title').filter({ hasNotText: '·' }));
    await expectNoChinese(review.locator('th'));
    await expectNoChinese(review.locator('button'));
    await expectNoChinese(review.locator('.ant-descriptions-item-label'));
  });
});
