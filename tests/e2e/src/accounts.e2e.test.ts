import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { dialogsSettled, field, launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';

const stack = useStack();

describe('accounts: the county admin resets a clerk, who must set a password at first sign-in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('issues a one-time password on a slip; the clerk sets a new one, then works; the admin disables the clerk', async () => {
    const adminContext = await newContext(browser, stack.now());
    const admin = await adminContext.newPage();
    await signIn(admin, stack.appUrls.county, 'county.admin');
    await admin.getByTestId('nav-accounts').click();
    await admin.getByTestId('accounts-page').waitFor();
    await admin.getByTestId('accounts-search').locator('input').fill('vil01007.clerk');
    await admin.getByTestId('accounts-search').locator('input').press('Enter');
    await expect.poll(() => admin.getByTestId('account-reset').count()).toBe(1);
    await admin.getByTestId('account-reset').click();
    await admin.getByRole('button', { name: /OK|确\s*定/ }).click();
    await admin.getByTestId('issued-table').waitFor();
    await dialogsSettled(admin);
    await admin.getByTestId('issued-print').click();
    await admin.getByTestId('slips-page').waitFor();
    expect(await admin.getByTestId('slip').count()).toBe(1);
    expect(await admin.getByTestId('slip-username').innerText()).toBe('vil01007.clerk');
    const oneTime = (await admin.getByTestId('slip-password').innerText()).trim();
    expect(oneTime).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    const clerkContext = await newContext(browser, stack.now());
    const clerk = await clerkContext.newPage();
    await signIn(clerk, stack.appUrls.village, 'vil01007.clerk', oneTime);
    await clerk.getByTestId('set-password-page').waitFor();
    await field(clerk, 'password-current').fill(oneTime);
    await field(clerk, 'password-new').fill('short');
    await field(clerk, 'password-repeat').fill('short');
    await clerk.getByTestId('password-submit').click();
    await expect
      .poll(() => clerk.getByTestId('password-error').innerText())
      .toContain('至少10个字符');
    await field(clerk, 'password-new').fill('a-fresh-clerk-secret');
    await field(clerk, 'password-repeat').fill('a-fresh-clerk-secret');
    await clerk.getByTestId('password-submit').click();
    await clerk.getByTestId('region-name').first().waitFor();

    // the admin disables the clerk: the clerk's next request signs it out
    await admin.goto(`${stack.appUrls.county}/accounts`);
    await admin.getByTestId('accounts-search').locator('input').fill('vil01007.clerk');
    await admin.getByTestId('accounts-search').locator('input').press('Enter');
    await expect.poll(() => admin.getByTestId('account-disable').count()).toBe(1);
    await admin.getByTestId('account-disable').click();
    await admin.getByRole('button', { name: /OK|确\s*定/ }).click();
    await expect
      .poll(() => admin.getByTestId('account-status').first().innerText())
      .toContain('已停用');
    await clerk.reload();
    await expect.poll(() => clerk.getByTestId('login-submit').count()).toBe(1);
    await adminContext.close();
    await clerkContext.close();
  });
});
