import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { dayFromToday } from './clock.js';
import { field, launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';

/**
 * A risk village's 一村一策 plan to its end, as its users do it: the township coordinator of the
 * demo's second township opens one of its 重点/难点 villages from the overview, draws up the plan
 * (owner from the township's roster), adds two measures with deadlines (one already past), marks
 * the overdue one done and escalates the plan to the county; the county leader answers it on
 * 风险村协调; the coordinator is refused the resolution while a measure is open (the message says
 * how many), closes it and resolves the plan. The overview cards count each step.
 */

const COORDINATOR = 'town02.coordinator';
const MEASURE = `选前再次召开党员大会通报化解进展 ${String(Date.now() % 100000)}`;
const stack = useStack();

interface Counts {
  open: number;
  total: number;
  overdue: number;
}

/** Types a day into an antd DatePicker (the first input under the test id) and confirms it. */
async function pickDay(input: Locator, day: string) {
  await input.click();
  await input.fill(day);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(day);
}

/** "3/5（60.0%）" → [3, 5]; "—" (nothing to count) → [0, 0]. */
async function shareOf(card: Locator, testId: string): Promise<[number, number]> {
  const text = await card.getByTestId(testId).locator('.ant-statistic-content').innerText();
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

async function overviewCounts(
  page: Page,
  appUrl: string,
): Promise<Counts & { awaiting: number; planned: number }> {
  await page.goto(`${appUrl}/overview`);
  const card = page.getByTestId('risk-measures-card');
  await card.waitFor();
  const [open, total] = await shareOf(card, 'risk-measures-open');
  const [overdue] = await shareOf(card, 'risk-measures-overdue');
  const [awaiting] = await shareOf(card, 'risk-measures-awaiting');
  const [planned] = await shareOf(card, 'risk-measures-planned');
  return { open, total, overdue, awaiting, planned };
}

/** The plan card's measure heading: "化解措施（未完成 2 项，逾期 1 项，共 3 项）". */
async function planCounts(page: Page): Promise<Counts> {
  const text = await page.getByTestId('risk-plan-card').innerText();
  const m = /未完成\s*(\d+)\s*项，逾期\s*(\d+)\s*项，共\s*(\d+)\s*项/.exec(text);
  if (!m) throw new Error(`no measure counts in: ${text.slice(0, 200)}`);
  return { open: Number(m[1]), overdue: Number(m[2]), total: Number(m[3]) };
}

/** Picks the first option of an antd Select, again if a click during its opening animation is lost. */
async function pickFirst(page: Page, select: Locator) {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const text = (await option.innerText()).trim();
    await option.click();
    try {
      await expect.poll(() => select.innerText(), { timeout: 5_000 }).toContain(text);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Marks a measure of the plan card done today with a note. */
async function complete(page: Page, row: Locator, note: string) {
  const action = row.locator('[data-testid^="risk-measure-complete-"]');
  await pickDay(action.locator('input').first(), dayFromToday(0));
  await action.locator('input').nth(1).fill(note);
  await action.locator('button.ant-btn').last().click();
}

describe('一村一策: a risk village plan from its measures to its resolution', () => {
  let browser: Browser;
  let township: Page;
  let county: Page;
  let villageName = '';
  let villageUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    township = await (await newContext(browser, stack.now())).newPage();
    county = await (await newContext(browser, stack.now())).newPage();
  });
  afterAll(() => browser.close());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const [name, page] of [
      ['township', township],
      ['county', county],
    ] as const) {
      await page
        .screenshot({ path: join(tmpdir(), `huanjie-risk-plans-${name}.png`), fullPage: true })
        .catch(() => undefined);
    }
  });

  let start: Counts & { awaiting: number; planned: number };
  let countyStart: Counts & { awaiting: number; planned: number };
  const LATE = `召开宗亲代表座谈会 ${String(Date.now() % 100000)}`;

  /** The plan line of the village in the overview's 重点难点村 list. */
  async function planLine(): Promise<string> {
    await township.goto(`${stack.appUrls.township}/overview`);
    const row = township.locator('[data-testid="risk-villages"] tr', { hasText: villageName });
    await row.first().waitFor();
    return row.first().getByTestId('risk-village-plan').innerText();
  }

  it('the coordinator draws up the plan of a risk village and adds measures; the overview counts them', async () => {
    await signIn(county, stack.appUrls.county, 'county.leader');
    await county.getByTestId('campaign-overview').waitFor();
    countyStart = await overviewCounts(county, stack.appUrls.county);

    await signIn(township, stack.appUrls.township, COORDINATOR);
    await township.getByTestId('nav-cases').waitFor();
    start = await overviewCounts(township, stack.appUrls.township);

    // a 重点/难点 village of the township without a plan yet
    const row = township
      .locator('[data-testid="risk-villages"] tbody tr', { hasText: '一村一策：未制定' })
      .first();
    const link = row.locator('a').first();
    villageName = (await link.innerText()).trim();
    await link.click();
    await township.getByTestId('risk-plan-card').waitFor();
    villageUrl = township.url();

    await pickFirst(township, township.getByTestId('risk-plan-owner'));
    await pickDay(field(township, 'risk-plan-date'), dayFromToday(-3));
    await township
      .locator('textarea[data-testid="risk-plan-summary"], [data-testid="risk-plan-summary"] textarea')
      .first()
      .fill('镇党委副书记包村，逐户走访化解宗族矛盾');
    await township.getByTestId('risk-plan-create').click();
    await township.getByTestId('risk-plan').waitFor();
    expect(await township.getByTestId('risk-plan-status').innerText()).toBe('推进中');

    for (const [text, due] of [
      [LATE, dayFromToday(-1)],
      [MEASURE, dayFromToday(5)],
    ] as const) {
      // the day first: Enter in the picker submits the form, refused until the text is there
      await pickDay(field(township, 'risk-measure-deadline'), due);
      await township.getByTestId('risk-measure-description').fill(text);
      await township.getByTestId('risk-measure-add').click();
      const measure = township.locator('[data-testid="risk-measures"] tr', { hasText: text });
      await measure.waitFor();
      expect(await measure.innerText()).toContain(due);
    }
    // the measure due yesterday shows overdue
    await expect.poll(() => planCounts(township)).toEqual({ open: 2, overdue: 1, total: 2 });
    expect(
      await township.locator('[data-testid="risk-measures"] tr', { hasText: LATE }).innerText(),
    ).toContain('逾期');

    // the township overview counts one more plan and its measures
    await expect
      .poll(async () => {
        const now = await overviewCounts(township, stack.appUrls.township);
        return [now.planned, now.open, now.overdue, now.total];
      })
      .toEqual([start.planned + 1, start.open + 2, start.overdue + 1, start.total + 2]);
    expect(await planLine()).toContain('推进中');
    expect(await planLine()).toContain('未完成 2 项，逾期 1 项');

    await township.goto(villageUrl);
    const late = township.locator('[data-testid="risk-measures"] tr', { hasText: LATE });
    await complete(township, late, '座谈会已召开，达成共识');
    await expect.poll(() => late.innerText()).toContain('已完成');
    await expect.poll(() => planCounts(township)).toEqual({ open: 1, overdue: 0, total: 2 });
  });

  it('the coordinator escalates to the county; the county leader answers on 风险村协调', async () => {
    await township.getByTestId('risk-plan-escalate').locator('input').fill('宗族矛盾涉及邻村，请县级协调公安、民宗部门');
    await township.getByTestId('risk-plan-escalate').locator('button.ant-btn').last().click();
    await expect
      .poll(() => township.getByTestId('risk-plan-status').innerText())
      .toBe('已提请县级协调');
    expect(await township.getByTestId('risk-plan-escalation').innerText()).toContain('宗族矛盾涉及邻村');

    // the county overview counts one more plan awaiting its answer
    await expect
      .poll(async () => (await overviewCounts(county, stack.appUrls.county)).awaiting)
      .toBe(countyStart.awaiting + 1);

    await county.getByTestId('nav-risk-plans').click();
    await county.getByTestId('risk-plans-page').waitFor();
    const item = county.locator('[data-testid="risk-plans-item"]', { hasText: villageName });
    await item.waitFor();
    expect(await item.getByTestId('risk-plan-status').innerText()).toBe('已提请县级协调');
    expect(await item.innerText()).toContain('宗族矛盾涉及邻村');
    await item.getByTestId('risk-plan-answer-form').locator('input').fill('县公安局、民宗局派员驻村协调');
    await item.getByTestId('risk-plan-answer-form').locator('button.ant-btn').last().click();
    await expect.poll(() => item.getByTestId('risk-plan-status').innerText()).toBe('县级已答复');
    expect(await item.getByTestId('risk-plan-answer').innerText()).toContain('县公安局');
    await expect
      .poll(async () => (await overviewCounts(county, stack.appUrls.county)).awaiting)
      .toBe(countyStart.awaiting);

    await township.goto(villageUrl);
    await expect
      .poll(() => township.getByTestId('risk-plan-status').innerText())
      .toBe('县级已答复');
    expect(await township.getByTestId('risk-plan-answer').innerText()).toContain('县公安局、民宗局派员驻村协调');
  });

  it('resolving is refused while a measure is open; closed, the plan is resolved and the overview counts it', async () => {
    const resolve = township.getByTestId('risk-plan-resolve');
    await pickDay(resolve.locator('input').first(), dayFromToday(0));
    await resolve.locator('input').nth(1).fill('矛盾化解，选举平稳');
    await resolve.locator('button.ant-btn').last().click();
    await expect
      .poll(() => township.locator('.ant-message').innerText())
      .toContain('尚有1项措施未完成');
    expect(await township.getByTestId('risk-plan-status').innerText()).toBe('县级已答复');

    const open = township.locator('[data-testid="risk-measures"] tr', { hasText: MEASURE });
    await complete(township, open, '党员大会已召开，通报化解进展');
    await expect.poll(() => planCounts(township)).toEqual({ open: 0, overdue: 0, total: 2 });

    await pickDay(resolve.locator('input').first(), dayFromToday(0));
    await resolve.locator('input').nth(1).fill('矛盾化解，选举平稳');
    await resolve.locator('button.ant-btn').last().click();
    await expect.poll(() => township.getByTestId('risk-plan-status').innerText()).toBe('已化解');
    expect(await township.getByTestId('risk-plan').innerText()).toContain('矛盾化解，选举平稳');
    // a resolved plan takes no more measures
    expect(await township.getByTestId('risk-measure-add').count()).toBe(0);

    const end = await overviewCounts(township, stack.appUrls.township);
    expect([end.planned, end.open, end.overdue, end.total]).toEqual([
      start.planned + 1,
      start.open,
      start.overdue,
      start.total + 2,
    ]);
    const line = await planLine();
    expect(line).toContain('已化解');
    expect(line).toContain('未完成 0 项，逾期 0 项，已完成 2 项');
  });
});
