import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Download, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn } from './browser.js';
import { useStack } from './stack.js';

/**
 * What a county hands in (issue 17), as the county leader does it: the overview table and the
 * statistics form exported to Excel, a chart opened and drilled down from a bar to the township.
 */

const stack = useStack();

/** The workbook behind a download, read back with the library the server wrote it with. */
async function workbookOf(download: Download) {
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return workbook;
}

/** The bars of an ECharts SVG chart (paths with an area), left to right. */
async function barsOf(page: Page, testId: string) {
  const chart = page.locator(`[data-testid="${testId}"][data-ready="true"]`);
  await chart.waitFor();
  // the bars are clicked by their place on the screen: bring the chart into view first
  await chart.scrollIntoViewIfNeeded();
  const paths = chart.locator('svg path');
  const boxes: { index: number; x: number; y: number; width: number; height: number }[] = [];
  for (let i = 0; i < (await paths.count()); i += 1) {
    const box = await paths.nth(i).boundingBox();
    const fill = await paths.nth(i).getAttribute('fill');
    if (box && box.width > 4 && box.height > 4 && fill && fill !== 'none' && fill !== 'transparent')
      boxes.push({ index: i, ...box });
  }
  return boxes.sort((a, b) => a.x - b.x);
}

describe('what a county hands in: Excel, charts with drill-down', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (
      await newContext(browser, stack.now(), { viewport: { width: 1400, height: 900 } })
    ).newPage();
    await signIn(page, stack.appUrls.county, 'county.leader');
  });
  afterAll(() => browser.close());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await page
      .screenshot({ path: join(tmpdir(), 'huanjie-outputs.png'), fullPage: true })
      .catch(() => undefined);
  });

  it('exports the overview table as shown, with a 合计 row equal to the sum of the townships', async () => {
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('campaign-overview').waitFor();
    const names = await page.locator('a[data-testid^="child-"]').allInnerTexts();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('overview-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = (await workbookOf(download)).worksheets[0]!;
    const column = (n: number) =>
      Array.from({ length: sheet.rowCount }, (_, i) => sheet.getRow(i + 1).getCell(n).value);
    const first = column(1).map((v) => (typeof v === 'string' ? v : ''));
    expect(names.length).toBeGreaterThan(1);
    // every township of the table is a row of the sheet
    for (const name of names) expect(first).toContain(name);
    const townships = names;
    const totalRow = first.indexOf('合计');
    expect(totalRow).toBeGreaterThan(0);
    // the villages column (the second) adds up to the total
    const villages = column(2);
    const rows = first
      .map((name, i) => ({ name, value: villages[i] }))
      .filter((r) => townships.includes(r.name));
    const sum = rows.reduce((s, r) => s + Number(r.value), 0);
    expect(typeof villages[totalRow]).toBe('number');
    expect(villages[totalRow]).toBe(sum);
  });

  it('opens the progress chart and drills down from a bar to the township', async () => {
    await page.getByTestId('overview-children-view').getByText('图表').click();
    const bars = await barsOf(page, 'overview-children-chart');
    expect(bars.length).toBeGreaterThan(0);
    const header = await page.getByTestId('campaign-overview').innerText();
    const leftmost = bars[0]!;
    await page.mouse.click(leftmost.x + leftmost.width / 2, leftmost.y + leftmost.height / 2);
    // the first township's own overview: its villages, not townships
    await expect.poll(() => page.url()).toMatch(/\/overview\/[^/]+\/[^/]+$/);
    await expect.poll(() => page.getByTestId('campaign-overview').innerText()).not.toBe(header);
    await page.getByTestId('result-history').waitFor();
  });

  it('exports the county’s 村委会 statistics form: one row per township and a 合计 that adds up', async () => {
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('election-statistics').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('stats-export-committee').click(),
    ]);
    const sheet = (await workbookOf(download)).worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toContain('村（居）民委员会换届选举情况统计表');
    let total: ExcelJS.Row | undefined;
    const body: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => {
      if (n <= 2) return;
      if (row.getCell(1).value === '合计') total = row;
      else body.push(row);
    });
    expect(total).toBeDefined();
    expect(body.length).toBeGreaterThan(1);
    // every numeric column of the total is the sum of the rows (percentages are recomputed)
    let checked = 0;
    for (let c = 2; c <= sheet.columnCount; c += 1) {
      // exceljs leaves numFmt undefined on cells written without a format
      const numFmt = total!.getCell(c).numFmt as string | undefined;
      const value = total!.getCell(c).value;
      if (typeof value !== 'number' || (numFmt ?? '').includes('%')) continue;
      const sum = body.reduce((s, r) => s + Number(r.getCell(c).value ?? 0), 0);
      expect(value, `column ${String(c)}`).toBe(sum);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('shows turnout by township as bars, and a bar opens that township’s statistics', async () => {
    await page.getByTestId('stats-children-view').getByText('图表').click();
    const bars = await barsOf(page, 'stats-turnout-chart');
    const title = await page.getByTestId('stats-title').innerText();
    // the demo's pilot township has reported: at least its bar is drawn
    expect(bars.length).toBeGreaterThan(0);
    const bar = bars[0]!;
    await page.mouse.click(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await expect.poll(() => page.url()).toMatch(/\/statistics\/[^/]+$/);
    await expect.poll(() => page.getByTestId('stats-title').innerText()).not.toBe(title);
    // the composition chart against the previous term is drawn for each body
    await page.locator('[data-testid$="-composition-chart"][data-ready="true"]').first().waitFor();
  });

  it('the county admin writes a paragraph of the 工作总结 and generates the Word draft with it and the figures', async () => {
    const admin = await (
      await newContext(browser, stack.now(), { viewport: { width: 1400, height: 900 } })
    ).newPage();
    await signIn(admin, stack.appUrls.county, 'county.admin');
    await admin.getByTestId('nav-summary').click();
    await admin.getByTestId('summary-draft').waitFor();
    const generate = admin.getByTestId('summary-generate');
    const sentence = '县委召开换届工作推进会，逐村研判。';
    await admin.getByTestId('narrative-leadership').fill(sentence);
    // unsaved words are not generated
    await expect.poll(() => generate.isDisabled()).toBe(true);
    await admin.getByTestId('summary-save').click();
    await expect.poll(() => generate.isDisabled()).toBe(false);
    const [download] = await Promise.all([admin.waitForEvent('download'), generate.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    for (const heading of [
      '一、基本情况',
      '二、主要做法',
      '三、选举结果',
      '四、存在问题',
      '五、下步打算',
    ])
      expect(text).toContain(heading);
    expect(text).toContain(sentence);
    // each percentage carries its count and denominator, and equals their quotient
    const shares = [...text.matchAll(/(\d+(?:\.\d+)?)%（(\d+)\/(\d+)）/g)];
    expect(shares.length).toBeGreaterThan(10);
    for (const [, pct, a, b] of shares) {
      const decimals = pct!.split('.')[1]?.length ?? 0;
      const exact = (100 * Number(a)) / Number(b);
      expect(Math.abs(Number(pct) - exact), `${pct}%（${a}/${b}）`).toBeLessThanOrEqual(
        0.5 * 10 ** -decimals + 1e-9,
      );
    }
    await admin.context().close();
  });
});
