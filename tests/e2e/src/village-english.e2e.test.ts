import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { generateDemoCounty } from '@huanjie/db/demo';
import { field, launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';

/**
 * The village app in English on a phone (360×740): after the language switch, the home page, an
 * election unit, its candidate form and its result form show their own words in English. What
 * comes from the data (village and candidate names, stage names, labels the API sends) stays as
 * it is; everything else the clerk reads holds no Chinese.
 */

const plan = generateDemoCounty();
// the second township votes in ten days: its villages' elections are prepared, not yet held
const township = plan.regions.filter((r) => r.level === 'township')[1]!;
const village = plan.regions.find((r) => r.parentKey === township.key && r.level === 'village')!;
const clerk = `vil${village.key.slice(1, 3)}${village.key.slice(4)}.clerk`;

const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** The visible text of every element matched, one entry each. */
const texts = async (locator: Locator) =>
  (await locator.allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '');

/** Texts that hold Chinese: what a test expects to be empty. */
const chineseIn = (list: readonly string[]) => list.filter((t) => CHINESE.test(t));

const stack = useStack();

describe('the village app in English on a 360×740 phone', () => {
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
      .screenshot({ path: join(tmpdir(), 'huanjie-village-english.png'), fullPage: true })
      .catch(() => undefined);
  });

  it('the language switch turns the home page English', async () => {
    await signIn(phone, stack.appUrls.village, clerk);
    const tasks = phone.getByTestId('today-tasks');
    await tasks.waitFor();
    // the switch names the other language
    const toggle = phone.getByTestId('language-switch');
    expect(await toggle.innerText()).toBe('English');
    await toggle.click();
    await expect.poll(() => toggle.innerText()).toBe('中文');
    expect(await phone.evaluate<string>('document.documentElement.lang')).toBe('en');

    await expect.poll(() => phone.getByTestId('logout').innerText()).toBe('Sign out');
    await expect.poll(() => tasks.locator('.adm-list-header').innerText()).toBe('To do today');
    const elections = phone.getByTestId('election-entry');
    expect(await elections.locator('.adm-list-header').innerText()).toBe(
      'Elections: candidates and results',
    );
    expect(await phone.getByTestId('campaign-entry').locator('.adm-list-header').innerText()).toBe(
      'Campaign progress reports',
    );
    expect(await phone.getByTestId('election-unit-V').innerText()).toMatch(
      /Election day \d{4}-\d{2}-\d{2}/,
    );
    // the tasks' due dates and days left, the lists' headers and descriptions: English only
    const descriptions = await texts(
      phone.locator('[data-testid="today-task"] .adm-list-item-description'),
    );
    expect(descriptions.length).toBeGreaterThan(0);
    for (const d of descriptions) expect(d).toMatch(/^(Due|Election day) \d{4}-\d{2}-\d{2}/);
    expect(chineseIn(descriptions)).toEqual([]);
    expect(chineseIn(await texts(phone.locator('.adm-list-header')))).toEqual([]);
    expect(chineseIn(await texts(elections.locator('.adm-list-item-description')))).toEqual([]);
  });

  it('the election unit and its candidate form are English', async () => {
    await phone.getByTestId('election-unit-V').click();
    const unit = phone.getByTestId('election-unit');
    await unit.waitFor();
    expect(await unit.locator('.hj-m-muted').first().innerText()).toContain('Election day');

    const seats = phone.getByTestId('seats');
    expect(await seats.locator('.adm-list-header').innerText()).toBe('Seats');
    const seatsText = await seats.innerText();
    for (const words of ['Chair', 'Vice chair', 'Member', 'Formal candidates:', 'Save seats'])
      expect(seatsText).toContain(words);
    expect(chineseIn([seatsText])).toEqual([]);

    const publicity = phone.getByTestId('publicity');
    expect(await publicity.locator('.adm-list-header').innerText()).toBe('Public notice');
    expect(await publicity.innerText()).toContain(
      'Public notice period for the (prospective) candidates',
    );
    expect(await phone.getByTestId('candidates').locator('.adm-list-header').innerText()).toMatch(
      /^Candidates \(\d+\)$/,
    );
    expect(await phone.getByTestId('open-result').innerText()).toBe(
      'Enter the election meeting results',
    );
    expect(chineseIn(await texts(unit.locator('.adm-list-header, button')))).toEqual([]);

    await phone.getByTestId('add-candidate').click();
    const form = phone.getByTestId('candidate-form');
    await form.waitFor();
    const formText = await form.innerText();
    for (const words of [
      'Add a candidate (Joint nomination by voters)',
      'Name',
      'Gender',
      'Female',
      'Date of birth',
      'Education',
      'Junior college',
      'Political status',
      'CPC member',
      'Joint nominators',
      'Save candidate',
    ])
      expect(formText).toContain(words);
    // labels, chips and the button: nothing left in Chinese
    expect(chineseIn([formText])).toEqual([]);
    await phone.getByTestId('candidate-save').click();
    await form.getByText('Choose the gender', { exact: true }).waitFor();
    expect(chineseIn([await form.innerText()])).toEqual([]);
    // the mask shows above the popup, which takes up to 90% of the screen
    await phone
      .locator('.adm-mask')
      .first()
      .click({ position: { x: 180, y: 10 } });
    await form.waitFor({ state: 'hidden' });
  });

  it('the result form is English, but for the names and rule findings it shows', async () => {
    await phone.getByTestId('open-result').click();
    const entry = phone.getByTestId('result-entry');
    await entry.waitFor();
    await phone.getByTestId('m0-entitled').waitFor();

    const meeting = phone.getByTestId('meeting-0');
    expect(await meeting.locator('.adm-list-header').innerText()).toBe('Election meeting');
    // the candidates' rows are labelled with their names: data, left out
    const names = await Promise.all(
      (await entry.locator('[data-testid^="m0-vote-"]').all()).map(async (el) =>
        ((await el.getAttribute('data-testid')) ?? '').replace('m0-vote-', ''),
      ),
    );
    const labels = (await texts(meeting.locator('.hj-m-field-label'))).filter(
      (label) => !names.includes(label),
    );
    for (const label of [
      'Election date',
      'Registered voters',
      'Voted in person',
      'Ballots issued',
      'Ballots returned',
      'Valid ballots',
      'Invalid ballots',
    ])
      expect(labels).toContain(label);
    expect(chineseIn(labels)).toEqual([]);
    expect(await meeting.innerText()).toContain('Voters present (calculated)');
    // under each candidate, the post: English
    expect(chineseIn(await texts(meeting.locator('.adm-list-item-description')))).toEqual([]);

    expect(await phone.getByTestId('result-status').innerText()).toBe('Not submitted');
    expect(await entry.locator('.hj-m-section a').innerText()).toBe('← Candidates');
    expect(await phone.getByTestId('outcome').locator('.adm-list-header').innerText()).toBe(
      'Outcome (worked out by the rules)',
    );
    expect(await phone.getByTestId('save-draft').innerText()).toBe('Save draft');
    expect(await phone.getByTestId('submit-result').innerText()).toBe('Submit to the township');
    const buttons = await texts(entry.locator('button'));
    expect(buttons.length).toBeGreaterThan(1);
    expect(chineseIn(buttons)).toEqual([]);
    expect(chineseIn(await texts(entry.locator('.adm-list-header')))).toEqual([]);
    expect(await entry.locator('h1').innerText()).toMatch(/ · Election results$/);

    // a field touched and left empty: the rule's message is data, its place on the form is not
    await field(phone, 'm0-entitled').focus();
    await field(phone, 'm0-inPerson').focus();
    await phone.getByTestId('err-0-entitled').waitFor();
    // left before the click: its message showing up under it would move the button away
    await field(phone, 'm0-inPerson').blur();
    await phone.getByTestId('err-0-inPerson').waitFor();
    await phone.getByTestId('submit-result').click();
    const blocked = phone.getByTestId('submit-blocked');
    await blocked.waitFor();
    expect(await phone.locator('.adm-dialog-title').innerText()).toBe(
      'The figures have errors and cannot be submitted',
    );
    await phone.locator('.adm-dialog .adm-dialog-button').first().click();
    expect(chineseIn(await texts(entry.locator('.adm-list-header')))).toEqual([]);
  });
});
