import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateDemoCounty } from '@huanjie/db/demo';
import { field, launchBrowser, newContext, signIn } from './browser.js';
import { TODAY, dayFromToday } from './clock.js';
import { useStack } from './stack.js';

const demo = generateDemoCounty();
const townships = demo.regions.filter((r) => r.level === 'township');
const lastTownship = townships[townships.length - 1]!;
// The second village of the last township, which has not started.
const village = demo.regions.filter(
  (r) => r.parentKey === lastTownship.key && r.level === 'village',
)[1]!;
const tt = lastTownship.key.slice(1);
const clerk = `vil${tt}${village.key.slice(4)}.clerk`;
const coordinator = `town${tt}.coordinator`;

/** A small PNG the phone-side compressor can decode: a "notice board" photo. */
function boardPhoto(): Buffer {
  const width = 64;
  const height = 48;
  const raw = Buffer.alloc((width * 3 + 1) * height, 0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * (width * 3 + 1) + 1 + x * 3;
      raw[i] = 200;
      raw[i + 1] = (x * 4) % 255;
      raw[i + 2] = (y * 5) % 255;
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A textarea behind a test id, whether the id sits on the textarea or on its wrapper. */
function textarea(page: Page, testId: string) {
  return page
    .locator(`textarea[data-testid="${testId}"], [data-testid="${testId}"] textarea`)
    .first();
}

const stack = useStack();

describe('campaign: set-up, village report, township review, live county overview', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function open(): Promise<Page> {
    const context = await newContext(browser, stack.now());
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser.close();
  });

  it('a county admin sets up a new campaign', async () => {
    const page = await open();
    await signIn(page, stack.appUrls.county, 'county.admin');
    await page.getByTestId('nav-campaigns').click();
    await page.getByTestId('campaign-new').click();
    await field(page, 'campaign-name').fill('2029年村（社区）“两委”补选');
    await field(page, 'campaign-election-day').fill(dayFromToday(40));
    await page.getByTestId('campaign-create').click();
    await expect
      .poll(() => page.getByTestId('campaign-page').getAttribute('data-status'))
      .toBe('draft');
    expect(await page.getByTestId('campaign-page').innerText()).toContain(
      '2029年村（社区）“两委”补选',
    );
    await page.getByTestId('campaign-days').waitFor();
    await page.getByRole('link', { name: '全部换届工作' }).click();
    await expect
      .poll(() => page.getByTestId('campaigns-table').innerText())
      .toContain('2029年村（社区）“两委”补选');
  });

  it('a village reports, is warned of the deadline, is returned, corrects it, and the county sees the approval live', async () => {
    // The county leader keeps the overview open the whole time.
    const county = await open();
    await signIn(county, stack.appUrls.county, 'county.leader');
    await county.getByTestId('nav-overview').click();
    await county.getByTestId('campaign-overview').waitFor();
    await county.getByRole('tab', { name: /村委会换届/ }).click();
    const approvedCell = county.getByTestId('funnel-V-audit-approved');
    await approvedCell.waitFor();
    const before = await approvedCell.innerText();
    const approvedBefore = Number(before.split('/')[0]);
    await county.evaluate(() => {
      (globalThis as unknown as { liveMarker: string }).liveMarker = 'not reloaded';
    });

    // The village clerk reports the term-end audit, posted today: late by the county's schedule.
    const phone = await open();
    await phone.setViewportSize({ width: 390, height: 844 });
    await signIn(phone, stack.appUrls.village, clerk);
    await phone.getByTestId('campaign-entry-item').first().click();
    await phone.getByTestId('gate-audit').click();
    await phone.getByTestId('stage-form').waitFor();
    await phone.getByTestId('stage-done-date').fill(TODAY);
    await phone.getByTestId('stage-photo-input').setInputFiles({
      name: 'notice.png',
      mimeType: 'image/png',
      buffer: boardPhoto(),
    });
    await phone.getByTestId('stage-photo-preview').waitFor();
    await phone.getByTestId('stage-submit').click();
    const warning = phone.locator(
      '[data-testid="finding-warning"][data-rule="schedule.audit_days_before"]',
    );
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/晚了\d+天/);
    expect(await warning.innerText()).toContain('依据');
    expect(await phone.getByTestId('stage-message').innerText()).toContain('情况说明');
    await textarea(phone, 'stage-explanation').fill('审计组人手紧张，进村推迟，已于今日张榜公示');
    await phone.getByTestId('stage-submit').click();
    await expect
      .poll(() => phone.getByTestId('stage-status').getAttribute('data-status'))
      .toBe('submitted');

    // The township returns it with a comment.
    const township = await open();
    await signIn(township, stack.appUrls.township, coordinator);
    await township.getByTestId('nav-review').click();
    await township.getByTestId(`queue-${village.name}-V-audit`).click();
    await township.getByTestId('drawer-explanation').waitFor();
    await textarea(township, 'review-comment').fill('照片看不清，请重新拍照上传');
    await township.getByTestId('review-return').click();
    await expect.poll(() => township.getByTestId('stage-drawer').innerText()).toContain('已退回');

    // The village sees the comment, takes a new photo and submits again.
    await phone.reload();
    await expect
      .poll(() => phone.getByTestId('stage-review-comment').innerText())
      .toContain('照片看不清');
    expect(await phone.getByTestId('stage-status').getAttribute('data-status')).toBe('returned');
    await phone.getByTestId('stage-photo-input').setInputFiles({
      name: 'notice-2.png',
      mimeType: 'image/png',
      buffer: boardPhoto(),
    });
    await expect
      .poll(() => phone.getByTestId('stage-photo-preview').getAttribute('src'))
      .toContain('image/jpeg');
    await phone.getByTestId('stage-submit').click();
    await expect
      .poll(() => phone.getByTestId('stage-status').getAttribute('data-status'))
      .toBe('submitted');

    // The township approves.
    await township.goto(`${stack.appUrls.township}/review`);
    await township.getByTestId(`queue-${village.name}-V-audit`).click();
    await township.getByTestId('review-approve').click();
    await expect
      .poll(() => township.getByTestId('drawer-status').getAttribute('data-status'))
      .toBe('approved');

    // The county overview has moved on its own: one more approved audit, no reload.
    await expect
      .poll(async () => Number((await approvedCell.innerText()).split('/')[0]))
      .toBe(approvedBefore + 1);
    expect(
      await county.evaluate(() => (globalThis as unknown as { liveMarker?: string }).liveMarker),
    ).toBe('not reloaded');

    // And the village's checklist shows it approved and locked.
    await phone.reload();
    await expect
      .poll(() => phone.getByTestId('stage-status').getAttribute('data-status'))
      .toBe('approved');
  });
});
