import { describe, expect, it } from 'vitest';
import { MAX_SHEET_BYTES, sheetUploadProblem, tooLargeMessage } from './uploads.js';

describe('sheetUploadProblem', () => {
  it('lets a sheet of up to 1MB through', () => {
    expect(sheetUploadProblem({ size: 40_000 })).toBeNull();
    expect(sheetUploadProblem({ size: MAX_SHEET_BYTES })).toBeNull();
  });

  it('refuses a larger file with the size in the message, before it is sent', () => {
    expect(sheetUploadProblem({ size: MAX_SHEET_BYTES + 1 })).toBe('文件超过1MB，请分批导入');
    expect(sheetUploadProblem({ size: 3 * 1024 * 1024 })).toBe(tooLargeMessage());
  });

  it('refuses an empty file', () => {
    expect(sheetUploadProblem({ size: 0 })).toContain('空');
  });
});
