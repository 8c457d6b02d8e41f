import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateDemoCounty } from '@huanjie/db/demo';
import ExcelJS from 'exceljs';
import { launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';

/**
 * The previous term (上届班子成员) imported by a township from xlsx, in the demo's second
 * township: a file too large is refused before it is sent, a sheet with one bad row writes nothing
 * and names the row and column, the corrected sheet is stored and listed.
 */

const plan = generateDemoCounty();
const township = plan.regions.filter((r) => r.level === 'township')[1]!;
const village = plan.regions.find((r) => r.parentKey === township.key)!;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('上届班子');
  ws.addRow(['村(社区)', '组织', '职务', '姓名', '性别', '出生年月', '民族', '学历', '政治面貌']);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const GOOD = [
  [village.name, '村委会', '主任', '赵新民', '男', '1968-04', '汉族', '高中', '中共党员'],
  [village.name, '村委会', '委员', '钱秀英', '女', '1975-11', '汉族', '', '群众'],
];

const stack = useStack();

describe('previous-term import in the township app', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (
      await newContext(browser, stack.now(), { viewport: { width: 1400, height: 900 } })
    ).newPage();
    await signIn(page, stack.appUrls.township, `town${township.key.slice(1)}.coordinator`);
    await page.getByTestId('nav-previous-term').click();
    await page.getByTestId('previous-term-page').waitFor();
  });
  afterAll(() => browser.close());

  const upload = (buffer: Buffer) =>
    page
      .getByTestId('previous-term-file')
      .setInputFiles({ name: '上届.xlsx', mimeType: XLSX, buffer });

  it('refuses a file over 1MB before sending it', async () => {
    await upload(Buffer.alloc(1_500_000, 1));
    await expect
      .poll(() => page.getByTestId('previous-term-problem').innerText())
      .toContain('文件超过1MB');
    expect(await page.getByTestId('import-report').count()).toBe(0);
  });

  it('writes nothing when one row is wrong, and names its row and column', async () => {
    await upload(
      await sheet([
        GOOD[0]!,
        [village.name, '村委会', '委员', '孙立', '未知', '1980-01', '汉族', '', '群众'],
      ]),
    );
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getAttribute('data-committed')).toBe('false');
    expect(await page.getByTestId('previous-term-problem').count()).toBe(0);
    const rejected = page.locator('[data-testid="import-row"][data-status="rejected"]');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.innerText()).toContain('第3行「性别」');
    expect(await page.getByTestId('previous-term-members').innerText()).not.toContain('赵新民');
  });

  it('shows what the corrected sheet replaces before it writes, then stores it', async () => {
    await upload(await sheet(GOOD));
    // a preview first: the rows counted and the seats on record it would replace, nothing written
    const preview = page.getByTestId('previous-term-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain(`共${String(GOOD.length)}行`);
    expect(await page.getByTestId('previous-term-members').innerText()).not.toContain('赵新民');
    await page.getByTestId('previous-term-confirm').click();
    await expect
      .poll(() => page.getByTestId('import-report').getAttribute('data-committed'))
      .toBe('true');
    await expect
      .poll(() => page.getByTestId('previous-term-members').innerText())
      .toContain('赵新民');
    expect(await page.getByTestId('previous-term-members').innerText()).toContain('钱秀英');
  });
});
