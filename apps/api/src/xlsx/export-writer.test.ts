import { PassThrough, Writable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { percentPolicy, resolveElectionRules } from '@huanjie/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportRow, ExportSheet } from './export-writer.js';
import { HEADER_ROW, TOTAL_LABEL, exportTitle, writeWorkbook } from './export-writer.js';

const policy = percentPolicy(resolveElectionRules());
const NOW = new Date('2026-03-20T06:05:00Z');

function sheet(rows: ExportSheet['rows']): ExportSheet {
  return {
    name: '测试',
    title: exportTitle(['某县', '第十二届村（社区）两委换届', '测试表'], NOW),
    policy,
    total: true,
    columns: [
      { key: 'name', header: '村（社区）', kind: 'text' },
      { key: 'voted', header: '参加投票选民数', kind: 'number', sum: true },
      { key: 'entitled', header: '登记选民数', kind: 'number', sum: true },
      {
        key: 'turnout',
        header: '参选率（%）',
        kind: 'percent',
        count: 'voted',
        denominator: 'entitled',
      },
    ],
    rows,
  };
}

async function toBuffer(sheets: ExportSheet[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await writeWorkbook(sink, sheets);
  return Buffer.concat(chunks);
}

/** One entry of a zip, found through its central directory (the writer streams: no sizes up front). */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      return inflateRawSync(zip.subarray(data, data + size)).toString('utf8');
    }
    at += 46 + skip;
  }
  throw new Error(`no ${name} in the zip`);
}

async function read(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('the xlsx export writer', () => {
  it('writes a title with the time in China, a frozen header, numbers and a 合计 of the rows above', async () => {
    const ws = await read(
      await toBuffer([
        sheet([
          { name: '柯那村', voted: 80, entitled: 95 },
          { name: '新街社区', voted: 1, entitled: 3 },
        ]),
      ]),
    );
    expect(ws.getCell('A1').value).toBe(
      '某县 · 第十二届村（社区）两委换届 · 测试表（导出时间：2026-03-20 14:05）',
    );
    expect(ws.getRow(HEADER_ROW).values).toEqual([
      undefined,
      '村（社区）',
      '参加投票选民数',
      '登记选民数',
      '参选率（%）',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(ws.getCell('B3').value).toBe(80);
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('D3').value).toBe(0.842); // 84.2%
    expect(ws.getCell('D3').numFmt).toBe('0.0%');
    expect(ws.getCell('D4').value).toBe(0.333);
    // 合计: the sums, and the percentage of the sums (81/98 = 82.7%), not the sum of percentages
    expect(ws.getRow(5).values).toEqual([undefined, TOTAL_LABEL, 81, 98, 0.827]);
  });

  it('writes text that starts with =, +, - or @ as text, never as a formula', async () => {
    const names = ['=HYPERLINK("http://x","y")', '+1+2', '-3', '@SUM(A1)', '=1+1'];
    const buffer = await toBuffer([
      sheet(names.map((name, i) => ({ name, voted: i, entitled: 10 }))),
    ]);
    const ws = await read(buffer);
    names.forEach((name, i) => {
      const cell = ws.getCell(`A${String(HEADER_ROW + 1 + i)}`);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
      expect(cell.formula).toBeUndefined();
    });
    // and the sheet's XML has no formula element at all, only the text
    const xml = zipEntry(buffer, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('streams: the file is leaving before the last row is produced (20,000 villages)', async () => {
    const ROWS = 20_000;
    let written = 0;
    const writtenAt = new Map<number, number>();
    let produced = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        written += chunk.length;
        done();
      },
    });
    async function* rows(): AsyncGenerator<ExportRow> {
      for (let i = 0; i < ROWS; i++) {
        produced = i;
        if (i % 5000 === 0) {
          // let the zip stream drain what is committed so far
          await new Promise((resolve) => setImmediate(resolve));
          writtenAt.set(i, written);
        }
        yield { name: `村${String(i)}`, voted: i % 900, entitled: 1000 };
      }
    }
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    await writeWorkbook(sink, [sheet(rows())]);
    const ms = performance.now() - started;
    expect(produced).toBe(ROWS - 1);
    // bytes reached the sink while rows were still being produced
    expect(writtenAt.get(15_000)).toBeGreaterThan(0);
    expect(writtenAt.get(15_000)!).toBeLessThan(written);
    console.warn(
      `xlsx writer: ${String(ROWS)} rows, ${String(written)} bytes, ${ms.toFixed(0)} ms, heap +${String(
        Math.round((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024),
      )} MB`,
    );
  });
});
