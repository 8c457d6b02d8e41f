import { isIsoDate } from '../dates.js';
import type { Education, PersonGender, PoliticalStatus, Post } from './posts.js';
import { EDUCATION_LABEL, POLITICAL_STATUS_LABEL, POST_LABEL } from './posts.js';

/**
 * The previous term's office holders (上届班子成员) as a township imports them: one row per seat,
 * checked here without I/O (whether the village belongs to the township is the API's check).
 */

/** 党组织, or the village's committee (村委会 / 居委会: V or C, as the campaign elects it). */
export type PreviousTermBody = 'party' | 'committee';

export const PREVIOUS_TERM_COLUMNS = [
  {
    key: 'village',
    header: '村(社区)',
    aliases: ['村(社区)', '村（社区）', '村', '社区', '村名', '村(社区)名称', '村（社区）名称'],
    required: true,
    note: '本乡镇的村(社区)名称，与系统中的名称一致',
  },
  {
    key: 'body',
    header: '组织',
    aliases: ['组织', '所在组织', '班子'],
    required: true,
    note: '党组织、村委会或居委会',
  },
  {
    key: 'post',
    header: '职务',
    aliases: ['职务'],
    required: true,
    note: '党组织：书记、副书记、委员；村委会/居委会：主任、副主任、委员',
  },
  { key: 'name', header: '姓名', aliases: ['姓名'], required: true, note: '2至20个字' },
  { key: 'gender', header: '性别', aliases: ['性别'], required: true, note: '男或女' },
  {
    key: 'birth',
    header: '出生年月',
    aliases: ['出生年月', '出生日期', '出生年月日'],
    required: true,
    note: 'YYYY-MM 或 YYYY-MM-DD，如 1975-03',
  },
  { key: 'ethnicity', header: '民族', aliases: ['民族'], required: true, note: '如 汉族、彝族' },
  {
    key: 'education',
    header: '学历',
    aliases: ['学历', '文化程度'],
    required: false,
    note: `${Object.values(EDUCATION_LABEL).join('、')}，可不填`,
  },
  {
    key: 'politicalStatus',
    header: '政治面貌',
    aliases: ['政治面貌'],
    required: true,
    note: Object.values(POLITICAL_STATUS_LABEL).join('、'),
  },
] as const;

export type PreviousTermColumnKey = (typeof PREVIOUS_TERM_COLUMNS)[number]['key'];

/** A row as typed in the sheet (trimmed text), with the row number Excel shows. */
export type PreviousTermRowInput = { row: number } & Record<PreviousTermColumnKey, string>;

export interface PreviousTermIssue {
  /** The column's header, e.g. "出生年月". */
  column: string;
  /** Names the row and the column, e.g. "第3行「出生年月」…". */
  message: string;
}

export interface PreviousTermRow {
  row: number;
  village: string;
  body: PreviousTermBody;
  post: Post;
  name: string;
  gender: PersonGender;
  /** An ISO date; the 1st of the month when only the month was given. */
  birthDate: string;
  birthPrecision: 'month' | 'day';
  ethnicity: string;
  education: Education | null;
  politicalStatus: PoliticalStatus;
}

export interface CheckedPreviousTermRow {
  row: number;
  input: PreviousTermRowInput;
  /** Null when any issue was found. */
  value: PreviousTermRow | null;
  issues: PreviousTermIssue[];
}

export const MAX_PREVIOUS_TERM_ROWS = 2000;

const BODY_ALIASES: Record<string, PreviousTermBody> = {
  党组织: 'party',
  村党组织: 'party',
  社区党组织: 'party',
  党支部: 'party',
  党总支: 'party',
  党委: 'party',
  村委会: 'committee',
  村民委员会: 'committee',
  居委会: 'committee',
  居民委员会: 'committee',
};

const POST_ALIASES: Record<PreviousTermBody, Record<string, Post>> = {
  party: {
    [POST_LABEL.secretary.zh]: 'secretary',
    党组织书记: 'secretary',
    支部书记: 'secretary',
    党支部书记: 'secretary',
    党总支书记: 'secretary',
    党委书记: 'secretary',
    [POST_LABEL.deputy_secretary.zh]: 'deputy_secretary',
    党组织副书记: 'deputy_secretary',
    支部副书记: 'deputy_secretary',
    党支部副书记: 'deputy_secretary',
    党总支副书记: 'deputy_secretary',
    党委副书记: 'deputy_secretary',
    [POST_LABEL.member.zh]: 'member',
    支部委员: 'member',
  },
  committee: {
    [POST_LABEL.chair.zh]: 'chair',
    村委会主任: 'chair',
    居委会主任: 'chair',
    [POST_LABEL.vice_chair.zh]: 'vice_chair',
    村委会副主任: 'vice_chair',
    居委会副主任: 'vice_chair',
    [POST_LABEL.member.zh]: 'member',
    村委会委员: 'member',
    居委会委员: 'member',
  },
};

const GENDER_ALIASES: Record<string, PersonGender> = {
  男: 'male',
  女: 'female',
  男性: 'male',
  女性: 'female',
};

const EDUCATION_ALIASES: Record<string, Education> = {
  ...Object.fromEntries(
    (Object.entries(EDUCATION_LABEL) as [Education, string][]).map(([k, v]) => [v, k]),
  ),
  博士: 'postgraduate',
  硕士: 'postgraduate',
  博士研究生: 'postgraduate',
  硕士研究生: 'postgraduate',
  本科: 'university',
  大学本科: 'university',
  专科: 'college',
  大学专科: 'college',
  中职: 'secondary_vocational',
  技校: 'secondary_vocational',
  职高: 'secondary_vocational',
};

const POLITICAL_ALIASES: Record<string, PoliticalStatus> = {
  ...Object.fromEntries(
    (Object.entries(POLITICAL_STATUS_LABEL) as [PoliticalStatus, string][]).map(([k, v]) => [v, k]),
  ),
  党员: 'party_member',
  中国共产党党员: 'party_member',
  中共预备党员: 'probationary_member',
  团员: 'league_member',
  共青团员: 'league_member',
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const BIRTH = /^(\d{4})[-./年](\d{1,2})(?:月?|(?:[-./月](\d{1,2})日?))$/;

const header = (key: PreviousTermColumnKey): string =>
  PREVIOUS_TERM_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** "1975-03" / "1975-03-08" (also 1975.3, 1975/3/8, 1975年3月) to an ISO date, or null. */
export function parseBirthMonth(text: string): { date: string; precision: 'month' | 'day' } | null {
  const match = BIRTH.exec(text.replace(/\s/g, ''));
  if (!match) return null;
  const [, year, month, day] = match;
  const iso = `${year ?? ''}-${(month ?? '').padStart(2, '0')}-${(day ?? '1').padStart(2, '0')}`;
  return isIsoDate(iso) ? { date: iso, precision: day === undefined ? 'month' : 'day' } : null;
}

/** Checks one row; `today` (ISO) bounds the birth date. */
export function checkPreviousTermRow(
  input: PreviousTermRowInput,
  today: string,
): CheckedPreviousTermRow {
  const issues: PreviousTermIssue[] = [];
  const at = (key: PreviousTermColumnKey, message: string) => {
    issues.push({ column: header(key), message: `第${input.row}行「${header(key)}」${message}` });
  };
  const text = (key: PreviousTermColumnKey) => input[key].trim();
  for (const column of PREVIOUS_TERM_COLUMNS) {
    if (CONTROL.test(input[column.key])) at(column.key, '含有无效字符');
    else if (input[column.key].length > 100) at(column.key, '过长');
    else if (column.required && text(column.key) === '') at(column.key, '不能为空');
  }
  if (issues.length > 0) return { row: input.row, input, value: null, issues };

  const village = text('village');
  if (village.length > 40) at('village', '过长');

  const bodyText = text('body').replace(/\s/g, '');
  const body = BODY_ALIASES[bodyText] ?? null;
  if (!body) at('body', `「${bodyText}」无效，应填党组织、村委会或居委会`);

  const postText = text('post').replace(/\s/g, '');
  const post = body ? (POST_ALIASES[body][postText] ?? null) : null;
  if (body && !post) {
    const allowed = body === 'party' ? '书记、副书记、委员' : '主任、副主任、委员';
    at('post', `「${postText}」不是${bodyText}的职务，应为${allowed}之一`);
  }

  const name = text('name').replace(/\s/g, '');
  if (name.length < 2 || name.length > 20) at('name', '应为2至20个字');

  const genderText = text('gender');
  const gender = GENDER_ALIASES[genderText] ?? null;
  if (!gender) at('gender', `「${genderText}」无效，应填男或女`);

  const birthText = text('birth');
  const birth = parseBirthMonth(birthText);
  if (!birth) at('birth', `「${birthText}」格式不正确，应为YYYY-MM或YYYY-MM-DD，如1975-03`);
  else if (birth.date > today || birth.date < '1900-01-01') at('birth', `「${birthText}」不合理`);

  let ethnicity = text('ethnicity').replace(/\s/g, '');
  // "汉" / "彝" are common shorthand for 汉族 / 彝族.
  if (ethnicity.length === 1) ethnicity = `${ethnicity}族`;
  if (ethnicity.length > 10 || !ethnicity.endsWith('族'))
    at('ethnicity', `「${text('ethnicity')}」无效，应如汉族、彝族`);

  const educationText = text('education').replace(/\s/g, '');
  const education = educationText === '' ? null : (EDUCATION_ALIASES[educationText] ?? null);
  if (educationText !== '' && !education) {
    at(
      'education',
      `「${educationText}」无效，应为${Object.values(EDUCATION_LABEL).join('、')}之一`,
    );
  }

  const politicalText = text('politicalStatus').replace(/\s/g, '');
  const politicalStatus = POLITICAL_ALIASES[politicalText] ?? null;
  if (!politicalStatus) {
    at(
      'politicalStatus',
      `「${politicalText}」无效，应为${Object.values(POLITICAL_STATUS_LABEL).join('、')}之一`,
    );
  }

  if (issues.length > 0 || !body || !post || !gender || !birth || !politicalStatus) {
    return { row: input.row, input, value: null, issues };
  }
  return {
    row: input.row,
    input,
    value: {
      row: input.row,
      village,
      body,
      post,
      name,
      gender,
      birthDate: birth.date,
      birthPrecision: birth.precision,
      ethnicity,
      education,
      politicalStatus,
    },
    issues: [],
  };
}

/** A person in one village, as the rows name them: name and birth date (to the month given). */
export function previousTermPersonKey(
  row: Pick<PreviousTermRow, 'village' | 'name' | 'birthDate' | 'birthPrecision'>,
): string {
  const birth = row.birthPrecision === 'month' ? row.birthDate.slice(0, 7) : row.birthDate;
  return `${row.village}\u0000${row.name}\u0000${birth}`;
}

/**
 * Checks every row, then the rows against each other: a person sits once in a body, and a body has
 * one 书记 (党组织) or one 主任 (村委会/居委会).
 */
export function checkPreviousTermRows(
  inputs: readonly PreviousTermRowInput[],
  today: string,
): CheckedPreviousTermRow[] {
  const checked = inputs.map((input) => checkPreviousTermRow(input, today));
  const seats = new Map<string, number>();
  const heads = new Map<string, number>();
  for (const row of checked) {
    const v = row.value;
    if (!v) continue;
    const seat = `${v.body}\u0000${previousTermPersonKey(v)}`;
    const sameSeat = seats.get(seat);
    if (sameSeat !== undefined) {
      row.issues.push({
        column: header('name'),
        message: `第${row.row}行「姓名」${v.name}与第${sameSeat}行重复（同一村、同一组织、同名同出生年月）`,
      });
    } else seats.set(seat, row.row);
    if (v.post === 'secretary' || v.post === 'chair') {
      const head = `${v.village}\u0000${v.body}`;
      const other = heads.get(head);
      if (other !== undefined) {
        row.issues.push({
          column: header('post'),
          message: `第${row.row}行「职务」${v.village}的${POST_LABEL[v.post].zh}已在第${other}行填写，只能有一名`,
        });
      } else heads.set(head, row.row);
    }
    if (row.issues.length > 0) row.value = null;
  }
  return checked;
}
