import type { RegionKind } from '@huanjie/domain';
import {
  MAX_SHEET_BYTES,
  REGION_KIND_WORDS,
  isDivisionCode,
  isIsoDate,
  parseRegionKind,
  tooLargeMessage,
} from '@huanjie/domain';
import { hasControlChars } from '../../shared/text.js';
import { readFirstSheet, readTable, writeTemplate } from '../../xlsx/sheet.js';

/**
 * The civil affairs office's list of a county's divisions (行政区划) as an xlsx: one row per
 * township, village or community and villager group, each with its 12-digit 统计用区划代码 and its
 * parent's. Reading and the checks of one row alone live here; checks across rows and against the
 * stored tree live in region-import.ts.
 */
export const REGION_COLUMNS = [
  {
    key: 'code',
    header: '统计用区划代码',
    aliases: ['统计用区划代码', '区划代码', '代码'],
    required: true,
    width: 18,
  },
  {
    key: 'name',
    header: '名称',
    aliases: ['名称', '区划名称', '单位名称'],
    required: true,
    width: 20,
  },
  { key: 'kind', header: '类型', aliases: ['类型', '区划类型', '级别'], required: true, width: 10 },
  {
    key: 'parentCode',
    header: '上级代码',
    aliases: ['上级代码', '上级区划代码', '上级统计用区划代码'],
    required: true,
    width: 18,
  },
  { key: 'households', header: '户数', aliases: ['户数', '总户数'], required: false, width: 10 },
  {
    key: 'population',
    header: '人口',
    aliases: ['人口', '总人口', '户籍人口', '人口数'],
    required: false,
    width: 10,
  },
  {
    key: 'villagerGroups',
    header: '村民小组数',
    aliases: ['村民小组数', '小组数', '村(居)民小组数'],
    required: false,
    width: 12,
  },
  {
    key: 'mergedInto',
    header: '撤并入代码',
    aliases: ['撤并入代码', '并入代码', '撤并入'],
    required: false,
    width: 18,
  },
  { key: 'mergedOn', header: '撤并日期', aliases: ['撤并日期'], required: false, width: 12 },
] as const;

export type RegionColumnKey = (typeof REGION_COLUMNS)[number]['key'];

/** A 20,000-village province-sized county with its townships fits; a county has ~500 villages. */
export const MAX_REGION_ROWS = 25_000;
/**
 * The one upload limit of every import (and what a request body of 2 MB carries as base64): a list
 * of 500 townships and 20,000 villages is ~0.8 MB. A larger list is imported in parts, townships
 * first; each part finds the parents the earlier ones stored.
 */
export const MAX_REGION_SHEET_BYTES = MAX_SHEET_BYTES;

export interface RegionCellIssue {
  column: string;
  message: string;
}

export interface RegionSheetRow {
  row: number;
  code: string;
  name: string;
  kindText: string;
  kind: RegionKind | null;
  parentCode: string;
  households: number | null;
  population: number | null;
  villagerGroups: number | null;
  mergedInto: string | null;
  mergedOn: string | null;
  issues: RegionCellIssue[];
}

export type ParsedRegionSheet =
  { ok: true; rows: RegionSheetRow[] } | { ok: false; message: string };

const header = (key: RegionColumnKey) => REGION_COLUMNS.find((c) => c.key === key)?.header ?? key;

export function cellIssue(row: number, key: RegionColumnKey, message: string): RegionCellIssue {
  const column = header(key);
  return { column, message: `第${String(row)}行「${column}」${message}` };
}

const MAX_COUNT = 99_999_999;

function count(
  row: number,
  key: RegionColumnKey,
  text: string,
  issues: RegionCellIssue[],
): number | null {
  const plain = text.replace(/[\s,，]/g, '');
  if (plain === '') return null;
  if (/^-\d+(\.\d+)?$/.test(plain)) {
    issues.push(cellIssue(row, key, `「${text}」不能为负数`));
    return null;
  }
  if (!/^\d+$/.test(plain)) {
    issues.push(cellIssue(row, key, `「${text}」应为整数`));
    return null;
  }
  const value = Number(plain);
  if (value > MAX_COUNT) {
    issues.push(cellIssue(row, key, `「${text}」过大`));
    return null;
  }
  return value;
}

const DATE = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/;

function dateOf(text: string): string | null {
  const m = DATE.exec(text.replace(/\s/g, ''));
  if (!m) return null;
  const iso = `${m[1] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** The checks one row can answer alone: filled, well-formed, no control characters. */
export function checkRegionRow(row: number, get: (key: RegionColumnKey) => string): RegionSheetRow {
  const issues: RegionCellIssue[] = [];
  for (const column of REGION_COLUMNS) {
    if (hasControlChars(get(column.key))) {
      issues.push(cellIssue(row, column.key, '含有控制字符或不可见字符'));
    }
  }
  const code = get('code').replace(/\s/g, '');
  if (code === '') issues.push(cellIssue(row, 'code', '不能为空'));
  else if (!isDivisionCode(code)) issues.push(cellIssue(row, 'code', `「${code}」应为12位数字`));

  const name = get('name').trim();
  if (name === '') issues.push(cellIssue(row, 'name', '不能为空'));
  else if (name.length > 40) issues.push(cellIssue(row, 'name', '不能超过40个字'));

  const kindText = get('kind').replace(/\s/g, '');
  const kind = parseRegionKind(kindText);
  if (!kind) {
    issues.push(
      cellIssue(
        row,
        'kind',
        kindText === ''
          ? '不能为空'
          : `「${kindText}」无效，应为${REGION_KIND_WORDS.join('、')}之一`,
      ),
    );
  }

  const parentCode = get('parentCode').replace(/\s/g, '');
  if (parentCode === '') issues.push(cellIssue(row, 'parentCode', '不能为空'));
  else if (!isDivisionCode(parentCode)) {
    issues.push(cellIssue(row, 'parentCode', `「${parentCode}」应为12位数字`));
  } else if (parentCode === code) issues.push(cellIssue(row, 'parentCode', '不能是本行自己的代码'));

  const households = count(row, 'households', get('households'), issues);
  const population = count(row, 'population', get('population'), issues);
  const villagerGroups = count(row, 'villagerGroups', get('villagerGroups'), issues);

  const mergedIntoText = get('mergedInto').replace(/\s/g, '');
  const mergedOnText = get('mergedOn').trim();
  let mergedInto: string | null = null;
  let mergedOn: string | null = null;
  if (mergedIntoText !== '' || mergedOnText !== '') {
    if (mergedIntoText === '') issues.push(cellIssue(row, 'mergedInto', '填写撤并日期时不能为空'));
    else if (!isDivisionCode(mergedIntoText)) {
      issues.push(cellIssue(row, 'mergedInto', `「${mergedIntoText}」应为12位数字`));
    } else if (mergedIntoText === code) {
      issues.push(cellIssue(row, 'mergedInto', '不能撤并入自己'));
    } else mergedInto = mergedIntoText;
    if (mergedOnText === '') issues.push(cellIssue(row, 'mergedOn', '填写撤并入代码时不能为空'));
    else {
      mergedOn = dateOf(mergedOnText);
      if (!mergedOn) {
        issues.push(cellIssue(row, 'mergedOn', `「${mergedOnText}」不是有效日期，应如2025-06-30`));
      }
    }
  }
  return {
    row,
    code,
    name,
    kindText,
    kind,
    parentCode,
    households,
    population,
    villagerGroups,
    mergedInto,
    mergedOn,
    issues,
  };
}

/** Reads the first sheet of an uploaded list: finds the header row, then checks every row alone. */
export async function parseRegionSheet(content: Buffer): Promise<ParsedRegionSheet> {
  const sheet = await readFirstSheet(content, {
    maxBytes: MAX_REGION_SHEET_BYTES,
    noun: '区划表',
    maxRows: MAX_REGION_ROWS + 10,
  });
  if (!sheet.ok) return sheet;
  const table = readTable(sheet.rows, REGION_COLUMNS, {
    anchor: 'code',
    maxRows: MAX_REGION_ROWS,
    emptyMessage: '表中没有区划数据',
  });
  if (!table.ok) return table;
  return {
    ok: true,
    rows: table.rows.map((r) => checkRegionRow(r.row, (key) => r.values[key])),
  };
}

export function regionFileTooLarge(): string {
  return tooLargeMessage(MAX_REGION_SHEET_BYTES);
}

/** An empty list in the layout the import reads, one example per kind on a sheet of its own. */
export function regionTemplate(title: string, countyCode: string): Promise<Buffer> {
  const c = countyCode.slice(0, 6);
  const county = `${c}000000`;
  return writeTemplate({
    sheetName: '行政区划',
    title,
    columns: REGION_COLUMNS.map((col) => ({
      header: col.header,
      width: col.width,
      ...(col.key === 'kind' ? { list: REGION_KIND_WORDS } : {}),
      ...(col.key === 'code' || col.key === 'parentCode' || col.key === 'mergedInto'
        ? { text: true }
        : {}),
    })),
    notes: [
      '1. 每行一个乡(镇、街道)、行政村(社区)或村民小组，按民政部门统计用区划代码填写。',
      '2. 统计用区划代码、名称、类型、上级代码为必填；代码为12位数字，请将单元格设为文本，以免丢失开头或末尾的0。',
      `3. 类型填：${REGION_KIND_WORDS.join('、')}。乡镇的上级代码填本县代码（${county}），村(社区)的上级代码填所属乡镇的代码，村民小组的上级代码填所属村(社区)的代码。`,
      '4. 户数、人口、村民小组数为不小于0的整数，可不填。',
      '5. 再次导入时按代码更新：名称、类型、户数、人口有变化的更新，新代码新增；已有的区划不能在导入中改变上级（调整所属乡镇请联系系统管理员）。',
      '6. 村(社区)撤并：在被撤并村的行中填写「撤并入代码」（并入的村或社区）和「撤并日期」。被撤并的村保留历史记录，不再计入新的换届工作。',
      '7. 导入前请先点「检查」：逐行检查，有任何一行不合格则整表不导入，请按报告修改后重新导入。',
      '8. 「示例」工作表中每种类型各有一行示例，请在第一个工作表中填写。',
    ],
    examples: [
      [`${c}101000`, '城关镇', '镇', county, 8200, 27500, '', '', ''],
      [`${c}102000`, '团山乡', '乡', county, 3100, 11800, '', '', ''],
      [`${c}001000`, '龙泉街道', '街道', county, 9600, 30200, '', '', ''],
      [`${c}101201`, '大坪村', '行政村', `${c}101000`, 420, 1630, 8, '', ''],
      [`${c}101001`, '北门社区', '社区', `${c}101000`, 2100, 6900, 5, '', ''],
      [
        `${c}101201`.slice(0, 9) + '301',
        '第一村民小组',
        '村民小组',
        `${c}101201`,
        52,
        198,
        '',
        '',
        '',
      ],
      [
        `${c}101202`,
        '小坪村（已撤并）',
        '行政村',
        `${c}101000`,
        180,
        640,
        4,
        `${c}101201`,
        '2025-06-30',
      ],
    ],
  });
}
