import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@huanjie/db';
import { divisionCode12 } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TestApi } from '../../../test/harness.js';
import { refusal, refusalType, startTestApi } from '../../../test/harness.js';
import {
  SAVE,
  entry,
  expectType,
  startCampaign,
  todayInChina,
} from '../../../test/campaign-helpers.js';
import { REGION_COLUMNS } from './region-sheet.js';

const IMPORT = `mutation($i: ImportRegionsInput!) { importRegions(input: $i) {
  __typename
  ... on Error { code message }
  ... on ValidationError { issues { path message } }
  ... on RegionImportReport { committed preview total created updated merged unchanged rejected
    rows { row code name kind status issues { column message } } }
} }`;

const REGION = `query($id: ID!) { region(id: $id) {
  id name code divisionCode level townshipKind kindLabel households population villagerGroups
  totalHouseholds totalPopulation mergedOn mergedInto { id name } villageCount
  children { id name code level kindLabel households population mergedOn }
} }`;

interface Report {
  __typename: string;
  code?: string;
  message?: string;
  issues?: { path: string[]; message: string }[];
  committed: boolean;
  preview: boolean;
  total: number;
  created: number;
  updated: number;
  merged: number;
  unchanged: number;
  rejected: number;
  rows: {
    row: number;
    code: string;
    name: string;
    kind: string;
    status: string;
    issues: { column: string; message: string }[];
  }[];
}

interface RegionView {
  id: string;
  name: string;
  code: string;
  divisionCode: string;
  level: string;
  townshipKind: string | null;
  kindLabel: string;
  households: number | null;
  population: number | null;
  villagerGroups: number | null;
  totalHouseholds: number | null;
  totalPopulation: number | null;
  mergedOn: string | null;
  mergedInto: { id: string; name: string } | null;
  villageCount: number;
  children: {
    id: string;
    name: string;
    code: string;
    level: string;
    kindLabel: string;
    households: number | null;
    population: number | null;
    mergedOn: string | null;
  }[];
}

/** A sheet row: 统计用区划代码, 名称, 类型, 上级代码, 户数, 人口, 村民小组数, 撤并入代码, 撤并日期. */
type Line = (string | number)[];

/** A title row, the header on row 2, the lines from row 3 (as the civil affairs list looks). */
export async function regionSheet(lines: readonly Line[], title = '行政区划'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('区划');
  sheet.addRow([title]);
  sheet.addRow(REGION_COLUMNS.map((c) => c.header));
  for (const line of lines) sheet.addRow([...line]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const COUNTY = '530923000000';
const T1 = '530923201000';
const T2 = '530923202000';
const T3 = '530923003000';

/** Three townships (a 镇, a 乡, a 街道) with twenty villages and communities, and two groups. */
export function newTree(): Line[] {
  const lines: Line[] = [
    [T1, '东风镇', '镇', COUNTY, '', '', ''],
    [T2, '红星乡', '乡', COUNTY, '', '', ''],
    [T3, '新城街道', '街道', COUNTY, '', '', ''],
  ];
  for (let i = 1; i <= 7; i++) {
    lines.push([`530923201${String(200 + i)}`, `东风${i}村`, '行政村', T1, 300 + i, 1200 + i, 6]);
  }
  for (let i = 1; i <= 7; i++) {
    lines.push([`530923202${String(200 + i)}`, `红星${i}村`, '行政村', T2, 200 + i, 800 + i, 4]);
  }
  for (let i = 1; i <= 6; i++) {
    lines.push([
      `530923003${String(i).padStart(3, '0')}`,
      `新城${i}社区`,
      '社区',
      T3,
      2000,
      6000,
      '',
    ]);
  }
  lines.push(['530923201301', '第一村民小组', '村民小组', '530923201201', 50, 200, '']);
  lines.push(['530923201302', '第二村民小组', '村民小组', '530923201201', 48, 190, '']);
  return lines;
}

describe('region tree import (行政区划导入)', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('county.admin', 'county');
  });
  afterAll(async () => {
    await api.close();
  });

  const countyGid = () => api.regionGid('c');

  async function importFile(content: string, options: { dryRun?: boolean; token?: string } = {}) {
    const res = await api.gql<{ importRegions: Report }>(
      IMPORT,
      { i: { countyId: countyGid(), contentBase64: content, dryRun: options.dryRun ?? false } },
      { token: options.token ?? admin },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.importRegions;
  }

  /** Everything an import could write: the tree, its figures and merges, and the audit log. */
  async function written() {
    const [row] = await queryRows<{ regions: string; audits: number }>(
      api.database.db,
      sql`select (select md5(string_agg(concat_ws('|', id, name, code, path, level, township_kind, households, population, villager_groups, merged_on, merged_into_id), ',' order by id)) from regions) as regions,
        (select count(*)::int from audit_log where action like 'region.%') as audits`,
    );
    return row;
  }

  async function region(gid: string, token = admin) {
    const res = await api.gql<{ region: RegionView }>(REGION, { id: gid }, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.region;
  }

  async function regionByCode(code: string): Promise<string> {
    const [row] = await queryRows<{ id: number }>(
      api.database.db,
      sql`select id from regions where code = ${code}`,
    );
    if (!row) throw new Error(`no region ${code}`);
    return `Region:${String(row.id)}`;
  }

  it('offers a template with the columns, a notes sheet and an example of each kind', async () => {
    const res = await api.gql<{
      regionImportTemplate: { fileName: string; contentBase64: string };
    }>(
      'query($c: ID!) { regionImportTemplate(countyId: $c) { fileName contentBase64 } }',
      { c: countyGid() },
      { token: admin },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.regionImportTemplate.fileName).toMatch(/行政区划导入模板\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(
        res.data!.regionImportTemplate.contentBase64,
        'base64',
      ) as unknown as ExcelJS.Buffer,
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['行政区划', '填表说明', '示例']);
    const header = (workbook.worksheets[0]!.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(REGION_COLUMNS.map((c) => c.header));
    const kinds = new Set<string>();
    workbook.getWorksheet('示例')!.eachRow((row, n) => {
      if (n > 1) kinds.add(row.getCell(3).text);
    });
    expect([...kinds].sort()).toEqual(['乡', '镇', '街道', '行政村', '社区', '村民小组'].sort());
    // the empty template imported as it is: a report saying there are no rows, nothing written
    const empty = await importFile(res.data!.regionImportTemplate.contentBase64);
    expect(empty.__typename).toBe('ValidationError');
    expect(empty.message).toBe('表中没有区划数据');
  });

  it('checks a new tree (检查) without writing, then imports it', async () => {
    const before = await written();
    const preview = await importFile(await regionSheet(newTree()), { dryRun: true });
    expect(preview).toMatchObject({
      __typename: 'RegionImportReport',
      committed: false,
      preview: true,
      total: 25,
      created: 25,
      rejected: 0,
    });
    expect(await written()).toEqual(before);

    const report = await importFile(await regionSheet(newTree()));
    expect(report).toMatchObject({ committed: true, preview: false, created: 25, rejected: 0 });
    const township = await region(await regionByCode(T3));
    expect(township).toMatchObject({
      name: '新城街道',
      level: 'township',
      townshipKind: 'jiedao',
      kindLabel: '街道',
    });
    expect(township.children).toHaveLength(6);
    expect(township.villageCount).toBe(6);
    // the township has no figures of its own: its totals are its communities'
    expect(township.households).toBeNull();
    expect(township.totalHouseholds).toBe(6 * 2000);
    expect(township.totalPopulation).toBe(6 * 6000);
    const village = await region(await regionByCode('530923201201'));
    expect(village).toMatchObject({
      name: '东风1村',
      households: 301,
      population: 1201,
      villagerGroups: 6,
    });
    expect(village.children.map((c) => c.name)).toEqual(['第一村民小组', '第二村民小组']);
    const audits = await queryRows<{ action: string; after: { created: unknown[] } }>(
      api.database.db,
      sql`select action, after from audit_log where action = 'region.import'`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after.created).toHaveLength(25);

    // the same file again changes nothing
    const again = await importFile(await regionSheet(newTree()));
    expect(again).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 25 });
  });

  /** A refused file: the report names the row and column, and nothing at all is written. */
  async function expectRefused(lines: Line[], row: number, column: string, message: RegExp) {
    const before = await written();
    const report = await importFile(await regionSheet(lines));
    expect(report.__typename).toBe('RegionImportReport');
    expect(report.committed).toBe(false);
    const rejected = report.rows.filter((r) => r.status === 'rejected');
    expect(rejected.map((r) => r.row)).toContain(row);
    const issue = rejected.find((r) => r.row === row)!.issues.find((i) => i.column === column);
    expect(issue?.message, JSON.stringify(rejected)).toMatch(message);
    expect(issue?.message).toContain(`第${String(row)}行「${column}」`);
    expect(await written()).toEqual(before);
    return report;
  }

  const withNew = (...extra: Line[]) => [...newTree(), ...extra];

  it('refuses a duplicate code', async () => {
    await expectRefused(
      withNew(['530923201208', '东风8村', '行政村', T1], ['530923201208', '东风9村', '行政村', T1]),
      29,
      '统计用区划代码',
      /与第28行重复/,
    );
  });

  it('refuses a parent code that is neither in the file nor in the tree', async () => {
    await expectRefused(
      withNew(['530923209201', '无根村', '行政村', '530923209000']),
      28,
      '上级代码',
      /不在表中，也不是已有的区划/,
    );
  });

  it('refuses a village under a village, and a township under a township', async () => {
    await expectRefused(
      withNew(['530923201299', '村中村', '行政村', '530923201201']),
      28,
      '上级代码',
      /是行政村，行政村下不能设行政村/,
    );
    await expectRefused(
      withNew(['530923204000', '镇中镇', '镇', T1]),
      28,
      '上级代码',
      /镇下不能设镇/,
    );
  });

  it('refuses a code that is not 12 digits', async () => {
    await expectRefused(
      withNew(['53092320120', '短码村', '行政村', T1]),
      28,
      '统计用区划代码',
      /应为12位数字/,
    );
    await expectRefused(
      withNew(['5309232012AB', '字母村', '行政村', T1]),
      28,
      '统计用区划代码',
      /应为12位数字/,
    );
  });

  it('refuses a name with control characters, and an empty name', async () => {
    await expectRefused(
      withNew(['530923201210', '响\u202e铃村', '行政村', T1]),
      28,
      '名称',
      /控制字符/,
    );
    await expectRefused(withNew(['530923201211', '', '行政村', T1]), 28, '名称', /不能为空/);
  });

  it('refuses negative and fractional figures', async () => {
    await expectRefused(
      withNew(['530923201212', '负数村', '行政村', T1, -5]),
      28,
      '户数',
      /不能为负数/,
    );
    await expectRefused(
      withNew(['530923201213', '小数村', '行政村', T1, 10, 35.5]),
      28,
      '人口',
      /应为整数/,
    );
    await expectRefused(
      withNew(['530923201214', '文字村', '行政村', T1, 10, 30, '三个']),
      28,
      '村民小组数',
      /应为整数/,
    );
  });

  it('refuses a code of another county and an unknown kind', async () => {
    await expectRefused(
      withNew(['530924201215', '外县村', '行政村', T1]),
      28,
      '统计用区划代码',
      /不属于/,
    );
    await expectRefused(withNew(['530923201216', '某村', '自然村', T1]), 28, '类型', /无效/);
  });

  it('refuses moving a village to another township (its records are filed under its path)', async () => {
    const lines = newTree().map((l) =>
      l[0] === '530923201207' ? [...l.slice(0, 3), T2, ...l.slice(4)] : l,
    );
    const row = newTree().findIndex((l) => l[0] === '530923201207') + 3;
    await expectRefused(lines, row, '上级代码', /不能调整所属上级/);
  });

  it('refuses a file over the size limit before reading it, and a file that is not an xlsx', async () => {
    const before = await written();
    const big = await importFile(Buffer.alloc(1024 * 1024 + 10, 1).toString('base64'));
    expect(big.__typename).toBe('ValidationError');
    expect(big.message).toBe('文件超过1MB，请分批导入');
    const junk = await importFile(Buffer.from('不是表格').toString('base64'));
    expect(junk.__typename).toBe('ValidationError');
    expect(junk.message).toMatch(/无法读取文件/);
    expect(await written()).toEqual(before);
  });

  it('re-imports by code: a rename, new figures, a new village and a merge (撤并)', async () => {
    const campaign = await startCampaign(api, admin, { name: '第一次换届' });
    // a record the merged village's clerk entered before the merge
    const clerkVillage = await regionByCode('530923201203');
    const [clerk] = await queryRows<{ id: number }>(
      api.database.db,
      sql`insert into users (username, display_name, role, region_id, password_hash)
        select 'dongfeng3.clerk', '东风3村文书', 'village_clerk', ${Number(clerkVillage.split(':')[1])}, password_hash
        from users where username = 'county.admin' returning id`,
    );
    expect(clerk).toBeDefined();
    const clerkToken = await api.login('dongfeng3.clerk', 'village');
    const list = await api.gql<{
      villageChecklist: {
        units: {
          track: string;
          items: { unitElectionId: string; stageCode: string; record: null }[];
        }[];
      };
    }>(
      `query($c: ID!, $v: ID!) { villageChecklist(campaignId: $c, villageId: $v) { units { track items { unitElectionId stageCode record { id version } } } } }`,
      { c: campaign.id, v: clerkVillage },
      { token: clerkToken },
    );
    expect(list.errors).toBeUndefined();
    const item = list.data!.villageChecklist.units.find((u) => u.track === 'V')!.items[0]!;
    const saved = await api.gql<{ saveStage: { __typename: string } }>(
      SAVE,
      entry({ ...item, record: null }, { note: '撤并前的记录', doneDate: todayInChina() }),
      { token: clerkToken },
    );
    expectType(saved.data?.saveStage, 'StageItem', saved);

    const lines = newTree().map((l) => {
      if (l[0] === '530923201201') return ['530923201201', '东风一村', '行政村', T1, 333, 1333, 7];
      if (l[0] === '530923201203') return [...l, '530923201204', '2026-01-15'];
      return l;
    });
    lines.push(['530923201208', '东风8村', '行政村', T1, 120, 480, 3]);
    const before = await written();
    const preview = await importFile(await regionSheet(lines), { dryRun: true });
    expect(preview).toMatchObject({
      preview: true,
      committed: false,
      created: 1,
      updated: 1,
      merged: 1,
      rejected: 0,
    });
    expect(await written()).toEqual(before);
    const report = await importFile(await regionSheet(lines));
    expect(report).toMatchObject({
      committed: true,
      created: 1,
      updated: 1,
      merged: 1,
      unchanged: 23,
    });
    expect(report.rows.find((r) => r.code === '530923201203')?.status).toBe('merged');

    const renamed = await region(await regionByCode('530923201201'));
    expect(renamed).toMatchObject({
      name: '东风一村',
      households: 333,
      population: 1333,
      villagerGroups: 7,
    });
    const merged = await region(clerkVillage);
    expect(merged.mergedOn).toBe('2026-01-15');
    expect(merged.mergedInto?.name).toBe('东风4村');
    const township = await region(await regionByCode(T1));
    // kept in the tree, but no longer counted: 7 villages + 1 new - 1 merged
    expect(township.children.map((c) => c.name)).toContain('东风3村');
    expect(township.villageCount).toBe(7);

    // its past record is still there for its clerk and the county
    for (const token of [clerkToken, admin]) {
      const again = await api.gql<{
        villageChecklist: {
          units: { track: string; items: { stageCode: string; record: { id: string } | null }[] }[];
        };
      }>(
        `query($c: ID!, $v: ID!) { villageChecklist(campaignId: $c, villageId: $v) { units { track items { stageCode record { id } } } } }`,
        { c: campaign.id, v: clerkVillage },
        { token },
      );
      expect(again.errors).toBeUndefined();
      const v = again.data!.villageChecklist.units.find((u) => u.track === 'V')!;
      expect(v.items.find((i) => i.stageCode === item.stageCode)?.record).not.toBeNull();
    }
    const notes = await queryRows<{ note: string }>(
      api.database.db,
      sql`select s.note from stage_records s join unit_elections u on u.id = s.unit_election_id join regions r on r.id = u.region_id where r.code = '530923201203'`,
    );
    expect(notes.map((n) => n.note)).toEqual(['撤并前的记录']);

    // a campaign set up after the merge gives the merged village no election; the new one has its own
    await api.database.db.execute(sql`update campaigns set status = 'closed'`);
    await startCampaign(api, admin, { name: '撤并后换届' });
    const units = await queryRows<{ code: string; campaign: string; n: number }>(
      api.database.db,
      sql`select r.code, c.name as campaign, count(*)::int as n from unit_elections u join regions r on r.id = u.region_id join campaigns c on c.id = u.campaign_id
        where r.code in ('530923201203', '530923201208') group by 1, 2 order by 1, 2`,
    );
    expect(units.map((u) => `${u.code} ${u.campaign}`)).toEqual([
      '530923201203 第一次换届',
      '530923201208 撤并后换届',
    ]);

    // the audit entry says what changed, in words
    const [audit] = await queryRows<{
      after: { updated: unknown[]; merged: { mergedInto: string; mergedOn: string }[] };
    }>(
      api.database.db,
      sql`select after from audit_log where action = 'region.import' order by id desc limit 1`,
    );
    expect(audit!.after.merged).toEqual([
      expect.objectContaining({ mergedInto: '530923201204', mergedOn: '2026-01-15' }),
    ]);
    expect(audit!.after.updated).toHaveLength(1);

    // a merged village cannot be merged again elsewhere
    await expectRefused(
      lines.map((l) =>
        l[0] === '530923201203' ? [...l.slice(0, 7), '530923201205', '2026-02-01'] : l,
      ),
      lines.findIndex((l) => l[0] === '530923201203') + 3,
      '撤并入代码',
      /已于2026-01-15撤并入「东风4村」/,
    );
  });

  it('matches the stored demo tree by its short codes padded to twelve digits', async () => {
    const t01 = api.demoPlan.regions.find((r) => r.key === 't01')!;
    const v = api.demoPlan.regions.find((r) => r.key === 't01v002')!;
    const report = await importFile(
      await regionSheet([
        [divisionCode12(t01.code), t01.name, '镇', COUNTY],
        [
          v.code,
          v.name,
          v.level === 'community' ? '社区' : '行政村',
          divisionCode12(t01.code),
          512,
          2048,
          9,
        ],
      ]),
    );
    expect(report).toMatchObject({ committed: true, created: 0, rejected: 0 });
    const stored = await region(api.regionGid('t01v002'));
    expect(stored).toMatchObject({ households: 512, population: 2048, villagerGroups: 9 });
    expect((await region(api.regionGid('t01'))).kindLabel).toBe('镇');
  });

  it('refuses everyone but the county admin: others in the county are forbidden, outsiders find nothing', async () => {
    const content = await regionSheet(newTree());
    const before = await written();
    for (const [username, app] of [
      ['county.leader', 'county'],
      ['county.supervisor', 'county'],
      ['town01.coordinator', 'township'],
      ['vil01001.clerk', 'village'],
    ] as const) {
      const token = await api.login(username, app);
      const res = await importFile(content, { token });
      expect(refusalType(res.__typename), username).toBe('refused');
      const template = await api.gql(
        'query($c: ID!) { regionImportTemplate(countyId: $c) { fileName } }',
        { c: countyGid() },
        { token },
      );
      expect(refusal(template), username).toBe('refused');
    }
    const coordinator = await api.login('town01.coordinator', 'township');
    const outside = await importFile(content, { token: coordinator });
    expect(outside.__typename).toBe('NotFoundError');
    expect(await written()).toEqual(before);
  });
});
