import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';
import { HEADER_ROW, TOTAL_LABEL } from '../../xlsx/export-writer.js';

interface ListedCase {
  id: string;
  receivedOn: string;
  village: { name: string };
  township: { id: string; name: string } | null;
  categoryLabel: string;
  statusLabel: string;
  reporterVisible: boolean;
  reporterName: string;
  reporterPhone: string | null;
  overdue: boolean;
}

const LIST = `query($r: ID!, $s: CaseStatus, $o: Boolean, $open: Boolean) {
  cases(regionId: $r, status: $s, overdueOnly: $o, openOnly: $open) {
    id receivedOn village { name } township { id name } categoryLabel statusLabel
    reporterVisible reporterName reporterPhone overdue } }`;

describe('the case list as xlsx (/exports/cases.xlsx)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};

  async function download(token: string, params: Record<string, string>) {
    const res = await fetch(
      `${api.server.url}/exports/cases.xlsx?${new URLSearchParams(params).toString()}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  }

  /** The sheet's rows below the header as objects keyed by header, and its 合计 row. */
  async function table(token: string, params: Record<string, string>) {
    const d = await download(token, params);
    expect(d.status, d.body.toString('utf8').slice(0, 300)).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(d.body as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    const headers = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
    const rows: Record<string, unknown>[] = [];
    for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
      const values = ws.getRow(r).values as unknown[];
      rows.push(Object.fromEntries(headers.map((h, c) => [h, values[c + 1] ?? null])));
    }
    const total = rows.pop()!;
    expect(Object.values(total)).toContain(TOTAL_LABEL);
    return { title: ws.getCell('A1').text, rows, total, raw: d.body };
  }

  async function list(who: string, variables: Record<string, unknown>) {
    const res = await api.gql<{ cases: ListedCase[] }>(LIST, variables, { token: tokens[who] });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.cases;
  }

  beforeAll(async () => {
    api = await startTestApi({ fullDemo: true });
    for (const [key, username, app] of [
      ['admin', 'county.admin', 'county'],
      ['coord1', 'town01.coordinator', 'township'],
      ['coord2', 'town02.coordinator', 'township'],
    ] as const)
      tokens[key] = await api.login(username, app);
  });
  afterAll(() => api.close());

  it('the county exports the rows its list shows, in its order, with the filters of the screen', async () => {
    const county = api.regionGid('c');
    const filters: Record<string, string>[] = [
      {},
      { status: 'assigned' },
      { overdueOnly: 'true' },
      { openOnly: 'true' },
    ];
    for (const filter of filters) {
      const screen = await list('admin', {
        r: county,
        s: filter['status'] ?? null,
        o: 'overdueOnly' in filter,
        open: 'openOnly' in filter,
      });
      expect(screen.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const { rows, total, title } = await table(tokens['admin']!, { regionId: county, ...filter });
      expect(title).toContain(`共${String(screen.length)}件`);
      expect(
        rows.map((r) => [
          r['收到日期'],
          r['乡镇（街道）'],
          r['村（社区）'],
          r['问题类别'],
          r['办理状态'],
        ]),
        JSON.stringify(filter),
      ).toEqual(
        screen.map((c) => [
          c.receivedOn,
          c.township?.name,
          c.village.name,
          c.categoryLabel,
          c.statusLabel,
        ]),
      );
      expect(total['逾期（是=1）']).toBe(screen.filter((c) => c.overdue).length);
    }
  });

  it('the reporter’s identity is written only for those who may see it: 匿名 for a township user outside the handling group', async () => {
    // every township with cases: its coordinator handles the office's cases, not a team's
    for (const who of ['coord1', 'coord2'] as const) {
      const township = api.regionGid(who === 'coord1' ? 't01' : 't02');
      const screen = await list(who, { r: township });
      const hidden = screen.filter((c) => !c.reporterVisible);
      if (screen.length === 0) continue;
      const { rows, raw } = await table(tokens[who]!, { regionId: township });
      expect(rows).toHaveLength(screen.length);
      screen.forEach((c, i) => {
        expect(rows[i]!['举报人']).toBe(c.reporterName);
        if (!c.reporterVisible) {
          expect(rows[i]!['举报人']).toBe('匿名');
          expect(rows[i]!['举报人电话']).toBeNull();
          expect(rows[i]!['举报人身份证号']).toBeNull();
        }
      });
      // what the county admin sees of the same cases, and the coordinator's file does not hold
      const admin = await list('admin', { r: township });
      for (const c of hidden) {
        const full = admin.find((a) => a.id === c.id)!;
        if (full.reporterName === '匿名') continue;
        expect(full.reporterVisible).toBe(true);
        const { rows: adminRows } = await table(tokens['admin']!, { regionId: township });
        expect(adminRows.map((r) => r['举报人'])).toContain(full.reporterName);
        expect(adminRows.map((r) => r['举报人电话'])).toContain(full.reporterPhone);
        expect(rows.map((r) => r['举报人'])).not.toContain(full.reporterName);
        expect(raw.includes(Buffer.from(full.reporterPhone!))).toBe(false);
        return;
      }
    }
    throw new Error('the demo has no reported case hidden from a township coordinator');
  });

  it('a township is refused the county’s list and another township’s: 403, a Chinese message, no rows', async () => {
    for (const regionId of [api.regionGid('c'), api.regionGid('t02')]) {
      const d = await download(tokens['coord1']!, { regionId });
      expect(d.status).toBe(403);
      expect(d.body.toString('utf8')).toMatch(/[\u4e00-\u9fa5]/);
    }
    const bad = await download(tokens['admin']!, { regionId: api.regionGid('c'), status: 'lost' });
    expect(bad.status).toBe(400);
    expect(bad.body.toString('utf8')).toContain('办理状态无效');
  });
});
