import type { PreviousTermColumnKey, PreviousTermRowInput } from '@huanjie/domain';
import {
  EDUCATION_LABEL,
  MAX_PREVIOUS_TERM_ROWS,
  MAX_SHEET_BYTES,
  POLITICAL_STATUS_LABEL,
  POST_LABEL,
  PREVIOUS_TERM_COLUMNS,
} from '@huanjie/domain';
import type { SheetResult } from '../../xlsx/sheet.js';
import { readFirstSheet, readTable, writeTemplate } from '../../xlsx/sheet.js';

/** Reads the previous term's sheet into rows as typed; the rows' checks are the domain's. */
export async function parsePreviousTerm(
  content: Buffer,
): Promise<SheetResult<{ rows: PreviousTermRowInput[] }>> {
  const sheet = await readFirstSheet(content, { maxBytes: MAX_SHEET_BYTES, noun: '表格' });
  if (!sheet.ok) return sheet;
  const table = readTable(sheet.rows, PREVIOUS_TERM_COLUMNS, {
    anchor: 'name',
    maxRows: MAX_PREVIOUS_TERM_ROWS,
    emptyMessage: '表中没有上届班子成员',
  });
  if (!table.ok) return table;
  return { ok: true, rows: table.rows.map((r) => ({ row: r.row, ...r.values })) };
}

const TEMPLATE: Record<PreviousTermColumnKey, { width: number; list?: readonly string[] }> = {
  village: { width: 16 },
  body: { width: 10, list: ['党组织', '村委会', '居委会'] },
  post: {
    width: 10,
    list: (['secretary', 'deputy_secretary', 'chair', 'vice_chair', 'member'] as const).map(
      (p) => POST_LABEL[p].zh,
    ),
  },
  name: { width: 10 },
  gender: { width: 8, list: ['男', '女'] },
  birth: { width: 12 },
  ethnicity: { width: 10 },
  education: { width: 10, list: Object.values(EDUCATION_LABEL) },
  politicalStatus: { width: 12, list: Object.values(POLITICAL_STATUS_LABEL) },
};

/** An empty previous-term sheet in the layout the import reads. */
export function previousTermTemplate(title: string): Promise<Buffer> {
  return writeTemplate({
    sheetName: '上届班子成员',
    title,
    // Text cells throughout, so that Excel keeps "1975-03" as typed instead of making it a date.
    columns: PREVIOUS_TERM_COLUMNS.map((c) => ({
      header: c.header,
      ...TEMPLATE[c.key],
      text: true,
    })),
    notes: [
      '1. 每行填写一名上届班子成员在一个组织中的职务；同一人在党组织和村(居)委会都任职的，填两行。',
      ...PREVIOUS_TERM_COLUMNS.map(
        (c, i) => `${String(i + 2)}. ${c.header}${c.required ? '（必填）' : ''}：${c.note}。`,
      ),
      `${String(PREVIOUS_TERM_COLUMNS.length + 2)}. 导入时逐行检查，有任何一行不合格则整表不导入，请按报告修改后重新导入；重新导入会替换表中各村(社区)原有的上届班子成员。`,
    ],
  });
}
