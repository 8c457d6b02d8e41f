import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, field, launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';
import { generateDemoCounty } from '@huanjie/db/demo';

const demo = generateDemoCounty();
/** The township coordinator of a village named `name` (demo usernames: town01.coordinator). */
function coordinatorOf(name: string): string {
  const village = demo.regions.find((r) => r.name === name);
  const township = village?.parentKey ?? '';
  return `town${township.slice(1)}.coordinator`;
}

/**
 * A screen per role (issue 12): the county leader lands on the campaign overview and is offered
 * nothing that is the admin's or the township's; a county supervisor gets the inspections screen
 * instead of county-wide ones; a signed-out user who opens a deep link is back on it after signing
 * in, in each of the three apps.
 */

const stack = useStack();

/** Fills in the login form the app showed (not the home page's), as a user sent there would. */
async function signInHere(page: Page, username: string) {
  await field(page, 'login-username').waitFor();
  await field(page, 'login-username').fill(username);
  await field(page, 'login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

const regionLink = (key: string) =>
  `/regions/${encodeURIComponent(`Region:${String(stack.regionIds[key])}`)}`;

describe('a screen per role', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  /** An overview deep link the leader's overview offers (a township's, with its campaign). */
  let townshipOverview = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    if (context) await context.close();
    context = await newContext(browser, stack.now(), { viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await page
      .screenshot({ path: join(tmpdir(), 'huanjie-roles.png'), fullPage: true })
      .catch(() => undefined);
  });

  it('the county leader lands on the campaign overview, with the supervision counts', async () => {
    await signIn(page, stack.appUrls.county, 'county.leader');
    await page.getByTestId('campaign-overview').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/overview/);
    await page.getByTestId('supervision-counts').waitFor();
    const href = await page.locator('a[data-testid^="child-"]').first().getAttribute('href');
    expect(href).toMatch(/^\/overview\/[^/]+\/[^/]+$/);
    townshipOverview = href ?? '';
  });

  it('the leader is offered no admin-only or township-only action, and reads the audit log', async () => {
    await signIn(page, stack.appUrls.county, 'county.leader');
    await page.getByTestId('campaign-overview').waitFor();
    await page.getByTestId('nav-campaigns').click();
    await page.getByTestId('campaigns-page').waitFor();
    expect(await page.getByTestId('campaign-new').count()).toBe(0);
    await page.getByTestId('nav-results').click();
    await page.getByTestId('results-queue').waitFor();
    const row = page.locator('a[data-testid^="queue-row-"]').first();
    await row.click();
    // the result is there, the township's approve / return / amend buttons are not; comments are
    await page.getByTestId('comment-panel').waitFor();
    expect(await page.getByTestId('approve').count()).toBe(0);
    expect(await page.getByTestId('return').count()).toBe(0);
    expect(await page.getByTestId('amend').count()).toBe(0);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-page').waitFor();
    expect(await page.getByText('无权').count()).toBe(0);
  });

  it('the leader escalates a result; it is on its township’s queue, which answers it', async () => {
    await signIn(page, stack.appUrls.county, 'county.leader');
    await page.getByTestId('campaign-overview').waitFor();
    await page.getByTestId('nav-results').click();
    const row = page.locator('a[data-testid^="queue-row-"]').first();
    await row.waitFor();
    const village = ((await row.getAttribute('data-testid')) ?? '').split('-')[2] ?? '';
    await row.click();
    await page.getByTestId('comment-body').fill('请乡镇核实得票与有效票');
    await page.getByTestId('comment-send').click();
    await expect.poll(() => page.getByTestId('comment-item').count()).toBe(1);

    const township = await (await newContext(browser, stack.now())).newPage();
    await signIn(township, stack.appUrls.township, coordinatorOf(village));
    await township.getByTestId('nav-supervision').click();
    await township.getByTestId('tab-escalations').click();
    const list = township.getByTestId('escalation-list');
    await expect.poll(() => list.innerText()).toContain('请乡镇核实得票与有效票');
    await township.getByTestId('escalation-resolve').first().click();
    await township.getByTestId('escalation-resolution').fill('已核对计票单，数字无误');
    await township.getByTestId('escalation-resolution-save').click();
    await expect.poll(() => township.getByTestId('escalation-resolve').count()).toBe(0);

    await page.reload();
    await expect
      .poll(() => page.getByTestId('comment-panel').innerText())
      .toContain('已核对计票单，数字无误');
  });

  it('the county supervisor gets the inspections screen, not the county-wide ones', async () => {
    await signIn(page, stack.appUrls.county, 'county.supervisor');
    await page.getByTestId('supervision-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/supervision');
    await page.getByTestId('inspection-new').waitFor();
    for (const entry of ['nav-guidance', 'nav-audit', 'nav-campaigns', 'nav-overview']) {
      expect(await page.getByTestId(entry).count(), entry).toBe(0);
    }
    expect(await page.getByText('无权查看').count()).toBe(0);
  });

  it('county app: a signed-out deep link to an overview is where the leader is after signing in', async () => {
    expect(townshipOverview).not.toBe('');
    await page.goto(`${stack.appUrls.county}${townshipOverview}`);
    await signInHere(page, 'county.leader');
    await page.getByTestId('campaign-overview').waitFor();
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(
      decodeURIComponent(townshipOverview),
    );
  });

  for (const [app, username, key] of [
    ['township', 'town01.coordinator', 't01v001'],
    ['village', 'vil01001.clerk', 't01v001'],
  ] as const) {
    it(`${app} app: a signed-out deep link survives the sign-in`, async () => {
      const link = regionLink(key);
      await page.goto(`${stack.appUrls[app]}${link}`);
      await signInHere(page, username);
      await page.getByTestId('region-name').first().waitFor();
      expect(new URL(page.url()).pathname).toBe(link);
    });
  }
});
