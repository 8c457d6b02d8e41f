import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateDemoCounty } from '@huanjie/db/demo';
import { field, launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';

/**
 * The handover after the vote, as its users do it: a clerk of a village that has elected opens the
 * follow-up checklist on the phone, is refused a date before the election day (the field named),
 * then records the five handover items; the county overview counts one more village handed over.
 */

const plan = generateDemoCounty();
// the first township has voted: its villages' follow-up is open
const township = plan.regions.filter((r) => r.level === 'township')[0];
const village = plan.regions.find((r) => r.parentKey === township?.key && r.level === 'village');
const key = village?.key ?? '';
const clerk = `vil${key.slice(1, 3)}${key.slice(4)}.clerk`;
const HANDOVER = [
  'handover.seal',
  'handover.finance',
  'handover.assets',
  'handover.archives',
  'handover.pending',
];
const stack = useStack();

describe('the handover checklist after the vote', () => {
  let browser: Browser;
  let desk: Page;
  let phone: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    desk = await (await newContext(browser, stack.now())).newPage();
    phone = await (
      await newContext(browser, stack.now(), { viewport: { width: 360, height: 740 } })
    ).newPage();
  });
  afterAll(() => browser.close());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await phone
      .screenshot({ path: join(tmpdir(), 'huanjie-follow-up-phone.png'), fullPage: true })
      .catch(() => undefined);
    await desk
      .screenshot({ path: join(tmpdir(), 'huanjie-follow-up-desk.png'), fullPage: true })
      .catch(() => undefined);
  });

  /** The overview card's villages handed over (its value before the "/ villages"). */
  async function handedOver(): Promise<number> {
    await desk.goto(`${stack.appUrls.county}/overview`);
    const card = desk.getByTestId('follow-up-card');
    await card.waitFor();
    const text = await card.getByTestId('follow-up-handed-over').innerText();
    return Number(/(\d+)\s*\/\s*\d+/.exec(text.replace(/\n/g, ' '))?.[1] ?? NaN);
  }

  it('a clerk records the handover on the phone and the county counts the village handed over', async () => {
    await signIn(desk, stack.appUrls.county, 'county.leader');
    // the leader lands on the overview once signed in
    await desk.getByTestId('campaign-overview').waitFor();
    const before = await handedOver();
    expect(before).not.toBeNaN();

    await signIn(phone, stack.appUrls.village, clerk);
    await phone.getByTestId('campaign-entry-item').first().waitFor();
    await phone.getByTestId('campaign-entry-item').first().click();
    await phone.getByTestId('track-tab-F').click();
    await phone.getByTestId('follow-up-link').click();
    await phone.getByTestId('follow-up-item-handover.seal').waitFor();

    // the API's today, as the phone's date field takes it
    const today = new Date(stack.now().getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    for (const [i, code] of HANDOVER.entries()) {
      const item = phone.getByTestId(`follow-up-item-${code}`);
      expect(await item.getAttribute('data-status'), code).not.toBe('done');
      await item.click();
      await phone.getByTestId('follow-up-form').waitFor();
      await field(phone, 'follow-up-done-by').fill('王建国、李志强');
      if (i === 0) {
        // a date before the election day is refused, naming the field; nothing is recorded
        await field(phone, 'follow-up-done-on').fill('2020-01-01');
        await phone.getByTestId('follow-up-save').click();
        await expect
          .poll(() => phone.getByTestId('follow-up-error').innerText())
          .toContain('完成日期');
      }
      await field(phone, 'follow-up-done-on').fill(today);
      await phone.getByTestId('follow-up-save').click();
      await expect
        .poll(() => phone.getByTestId(`follow-up-item-${code}`).getAttribute('data-status'))
        .toBe('done');
    }

    await expect.poll(() => handedOver()).toBe(before + 1);
  });
});
