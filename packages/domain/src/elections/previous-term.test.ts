import { describe, expect, it } from 'vitest';
import type { PreviousTermRowInput } from './previous-term.js';
import { checkPreviousTermRow, checkPreviousTermRows, parseBirthMonth } from './previous-term.js';

const TODAY = '2026-03-01';

const row = (over: Partial<PreviousTermRowInput> = {}): PreviousTermRowInput => ({
  row: 3,
  village: '石桥村',
  body: '村委会',
  post: '主任',
  name: '王芳',
  gender: '女',
  birth: '1980-05',
  ethnicity: '汉族',
  education: '高中',
  politicalStatus: '中共党员',
  ...over,
});

describe('上届班子成员: one row', () => {
  it('reads a complete row', () => {
    expect(checkPreviousTermRow(row(), TODAY)).toEqual({
      row: 3,
      input: row(),
      issues: [],
      value: {
        row: 3,
        village: '石桥村',
        body: 'committee',
        post: 'chair',
        name: '王芳',
        gender: 'female',
        birthDate: '1980-05-01',
        birthPrecision: 'month',
        ethnicity: '汉族',
        education: 'high_school',
        politicalStatus: 'party_member',
      },
    });
  });

  it.each([
    ['党组织', '书记', 'party', 'secretary'],
    ['党支部', '副书记', 'party', 'deputy_secretary'],
    ['党组织', '委员', 'party', 'member'],
    ['居委会', '副主任', 'committee', 'vice_chair'],
    ['村民委员会', '委员', 'committee', 'member'],
  ])('%s %s is %s %s', (body, post, expectedBody, expectedPost) => {
    const value = checkPreviousTermRow(row({ body, post }), TODAY).value;
    expect(value?.body).toBe(expectedBody);
    expect(value?.post).toBe(expectedPost);
  });

  it.each([
    ['1975-03', '1975-03-01', 'month'],
    ['1975-3', '1975-03-01', 'month'],
    ['1975.03', '1975-03-01', 'month'],
    ['1975年3月', '1975-03-01', 'month'],
    ['1975-03-08', '1975-03-08', 'day'],
    ['1975/3/8', '1975-03-08', 'day'],
  ])('birth %s is %s (%s)', (text, date, precision) => {
    expect(parseBirthMonth(text)).toEqual({ date, precision });
  });

  it.each(['1975', '1975-13', '1975-02-30', '75-03', '1975-03-08-01', 'abc'])(
    'birth %s is refused',
    (text) => {
      expect(parseBirthMonth(text)).toBeNull();
    },
  );

  it.each([
    [{ post: '书记' }, '职务', '第3行「职务」「书记」不是村委会的职务'],
    [{ body: '党组织', post: '主任' }, '职务', '第3行「职务」「主任」不是党组织的职务'],
    [{ body: '妇联' }, '组织', '第3行「组织」「妇联」无效'],
    [{ name: '' }, '姓名', '第3行「姓名」不能为空'],
    [{ name: '王' }, '姓名', '第3行「姓名」应为2至20个字'],
    [{ gender: '未知' }, '性别', '第3行「性别」「未知」无效'],
    [{ birth: '1980-13' }, '出生年月', '第3行「出生年月」「1980-13」格式不正确'],
    [{ birth: '2030-01' }, '出生年月', '第3行「出生年月」「2030-01」不合理'],
    [{ ethnicity: '' }, '民族', '第3行「民族」不能为空'],
    [{ education: '幼儿园' }, '学历', '第3行「学历」「幼儿园」无效'],
    [{ politicalStatus: '无' }, '政治面貌', '第3行「政治面貌」「无」无效'],
    [{ village: '' }, '村(社区)', '第3行「村(社区)」不能为空'],
    [{ name: '王\u0000芳' }, '姓名', '第3行「姓名」含有无效字符'],
  ])('%o is rejected in column %s', (over, column, message) => {
    const checked = checkPreviousTermRow(row(over), TODAY);
    expect(checked.value).toBeNull();
    expect(checked.issues).toHaveLength(1);
    expect(checked.issues[0]?.column).toBe(column);
    expect(checked.issues[0]?.message).toContain(message);
  });

  it('accepts shorthand and an empty 学历', () => {
    const value = checkPreviousTermRow(
      row({ ethnicity: '彝', education: '', politicalStatus: '群众', gender: '男性' }),
      TODAY,
    ).value;
    expect(value).toMatchObject({
      ethnicity: '彝族',
      education: null,
      politicalStatus: 'masses',
      gender: 'male',
    });
  });
});

describe('上届班子成员: rows against each other', () => {
  it('refuses a person twice in one body and a second 主任 or 书记, naming the earlier row', () => {
    const checked = checkPreviousTermRows(
      [
        row({ row: 3 }),
        row({ row: 4, name: '赵刚', post: '主任' }),
        row({ row: 5, post: '委员' }),
        row({ row: 6, body: '党组织', post: '书记' }),
        row({ row: 7, village: '河口村' }),
      ],
      TODAY,
    );
    expect(checked.map((c) => c.value !== null)).toEqual([true, false, false, true, true]);
    expect(checked[1]?.issues[0]?.message).toContain('第4行「职务」石桥村的主任已在第3行填写');
    expect(checked[2]?.issues[0]?.message).toContain('第5行「姓名」王芳与第3行重复');
  });
});
