import type { CadreRank, Gender } from '@huanjie/domain';
import { CADRE_RANKS, CADRE_RANK_LABEL, GENDER_LABEL, isValidPhone } from '@huanjie/domain';
import ExcelJS from 'exceljs';
import { hasControlChars } from './text.js';

/** The columns of a roster sheet; a header may use any of the aliases. */
export const ROSTER_COLUMNS = [
  { key: 'name', header: '姓名', aliases: ['姓名', '干部姓名'], required: true, width: 12 },
  { key: 'gender', header: '性别', aliases: ['性别'], required: true, width: 8 },
  { key: 'rank', header: '职级', aliases: ['职级', '级别'], required: true, width: 12 },
  {
    key: 'post',
    header: '职务',
    aliases: ['职务', '现任职务', '单位及职务'],
    required: false,
    width: 24,
  },
  {
    key: 'phone',
    header: '手机号码',
    aliases: ['手机号码', '手机', '联系电话', '电话'],
    required: false,
    width: 16,
  },
  {
    key: 'username',
    header: '登录账号',
    aliases: ['登录账号', '账号', '用户名'],
    required: false,
    width: 20,
  },
] as const;

type ColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];

export interface RosterCellIssue {
  column: string;
  message: string;
}

export interface ParsedRosterRow {
  /** The row number as Excel shows it. */
  row: number;
  name: string;
  gender: Gender | null;
  rank: CadreRank | null;
  post: string | null;
  phone: string | null;
  username: string | null;
  issues: RosterCellIssue[];
}

export type ParsedRoster = { ok: true; rows: ParsedRosterRow[] } | { ok: false; message: string };

export const MAX_ROSTER_BYTES = 1024 * 1024;
export const MAX_ROSTER_ROWS = 2000;

const RANK_ALIASES: Record<string, CadreRank> = {
  ...Object.fromEntries(CADRE_RANKS.map((rank) => [CADRE_RANK_LABEL[rank], rank])),
  处级: 'division',
  县级: 'division',
  正处级: 'division',
  副处级: 'division',
  正科: 'section',
  科级: 'section',
  副科: 'deputy_section',
  科员: 'staff',
  股级: 'staff',
  干部: 'staff',
  一般: 'staff',
  办事员: 'staff',
};

const GENDER_ALIASES: Record<string, Gender> = {
  [GENDER_LABEL.male]: 'male',
  [GENDER_LABEL.female]: 'female',
  男性: 'male',
  女性: 'female',
};

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value) return cellText(value.result);
  return '';
}

/** Reads the first sheet of an xlsx roster: finds the header row, then checks every row. */
export async function parseRoster(content: Buffer): Promise<ParsedRoster> {
  if (content.length === 0) return { ok: false, message: '文件为空' };
  if (content.length > MAX_ROSTER_BYTES) return { ok: false, message: '文件超过1MB，请分批导入' };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, message: '无法读取文件，请上传 Excel（.xlsx）格式的花名册' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: '文件中没有工作表' };

  // A coordinator's sheet often starts with a title row; the header is the first row naming 姓名.
  let headerRow = 0;
  const columnOf = new Map<ColumnKey, number>();
  for (let r = 1; r <= Math.min(sheet.rowCount, 10) && headerRow === 0; r++) {
    const row = sheet.getRow(r);
    const found = new Map<ColumnKey, number>();
    row.eachCell((cell, col) => {
      const text = cellText(cell.value).replace(/\s/g, '');
      const column = ROSTER_COLUMNS.find((c) => (c.aliases as readonly string[]).includes(text));
      if (column && !found.has(column.key)) found.set(column.key, col);
    });
    if (found.has('name')) {
      headerRow = r;
      for (const [k, v] of found) columnOf.set(k, v);
    }
  }
  if (headerRow === 0) return { ok: false, message: '未找到表头：前10行中没有「姓名」列' };
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !columnOf.has(c.key));
  if (missing.length > 0) {
    return {
      ok: false,
      message: `表头缺少必填列：${missing.map((c) => `「${c.header}」`).join('、')}`,
    };
  }

  const rows: ParsedRosterRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (key: ColumnKey) => {
      const col = columnOf.get(key);
      return col === undefined ? '' : cellText(row.getCell(col).value);
    };
    const values = ROSTER_COLUMNS.map((c) => get(c.key));
    if (values.every((v) => v === '')) continue;
    if (rows.length >= MAX_ROSTER_ROWS) {
      return { ok: false, message: `一次最多导入${MAX_ROSTER_ROWS}行，请分批导入` };
    }
    rows.push(checkRow(r, get));
  }
  if (rows.length === 0) return { ok: false, message: '表中没有干部数据' };
  return { ok: true, rows };
}

function checkRow(row: number, get: (key: ColumnKey) => string): ParsedRosterRow {
  const issues: RosterCellIssue[] = [];
  for (const column of ROSTER_COLUMNS) {
    if (hasControlChars(get(column.key))) {
      issues.push({ column: column.header, message: `${column.header}含有无效字符` });
    }
  }
  const name = get('name').replace(/\s/g, '');
  if (name === '') issues.push({ column: '姓名', message: '姓名不能为空' });
  else if (name.length > 20) issues.push({ column: '姓名', message: '姓名不能超过20个字' });

  const genderText = get('gender');
  const gender = GENDER_ALIASES[genderText] ?? null;
  if (!gender) {
    issues.push({
      column: '性别',
      message: genderText === '' ? '性别不能为空' : `性别「${genderText}」无效，应填「男」或「女」`,
    });
  }

  const rankText = get('rank').replace(/\s/g, '');
  const rank = RANK_ALIASES[rankText] ?? null;
  if (!rank) {
    issues.push({
      column: '职级',
      message:
        rankText === ''
          ? '职级不能为空'
          : `职级「${rankText}」无效，应为${CADRE_RANKS.map((k) => CADRE_RANK_LABEL[k]).join('、')}之一`,
    });
  }

  const post = get('post');
  if (post.length > 60) issues.push({ column: '职务', message: '职务不能超过60个字' });

  const phone = get('phone').replace(/\s/g, '');
  if (phone !== '' && !isValidPhone(phone)) {
    issues.push({ column: '手机号码', message: `手机号码「${phone}」格式不正确，应为11位手机号` });
  }
  const username = get('username');
  if (username.length > 64) issues.push({ column: '登录账号', message: '登录账号过长' });

  return {
    row,
    name,
    gender,
    rank,
    post: post === '' ? null : post,
    phone: phone === '' ? null : phone,
    username: username === '' ? null : username,
    issues,
  };
}

/** An empty roster in the layout the import reads, with one example row and the allowed values. */
export async function rosterTemplate(title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('干部花名册');
  sheet.mergeCells(1, 1, 1, ROSTER_COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = sheet.getRow(2);
  ROSTER_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    header.getCell(i + 1).font = { bold: true };
    sheet.getColumn(i + 1).width = c.width;
  });
  const ranks = CADRE_RANKS.map((k) => CADRE_RANK_LABEL[k]).join(',');
  for (let r = 3; r <= 300; r++) {
    sheet.getCell(r, 2).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: ['"男,女"'],
    };
    sheet.getCell(r, 3).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${ranks}"`],
    };
    sheet.getCell(r, 5).numFmt = '@';
  }
  const notes = workbook.addWorksheet('填表说明');
  notes.addRows([
    ['填表说明'],
    ['1. 姓名、性别、职级为必填；职务、手机号码、登录账号可不填。'],
    [`2. 职级可填：${CADRE_RANKS.map((k) => CADRE_RANK_LABEL[k]).join('、')}。`],
    ['3. 手机号码为11位手机号；同名干部以手机号区分，已在花名册中的干部将按表更新。'],
    ['4. 登录账号填写已开通的指导组成员账号（县级填督导组账号），用于登录村级端。'],
    ['5. 导入时逐行检查，有任何一行不合格则整表不导入，请按报告修改后重新导入。'],
    ['6. 示例：张三 | 男 | 副科级 | 镇党委副书记 | 13800000000 | （不填）'],
  ]);
  notes.getColumn(1).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
