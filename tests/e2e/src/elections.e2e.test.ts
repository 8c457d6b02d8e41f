import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateDemoCounty, openElectionVillageKey } from '@huanjie/db/demo';
import { field, launchBrowser, newContext, signIn } from './browser.js';
import { dayFromToday } from './clock.js';
import { useStack } from './stack.js';

/**
 * Election day in one village, end to end: the clerk enters seats, candidates, vetting and 公示 on
 * a phone, then the meeting — an inconsistent ballot count is refused with a clear message, the
 * corrected sheet leaves one seat open, a 另行选举 fills it, and the result goes up; the township
 * approves it, and the county statistics count it.
 */

const plan = generateDemoCounty();
const villageKey = openElectionVillageKey(plan);
const village = plan.regions.find((r) => r.key === villageKey)!;
const township = plan.regions.find((r) => r.key === village.parentKey)!;
const clerk = `vil${villageKey.slice(1, 3)}${villageKey.slice(4)}.clerk`;
const coordinator = `town${township.key.slice(1)}.coordinator`;

const CANDIDATES: [string, 'chair' | 'member', '男' | '女'][] = [
  ['王芳', 'chair', '女'],
  ['李强', 'chair', '男'],
  ['张伟', 'member', '男'],
  ['刘洋', 'member', '男'],
  ['陈静', 'member', '女'],
];

async function closeDialog(page: Page) {
  await page.locator('.adm-dialog .adm-dialog-button').first().click();
}

async function fill(page: Page, testId: string, value: string) {
  const input = field(page, testId);
  await input.fill(value);
}

const stack = useStack();

describe('village election day: candidates, a refused count, 另行选举, approval, statistics', () => {
  let browser: Browser;
  let phone: Page;
  let desk: Page;
  /** The county leader's statistics, open the whole time: they must move without a reload. */
  let leader: Page;
  /** The county leader's progress overview in a second browser: its funnel follows the result. */
  let overview: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    phone = await (
      await newContext(browser, stack.now(), { viewport: { width: 390, height: 844 } })
    ).newPage();
    desk = await (
      await newContext(browser, stack.now(), { viewport: { width: 1400, height: 900 } })
    ).newPage();
    leader = await (
      await newContext(browser, stack.now(), { viewport: { width: 1400, height: 900 } })
    ).newPage();
    overview = await (
      await newContext(browser, stack.now(), { viewport: { width: 1400, height: 900 } })
    ).newPage();
  });
  afterAll(() => browser.close());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    // what the user saw when a step failed, for whoever reads the failure
    await phone
      .screenshot({ path: join(tmpdir(), 'huanjie-elections-phone.png'), fullPage: true })
      .catch(() => undefined);
    await desk
      .screenshot({ path: join(tmpdir(), 'huanjie-elections-desk.png'), fullPage: true })
      .catch(() => undefined);
    for (const [name, page] of [
      ['phone', phone],
      ['desk', desk],
      ['leader', leader],
      ['overview', overview],
    ] as const) {
      const text = await page
        .locator('body')
        .innerText()
        .catch(() => '');
      writeFileSync(join(tmpdir(), `huanjie-elections-${name}.txt`), `${page.url()}\n${text}`);
    }
  });

  let approvedBefore = '';
  let electionsBefore = -1;
  const electionsApproved = async () =>
    Number((await overview.getByTestId('funnel-V-election-approved').innerText()).split('/')[0]);

  it('the county reads the statistics before the village reports', async () => {
    await signIn(leader, stack.appUrls.county, 'county.leader');
    await leader.getByTestId('nav-statistics').click();
    await leader.getByTestId('election-statistics').waitFor();
    approvedBefore = await leader.getByTestId('stats-V-approved').innerText();
    expect(approvedBefore).toMatch(/%/);

    // and the progress overview, where the meeting is a stage no one will type a record for
    await signIn(overview, stack.appUrls.county, 'county.leader');
    await overview.getByTestId('nav-overview').click();
    await overview.getByTestId('campaign-overview').waitFor();
    await overview.getByRole('tab', { name: /村委会换届/ }).click();
    await overview.getByTestId('funnel-V-election-approved').waitFor();
    electionsBefore = await electionsApproved();
    expect(electionsBefore).toBeGreaterThanOrEqual(0);
  });

  it('the clerk sets the seats and enters five candidates', async () => {
    await signIn(phone, stack.appUrls.village, clerk);
    await phone.getByTestId('election-unit-V').click();
    await phone.getByTestId('election-unit').waitFor();
    await fill(phone, 'seats-chair', '1');
    await fill(phone, 'seats-vice_chair', '0');
    await fill(phone, 'seats-member', '2');
    await phone.getByTestId('save-seats').click();
    await expect.poll(() => phone.locator('.adm-toast-main').innerText()).toContain('职数已保存');

    for (const [name, post, gender] of CANDIDATES) {
      await phone.getByTestId('add-candidate').click();
      const form = phone.getByTestId('candidate-form');
      await form.waitFor();
      await fill(phone, 'candidate-name', name);
      await form
        .getByTestId('candidate-post')
        .getByText(post === 'chair' ? '主任' : '委员', { exact: true })
        .click();
      await form.getByTestId('candidate-gender').getByText(gender, { exact: true }).click();
      await form.getByTestId('candidate-education').getByText('高中', { exact: true }).click();
      await form.getByTestId('candidate-political').getByText('群众', { exact: true }).click();
      await fill(phone, 'candidate-birth', '1982-04-03');
      await phone.getByTestId('candidate-save').click();
      await phone.getByTestId(`candidate-${name}`).waitFor();
    }
    await expect
      .poll(() => phone.getByTestId('candidates').locator('[data-stage="initial"]').count())
      .toBe(5);
  });

  it('vetting, 公示 and the formal list: a candidate becomes formal only once every department passed', async () => {
    await fill(phone, 'pub-start', dayFromToday(-15));
    await fill(phone, 'pub-end', dayFromToday(-10));
    await phone.getByTestId('pub-save').click();
    await expect.poll(() => phone.locator('.adm-toast-main').innerText()).toContain('公示期已保存');

    for (const [name] of CANDIDATES) {
      const row = phone.getByTestId(`candidate-${name}`);
      await row.click();
      await row.getByTestId('stage-preliminary').click();
      await expect.poll(() => row.getAttribute('data-stage')).toBe('preliminary');
      if (name === '王芳') {
        // without the vetting answers the step is refused, naming the departments still missing
        await row.getByTestId('stage-formal').click();
        await expect
          .poll(() => phone.getByTestId('mutation-error').innerText())
          .toContain('未反馈联审意见');
        await closeDialog(phone);
      }
      await row.getByTestId('vet-all-pass').click();
      await expect.poll(() => row.getAttribute('data-vetting')).toBe('passed');
      await row.getByTestId('stage-formal').click();
      await expect.poll(() => row.getAttribute('data-stage')).toBe('formal');
      await row.click();
    }
    await fill(phone, 'formal-date', dayFromToday(-8));
    await phone.getByTestId('formal-save').click();
    await expect
      .poll(() => phone.locator('.adm-toast-main').innerText())
      .toContain('公布日期已保存');
    await expect.poll(() => phone.getByTestId('candidate-findings').count()).toBe(0);
  });

  it('the formal list’s stage shows what the candidates page holds, not asked twice', async () => {
    await phone.goto(`${stack.appUrls.village}/`);
    await phone.getByTestId('campaign-entry-item').first().click();
    await phone.getByTestId('checklist').waitFor();
    await phone.getByTestId('track-tab-V').click();
    await phone
      .locator('[data-testid^="stage-item-"][data-testid$="-candidate_list"]')
      .first()
      .click();
    await phone.getByTestId('stage-held').waitFor();
    expect(await phone.getByTestId('held-seats').innerText()).toContain('3');
    expect(await phone.getByTestId('held-formal').innerText()).toContain('5');
    expect(await phone.getByTestId('held-formalListOn').innerText()).toContain(dayFromToday(-8));
    // the posting date is the one entered with the list: no second date field
    expect(await phone.getByTestId('stage-fact-date').innerText()).toContain(dayFromToday(-8));
    expect(await phone.getByTestId('stage-done-date').count()).toBe(0);
    // posted before its due date: the stage is not overdue although its record is not submitted
    expect(await phone.getByTestId('stage-status').getAttribute('data-display')).not.toBe(
      'overdue',
    );
    await phone.getByTestId('stage-held-link').click();
    await phone.getByTestId('election-unit').waitFor();
  });

  it('the meeting: an inconsistent ballot count is refused with a clear message, then corrected', async () => {
    await phone.getByTestId('open-result').click();
    await phone.getByTestId('result-entry').waitFor();
    const counts: Record<string, string> = {
      entitled: '1000',
      inPerson: '700',
      proxy: '50',
      other: '10',
      ballotsIssued: '760',
      ballotsReturned: '760',
      ballotsValid: '752',
      ballotsInvalid: '10',
    };
    for (const [f, v] of Object.entries(counts)) await fill(phone, `m0-${f}`, v);
    const votes: Record<string, string> = {
      王芳: '500',
      李强: '240',
      张伟: '600',
      刘洋: '370',
      陈静: '350',
    };
    for (const [name, v] of Object.entries(votes)) await fill(phone, `m0-vote-${name}`, v);
    expect(await phone.getByTestId('m0-voted').innerText()).toBe('760');

    // checks as you type: the sum is named under the field
    await expect
      .poll(() => phone.getByTestId('err-0-ballotsValid').innerText())
      .toContain('有效票(752)+无效票(10)=762，不等于收回选票(760)');
    await phone.getByTestId('submit-result').click();
    await expect
      .poll(() => phone.getByTestId('submit-blocked').innerText())
      .toContain('不等于收回选票(760)');
    await closeDialog(phone);
    expect(await phone.getByTestId('result-status').getAttribute('data-status')).toBe('none');

    await fill(phone, 'm0-ballotsValid', '750');
    await expect.poll(() => phone.getByTestId('err-0-ballotsValid').count()).toBe(0);
    // 760 voted: 381 needed; 刘洋 370 and 陈静 350 fall short of the second member seat
    await phone.getByTestId('vacancy-member').waitFor();
  });

  it('one seat goes to 另行选举 and is filled; the result goes up once', async () => {
    await phone.getByTestId('add-runoff').click();
    await phone.getByTestId('meeting-1').waitFor();
    const runoff: Record<string, string> = {
      inPerson: '560',
      proxy: '40',
      other: '0',
      ballotsIssued: '600',
      ballotsReturned: '600',
      ballotsValid: '590',
      ballotsInvalid: '10',
    };
    for (const [f, v] of Object.entries(runoff)) await fill(phone, `m1-${f}`, v);
    await fill(phone, 'm1-vote-陈静', '320');
    await fill(phone, 'm1-vote-刘洋', '250');
    await expect.poll(() => phone.getByTestId('vacancy-member').count()).toBe(0);
    await phone.getByTestId('submit-result').click();
    await expect
      .poll(() => phone.getByTestId('result-status').getAttribute('data-status'))
      .toBe('submitted');
    await expect.poll(() => phone.getByTestId('result-status').innerText()).toContain('已上报');
  });

  it('the township approves, which locks the result', async () => {
    await signIn(desk, stack.appUrls.township, coordinator);
    await desk.getByTestId('nav-results').click();
    await desk.getByTestId('results-queue').waitFor();
    await desk.getByTestId(`queue-row-${village.name}-V`).click();
    await desk.getByTestId('result-review').waitFor();
    expect(await desk.getByTestId('elected').innerText()).toMatch(/陈静[\s\S]*另行选举/);
    await desk.getByTestId('approve').click();
    // approval locks: the township confirms first
    await desk.getByTestId('approve-confirm').click();
    await expect
      .poll(() => desk.getByTestId('review-status').getAttribute('data-status'))
      .toBe('approved');
    // the leader's funnel, open in the other browser, counts the meeting as held within 2 seconds
    // of the approval: its progress follows the result, and the result's event moves the page
    const approvedAt = Date.now();
    await expect
      .poll(electionsApproved, { timeout: 2_000, interval: 100 })
      .toBe(electionsBefore + 1);
    expect(Date.now() - approvedAt).toBeLessThan(2_000);
    expect(await desk.getByTestId('revisions').innerText()).toContain('第1版 · 上报');
  });

  it('the county statistics count the approved result, live, without a reload', async () => {
    // the leader's page has stayed open since the first step; the approval's event moves it (10 s
    // is the budget of a busy 2-core machine; the event and one re-read take about a second)
    await expect
      .poll(() => leader.getByTestId('stats-V-approved').innerText(), { timeout: 10_000 })
      .not.toBe(approvedBefore);
    const count = (text: string) => Number(/(\d+)\/(\d+)/.exec(text)?.[1] ?? -1);
    expect(count(await leader.getByTestId('stats-V-approved').innerText())).toBe(
      count(approvedBefore) + 1,
    );
    await leader.getByTestId(`stats-child-${township.name}`).click();
    await expect.poll(() => leader.getByTestId('stats-title').innerText()).toContain(township.name);
    expect(await leader.getByTestId('stats-children').innerText()).toContain(village.name);
  });
});
