import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { generateDemoCounty } from '@huanjie/db/demo';
import ExcelJS from 'exceljs';
import { launchBrowser, newContext, signIn } from './browser.js';
import { TODAY } from './clock.js';
import { useStack } from './stack.js';

/**
 * The guidance-team flow in a real browser, in the demo's last township (it has not started: no
 * roster, no teams): a coordinator imports a roster from xlsx, builds two teams, assigns them and
 * watches a coverage warning go; the guidance member then works only in those villages, and
 * loses a village on the very next request once it is unassigned.
 */

const demo = generateDemoCounty();
const townships = demo.regions.filter((r) => r.level === 'township');
const township = townships.at(-1)!;
const tn = township.key.slice(1);
const villages = demo.regions.filter((r) => r.parentKey === township.key);
const [v1, v2, v3] = villages;
const MIN_CADRES = 'guidance.min_cadres_per_village';

async function rosterXlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow([`${township.name}换届选举指导组干部花名册`]);
  sheet.addRow(['序号', '姓名', '性别', '职级', '职务', '手机号码', '登录账号']);
  rows.forEach((row, i) => sheet.addRow([String(i + 1), ...row]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const GOOD_ROWS = [
  ['韩立新', '男', '副科级', '党委副书记', '13911110001', ''],
  ['冯晓梅', '女', '一般干部', '党政办干事', '13911110002', `town${tn}.guide1`],
  ['褚国强', '男', '一般干部', '民政办干事', '13911110003', ''],
  ['卫东', '男', '一般干部', '财政所干部', '13911110004', ''],
];

/**
 * Picks an option of an antd Select by typing part of its label, and waits until the select
 * shows it: on a loaded machine a click during the dropdown's opening animation can be lost, so
 * the pick is tried again (up to three times) rather than failing later on a disabled button.
 */
async function pick(page: Page, select: Locator, text: string) {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.keyboard.type(text);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
      .first()
      .click();
    try {
      await expect.poll(() => select.innerText(), { timeout: 5_000 }).toContain(text);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

function team(page: Page, name: string) {
  return page.locator(`[data-testid="team-card"][data-team-name="${name}"]`);
}

function minCadreWarning(page: Page, villageName: string) {
  return page.locator(`[data-testid="coverage-finding"][data-rule="${MIN_CADRES}"]`, {
    hasText: villageName,
  });
}

const stack = useStack();

describe('guidance teams: build, assign, act, unassign', () => {
  let browser: Browser;
  let coordinatorContext: BrowserContext;
  let memberContext: BrowserContext;
  let coordinator: Page;
  let member: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    coordinatorContext = await newContext(browser, stack.now(), { acceptDownloads: true });
    memberContext = await newContext(browser, stack.now(), {
      viewport: { width: 390, height: 844 },
    });
    coordinator = await coordinatorContext.newPage();
    member = await memberContext.newPage();
  });
  afterAll(() => browser.close());

  it('imports a roster from xlsx all-or-nothing, with a row-by-row report', async () => {
    await signIn(coordinator, stack.appUrls.township, `town${tn}.coordinator`);
    await coordinator.getByTestId('nav-guidance').click();
    await coordinator.getByTestId('guidance-nav-roster').click();
    await coordinator.getByTestId('roster-page').waitFor();

    // a file over 1 MB is refused before it is sent, with the limit in the message
    await coordinator.getByTestId('roster-file').setInputFiles({
      name: '扫描件.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.alloc(1_500_000, 1),
    });
    await expect
      .poll(() => coordinator.locator('.ant-message-notice').first().innerText())
      .toContain('文件超过1MB');
    expect(await coordinator.getByTestId('import-report').count()).toBe(0);

    const bad = await rosterXlsx([
      ...GOOD_ROWS.slice(0, 3),
      ['卫东', '男', '处长', '', '1391111', ''],
    ]);
    await coordinator.getByTestId('roster-file').setInputFiles({
      name: '花名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad,
    });
    const report = coordinator.getByTestId('import-report');
    await expect.poll(() => report.getAttribute('data-committed')).toBe('false');
    expect(await coordinator.getByTestId('import-summary').innerText()).toContain('整表未导入');
    const rejected = coordinator.locator('[data-testid="import-row"][data-status="rejected"]');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.innerText()).toContain('职级');
    expect(await rejected.innerText()).toContain('手机号码');
    expect(await coordinator.getByTestId('roster-table').innerText()).not.toContain('韩立新');

    await coordinator.getByTestId('roster-file').setInputFiles({
      name: '花名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await rosterXlsx(GOOD_ROWS),
    });
    await expect.poll(() => report.getAttribute('data-committed')).toBe('true');
    expect(await coordinator.getByTestId('import-summary').innerText()).toContain('新增4人');
    await expect
      .poll(() => coordinator.getByTestId('roster-table').innerText())
      .toContain('韩立新');
    expect(await coordinator.getByTestId('roster-table').innerText()).toContain(`town${tn}.guide1`);
  });

  it('builds two teams, assigns them, and the warning goes when the second cadre joins', async () => {
    await coordinator.getByTestId('guidance-nav-board').click();
    await coordinator.getByTestId('guidance-board').waitFor();
    // nothing is assigned yet: every village of the township is without a team
    await expect
      .poll(() =>
        coordinator
          .locator('[data-testid="coverage-finding"][data-rule="guidance.village_without_team"]')
          .count(),
      )
      .toBe(villages.length);

    for (const name of ['第一指导组', '第二指导组']) {
      await coordinator.getByTestId('team-name-input').fill(name);
      await coordinator.getByTestId('team-create').click();
      await team(coordinator, name).waitFor();
    }

    const first = team(coordinator, '第一指导组');
    await pick(coordinator, first.getByTestId('member-cadre'), '冯晓梅');
    await first.getByTestId('member-add').click();
    await expect.poll(() => first.getByTestId('team-members').innerText()).toContain('冯晓梅');
    await pick(coordinator, first.getByTestId('assign-target'), v1!.name);
    await first.getByTestId('assign-add').click();
    await expect.poll(() => first.getByTestId('team-assignments').innerText()).toContain(v1!.name);
    await pick(coordinator, first.getByTestId('assign-target'), v2!.name);
    await first.getByTestId('assign-add').click();
    await expect.poll(() => first.getByTestId('team-assignments').innerText()).toContain(v2!.name);

    // one cadre for two villages: both are below the minimum of two
    await expect.poll(() => minCadreWarning(coordinator, v1!.name).count()).toBe(1);
    expect(await minCadreWarning(coordinator, v1!.name).innerText()).toContain('仅有1名包村干部');

    await pick(coordinator, first.getByTestId('member-cadre'), '褚国强');
    await first.getByTestId('member-add').click();
    await expect.poll(() => minCadreWarning(coordinator, v1!.name).count()).toBe(0);
    expect(await minCadreWarning(coordinator, v2!.name).count()).toBe(0);

    const second = team(coordinator, '第二指导组');
    await pick(coordinator, second.getByTestId('member-cadre'), '韩立新');
    await pick(coordinator, second.getByTestId('member-role'), '包村领导');
    await second.getByTestId('member-add').click();
    await pick(coordinator, second.getByTestId('member-cadre'), '卫东');
    await second.getByTestId('member-add').click();
    await pick(coordinator, second.getByTestId('assign-target'), v3!.name);
    await second.getByTestId('assign-add').click();
    await expect.poll(() => second.getByTestId('team-assignments').innerText()).toContain(v3!.name);
    await expect
      .poll(() =>
        coordinator
          .locator('[data-testid="coverage-finding"][data-rule="guidance.village_without_team"]')
          .count(),
      )
      .toBe(villages.length - 3);
    expect(await minCadreWarning(coordinator, v3!.name).count()).toBe(0);
  });

  it('lets the guidance member see only those villages and report for one of them', async () => {
    await signIn(member, stack.appUrls.village, `town${tn}.guide1`);
    const picker = member.getByTestId('region-picker');
    await picker.waitFor();
    const listed = await picker.innerText();
    expect(listed).toContain(v1!.name);
    expect(listed).toContain(v2!.name);
    expect(listed).not.toContain(v3!.name);

    await member.locator(`[data-testid="region-picker"] >> text=${v1!.name}`).click();
    await expect.poll(() => member.getByTestId('region-name').innerText()).toContain(v1!.name);
    await member.getByTestId('guidance-entry').click();
    await member.getByTestId('village-guidance').waitFor();
    expect(await member.getByTestId('guidance-team').innerText()).toContain('褚国强');

    await member.getByTestId('daily-status').getByText('需要关注').click();
    await member
      .getByTestId('daily-problems')
      .locator('textarea')
      .fill('个别外出务工人员委托投票手续不全');
    await member.getByTestId('daily-submit').click();
    await expect.poll(() => member.getByTestId('daily-filed').innerText()).toContain('需要关注');

    await member.getByTestId('visit-with').locator('input').fill('老党员王某');
    await member.getByTestId('visit-topic').locator('input').fill('换届纪律');
    await member.getByTestId('visit-outcome').locator('textarea').fill('表示支持换届工作');
    await member.getByTestId('visit-submit').click();
    await expect.poll(() => member.getByTestId('visit-list').innerText()).toContain('老党员王某');
  });

  it('lets the guidance member report a stage of that village, recorded in their role', async () => {
    await member.goto(`${stack.appUrls.village}/`);
    await member.locator(`[data-testid="region-picker"] >> text=${v1!.name}`).click();
    await member.getByTestId('campaign-entry-item').first().click();
    await member.getByTestId('checklist').waitFor();
    // the audit is a village-wide stage, listed under the committee track (V, or C in a community)
    await member
      .locator('[data-testid="track-tab-V"], [data-testid="track-tab-C"]')
      .first()
      .click();
    await member.locator('[data-testid^="stage-item-"][data-testid$="-audit"]').first().click();
    await member.getByTestId('stage-form').waitFor();

    await member.getByTestId('stage-done-date').fill(TODAY);
    // a real picture (the page compresses it before upload), drawn by the browser itself
    const photo = await member.evaluate<string>(`(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 48;
      const g = canvas.getContext('2d');
      g.fillStyle = '#c8161d';
      g.fillRect(0, 0, 64, 48);
      return canvas.toDataURL('image/png').split(',')[1];
    })()`);
    await member.getByTestId('stage-photo-input').setInputFiles({
      name: '审计公示.png',
      mimeType: 'image/png',
      buffer: Buffer.from(photo, 'base64'),
    });
    await member.getByTestId('stage-photo-preview').waitFor();
    await member.getByTestId('stage-submit').click();
    // the township votes 18 days from TODAY: an audit posted today is late, and a late date needs
    // an explanation before it is accepted
    const explanation = member.getByTestId('stage-explanation');
    await explanation.waitFor();
    await explanation.locator('textarea').fill('审计组进村时间推迟，已报乡镇同意');
    await member.getByTestId('stage-submit').click();
    await expect.poll(() => member.getByTestId('stage-status').innerText()).toContain('待审核');
    expect(await member.getByTestId('stage-record').innerText()).toContain('指导组成员');
  });

  it('shows the township the day’s missing reports', async () => {
    await coordinator.getByTestId('guidance-nav-daily').click();
    await expect
      .poll(() => coordinator.getByTestId('daily-summary').innerText())
      .toContain(`已报1/${String(villages.length)}`);
    const missing = await coordinator.getByTestId('missing-reports').innerText();
    expect(missing).toContain(v2!.name);
    expect(missing).not.toContain(v1!.name);
  });

  it('refuses the member’s next request once the village is unassigned', async () => {
    await coordinator.getByTestId('guidance-nav-board').click();
    const first = team(coordinator, '第一指导组');
    await first
      .locator('[data-testid="team-assignment"]', { hasText: v1!.name })
      .locator('.anticon-close')
      .click();
    await expect
      .poll(() => first.getByTestId('team-assignments').innerText())
      .not.toContain(v1!.name);

    // the member's page for v1 is still open: its next request is refused
    await member.reload();
    await expect.poll(() => member.getByTestId('page-error').innerText()).toMatch(/无权/);
    await member.goto(`${stack.appUrls.village}/`);
    await expect.poll(() => member.getByTestId('region-name').innerText()).toContain(v2!.name);
    expect(await member.content()).not.toContain(v1!.name);
  });

  it('shows the county every township’s coverage at a glance', async () => {
    const page = await coordinatorContext.newPage();
    await signIn(page, stack.appUrls.county, 'county.admin');
    await page.getByTestId('nav-guidance').click();
    const table = page.getByTestId('township-coverage');
    await expect.poll(() => table.innerText()).toContain(township.name);
    const row = table.locator('tr', { hasText: township.name });
    expect(await row.innerText()).toContain(`2 / ${String(villages.length)}`);
    expect(await row.innerText()).toContain('未分配督导组');
    await page.close();
  });
});
