import type { CellValue } from 'exceljs';
import { XLSX_TYPE } from '../guidance/results.js';

/** exceljs is large: loaded when a sheet is first read or written, not with the page. */
async function excel() {
  return (await import('exceljs')).default;
}

function dateText(value: Date, numFmt: string | undefined): string {
  const iso = value.toISOString();
  // A cell formatted as a month ("yyyy-mm", "yyyy年m月") holds a month, not the 1st of it.
  return numFmt && !/d/i.test(numFmt.replace(/"[^"]*"/g, '')) ? iso.slice(0, 7) : iso.slice(0, 10);
}

function cellText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
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

/** The first sheet of an xlsx file as cell texts, row 1 first; null when it is not a readable xlsx. */
export async function readSheetCells(file: File): Promise<string[][] | null> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(await file.arrayBuffer());
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const cells: string[] = [];
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value, cell.numFmt);
    });
    rows.push(Array.from({ length: cells.length }, (_, i) => cells[i] ?? ''));
  }
  return rows;
}

/** An empty sheet with a title row and the given header, offered for download. */
export async function downloadEmptySheet(fileName: string, title: string, headers: string[]) {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  headers.forEach((h, i) => {
    sheet.getCell(2, i + 1).value = h;
    sheet.getCell(2, i + 1).font = { bold: true };
    sheet.getColumn(i + 1).width = 14;
    // Text cells, so that Excel keeps "1975-03" as typed.
    for (let r = 3; r <= 300; r++) sheet.getCell(r, i + 1).numFmt = '@';
  });
  const buffer = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
