import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateDemoCounty } from '@huanjie/db/demo';
import { field, launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';

/**
 * A village records its 村民代表 on the phone: with fewer than a third women the women-share
 * warning (naming the rule's citation) appears at once, and it clears when a woman is added.
 */

const plan = generateDemoCounty();
// the second township votes later: its villages have no representatives yet
const township = plan.regions.filter((r) => r.level === 'township')[1]!;
const village = plan.regions.find((r) => r.parentKey === township.key && r.level === 'village')!;
const clerk = `vil${village.key.slice(1, 3)}${village.key.slice(4)}.clerk`;

const stack = useStack();

describe('a village records its representatives', () => {
  let browser: Browser;
  let phone: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    phone = await (
      await newContext(browser, stack.now(), { viewport: { width: 360, height: 740 } })
    ).newPage();
  });
  afterAll(() => browser.close());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await phone
      .screenshot({ path: join(tmpdir(), 'huanjie-representatives.png'), fullPage: true })
      .catch(() => undefined);
  });

  const womenWarning = () =>
    phone.locator('[data-testid="reps-checks"] [data-rule="representatives.women_share"]');

  async function add(name: string, gender: '女' | '男') {
    const form = phone.getByTestId('rep-form');
    await field(phone, 'rep-name').fill(name);
    const groups = form.getByTestId('rep-group').locator('.adm-selector-item');
    if ((await form.getByTestId('rep-group').locator('.adm-selector-item-active').count()) === 0) {
      await groups.first().click();
    }
    await form.getByTestId('rep-gender').getByText(gender, { exact: true }).click();
    const before = await phone.getByTestId('rep-item').count();
    await phone.getByTestId('rep-save').click();
    await expect.poll(() => phone.getByTestId('rep-item').count()).toBe(before + 1);
  }

  it('the women-share warning appears below one third and clears when fixed', async () => {
    await signIn(phone, stack.appUrls.village, clerk);
    await phone.getByTestId('campaign-entry-item').first().click();
    await phone.getByTestId('representatives-entry').click();
    await phone.getByTestId('rep-form').waitFor();
    expect(await phone.getByTestId('rep-item').count()).toBe(0);

    // no group picked: refused in words, nothing recorded
    await field(phone, 'rep-name').fill('无组人');
    await phone.getByTestId('rep-save').click();
    await expect
      .poll(() => phone.getByTestId('rep-error').innerText())
      .toContain('请选择所属村民小组');
    expect(await phone.getByTestId('rep-item').count()).toBe(0);

    await add('王建国', '男');
    await add('李志强', '男');
    await add('张秀英', '女');
    await add('赵德明', '男');
    // 1 woman of 4: below one third
    await womenWarning().waitFor();
    const warning = await womenWarning().innerText();
    expect(warning).toContain('妇女代表1人，不足村民代表4人的1/3');
    expect(warning).toContain('第二十五条');

    // a second woman: 2 of 5 passes, the warning is gone
    await add('刘桂兰', '女');
    await expect.poll(() => womenWarning().count()).toBe(0);
    expect(await phone.getByTestId('reps-summary').innerText()).toContain(
      '村民代表5人，其中妇女2人',
    );

    // a man again, 2 of 6 is exactly one third: still no warning; one more man brings it back
    await add('孙海涛', '男');
    await expect.poll(() => womenWarning().count()).toBe(0);
    await add('周立新', '男');
    await womenWarning().waitFor();
    // removing him clears it again
    await phone
      .getByTestId('rep-item')
      .filter({ hasText: '周立新' })
      .getByTestId('rep-remove')
      .click();
    await expect.poll(() => womenWarning().count()).toBe(0);
    expect(await phone.getByTestId('rep-item').count()).toBe(6);
  });
});
