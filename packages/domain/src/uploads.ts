/**
 * The largest spreadsheet an import accepts (the cadre roster, the previous term). The township
 * and county pages check it before uploading, the server again on receipt, with the same words.
 */
export const MAX_SHEET_BYTES = 1024 * 1024;

function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${String(bytes / 1024 / 1024)}MB` : `${String(bytes)}字节`;
}

export function tooLargeMessage(maxBytes = MAX_SHEET_BYTES): string {
  return `文件超过${sizeText(maxBytes)}，请分批导入`;
}

/** Why a picked spreadsheet will not be uploaded, or null when it may be. */
export function sheetUploadProblem(file: { size: number }): string | null {
  if (file.size === 0) return '文件是空的，请选择填好的表格';
  return file.size > MAX_SHEET_BYTES ? tooLargeMessage() : null;
}
