import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { generateDemoCounty } from '@huanjie/db/demo';
import { field, launchBrowser, newContext, signIn } from './browser.js';
import { TODAY } from './clock.js';
import { useStack } from './stack.js';

/**
 * The village app's forms on a small phone (360×740): the home screen leads with today's tasks,
 * the candidate form starts with nothing picked for gender, education and political status and
 * asks for them, the result form opens at its top with the unit's election day and shows no error
 * before a field is touched, and the print page has a way back.
 */

const plan = generateDemoCounty();
// the second township votes in ten days: its villages' elections are prepared, not yet held
const township = plan.regions.filter((r) => r.level === 'township')[1]!;
const village = plan.regions.find((r) => r.parentKey === township.key && r.level === 'village')!;
const clerk = `vil${village.key.slice(1, 3)}${village.key.slice(4)}.clerk`;

/** The chips of a selector that are picked. */
const picked = (selector: Locator) => selector.locator('.adm-selector-item-active');

/** How far the page is scrolled down, in pixels. */
const scrollY = (page: Page) => page.evaluate<number>('window.scrollY');

/** Heights of the elements matched, in pixels, rounded. */
const heights = async (locator: Locator) =>
  Promise.all(
    (await locator.all()).map(async (l) => Math.round((await l.boundingBox())?.height ?? 0)),
  );

const stack = useStack();

describe('village forms on a 360×740 phone', () => {
  let browser: Browser;
  let phone: Page;
  let unitUrl = '';
  let unitDay = '';

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
      .screenshot({ path: join(tmpdir(), 'huanjie-phone-forms.png'), fullPage: true })
      .catch(() => undefined);
  });

  it("the home screen leads with today's tasks, the village's facts below them", async () => {
    await signIn(phone, stack.appUrls.village, clerk);
    const tasks = phone.getByTestId('today-tasks');
    await tasks.waitFor();
    const tasksBox = await tasks.boundingBox();
    const factsBox = await phone.getByTestId('region-facts').boundingBox();
    expect(tasksBox!.y).toBeLessThan(740);
    expect(tasksBox!.y).toBeLessThan(factsBox!.y);
    // a village ten days before its election has stages due this week
    await expect.poll(() => tasks.getByTestId('today-task').count()).toBeGreaterThan(0);
  });

  it('the candidate form starts with nothing picked and asks for what was skipped', async () => {
    const entry = phone.getByTestId('election-unit-V');
    unitDay = /\d{4}-\d{2}-\d{2}/.exec(await entry.innerText())?.[0] ?? '';
    // the point of the date check below: the unit's day is not today
    expect(unitDay).not.toBe('');
    expect(unitDay).not.toBe(TODAY);
    await entry.click();
    await phone.getByTestId('election-unit').waitFor();
    unitUrl = phone.url();

    await phone.getByTestId('add-candidate').click();
    const form = phone.getByTestId('candidate-form');
    await form.waitFor();
    for (const id of ['candidate-gender', 'candidate-education', 'candidate-political'])
      expect(await picked(form.getByTestId(id)).count()).toBe(0);
    expect(await form.locator('.adm-form-item-feedback-error').count()).toBe(0);
    // every chip on one line: 研究生 and 中共党员 as tall as 男
    const chips = await heights(form.locator('.adm-selector-item'));
    expect(new Set(chips).size).toBe(1);

    await field(phone, 'candidate-name').fill('赵秀兰');
    await field(phone, 'candidate-birth').fill('1985-06-12');
    await phone.getByTestId('candidate-save').click();
    for (const message of ['请选择性别', '请选择文化程度', '请选择政治面貌'])
      await form.getByText(message, { exact: true }).waitFor();
    expect(await phone.getByTestId('candidate-赵秀兰').count()).toBe(0);

    await form.getByTestId('candidate-gender').getByText('女', { exact: true }).click();
    await form.getByTestId('candidate-education').getByText('大专', { exact: true }).click();
    await form.getByTestId('candidate-political').getByText('中共党员', { exact: true }).click();
    await expect.poll(() => form.locator('.adm-form-item-feedback-error').count()).toBe(0);
    await phone.getByTestId('candidate-save').click();
    const row = phone.getByTestId('candidate-赵秀兰');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/女[\s\S]*中共党员[\s\S]*大专/);
  });

  it("the result form opens at its top, on the unit's day, with no error before a field is touched", async () => {
    const open = phone.getByTestId('open-result');
    await open.scrollIntoViewIfNeeded();
    expect(await scrollY(phone)).toBeGreaterThan(0);
    await open.click();
    await phone.getByTestId('result-entry').waitFor();
    await phone.getByTestId('m0-entitled').waitFor();
    expect(await scrollY(phone)).toBe(0);

    expect(await field(phone, 'm0-heldOn').inputValue()).toBe(unitDay);
    expect(await phone.locator('[data-testid^="err-"]').count()).toBe(0);
    expect(await phone.getByTestId('result-findings').count()).toBe(0);
    expect(await phone.locator('body').innerText()).not.toContain('应为不小于0的整数');

    // each count: its label on one line, a box wide enough to type in
    const labels = await heights(phone.getByTestId('meeting-0').locator('.hj-m-field-label'));
    expect(new Set(labels).size).toBe(1);
    for (const f of ['entitled', 'inPerson', 'ballotsIssued', 'ballotsInvalid']) {
      const box = await field(phone, `m0-${f}`).boundingBox();
      expect(box!.width).toBeGreaterThan(150);
    }

    // touched and left empty: that field, and only that one, says so
    await field(phone, 'm0-entitled').focus();
    await field(phone, 'm0-inPerson').focus();
    await expect
      .poll(() => phone.getByTestId('err-0-entitled').innerText())
      .toContain('应为不小于0的整数');
    expect(await phone.getByTestId('err-0-inPerson').count()).toBe(0);
    await field(phone, 'm0-entitled').fill('800');
    await expect.poll(() => phone.getByTestId('err-0-entitled').count()).toBe(0);

    // 上报 checks every field
    await phone.getByTestId('submit-result').click();
    await phone.getByTestId('submit-blocked').waitFor();
    await phone.locator('.adm-dialog .adm-dialog-button').first().click();
    await expect.poll(() => phone.getByTestId('err-0-ballotsValid').count()).toBe(1);
    expect(await phone.getByTestId('result-status').getAttribute('data-status')).toBe('none');
  });

  it('the print page has a back button that returns to the election', async () => {
    await phone.goto(unitUrl);
    await phone.getByTestId('election-unit').waitFor();
    await phone.getByTestId('open-print').click();
    await phone.getByTestId('print-list').waitFor();
    await phone.getByTestId('print-back').click();
    await phone.getByTestId('election-unit').waitFor();
    expect(phone.url()).toBe(unitUrl);
  });

  it('prints the voter list notice on A4: the issuing body, its date and the seal line, no buttons', async () => {
    await phone.goto(unitUrl);
    await phone.getByTestId('election-unit').waitFor();
    await phone.getByTestId('open-print').click();
    await phone.getByTestId('print-list').waitFor();
    await phone.getByTestId('print-kind-voters').click();
    const sheet = phone.locator('[data-testid="print-notice"][data-notice="voters"]');
    await sheet.waitFor();
    // the village's groups are listed, the objection period names where objections go
    await expect.poll(() => sheet.getByTestId('print-row').count()).toBeGreaterThan(0);
    expect(await sheet.getByTestId('print-objection').innerText()).toContain(
      `${village.name}村民选举委员会`,
    );
    await phone.emulateMedia({ media: 'print' });
    try {
      expect(await phone.getByTestId('print-now').isVisible()).toBe(false);
      expect(await phone.getByTestId('print-kind-voters').isVisible()).toBe(false);
      expect(await sheet.getByTestId('print-issuer').innerText()).toBe(
        `${village.name}村民选举委员会`,
      );
      expect(await sheet.getByTestId('print-seal').innerText()).toContain('盖章处');
      expect(await sheet.getByTestId('print-date').innerText()).toMatch(
        /^\d{4}年\d{1,2}月\d{1,2}日$/,
      );
      // the signature block fits the phone's width, so nothing is cut off the printed page
      const box = await sheet.getByTestId('print-signature').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    } finally {
      await phone.emulateMedia({ media: 'screen' });
    }
  });
});
