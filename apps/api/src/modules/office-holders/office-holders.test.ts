import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, officeHolders, persons } from '@huanjie/db';
import { PREVIOUS_TERM_COLUMNS } from '@huanjie/domain';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { ElectionFixture } from '../../../test/elections-fixture.js';
import {
  MUTATION_RESULT,
  createElectionFixture,
  prepareElection,
} from '../../../test/elections-fixture.js';
import type { TestApi } from '../../../test/harness.js';
import { refusal, refusalType, startTestApi } from '../../../test/harness.js';

const IMPORT = `mutation($i: ImportPreviousTermInput!) { importPreviousTerm(input: $i) {
  __typename
  ... on Error { code message }
  ... on ValidationError { issues { path message } }
  ... on PreviousTermImportReport { committed preview total created matched rejected replaced
    replacing { village track post name }
    rows { row village name status issues { column message } } }
} }`;

const MEMBERS = `query($t: ID!, $c: ID) { previousTermMembers(townshipId: $t, campaignId: $c) {
  campaignId campaignName partyTerm committeeTerm columns { header required }
  members { village { id name } track bodyLabel post postLabel termNumber source
    person { id name gender birthDate ethnicity education politicalStatus } }
} }`;

const TEMPLATE = `query($t: ID!) { previousTermTemplate(townshipId: $t) { fileName contentBase64 } }`;

const STATS = `query($r: ID!) { electionStatistics(regionId: $r) {
  tracks { track members previousMembers reelected { count denominator } newcomers { count } }
} }`;

const SUBMIT = `mutation($u: ID!, $s: ResultSheetInput!, $k: String!) { submitResult(unitId: $u, sheet: $s, idempotencyKey: $k) { ${MUTATION_RESULT('ElectionUnit')} } }`;

interface Report {
  __typename: string;
  code?: string;
  message?: string;
  committed: boolean;
  preview: boolean;
  replacing: { village: string; track: string; post: string; name: string }[];
  total: number;
  created: number;
  matched: number;
  rejected: number;
  replaced: number;
  rows: {
    row: number;
    village: string;
    name: string;
    status: string;
    issues: { column: string; message: string }[];
  }[];
}

interface Member {
  village: { id: string; name: string };
  track: string;
  post: string;
  termNumber: number;
  source: string;
  person: { id: string; name: string; birthDate: string | null; education: string | null };
}

type Row = Record<string, string | number>;

/** Fills a sheet (the server's empty template, or a new workbook) with rows at their row numbers. */
async function sheetOf(rows: Row[], template?: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  if (template)
    await workbook.xlsx.load(Buffer.from(template, 'base64') as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0] ?? workbook.addWorksheet('上届班子成员');
  if (!template) {
    sheet.getCell(1, 1).value = '某镇上届村(社区)两委班子成员';
    PREVIOUS_TERM_COLUMNS.forEach((c, i) => (sheet.getCell(2, i + 1).value = c.header));
  }
  for (const r of rows) {
    PREVIOUS_TERM_COLUMNS.forEach((c, i) => {
      const value = r[c.key];
      if (value !== undefined && value !== '') sheet.getCell(Number(r.row), i + 1).value = value;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('previous term (上届班子成员) import', () => {
  let api: TestApi;
  let fx: ElectionFixture;
  const tokens: Record<string, string> = {};
  const villageName = (key: string) => api.demoPlan.regions.find((r) => r.key === key)!.name;

  /** 王芳 chaired t01v005's committee and 赵刚 sat on it; 李梅 was its party secretary. */
  const v5Rows = (): Row[] => [
    row(3, 't01v005', '村委会', '主任', '王芳', '女', '1980-05-12', '汉族', '高中', '中共党员'),
    row(4, 't01v005', '村委会', '委员', '赵刚', '男', '1960-02', '汉族', '初中', '群众'),
    row(5, 't01v005', '党组织', '书记', '李梅', '女', '1970-02', '彝族', '大专', '中共党员'),
  ];
  const v6Rows = (): Row[] => [
    row(6, 't01v006', '党组织', '书记', '周强', '男', '1972-08', '汉族', '大学', '中共党员'),
    row(7, 't01v006', '村委会', '主任', '周强', '男', '1972-08', '汉族', '大学', '中共党员'),
  ];

  function row(
    n: number,
    village: string,
    body: string,
    post: string,
    name: string,
    gender: string,
    birth: string,
    ethnicity: string,
    education: string,
    politicalStatus: string,
  ): Row {
    return {
      row: n,
      village: villageName(village),
      body,
      post,
      name,
      gender,
      birth,
      ethnicity,
      education,
      politicalStatus,
    };
  }

  async function importFile(
    who: string,
    contentBase64: string,
    township = 't01',
    campaignId?: string,
    dryRun = false,
  ) {
    const res = await api.gql<{ importPreviousTerm: Report }>(
      IMPORT,
      {
        i: {
          campaignId: campaignId ?? `Campaign:${String(fx.campaignId)}`,
          townshipId: api.regionGid(township),
          contentBase64,
          dryRun,
        },
      },
      { token: tokens[who] },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.importPreviousTerm;
  }

  const importRows = async (who: string, rows: Row[], township = 't01', campaignId?: string) =>
    importFile(who, await sheetOf(rows), township, campaignId);

  async function members(who = 'coord1', township = 't01'): Promise<Member[]> {
    const res = await api.gql<{ previousTermMembers: { members: Member[] } }>(
      MEMBERS,
      { t: api.regionGid(township) },
      { token: tokens[who] },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.previousTermMembers.members;
  }

  const counts = async () => {
    const db = api.database.db;
    const [h] = await db.select({ n: sql<number>`count(*)::int` }).from(officeHolders);
    const [p] = await db.select({ n: sql<number>`count(*)::int` }).from(persons);
    const [a] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, 'officeholder.import'));
    return { holders: h!.n, persons: p!.n, audits: a!.n };
  };

  beforeAll(async () => {
    api = await startTestApi();
    fx = await createElectionFixture(api, ['t01v005', 't01v006', 't02v001']);
    const logins: [string, string, 'township' | 'county' | 'village'][] = [
      ['coord1', 'town01.coordinator', 'township'],
      ['coord2', 'town02.coordinator', 'township'],
      ['admin', 'county.admin', 'county'],
      ['leader', 'county.leader', 'county'],
      ['clerk', 'vil01005.clerk', 'village'],
    ];
    for (const [key, username, app] of logins) tokens[key] = await api.login(username, app);
  });
  afterAll(() => api.close());

  it('refuses anyone but the township’s coordinator and the county admin, writing nothing', async () => {
    const before = await counts();
    for (const who of ['coord2', 'leader', 'clerk']) {
      const report = await importRows(who, v5Rows());
      expect(refusalType(report.__typename), who).toBe('refused');
    }
    expect((await importRows('coord1', v5Rows(), 'c')).__typename).toBe('ForbiddenError');
    expect((await importRows('admin', v5Rows(), 'c')).__typename).toBe('ValidationError');
    const missing = await importRows('coord1', v5Rows(), 't01', 'Campaign:999999');
    expect(missing.__typename).toBe('NotFoundError');
    const noTownship = await api.gql<{ importPreviousTerm: Report }>(
      IMPORT,
      {
        i: {
          campaignId: `Campaign:${String(fx.campaignId)}`,
          townshipId: 'Region:999999',
          contentBase64: await sheetOf(v5Rows()),
        },
      },
      { token: tokens.coord1 },
    );
    expect(noTownship.data?.importPreviousTerm.__typename).toBe('NotFoundError');
    // Reading is for those who read the township's elections.
    const foreign = await api.gql(MEMBERS, { t: api.regionGid('t01') }, { token: tokens.coord2 });
    expect(refusal(foreign)).toBe('refused');
    expect(await counts()).toEqual(before);
  });

  it('writes nothing when one row is bad, and names the row and the column', async () => {
    const before = await counts();
    const rows = v5Rows();
    rows[1] = { ...rows[1]!, birth: '1960-13' };
    const report = await importRows('coord1', rows);
    expect(report).toMatchObject({ committed: false, total: 3, rejected: 1 });
    const bad = report.rows.find((r) => r.status === 'rejected')!;
    expect(bad.row).toBe(4);
    expect(bad.issues).toEqual([
      {
        column: '出生年月',
        message: expect.stringContaining('第4行「出生年月」「1960-13」格式不正确') as string,
      },
    ]);
    expect(report.rows.filter((r) => r.status !== 'rejected')).toHaveLength(2);
    expect(await counts()).toEqual(before);
    expect(await members()).toEqual([]);
  });

  it('rejects a village of another township in the report', async () => {
    const before = await counts();
    const report = await importRows('coord1', [
      ...v5Rows(),
      row(8, 't02v001', '党组织', '书记', '外乡人', '男', '1975-01', '汉族', '', '群众'),
    ]);
    expect(report).toMatchObject({ committed: false, rejected: 1 });
    const bad = report.rows.find((r) => r.row === 8)!;
    expect(bad.status).toBe('rejected');
    expect(bad.issues[0]?.column).toBe('村(社区)');
    expect(bad.issues[0]?.message).toContain(`第8行「村(社区)」「${villageName('t02v001')}」不是`);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file it cannot read as a whole, in Chinese, writing nothing', async () => {
    const before = await counts();
    const headerOnly = await sheetOf([]);
    const titleOnly = new ExcelJS.Workbook();
    titleOnly.addWorksheet('上届班子成员').getCell(1, 1).value = '上届班子成员';
    const cases: [string, string][] = [
      ['', '文件为空'],
      [
        Buffer.from('not a workbook').toString('base64'),
        '无法读取文件，请上传 Excel（.xlsx）格式的表格',
      ],
      ['A'.repeat(1_500_000), '文件超过1MB，请分批导入'],
      [headerOnly, '表中没有上届班子成员'],
      [
        Buffer.from(await titleOnly.xlsx.writeBuffer()).toString('base64'),
        '未找到表头：前10行中没有「姓名」列',
      ],
    ];
    for (const [content, message] of cases) {
      const refused = await importFile('coord1', content);
      expect(refused, message).toMatchObject({
        __typename: 'ValidationError',
        code: 'VALIDATION',
        message,
        issues: [{ path: ['input', 'contentBase64'], message }],
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('offers an empty template that imports once filled in', async () => {
    const res = await api.gql<{
      previousTermTemplate: { fileName: string; contentBase64: string };
    }>(TEMPLATE, { t: api.regionGid('t01') }, { token: tokens.coord1 });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const template = res.data!.previousTermTemplate;
    expect(template.fileName).toBe(
      `${api.demoPlan.regions.find((r) => r.key === 't01')!.name}上届班子成员.xlsx`,
    );
    const empty = await importFile('coord1', template.contentBase64);
    expect(empty).toMatchObject({ __typename: 'ValidationError', message: '表中没有上届班子成员' });

    // Filled in on its text cells, the template is what the import reads; nothing is kept here.
    const before = await counts();
    const rows = v5Rows();
    rows[2] = { ...rows[2]!, post: '主任' };
    const report = await importFile('coord1', await sheetOf(rows, template.contentBase64));
    expect(report).toMatchObject({ committed: false, total: 3, rejected: 1 });
    expect(report.rows.find((r) => r.status === 'rejected')).toMatchObject({
      row: 5,
      name: '李梅',
    });
    expect(await counts()).toEqual(before);

    const foreign = await api.gql(TEMPLATE, { t: api.regionGid('t01') }, { token: tokens.coord2 });
    expect(refusal(foreign)).toBe('refused');
  });

  it('imports, lists, and replaces on re-import without duplicating', async () => {
    const first = await importRows('coord1', [...v5Rows(), ...v6Rows()]);
    expect(first).toMatchObject({
      committed: true,
      total: 5,
      created: 5,
      rejected: 0,
      replaced: 0,
    });
    const afterFirst = await counts();
    // 周强 holds both seats of t01v006 (一肩挑): one person, two seats.
    expect(afterFirst.audits).toBe(1);
    const list = await members();
    expect(list).toHaveLength(5);
    expect(new Set(list.filter((m) => m.person.name === '周强').map((m) => m.person.id)).size).toBe(
      1,
    );
    const wang = list.find((m) => m.person.name === '王芳')!;
    expect(wang).toMatchObject({ post: 'chair', termNumber: 11, source: 'import' });
    expect(['V', 'C']).toContain(wang.track);
    expect(wang.person.birthDate).toBe('1980-05-12');
    expect(list.find((m) => m.person.name === '李梅')).toMatchObject({
      track: 'P',
      post: 'secretary',
    });
    // the roster gave only 出生年月: it stays a month, not a guessed 1 February
    expect(list.find((m) => m.person.name === '赵刚')!.person.birthDate).toBe('1960-02');

    // The same file again: the same persons, the same seats.
    const again = await importRows('coord1', [...v5Rows(), ...v6Rows()]);
    expect(again).toMatchObject({ committed: true, created: 0, matched: 5, replaced: 5 });
    const afterAgain = await counts();
    expect(afterAgain.holders).toBe(afterFirst.holders);
    expect(afterAgain.persons).toBe(afterFirst.persons);
    expect(afterAgain.audits).toBe(2);

    // A corrected file for t01v005 only: 赵刚 is dropped there; t01v006 keeps its seats.
    const corrected = await importRows('coord1', [v5Rows()[0]!, v5Rows()[2]!]);
    expect(corrected).toMatchObject({ committed: true, matched: 2, replaced: 3 });
    const now = await members('admin');
    expect(now.map((m) => m.person.name).sort()).toEqual(['周强', '周强', '李梅', '王芳'].sort());
    expect(now.every((m) => m.source === 'import')).toBe(true);
    // The county admin may import for a township of the county; 赵刚's person record was kept.
    const byCounty = await importRows('admin', v5Rows());
    expect(byCounty).toMatchObject({ committed: true, matched: 3, created: 0, replaced: 2 });
    expect(await members()).toHaveLength(5);

    // A preview first shows whom the file would replace — the committee's 王芳 and 赵刚, not the
    // 党组织's 李梅 — and writes nothing
    const beforePreview = await counts();
    const preview = await importFile(
      'coord1',
      await sheetOf([v5Rows()[0]!]),
      't01',
      undefined,
      true,
    );
    expect(preview).toMatchObject({ committed: false, preview: true, matched: 1, replaced: 2 });
    expect(preview.replacing.map((r) => r.name).sort()).toEqual(['王芳', '赵刚'].sort());
    expect(preview.replacing.every((r) => r.track !== 'P')).toBe(true);
    expect(await counts()).toEqual(beforePreview);

    // A file of t01v005's 村委会 alone replaces that committee only: its 党组织 (李梅) stays.
    const committeeOnly = await importRows('coord1', [v5Rows()[0]!]);
    expect(committeeOnly).toMatchObject({ committed: true, matched: 1, replaced: 2 });
    const kept = await members();
    expect(kept.map((m) => m.person.name).sort()).toEqual(['周强', '周强', '李梅', '王芳'].sort());
    expect(kept.find((m) => m.person.name === '李梅')).toMatchObject({ track: 'P' });
    await importRows('coord1', v5Rows());
  });

  it('counts a re-elected person as 连任 in the statistics', async () => {
    const clerk = tokens.clerk!;
    const unit = fx.units.get('t01v005/V')!;
    const names: [string, string, 'female' | 'male', string][] = [
      ['王芳', 'chair', 'female', '1980-05-12'],
      ['李强', 'chair', 'male', '1975-01-01'],
      // imported as 1960-02 (month only): the full date finds the same person
      ['赵刚', 'member', 'male', '1960-02-17'],
      ['刘洋', 'member', 'male', '1986-01-01'],
      ['陈静', 'member', 'female', '1987-01-01'],
    ];
    const ids = await prepareElection(
      api.gql,
      clerk,
      unit,
      fx,
      { chair: 1, member: 2 },
      names.map(([name, post, gender, birthDate]) => ({ name, post, gender, birthDate })),
    );
    const votes = [60, 20, 70, 50, 30];
    const sheet = {
      meetings: [
        {
          round: 'regular',
          heldOn: fx.electionDay,
          entitled: 95,
          inPerson: 80,
          proxy: 0,
          other: 0,
          ballotsIssued: 80,
          ballotsReturned: 80,
          ballotsValid: 80,
          ballotsInvalid: 0,
          votes: names.map(([n], i) => ({ candidateId: ids.get(n), votesFor: votes[i] })),
        },
      ],
    };
    const submitted = await api.gql<{ submitResult: { __typename: string } }>(
      SUBMIT,
      { u: unit, s: sheet, k: `previous-term-${String(Date.now())}` },
      { token: clerk },
    );
    expect(submitted.data?.submitResult.__typename, JSON.stringify(submitted.data)).toBe(
      'ElectionUnit',
    );

    const res = await api.gql<{
      electionStatistics: {
        tracks: {
          track: string;
          members: number;
          previousMembers: number;
          reelected: { count: number };
          newcomers: { count: number };
        }[];
      };
    }>(STATS, { r: api.regionGid('t01v005') }, { token: tokens.leader });
    const committees = res.data!.electionStatistics.tracks.filter((t) => t.track !== 'P');
    const sum = (f: (t: (typeof committees)[number]) => number) =>
      committees.reduce((s, t) => s + f(t), 0);
    expect(sum((t) => t.members)).toBe(3);
    expect(sum((t) => t.previousMembers)).toBe(2);
    // 王芳 (same full date) and 赵刚 (imported with the month only) were on the last committee
    expect(sum((t) => t.reelected.count)).toBe(2);
    expect(sum((t) => t.newcomers.count)).toBe(1);
  });
});
