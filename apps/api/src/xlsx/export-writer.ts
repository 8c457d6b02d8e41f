import type { Writable } from 'node:stream';
import { TZDate } from '@date-fns/tz';
import type { PercentPolicy } from '@huanjie/domain';
import { ratio } from '@huanjie/domain';
import { format } from 'date-fns';
import ExcelJS from 'exceljs';

/**
 * The one xlsx export writer: every table the apps show leaves the server through here, streamed
 * (exceljs' WorkbookWriter: each row is written to the response as it is committed, so a
 * province of 20,000 villages never sits in memory as a workbook). Every sheet has a title row
 * (region, campaign, time of export), one row of Chinese headers frozen under it, numbers as
 * numbers, a percentage beside its count and denominator, and — when asked — a 合计 row that is
 * the sum of the rows above it.
 */

export type CellValue = string | number | null;
export type ExportRow = Record<string, CellValue>;

export type ExportColumn =
  | {
      key: string;
      header: string;
      kind: 'text';
      width?: number;
    }
  | {
      key: string;
      header: string;
      kind: 'number';
      /** Added up in the 合计 row; a column that is not (a date, a sequence number) is left blank. */
      sum?: boolean;
      width?: number;
    }
  | {
      key: string;
      header: string;
      kind: 'percent';
      /** The columns this percentage is count / denominator of; the 合计 row recomputes it. */
      count: string;
      denominator: string;
      width?: number;
    };

export interface ExportSheet {
  /** The worksheet's tab name (at most 31 characters). */
  name: string;
  /** The title row: what the table is, of which region and campaign, and when it was exported. */
  title: string;
  columns: ExportColumn[];
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>;
  /** Adds a 合计 row (first text column reads 合计) summing the additive columns. */
  total?: boolean;
  /** How percentages are rounded: the campaign's rule set. */
  policy: PercentPolicy;
}

export const TOTAL_LABEL = '合计';
/** Rows above the header: the title. The header is row 2; data start at row 3. */
export const HEADER_ROW = 2;

/** "2026-03-20 14:05" in China, the time written in every title. */
export function exportTime(now: Date): string {
  return format(new TZDate(now, 'Asia/Shanghai'), 'yyyy-MM-dd HH:mm');
}

/** A title: "<region> · <campaign> · <table>（导出时间 …）". */
export function exportTitle(parts: (string | null | undefined)[], now: Date): string {
  return `${parts.filter((p) => p).join(' · ')}（导出时间：${exportTime(now)}）`;
}

/** The percentage written in a cell: a fraction (0.723 shows as 72.3%), rounded as the policy says. */
export function percentCell(count: number, denominator: number, policy: PercentPolicy) {
  const r = ratio(count, denominator, policy);
  return r.percent === null ? null : Number((r.percent / 100).toFixed(policy.decimals + 2));
}

function percentFormat(policy: PercentPolicy): string {
  return policy.decimals === 0 ? '0%' : `0.${'0'.repeat(policy.decimals)}%`;
}

/**
 * A cell's value as exceljs writes it. Text is always a string cell: text beginning with =, +, -
 * or @ stays text (exceljs writes a formula only for a { formula } value, never for a string), so a
 * name typed as =HYPERLINK(…) is shown, not run.
 */
function cellValue(column: ExportColumn, value: CellValue): CellValue {
  if (value === null) return null;
  if (column.kind === 'text') return String(value);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Writes the sheets to `stream` as one xlsx, row by row; resolves when the file is complete. */
export async function writeWorkbook(stream: Writable, sheets: ExportSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '换届';
  for (const sheet of sheets) await writeSheet(workbook, sheet);
  await workbook.commit();
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: ExportSheet,
): Promise<void> {
  const { columns, policy } = sheet;
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
  });
  worksheet.columns = columns.map((c) => ({
    key: c.key,
    width: c.width ?? Math.max(8, Math.min(40, c.header.length * 2 + 2)),
    ...(c.kind === 'percent' ? { style: { numFmt: percentFormat(policy) } } : {}),
  }));

  const title = worksheet.getRow(1);
  title.getCell(1).value = sheet.title;
  title.font = { bold: true, size: 14 };
  worksheet.mergeCells(1, 1, 1, Math.max(1, columns.length));
  title.commit();

  const header = worksheet.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.commit();

  const sums = new Map<string, number>();
  for (const c of columns) if (c.kind === 'number' && c.sum) sums.set(c.key, 0);
  for await (const row of sheet.rows) {
    const values: CellValue[] = columns.map((c) =>
      c.kind === 'percent'
        ? percentOf(row, c.count, c.denominator, policy)
        : cellValue(c, row[c.key] ?? null),
    );
    for (const [key, sum] of sums) {
      const v = row[key];
      if (typeof v === 'number') sums.set(key, sum + v);
    }
    worksheet.addRow(values).commit();
  }

  if (sheet.total) {
    const totals: ExportRow = Object.fromEntries(sums);
    const labelAt = columns.findIndex((c) => c.kind === 'text');
    const values: CellValue[] = columns.map((c, i) => {
      if (i === labelAt) return TOTAL_LABEL;
      if (c.kind === 'percent') return percentOf(totals, c.count, c.denominator, policy);
      return totals[c.key] ?? null;
    });
    const row = worksheet.addRow(values);
    row.font = { bold: true };
    row.commit();
  }
  worksheet.commit();
}

function percentOf(
  row: ExportRow,
  count: string,
  denominator: string,
  policy: PercentPolicy,
): number | null {
  const n = row[count];
  const d = row[denominator];
  return typeof n === 'number' && typeof d === 'number' ? percentCell(n, d, policy) : null;
}
