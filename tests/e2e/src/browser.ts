import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { TIME_ZONE } from './clock.js';

export const CHROMIUM = process.env.HUANJIE_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this closed network needs; Playwright gives it a fresh profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A browser context in China's time zone whose clock reads `now` (the API's: see Stack.now) and
 * runs on from there, so the pages and the API agree on the day.
 */
export async function newContext(
  browser: Browser,
  now: Date,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ timezoneId: TIME_ZONE, ...options });
  // Playwright's 30 s for an action or a page to load, doubled for a busy 2-core machine
  context.setDefaultTimeout(60_000);
  await context.clock.install({ time: now });
  return context;
}

export const DEMO_PASSWORD = 'Huanjie@2026';

export async function signIn(
  page: Page,
  appUrl: string,
  username: string,
  password = DEMO_PASSWORD,
) {
  await page.goto(`${appUrl}/`);
  await field(page, 'login-username').fill(username);
  await field(page, 'login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** The input behind a test id, whether the id sits on the input itself or on its wrapper. */
export function field(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** Waits until no dialog is still zooming open: a click on its moving button can miss. */
export async function dialogsSettled(page: Page): Promise<void> {
  await page
    .locator('[class*="ant-zoom-appear"], [class*="ant-zoom-enter"]')
    .first()
    .waitFor({ state: 'detached' });
}
