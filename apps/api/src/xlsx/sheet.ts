import { tooLargeMessage } from '@huanjie/domain';
import ExcelJS from 'exceljs';

/**
 * The one xlsx reader and template writer: an uploaded sheet is read here on the server (never in
 * the browser), and each import keeps only its own columns and row checks.
 */

export type SheetResult<T> = ({ ok: true } & T) | { ok: false; message: string };

/** A row of the first sheet that has any value, with the row number Excel shows. */
export interface SheetRow {
  row: number;
  /** Trimmed cell texts; cells[0] is column A. */
  cells: string[];
}

export interface SheetLimits {
  maxBytes: number;
  /** What the user uploads, as messages name it: 花名册, 表格 … */
  noun: string;
}

export interface SheetColumn<K extends string> {
  key: K;
  header: string;
  /** Header texts this column is recognised by (whitespace is ignored). */
  aliases: readonly string[];
  required: boolean;
}

export interface TableRow<K extends string> {
  row: number;
  values: Record<K, string>;
}

export interface TableOptions<K extends string> {
  /** The column whose header marks the header row, e.g. 姓名. */
  anchor: K;
  maxRows: number;
  /** Said when the sheet has a header but no data row. */
  emptyMessage: string;
}

/** How many rows from the top may hold titles before the header. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Decodes an upload sent as base64; refuses before decoding when the text alone shows the file is
 * over the limit.
 */
export function decodeUpload(
  contentBase64: string,
  maxBytes: number,
): SheetResult<{ content: Buffer }> {
  if (contentBase64.length > Math.ceil((maxBytes * 4) / 3) + 4) {
    return { ok: false, message: tooLargeMessage(maxBytes) };
  }
  return { ok: true, content: Buffer.from(contentBase64, 'base64') };
}

function dateText(value: Date, numFmt: string | undefined): string {
  const iso = value.toISOString();
  // A cell formatted as a month ("yyyy-mm", "yyyy年m月") holds a month, not the 1st of it.
  return numFmt && !/d/i.test(numFmt.replace(/"[^"]*"/g, '')) ? iso.slice(0, 7) : iso.slice(0, 10);
}

export function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).trim();
  if (value instanceof Date) return dateText(value, numFmt);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value) return cellText(value.result, numFmt);
  return '';
}

/**
 * The rows of an xlsx file's first sheet as cell texts, or why the file cannot be read. A merged
 * cell reads as its top-left value, so a village name merged down several rows fills each.
 */
export async function readFirstSheet(
  content: Buffer,
  limits: SheetLimits,
): Promise<SheetResult<{ rows: SheetRow[] }>> {
  if (content.length === 0) return { ok: false, message: '文件为空' };
  if (content.length > limits.maxBytes) {
    return { ok: false, message: tooLargeMessage(limits.maxBytes) };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, message: `无法读取文件，请上传 Excel（.xlsx）格式的${limits.noun}` };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: '文件中没有工作表' };
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    const cells: string[] = [];
    row.eachCell((cell, col) => {
      cells[col - 1] = cellText(cell.value, cell.numFmt);
    });
    rows.push({
      row: number,
      cells: Array.from({ length: cells.length }, (_, i) => cells[i] ?? ''),
    });
  });
  return { ok: true, rows };
}

/**
 * Finds the header (the first row of the top ten naming the anchor column: a sheet often starts
 * with a title row), then reads every later non-blank row by column, keeping Excel's row numbers.
 */
export function readTable<K extends string>(
  rows: readonly SheetRow[],
  columns: readonly SheetColumn<K>[],
  options: TableOptions<K>,
): SheetResult<{ rows: TableRow<K>[] }> {
  let header: SheetRow | null = null;
  const columnOf = new Map<K, number>();
  for (const candidate of rows) {
    if (candidate.row > HEADER_SEARCH_ROWS) break;
    const found = new Map<K, number>();
    candidate.cells.forEach((cell, col) => {
      const text = cell.replace(/\s/g, '');
      const column = columns.find((c) => c.aliases.includes(text));
      if (column && !found.has(column.key)) found.set(column.key, col);
    });
    if (found.has(options.anchor)) {
      header = candidate;
      for (const [k, v] of found) columnOf.set(k, v);
      break;
    }
  }
  const anchor = columns.find((c) => c.key === options.anchor)?.header ?? options.anchor;
  if (!header) {
    return {
      ok: false,
      message: `未找到表头：前${String(HEADER_SEARCH_ROWS)}行中没有「${anchor}」列`,
    };
  }
  const missing = columns.filter((c) => c.required && !columnOf.has(c.key));
  if (missing.length > 0) {
    return {
      ok: false,
      message: `表头缺少必填列：${missing.map((c) => `「${c.header}」`).join('、')}`,
    };
  }

  const table: TableRow<K>[] = [];
  for (const line of rows) {
    if (line.row <= header.row) continue;
    const values = Object.fromEntries(
      columns.map((c) => {
        const col = columnOf.get(c.key);
        return [c.key, col === undefined ? '' : (line.cells[col] ?? '')];
      }),
    ) as Record<K, string>;
    if (columns.every((c) => values[c.key] === '')) continue;
    if (table.length >= options.maxRows) {
      return { ok: false, message: `一次最多导入${String(options.maxRows)}行，请分批导入` };
    }
    table.push({ row: line.row, values });
  }
  if (table.length === 0) return { ok: false, message: options.emptyMessage };
  return { ok: true, rows: table };
}

export interface TemplateColumn {
  header: string;
  width: number;
  /** The values a cell may take, offered as a drop-down. */
  list?: readonly string[];
  /** Text cells, so that Excel keeps "1975-03" or a phone number as typed. */
  text?: boolean;
}

export interface TemplateSpec {
  sheetName: string;
  /** The title row above the header. */
  title: string;
  columns: readonly TemplateColumn[];
  /** Lines of a second sheet, 填表说明. */
  notes: readonly string[];
}

/** Rows below the header that carry the drop-downs and text format. */
const TEMPLATE_ROWS = 300;

/** An empty sheet in the layout readTable reads: a title row, the header, then blank rows. */
export async function writeTemplate(spec: TemplateSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.sheetName.slice(0, 31));
  sheet.mergeCells(1, 1, 1, spec.columns.length);
  sheet.getCell(1, 1).value = spec.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = sheet.getRow(2);
  spec.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    header.getCell(i + 1).font = { bold: true };
    sheet.getColumn(i + 1).width = c.width;
    for (let r = 3; r <= TEMPLATE_ROWS + 2; r++) {
      const cell = sheet.getCell(r, i + 1);
      if (c.list) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: false,
          formulae: [`"${c.list.join(',')}"`],
        };
      }
      if (c.text) cell.numFmt = '@';
    }
  });
  const notes = workbook.addWorksheet('填表说明');
  notes.addRows([['填表说明'], ...spec.notes.map((line) => [line])]);
  notes.getColumn(1).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
