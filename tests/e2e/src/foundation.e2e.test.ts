import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateDemoCounty } from '@huanjie/db/demo';
import { launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';

const demo = generateDemoCounty();
const nameOf = (key: string) => {
  const region = demo.regions.find((r) => r.key === key);
  if (!region) throw new Error(`no demo region ${key}`);
  return region.name;
};

const CASES = [
  { app: 'village', username: 'vil01001.clerk', home: 't01v001', foreign: 't01v002', crumb: 't01' },
  { app: 'township', username: 'town01.coordinator', home: 't01', foreign: 't02', crumb: 'c' },
  { app: 'county', username: 'county.admin', home: 'c', foreign: null, crumb: null },
] as const;

const stack = useStack();

describe('sign in to each app and see only your own region', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    if (context) await context.close();
    context = await newContext(browser, stack.now());
    page = await context.newPage();
  });

  for (const c of CASES) {
    it(`${c.app} app: ${c.username} sees ${c.home}, its breadcrumb and children, and logs out`, async () => {
      await signIn(page, stack.appUrls[c.app], c.username);
      await expect
        .poll(() => page.getByTestId('region-name').first().textContent())
        .toContain(nameOf(c.home));
      const children = demo.regions.filter((r) => r.parentKey === c.home);
      expect(children.length).toBeGreaterThan(0);
      await expect
        .poll(() => page.getByTestId('region-children').innerText())
        .toContain(children[0]!.name);
      if (c.crumb) {
        await expect
          .poll(() => page.getByTestId('breadcrumb').innerText())
          .toContain(nameOf(c.crumb));
      }
      await page.getByTestId('logout').click();
      await expect.poll(() => page.getByTestId('login-submit').count()).toBe(1);
    });

    if (c.foreign) {
      const foreign = c.foreign;
      it(`${c.app} app: ${c.username} cannot open another region's page`, async () => {
        await signIn(page, stack.appUrls[c.app], c.username);
        await page.getByTestId('region-name').first().waitFor();
        await page.goto(
          `${stack.appUrls[c.app]}/regions/${encodeURIComponent(`Region:${String(stack.regionIds[foreign])}`)}`,
        );
        await expect.poll(() => page.getByTestId('page-error').innerText()).toMatch(/无权/);
        expect(await page.content()).not.toContain(nameOf(foreign));
      });
    }
  }

  it('shows the error for a wrong password and stays on the login page', async () => {
    await signIn(page, stack.appUrls.county, 'county.leader', 'wrong-password');
    await expect
      .poll(() => page.getByTestId('login-error').innerText())
      .toContain('用户名或密码错误');
    expect(await page.getByTestId('region-name').count()).toBe(0);
  });

  it('tells a county user who opens the village app to use the county app', async () => {
    await signIn(page, stack.appUrls.village, 'county.admin');
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('县级端');
  });
});
