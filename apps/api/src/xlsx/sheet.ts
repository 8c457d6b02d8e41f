import { tooLargeMessage } from '@huanjie/domain';
import ExcelJS from 'exceljs';
import { checkZip, type ZipLimits } from './zip-guard.js';

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
  /** How long to wait for another upload's parsing; SHEET_QUEUE_WAIT_MS unless a test says. */
  queueWaitMs?: number;
  /** Rows of the sheet read at most; MAX_SHEET_ROWS unless the import says (a county's regions). */
  maxRows?: number;
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

/**
 * What an upload may expand to: a real 2000-row roster is ~2 MB of XML at ~10×, a zip bomb is
 * hundreds of MB at ~1000×. exceljs holds the whole workbook in memory, ~10–20× the XML.
 */
export const SHEET_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 20 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 200,
};

/** Rows of the first sheet read at most; every import allows fewer, so the rest are never kept. */
export const MAX_SHEET_ROWS = 5000;

/** How long an import waits for the one before it to finish parsing before it is turned away. */
export const SHEET_QUEUE_WAIT_MS = 10_000;

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
  const unreadable = `无法读取文件，请上传 Excel（.xlsx）格式的${limits.noun}`;
  const zip = checkZip(content, SHEET_ZIP_LIMITS);
  if (!zip.ok) {
    return {
      ok: false,
      message: zip.reason === 'not-zip' ? unreadable : `${limits.noun}解压后内容过大，请分批导入`,
    };
  }
  // Parsing holds the whole workbook in memory: one at a time, so parallel uploads cannot add up.
  const release = await parseGate.acquire(limits.queueWaitMs ?? SHEET_QUEUE_WAIT_MS);
  if (!release) return { ok: false, message: '其他表格正在导入，请稍后重试' };
  try {
    return await parseFirstSheet(content, unreadable, limits.maxRows ?? MAX_SHEET_ROWS);
  } finally {
    release();
  }
}

async function parseFirstSheet(
  content: Buffer,
  unreadable: string,
  maxRows: number,
): Promise<SheetResult<{ rows: SheetRow[] }>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, message: unreadable };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: '文件中没有工作表' };
  if (sheet.actualRowCount > maxRows) {
    return { ok: false, message: `表格超过${String(maxRows)}行，请分批导入` };
  }
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (rows.length >= maxRows) return;
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

/** A one-slot lock whose waiters give up after a while; `acquire` resolves to a release, or null. */
export function createGate() {
  let busy = false;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else busy = false;
  };
  return {
    acquire(waitMs: number): Promise<(() => void) | null> {
      if (!busy) {
        busy = true;
        return Promise.resolve(release);
      }
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve(release);
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(wake), 1);
          resolve(null);
        }, waitMs);
        waiting.push(wake);
      });
    },
  };
}

const parseGate = createGate();

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
  /** Filled-in rows shown on a sheet of their own (示例), so the sheet to fill stays empty. */
  examples?: readonly (readonly (string | number)[])[];
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
  if (spec.examples) {
    const examples = workbook.addWorksheet('示例');
    examples.addRow(spec.columns.map((c) => c.header)).font = { bold: true };
    spec.columns.forEach((c, i) => (examples.getColumn(i + 1).width = c.width));
    for (const row of spec.examples) examples.addRow([...row]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
