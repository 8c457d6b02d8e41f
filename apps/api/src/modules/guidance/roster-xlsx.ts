import type { CadreRank, Gender } from '@huanjie/domain';
import {
  CADRE_RANKS,
  CADRE_RANK_LABEL,
  GENDER_LABEL,
  MAX_SHEET_BYTES,
  isValidPhone,
} from '@huanjie/domain';
import { readFirstSheet, readTable, writeTemplate } from '../../xlsx/sheet.js';
import { hasControlChars } from '../../shared/text.js';

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

/** Reads the first sheet of an xlsx roster: finds the header row, then checks every row. */
export async function parseRoster(content: Buffer): Promise<ParsedRoster> {
  const sheet = await readFirstSheet(content, { maxBytes: MAX_SHEET_BYTES, noun: '花名册' });
  if (!sheet.ok) return sheet;
  const table = readTable(sheet.rows, ROSTER_COLUMNS, {
    anchor: 'name',
    maxRows: MAX_ROSTER_ROWS,
    emptyMessage: '表中没有干部数据',
  });
  if (!table.ok) return table;
  return { ok: true, rows: table.rows.map((r) => checkRow(r.row, (key) => r.values[key])) };
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

/** An empty roster in the layout the import reads, with the allowed values as drop-downs. */
export function rosterTemplate(title: string): Promise<Buffer> {
  const ranks = CADRE_RANKS.map((k) => CADRE_RANK_LABEL[k]);
  return writeTemplate({
    sheetName: '干部花名册',
    title,
    columns: ROSTER_COLUMNS.map((c) => ({
      header: c.header,
      width: c.width,
      ...(c.key === 'gender' ? { list: ['男', '女'] } : {}),
      ...(c.key === 'rank' ? { list: ranks } : {}),
      ...(c.key === 'phone' ? { text: true } : {}),
    })),
    notes: [
      '1. 姓名、性别、职级为必填；职务、手机号码、登录账号可不填。',
      `2. 职级可填：${ranks.join('、')}。`,
      '3. 手机号码为11位手机号；同名干部以手机号区分，已在花名册中的干部将按表更新。',
      '4. 登录账号填写已开通的指导组成员账号（县级填督导组账号），用于登录村级端。',
      '5. 导入时逐行检查，有任何一行不合格则整表不导入，请按报告修改后重新导入。',
      '6. 示例：张三 | 男 | 副科级 | 镇党委副书记 | 13800000000 | （不填）',
    ],
  });
}
