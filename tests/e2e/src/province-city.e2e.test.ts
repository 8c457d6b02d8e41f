import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';

/**
 * Above the county (issue 12): a province leader lands on the rollup of the counties below, each
 * figure with its denominator, opens the demo county's overview from it and is offered nothing to
 * write; reads the audit log of the province. A province admin creates a county under the demo
 * city (a wrong code refused in Chinese) and its first admin, and gets the one-time password slip.
 */

const stack = useStack();
const ONE_TIME = /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/;
const DEMO_COUNTY = '云岭县';

describe('province and city users in the county app', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    if (context) await context.close();
    context = await newContext(browser, stack.now(), { viewport: { width: 1500, height: 900 } });
    page = await context.newPage();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await page
      .screenshot({ path: join(tmpdir(), 'huanjie-province-city.png'), fullPage: true })
      .catch(() => undefined);
  });

  it('a province leader lands on the rollup, opens the demo county’s overview, and writes nothing', async () => {
    // every answer the pages get is without an error (no screen assumes the user is a county's)
    const failures: string[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/graphql')) return;
      void response
        .json()
        .then((body: { errors?: { message: string; path?: string[] }[] }) => {
          for (const e of body.errors ?? []) {
            failures.push(`${(e.path ?? []).join('.')}: ${e.message}`);
          }
        })
        .catch(() => undefined);
    });
    await signIn(page, stack.appUrls.county, 'province.leader');
    await page.getByTestId('rollup-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/rollup');
    // the signed-out page's question who the user is was the only one refused
    expect(failures.filter((f) => !f.startsWith('me:'))).toEqual([]);
    failures.length = 0;
    // the province's counties by city, each figure with its denominator
    await page.getByTestId('rollup-city-演示市').waitFor();
    const done = await page.getByTestId(`rollup-done-${DEMO_COUNTY}`).innerText();
    const [, count, villages] = /^(\d+) \/ (\d+) 村/.exec(done) ?? [];
    expect(Number(villages)).toBeGreaterThan(0);
    expect(await page.getByTestId(`rollup-overdue-${DEMO_COUNTY}`).innerText()).toMatch(
      new RegExp(`^\\d+ / ${villages ?? ''} 村`),
    );
    // the rollup and the audit log are theirs; the county's own screens and every write are not
    for (const entry of ['nav-rollup', 'nav-audit']) {
      expect(await page.getByTestId(entry).count(), entry).toBe(1);
    }
    for (const entry of [
      'nav-overview',
      'nav-campaigns',
      'nav-accounts',
      'nav-counties',
      'nav-regions',
    ]) {
      expect(await page.getByTestId(entry).count(), entry).toBe(0);
    }

    await page.getByTestId(`rollup-county-${DEMO_COUNTY}`).click();
    const overview = page.getByTestId('campaign-overview');
    await overview.waitFor();
    expect(await overview.locator('h3').first().innerText()).toContain(DEMO_COUNTY);
    // the same figure as the rollup's, of the same villages
    const card = await page.getByTestId('total-done').innerText();
    expect(card.replace(/\s+/g, '')).toContain(`${count ?? ''}/${villages ?? ''}`);
    expect(
      await page.getByRole('button', { name: /新建|保存|审核|编辑|删除|提交|锁定/ }).count(),
    ).toBe(0);
    // the county's overdue cases are read here; the case list is a county's screen, not linked
    await page.getByTestId('overdue-cases-card').waitFor();
    expect(await page.getByTestId('overdue-cases-all').count()).toBe(0);

    // a township's overview below it, and the county's statistics from the rollup
    await page.locator('[data-testid^="child-"]').first().click();
    await page.waitForURL(/\/overview\/[^/]+\/[^/]+$/);
    await page.getByTestId('campaign-overview').waitFor();
    await page.waitForLoadState('networkidle');
    // a village of it: read, with no risk level to set and no record to comment on
    await page.locator('[data-testid^="child-"]').first().click();
    await page.getByTestId('campaign-village').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('risk-save').count()).toBe(0);
    expect(
      await page
        .getByRole('button', { name: /新建|保存|审核|编辑|删除|提交|锁定|评论|督办/ })
        .count(),
    ).toBe(0);
    await page.getByTestId('nav-rollup').click();
    await page.getByTestId('rollup-page').waitFor();
    await page.getByRole('link', { name: '统计' }).first().click();
    await page.waitForURL(/\/statistics\//);
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('page-error').count()).toBe(0);

    // the audit log of the province, and its chains verified
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-page').waitFor();
    await page.getByTestId('audit-verify').click();
    expect(await page.getByTestId('audit-verify-result').innerText()).toContain('校验通过');
    expect(await page.getByTestId('page-error').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(failures).toEqual([]);
  });

  it('a province admin creates a county under the demo city and its first admin, and gets the slip', async () => {
    await signIn(page, stack.appUrls.county, 'province.admin');
    await page.getByTestId('rollup-page').waitFor();
    await page.getByTestId('nav-counties').click();
    await page.getByTestId('counties-page').waitFor();
    await page.getByTestId('counties-add-county').click();
    await page.getByTestId('counties-name').fill('新建示范县');
    // a code outside the city's: refused, in Chinese, naming the city and its code
    await page.getByTestId('counties-code').fill('540181000000');
    await page.locator('#counties-region-save').click();
    const problem = await page.getByTestId('counties-problem').innerText();
    expect(problem).toContain('统计用区划代码');
    expect(problem).toContain('演示市');
    await page.getByTestId('counties-code').fill('530981000000');
    await page.locator('#counties-region-save').click();

    // the new county's first admin comes next
    await page.getByTestId('counties-username').fill('shifan.admin');
    await page.getByTestId('counties-display-name').fill('示范县管理员');
    await page.locator('#counties-admin-save').click();
    const password = await page.getByTestId('counties-one-time-password').innerText();
    expect(password).toMatch(ONE_TIME);
    await page.getByTestId('counties-print').click();
    const slips = page.getByTestId('slips-page');
    await slips.waitFor();
    const text = await slips.innerText();
    expect(text).toContain('shifan.admin');
    expect(text).toContain(password);
    expect(text).toContain('新建示范县');
  });
});
