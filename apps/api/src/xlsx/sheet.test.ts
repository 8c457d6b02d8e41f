import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeUpload, readFirstSheet, readTable, writeTemplate } from './sheet.js';

const COLUMNS = [
  { key: 'name', header: '姓名', aliases: ['姓名'], required: true },
  { key: 'birth', header: '出生年月', aliases: ['出生年月', '出生日期'], required: true },
  { key: 'note', header: '备注', aliases: ['备注'], required: false },
] as const;
const LIMITS = { maxBytes: 1024 * 1024, noun: '表格' };
const OPTIONS = { anchor: 'name', maxRows: 3, emptyMessage: '表中没有数据' } as const;

/** A workbook whose first sheet has the given cells, row 1 first. */
async function xlsx(rows: ExcelJS.CellValue[][], numFmt?: Record<string, string>) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('表');
  rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
    });
  });
  for (const [address, format] of Object.entries(numFmt ?? {})) {
    sheet.getCell(address).numFmt = format;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function table(content: Buffer) {
  const sheet = await readFirstSheet(content, LIMITS);
  if (!sheet.ok) return sheet;
  return readTable(sheet.rows, COLUMNS, OPTIONS);
}

describe('the xlsx reader', () => {
  it('finds the header under a title, skips blank rows and keeps Excel’s row numbers', async () => {
    const content = await xlsx(
      [
        ['某镇花名册'],
        [' 姓 名', '出生日期', '备注'],
        ['  王芳 ', '1980-05', null],
        [],
        [' ', '', ''],
        ['李梅', new Date(Date.UTC(1970, 1, 1)), { richText: [{ text: '连任' }] }],
        ['赵刚', new Date(Date.UTC(1960, 1, 17)), 42],
      ],
      { B6: 'yyyy"年"m"月"', B7: 'yyyy/m/d' },
    );
    expect(await table(content)).toEqual({
      ok: true,
      rows: [
        { row: 3, values: { name: '王芳', birth: '1980-05', note: '' } },
        // a date cell shown as a month is a month; one shown as a day is that day
        { row: 6, values: { name: '李梅', birth: '1970-02', note: '连任' } },
        { row: 7, values: { name: '赵刚', birth: '1960-02-17', note: '42' } },
      ],
    });
  });

  it('names a missing header, a missing column, an empty table and too many rows', async () => {
    expect(await table(await xlsx([['无关']]))).toEqual({
      ok: false,
      message: '未找到表头：前10行中没有「姓名」列',
    });
    expect(
      await table(
        await xlsx([
          ['姓名', '备注'],
          ['王芳', ''],
        ]),
      ),
    ).toEqual({
      ok: false,
      message: '表头缺少必填列：「出生年月」',
    });
    expect(await table(await xlsx([['姓名', '出生年月']]))).toEqual({
      ok: false,
      message: '表中没有数据',
    });
    const many = [['姓名', '出生年月'], ...['甲', '乙', '丙', '丁'].map((n) => [n, '1970-01'])];
    expect(await table(await xlsx(many))).toEqual({
      ok: false,
      message: '一次最多导入3行，请分批导入',
    });
  });

  it('refuses an empty, oversized or unreadable file in words the user can act on', async () => {
    expect(await readFirstSheet(Buffer.alloc(0), LIMITS)).toEqual({
      ok: false,
      message: '文件为空',
    });
    expect(await readFirstSheet(Buffer.alloc(LIMITS.maxBytes + 1), LIMITS)).toEqual({
      ok: false,
      message: '文件超过1MB，请分批导入',
    });
    expect(await readFirstSheet(Buffer.from('not a workbook'), LIMITS)).toEqual({
      ok: false,
      message: '无法读取文件，请上传 Excel（.xlsx）格式的表格',
    });
    expect(decodeUpload('A'.repeat(1_500_000), LIMITS.maxBytes)).toEqual({
      ok: false,
      message: '文件超过1MB，请分批导入',
    });
    const small = decodeUpload(Buffer.from('姓名').toString('base64'), LIMITS.maxBytes);
    expect(small.ok && small.content.toString()).toBe('姓名');
  });

  it('writes a template that reads back as a header with no rows', async () => {
    const content = await writeTemplate({
      sheetName: '模板',
      title: '某镇名单',
      columns: [
        { header: '姓名', width: 10 },
        { header: '出生年月', width: 12, text: true },
        { header: '备注', width: 12, list: ['是', '否'] },
      ],
      notes: ['1. 姓名必填。'],
    });
    const sheet = await readFirstSheet(content, LIMITS);
    // the title is merged across the header's width: each merged cell reads as the title
    expect(sheet.ok && sheet.rows.map((r) => r.cells)).toEqual([
      ['某镇名单', '某镇名单', '某镇名单'],
      ['姓名', '出生年月', '备注'],
    ]);
    expect(sheet.ok && readTable(sheet.rows, COLUMNS, OPTIONS)).toEqual({
      ok: false,
      message: '表中没有数据',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0]?.getCell('B3').numFmt).toBe('@');
    expect(workbook.worksheets[0]?.getCell('C3').dataValidation.formulae).toEqual(['"是,否"']);
    expect(workbook.worksheets[1]?.getCell('A2').value).toBe('1. 姓名必填。');
  });
});
