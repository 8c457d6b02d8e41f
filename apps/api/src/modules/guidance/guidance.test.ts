import { queryRows } from '@huanjie/db';
import { COVERAGE_RULES, addDays } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../test/campaign-helpers.js';
import { ensureCampaign, setDifficult, setElectionDay } from '../../../test/guidance-fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { errorCodes, refusal, refusalType, startTestApi } from '../../../test/harness.js';

interface Finding {
  rule: string;
  severity: string;
  message: string;
  citation: string;
  villageIds: string[];
  cadreId: string | null;
}

interface Board {
  findings: Finding[];
  villages: {
    id: string;
    name: string;
    cadreCount: number;
    teamIds: string[];
    riskLevel: string | null;
  }[];
  summary: { villages: number; coveredVillages: number; villagesMeetingMinimum: number };
}

const BOARD = `query($t: ID!) { guidanceBoard(townshipId: $t) {
  findings { rule severity message citation villageIds cadreId }
  villages { id name cadreCount teamIds riskLevel }
  summary { villages coveredVillages villagesMeetingMinimum } } }`;

const RESULT = `__typename ... on Error { code message } ... on ValidationError { issues { path message } }`;
const TEAM = `__typename ... on GuidanceTeam { id name members { cadre { id name } role }
  assignments { region { id } zone { id } } } ${RESULT}`;

async function xlsx(
  rows: (string | number)[][],
  header = ['姓名', '性别', '职级', '职务', '手机号码', '登录账号'],
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(['城关镇换届选举指导组干部花名册']);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('guidance teams', () => {
  let api: TestApi;
  let campaignId: number;
  const tokens: Record<string, string> = {};
  const today = todayInChina();
  const cadreIds: Record<string, string> = {};
  const teamIds: Record<string, string> = {};

  const gql = async <T = Record<string, unknown>>(
    who: string,
    query: string,
    variables: Record<string, unknown> = {},
  ) => api.gql<T>(query, variables, { token: tokens[who] });

  /** Runs a mutation and returns its result object, failing on GraphQL errors. */
  async function mutate(who: string, query: string, variables: Record<string, unknown> = {}) {
    const res = await gql<Record<string, Record<string, unknown>>>(who, query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const [value] = Object.values(res.data ?? {});
    if (!value) throw new Error('no mutation result');
    return value as Record<string, unknown> & { __typename: string };
  }

  async function ok(who: string, query: string, variables: Record<string, unknown> = {}) {
    const value = await mutate(who, query, variables);
    expect(value.__typename, JSON.stringify(value)).not.toMatch(/Error$/);
    return value;
  }

  async function board(who = 'coord1', township = 't01'): Promise<Board> {
    const res = await gql<{ guidanceBoard: Board }>(who, BOARD, { t: api.regionGid(township) });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.guidanceBoard;
  }

  const findingsOf = (b: Board, rule: string, villageKey?: string) =>
    b.findings.filter(
      (f) => f.rule === rule && (!villageKey || f.villageIds.includes(api.regionGid(villageKey))),
    );

  async function addCadre(name: string, rank: string, extra: Record<string, unknown> = {}) {
    const value = await ok(
      'coord1',
      `mutation($r: ID!, $i: CadreInput!) { createCadre(regionId: $r, input: $i) { ${RESULT} ... on Cadre { id } } }`,
      { r: api.regionGid('t01'), i: { name, gender: 'male', rank, ...extra } },
    );
    cadreIds[name] = value.id as string;
    return value.id as string;
  }

  async function createTeam(name: string, who = 'coord1', owner = 't01') {
    const value = await mutate(
      who,
      `mutation($o: ID!, $n: String!) { createGuidanceTeam(ownerId: $o, name: $n) { ${TEAM} } }`,
      { o: api.regionGid(owner), n: name },
    );
    if (value.__typename === 'GuidanceTeam') teamIds[name] = value.id as string;
    return value;
  }

  const setMember = (team: string, cadre: string, role: string, who = 'coord1') =>
    mutate(
      who,
      `mutation($t: ID!, $c: ID!, $r: TeamRole!) { setTeamMember(teamId: $t, cadreId: $c, role: $r) { ${TEAM} } }`,
      { t: teamIds[team], c: cadreIds[cadre], r: role },
    );

  const assign = (team: string, target: { regionId?: string; zoneId?: string }, who = 'coord1') =>
    mutate(
      who,
      `mutation($t: ID!, $r: ID, $z: ID) { assignTeam(teamId: $t, regionId: $r, zoneId: $z) { ${TEAM} } }`,
      { t: teamIds[team], r: target.regionId, z: target.zoneId },
    );

  const unassign = (team: string, target: { regionId?: string; zoneId?: string }, who = 'coord1') =>
    mutate(
      who,
      `mutation($t: ID!, $r: ID, $z: ID) { unassignTeam(teamId: $t, regionId: $r, zoneId: $z) { ${TEAM} } }`,
      { t: teamIds[team], r: target.regionId, z: target.zoneId },
    );

  beforeAll(async () => {
    api = await startTestApi();
    campaignId = await ensureCampaign(api, {
      values: { 'guidance.max_villages_per_cadre': { value: 3, citation: '测试县换届工作方案' } },
      windowStart: addDays(today, -5),
      windowEnd: addDays(today, 5),
    });
    const logins: [string, string, 'township' | 'county' | 'village'][] = [
      ['coord1', 'town01.coordinator', 'township'],
      ['coord2', 'town02.coordinator', 'township'],
      ['admin', 'county.admin', 'county'],
      ['supervisor', 'county.supervisor', 'county'],
      ['guide1', 'town01.guide1', 'village'],
      ['guide2', 'town01.guide2', 'village'],
      ['clerk', 'vil01001.clerk', 'village'],
    ];
    for (const [key, username, app] of logins) tokens[key] = await api.login(username, app);
  });
  afterAll(() => api.close());

  describe('cadre roster', () => {
    const CREATE = `mutation($r: ID!, $i: CadreInput!) { createCadre(regionId: $r, input: $i) {
      ${RESULT} ... on Cadre { id name username hasLogin rankLabel } } }`;

    it('adds a cadre and refuses bad fields with the field named', async () => {
      const created = await ok('coord1', CREATE, {
        r: api.regionGid('t01'),
        i: {
          name: '王建国',
          gender: 'male',
          rank: 'deputy_section',
          post: '镇党委副书记',
          phone: '13900000001',
        },
      });
      expect(created).toMatchObject({ name: '王建国', rankLabel: '副科级', hasLogin: false });
      cadreIds['王建国'] = created.id as string;

      const bad = await mutate('coord1', CREATE, {
        r: api.regionGid('t01'),
        i: { name: '李明', gender: 'male', rank: 'staff', phone: '12345' },
      });
      expect(bad.__typename).toBe('ValidationError');
      expect(bad.issues).toEqual([
        { path: ['phone'], message: '手机号码格式不正确，应为11位手机号' },
      ]);
    });

    it('links only a guidance member login of the same township, once', async () => {
      const foreign = await mutate('coord1', CREATE, {
        r: api.regionGid('t01'),
        i: { name: '周一', gender: 'female', rank: 'staff', username: 'town02.guide1' },
      });
      expect(foreign.__typename).toBe('ValidationError');
      expect(JSON.stringify(foreign.issues)).toContain('不是本乡镇指导组成员账号');

      const linked = await ok('coord1', CREATE, {
        r: api.regionGid('t01'),
        i: { name: '周一', gender: 'female', rank: 'staff', username: 'town01.guide1' },
      });
      expect(linked).toMatchObject({ username: 'town01.guide1', hasLogin: true });
      cadreIds['周一'] = linked.id as string;

      const again = await mutate('coord1', CREATE, {
        r: api.regionGid('t01'),
        i: { name: '周二', gender: 'female', rank: 'staff', username: 'town01.guide1' },
      });
      expect(JSON.stringify(again.issues)).toContain('已关联干部周一');
    });

    it('keeps each roster to its own level', async () => {
      for (const who of ['admin', 'coord2']) {
        const res = await mutate(who, CREATE, {
          r: api.regionGid('t01'),
          i: { name: '某人', gender: 'male', rank: 'staff' },
        });
        expect(refusalType(res.__typename), who).toBe('refused');
      }
      const read = await gql(
        'coord2',
        '{ cadres(regionId: "x") { id } }'.replace('"x"', `"${api.regionGid('t01')}"`),
      );
      expect(refusal(read)).toBe('refused');
    });
  });

  describe('roster import from xlsx', () => {
    const IMPORT = `mutation($r: ID!, $c: String!) { importCadres(regionId: $r, contentBase64: $c) {
      ${RESULT} ... on CadreImportReport { committed fileError total created updated unchanged rejected
        rows { row name status issues { column message } } } } }`;
    const rosterSize = async () => {
      const res = await gql<{ cadres: unknown[] }>(
        'coord1',
        `query($r: ID!) { cadres(regionId: $r) { id } }`,
        {
          r: api.regionGid('t01'),
        },
      );
      return res.data!.cadres.length;
    };

    it('refuses the whole sheet when one row is bad, naming the row and column', async () => {
      const before = await rosterSize();
      const report = await ok('coord1', IMPORT, {
        r: api.regionGid('t01'),
        c: await xlsx([
          ['李四', '男', '一般干部', '党政办干事', '13900000002', ''],
          ['赵五', '女', '副科', '', '139000000', ''],
          ['钱六', '未知', '科员', '', '', ''],
          ['孙七', '男', '处长', '', '', ''],
        ]),
      });
      expect(report).toMatchObject({ committed: false, total: 4, rejected: 3, created: 1 });
      const rows = report.rows as {
        row: number;
        status: string;
        issues: { column: string; message: string }[];
      }[];
      expect(rows.map((r) => [r.row, r.status])).toEqual([
        [3, 'created'],
        [4, 'rejected'],
        [5, 'rejected'],
        [6, 'rejected'],
      ]);
      expect(rows[1]!.issues[0]).toMatchObject({ column: '手机号码' });
      expect(rows[2]!.issues[0]).toMatchObject({
        column: '性别',
        message: '性别「未知」无效，应填「男」或「女」',
      });
      expect(rows[3]!.issues[0]!.column).toBe('职级');
      expect(await rosterSize()).toBe(before);
    });

    it('imports a good sheet, then updates by name and phone', async () => {
      const before = await rosterSize();
      const rows = [
        ['李四', '男', '一般干部', '党政办干事', '13900000002', ''],
        ['赵五', '女', '副科级', '副镇长', '13900000003', 'town01.guide2'],
        ['钱六', '女', '科员', '', 13900000004, ''],
      ];
      const first = await ok('coord1', IMPORT, { r: api.regionGid('t01'), c: await xlsx(rows) });
      expect(first).toMatchObject({ committed: true, created: 3, rejected: 0 });
      expect(await rosterSize()).toBe(before + 3);

      const again = await ok('coord1', IMPORT, {
        r: api.regionGid('t01'),
        c: await xlsx([...rows.slice(0, 2), ['钱六', '女', '副科级', '', '13900000004', '']]),
      });
      expect(again).toMatchObject({ committed: true, created: 0, unchanged: 2, updated: 1 });
      expect(await rosterSize()).toBe(before + 3);
    });

    it('says what is wrong with a file that is not a roster', async () => {
      const notXlsx = await ok('coord1', IMPORT, {
        r: api.regionGid('t01'),
        c: Buffer.from('姓名,性别').toString('base64'),
      });
      expect(notXlsx).toMatchObject({
        committed: false,
        fileError: expect.stringContaining('xlsx'),
      });
      const noHeader = await ok('coord1', IMPORT, {
        r: api.regionGid('t01'),
        c: await xlsx([['李四', '男']], ['名字', '性别']),
      });
      expect(noHeader.fileError).toContain('姓名');
      const duplicate = await ok('coord1', IMPORT, {
        r: api.regionGid('t01'),
        c: await xlsx([
          ['吴八', '男', '一般干部', '', '13900000009', ''],
          ['吴八', '男', '一般干部', '', '13900000009', ''],
        ]),
      });
      expect(JSON.stringify(duplicate.rows)).toContain('与第3行重复');
      expect(duplicate.committed).toBe(false);
    });

    it('offers a template that imports back', async () => {
      const res = await gql<{ cadreRosterTemplate: { fileName: string; contentBase64: string } }>(
        'coord1',
        `query($r: ID!) { cadreRosterTemplate(regionId: $r) { fileName contentBase64 } }`,
        { r: api.regionGid('t01') },
      );
      expect(res.data!.cadreRosterTemplate.fileName).toMatch(/花名册\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        Buffer.from(
          res.data!.cadreRosterTemplate.contentBase64,
          'base64',
        ) as unknown as ExcelJS.Buffer,
      );
      const sheet = workbook.worksheets[0]!;
      sheet.addRow(['郑九', '男', '正科级', '镇长', '13900000010', '']);
      const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
      const report = await ok('coord1', IMPORT, { r: api.regionGid('t01'), c: content });
      expect(report).toMatchObject({ committed: true, created: 1 });
    });
  });

  describe('coverage rules on the board', () => {
    beforeAll(async () => {
      for (const [name, rank] of [
        ['陈一', 'staff'],
        ['陈二', 'staff'],
        ['陈三', 'staff'],
        ['陈四', 'staff'],
      ] as const) {
        await addCadre(name, rank);
      }
    });

    it('flags a village without a team until one is assigned', async () => {
      expect(findingsOf(await board(), COVERAGE_RULES.villageWithoutTeam, 't01v001')).toHaveLength(
        1,
      );
      expect((await createTeam('第一指导组')).__typename).toBe('GuidanceTeam');
      await assign('第一指导组', { regionId: api.regionGid('t01v001') });
      const after = await board();
      expect(findingsOf(after, COVERAGE_RULES.villageWithoutTeam, 't01v001')).toHaveLength(0);
      expect(findingsOf(after, COVERAGE_RULES.villageWithoutTeam)).toHaveLength(17);
    });

    it('warns below the minimum of cadres until the second one joins', async () => {
      const tooFew = () =>
        board().then((b) => findingsOf(b, COVERAGE_RULES.tooFewCadres, 't01v001'));
      expect((await tooFew())[0]?.message).toContain('仅有0名包村干部，少于规定的2名');
      await setMember('第一指导组', '陈一', 'cadre');
      expect((await tooFew())[0]?.message).toContain('仅有1名');
      await setMember('第一指导组', '周一', 'instructor');
      expect(await tooFew()).toHaveLength(0);
      const village = (await board()).villages.find((v) => v.id === api.regionGid('t01v001'));
      expect(village).toMatchObject({ cadreCount: 2, teamIds: [teamIds['第一指导组']] });
    });

    it('requires a 副科级 or higher 包村领导 in a difficult village', async () => {
      await setDifficult(api, campaignId, 't01v002');
      await createTeam('第二指导组');
      await assign('第二指导组', { regionId: api.regionGid('t01v002') });
      await setMember('第二指导组', '陈二', 'leader');
      await setMember('第二指导组', '陈三', 'cadre');
      const rule = COVERAGE_RULES.difficultWithoutLeader;
      const b = await board();
      expect(b.villages.find((v) => v.id === api.regionGid('t01v002'))?.riskLevel).toBe(
        'difficult',
      );
      expect(findingsOf(b, rule, 't01v002')).toHaveLength(1);
      await setMember('第二指导组', '王建国', 'cadre');
      expect(findingsOf(await board(), rule, 't01v002')).toHaveLength(1);
      await setMember('第二指导组', '王建国', 'leader');
      expect(findingsOf(await board(), rule, 't01v002')).toHaveLength(0);
      expect(findingsOf(await board(), rule, 't01v001')).toHaveLength(0);
    });

    it('warns when a cadre covers more villages than the rule set allows', async () => {
      await createTeam('第三指导组');
      await setMember('第三指导组', '陈四', 'cadre');
      for (const key of ['t01v003', 't01v004', 't01v005', 't01v006']) {
        await assign('第三指导组', { regionId: api.regionGid(key) });
      }
      const over = findingsOf(await board(), COVERAGE_RULES.cadreOverloaded).filter(
        (f) => f.cadreId === cadreIds['陈四'],
      );
      expect(over).toHaveLength(1);
      expect(over[0]).toMatchObject({ citation: '测试县换届工作方案', severity: 'warning' });
      expect(over[0]!.message).toContain('陈四包联4个村(社区)，超过上限3个');
      await unassign('第三指导组', { regionId: api.regionGid('t01v006') });
      expect(
        findingsOf(await board(), COVERAGE_RULES.cadreOverloaded).filter(
          (f) => f.cadreId === cadreIds['陈四'],
        ),
      ).toHaveLength(0);
    });

    it('warns when two villages of one cadre vote on the same day', async () => {
      await createTeam('第四指导组');
      await addCadre('林一', 'staff');
      await setMember('第四指导组', '林一', 'cadre');
      await assign('第四指导组', { regionId: api.regionGid('t01v007') });
      await assign('第四指导组', { regionId: api.regionGid('t01v008') });
      await setElectionDay(api, campaignId, 't01v007', '2099-06-10');
      await setElectionDay(api, campaignId, 't01v008', '2099-06-11');
      const sameDay = () =>
        board().then((b) =>
          findingsOf(b, COVERAGE_RULES.sameDayVillages).filter(
            (f) => f.cadreId === cadreIds['林一'],
          ),
        );
      expect(await sameDay()).toHaveLength(0);
      await setElectionDay(api, campaignId, 't01v008', '2099-06-10');
      const [clash] = await sameDay();
      expect(clash?.message).toContain('同在2099-06-10选举');
      expect(clash?.villageIds.sort()).toEqual(
        [api.regionGid('t01v007'), api.regionGid('t01v008')].sort(),
      );
      // the board's header shows the days as set for its villages, not only the county default
      const days = await gql<{ guidanceBoard: { electionDays: string[] } }>(
        'coord1',
        `query($t: ID!) { guidanceBoard(townshipId: $t) { electionDays } }`,
        { t: api.regionGid('t01') },
      );
      expect(days.data!.guidanceBoard.electionDays).toContain('2099-06-10');
      expect(days.data!.guidanceBoard.electionDays).not.toContain('2099-06-11');
    });

    it('warns until a village has its 第一责任人, one and from the roster', async () => {
      const SET = `mutation($v: ID!, $k: ResponsibilityKind!, $c: [ID!]!) {
        setVillageResponsibility(villageId: $v, kind: $k, cadreIds: $c) {
          ${RESULT} ... on VillageResponsibility { kindLabel cadres { name } } } }`;
      const rule = COVERAGE_RULES.noFirstResponsible;
      expect(findingsOf(await board(), rule, 't01v001')).toHaveLength(1);
      const two = await mutate('coord1', SET, {
        v: api.regionGid('t01v001'),
        k: 'first',
        c: [cadreIds['王建国'], cadreIds['陈一']],
      });
      expect(two.__typename).toBe('ValidationError');
      const set = await ok('coord1', SET, {
        v: api.regionGid('t01v001'),
        k: 'first',
        c: [cadreIds['王建国']],
      });
      expect(set).toMatchObject({ kindLabel: '第一责任人', cadres: [{ name: '王建国' }] });
      await ok('coord1', SET, {
        v: api.regionGid('t01v001'),
        k: 'direct',
        c: [cadreIds['陈一'], cadreIds['周一']],
      });
      expect(findingsOf(await board(), rule, 't01v001')).toHaveLength(0);
      const foreign = await mutate('coord2', SET, {
        v: api.regionGid('t01v001'),
        k: 'first',
        c: [cadreIds['陈一']],
      });
      expect(refusalType(foreign.__typename)).toBe('refused');
    });

    it('covers every village of a zone assigned to a team', async () => {
      const res = await gql<{ guidanceBoard: { zones: { id: string; villageIds: string[] }[] } }>(
        'coord1',
        `query($t: ID!) { guidanceBoard(townshipId: $t) { zones { id villageIds } } }`,
        { t: api.regionGid('t01') },
      );
      const zone = res.data!.guidanceBoard.zones.at(-1)!;
      expect(zone.villageIds.length).toBeGreaterThan(0);
      await createTeam('片区指导组');
      await assign('片区指导组', { zoneId: zone.id });
      const b = await board();
      for (const id of zone.villageIds) {
        expect(b.villages.find((v) => v.id === id)?.teamIds).toContain(teamIds['片区指导组']);
      }
      await unassign('片区指导组', { zoneId: zone.id });
    });

    it('refuses members, roles and targets that do not fit the team', async () => {
      await ok(
        'coord2',
        `mutation($r: ID!, $i: CadreInput!) { createCadre(regionId: $r, input: $i) { ${RESULT} ... on Cadre { id } } }`,
        { r: api.regionGid('t02'), i: { name: '外乡干部', gender: 'male', rank: 'staff' } },
      ).then((c) => (cadreIds['外乡干部'] = c.id as string));
      // another township's cadre does not exist for this township
      expect((await setMember('第一指导组', '外乡干部', 'cadre')).__typename).toBe('NotFoundError');
      expect((await setMember('第一指导组', '陈一', 'supervisor')).__typename).toBe(
        'ValidationError',
      );
      // nor does another township's village
      expect((await assign('第一指导组', { regionId: api.regionGid('t02v001') })).__typename).toBe(
        'NotFoundError',
      );
      expect((await assign('第一指导组', { regionId: api.regionGid('t01') })).__typename).toBe(
        'ValidationError',
      );
      expect((await createTeam('第一指导组')).__typename).toBe('ConflictError');
      expect(refusalType((await createTeam('别乡的组', 'coord2', 't01')).__typename)).toBe(
        'refused',
      );
      expect((await createTeam('县里建的组', 'admin', 't01')).__typename).toBe('ForbiddenError');
      expect(
        refusalType((await setMember('第一指导组', '陈一', 'cadre', 'coord2')).__typename),
      ).toBe('refused');
    });

    it('answers each change with the board as the change left it, the same as reloading it', async () => {
      const BOARD_FIELDS = BOARD.slice(BOARD.indexOf('guidanceBoard(townshipId: $t) {') + 31, -4);
      const change = (mutation: string, field: string, variables: Record<string, unknown>) => {
        const on = field.startsWith('setVillageResponsibility')
          ? 'VillageResponsibility'
          : 'GuidanceTeam';
        return ok(
          'coord1',
          `mutation${mutation} { ${field} { ${RESULT} ... on ${on} { board { ${BOARD_FIELDS} } } } }`,
          variables,
        ).then((v) => v.board as Board);
      };
      const before = await board();
      const village = before.villages.find((v) => v.teamIds.length === 0)!.id;
      const covered = (b: Board) => b.villages.find((v) => v.id === village)?.teamIds ?? [];
      await addCadre('陈五', 'staff');

      const assigned = await change('($t: ID!, $r: ID)', 'assignTeam(teamId: $t, regionId: $r)', {
        t: teamIds['第一指导组'],
        r: village,
      });
      expect(covered(assigned)).toEqual([teamIds['第一指导组']]);
      expect(assigned.summary.coveredVillages).toBe(before.summary.coveredVillages + 1);
      expect(assigned).toEqual(await board());

      const member = await change(
        '($t: ID!, $c: ID!, $r: TeamRole!)',
        'setTeamMember(teamId: $t, cadreId: $c, role: $r)',
        { t: teamIds['第一指导组'], c: cadreIds['陈五'], r: 'cadre' },
      );
      expect(member.villages.find((v) => v.id === village)?.cadreCount).toBe(
        (assigned.villages.find((v) => v.id === village)?.cadreCount ?? 0) + 1,
      );
      expect(member).toEqual(await board());

      const responsible = await change(
        '($v: ID!, $c: [ID!]!)',
        'setVillageResponsibility(villageId: $v, kind: first, cadreIds: $c)',
        { v: village, c: [cadreIds['陈五']] },
      );
      expect(responsible).toEqual(await board());

      const removed = await change(
        '($t: ID!, $c: ID!)',
        'removeTeamMember(teamId: $t, cadreId: $c)',
        { t: teamIds['第一指导组'], c: cadreIds['陈五'] },
      );
      expect(removed).toEqual(await board());
      const unassigned = await change(
        '($t: ID!, $r: ID)',
        'unassignTeam(teamId: $t, regionId: $r)',
        {
          t: teamIds['第一指导组'],
          r: village,
        },
      );
      expect(covered(unassigned)).toEqual([]);
      expect(unassigned).toEqual(await board());
      await change(
        '($v: ID!, $c: [ID!]!)',
        'setVillageResponsibility(villageId: $v, kind: first, cadreIds: $c)',
        { v: village, c: [] },
      );
    });
  });

  describe('county supervision and coverage at a glance', () => {
    const COUNTY = `query($c: ID!) { countyGuidance(countyId: $c) {
      findings { rule townshipIds message }
      townships { township { id name } summary { villages coveredVillages villagesMeetingMinimum errors warnings }
        supervisionTeamNames }
      teams { name members { cadre { name } } assignments { region { id } } } } }`;

    it('shows every township’s coverage and the townships without a supervision team', async () => {
      const res = await gql<{
        countyGuidance: {
          findings: { rule: string; townshipIds: string[] }[];
          townships: {
            township: { id: string };
            summary: Record<string, number>;
            supervisionTeamNames: string[];
          }[];
        };
      }>('admin', COUNTY, { c: api.regionGid('c') });
      expect(res.errors).toBeUndefined();
      const county = res.data!.countyGuidance;
      expect(county.findings.map((f) => f.townshipIds[0]).sort()).toEqual(
        [api.regionGid('t01'), api.regionGid('t02')].sort(),
      );
      const t01 = county.townships.find((t) => t.township.id === api.regionGid('t01'))!;
      const direct = await board();
      expect(t01.summary).toMatchObject({
        villages: 18,
        coveredVillages: direct.summary.coveredVillages,
        villagesMeetingMinimum: direct.summary.villagesMeetingMinimum,
      });
      expect(t01.summary.errors).toBe(direct.findings.filter((f) => f.severity === 'error').length);
    });

    it('lets the county assign a supervision team; its supervisor then reads that township only', async () => {
      const supervisorCadre = await ok(
        'admin',
        `mutation($r: ID!, $i: CadreInput!) { createCadre(regionId: $r, input: $i) { ${RESULT} ... on Cadre { id } } }`,
        {
          r: api.regionGid('c'),
          i: { name: '县督导员', gender: 'male', rank: 'section', username: 'county.supervisor' },
        },
      );
      cadreIds['县督导员'] = supervisorCadre.id as string;
      expect((await createTeam('第一督导组', 'coord1', 'c')).__typename).toBe('ForbiddenError');
      expect((await createTeam('第一督导组', 'admin', 'c')).__typename).toBe('GuidanceTeam');
      expect((await setMember('第一督导组', '县督导员', 'cadre', 'admin')).__typename).toBe(
        'ValidationError',
      );
      await setMember('第一督导组', '县督导员', 'supervisor', 'admin');
      expect(
        (await assign('第一督导组', { regionId: api.regionGid('t01v001') }, 'admin')).__typename,
      ).toBe('ValidationError');
      await assign('第一督导组', { regionId: api.regionGid('t01') }, 'admin');

      const res = await gql<{ countyGuidance: { findings: { townshipIds: string[] }[] } }>(
        'admin',
        COUNTY,
        {
          c: api.regionGid('c'),
        },
      );
      expect(res.data!.countyGuidance.findings.map((f) => f.townshipIds[0])).toEqual([
        api.regionGid('t02'),
      ]);

      const region = (key: string) =>
        gql('supervisor', `query($id: ID!) { region(id: $id) { id } }`, { id: api.regionGid(key) });
      expect((await region('t01')).errors).toBeUndefined();
      expect((await region('t01v005')).errors).toBeUndefined();
      expect(refusal(await region('t02'))).toBe('refused');
      expect((await board('supervisor', 't01')).villages).toHaveLength(18);
      const other = await gql('supervisor', BOARD, { t: api.regionGid('t02') });
      expect(refusal(other)).toBe('refused');
      expect(errorCodes(await gql('supervisor', COUNTY, { c: api.regionGid('c') }))).toEqual([
        'FORBIDDEN',
      ]);
    });
  });

  describe('a guidance member acts for their villages only', () => {
    const REGION = `query($id: ID!) { region(id: $id) { id name } }`;
    const VISIT = `mutation($i: VisitInput!) { logVisit(input: $i) { ${RESULT} ... on VisitLog { id kindLabel village { id } authorName } } }`;
    const DAILY = `mutation($i: DailyReportInput!) { submitDailyReport(input: $i) {
      ${RESULT} ... on DailyReport { date statusLabel village { id } } } }`;

    it('sees exactly the villages of their teams, with a token issued before the assignment', async () => {
      // 周一 (town01.guide1) is in 第一指导组, which covers v001; give 第二指导组 v001 too, so the
      // village's teams include one whose other village (v002) guide1 must not see.
      await assign('第二指导组', { regionId: api.regionGid('t01v001') });
      const mine = await gql<{ myRegions: { id: string }[] }>('guide1', '{ myRegions { id } }');
      expect(mine.data!.myRegions.map((r) => r.id)).toEqual([api.regionGid('t01v001')]);
      expect(
        (await gql('guide1', REGION, { id: api.regionGid('t01v001') })).errors,
      ).toBeUndefined();
      for (const key of ['t01v002', 't01', 't02v001']) {
        expect(refusal(await gql('guide1', REGION, { id: api.regionGid(key) })), key).toBe(
          'refused',
        );
      }
    });

    it('cannot reach another village through a nested field or another root field', async () => {
      const res = await gql<{
        villageGuidance: {
          teams: { name: string; assignments: { region: { id: string } | null }[] }[];
        };
      }>(
        'guide1',
        `query($v: ID!) { villageGuidance(villageId: $v) { teams { name assignments { region { id } zone { id } } }
          firstResponsible { name } directResponsible { name } } }`,
        { v: api.regionGid('t01v001') },
      );
      expect(res.errors).toBeUndefined();
      const teams = res.data!.villageGuidance.teams;
      expect(teams.map((t) => t.name).sort()).toEqual(['第一指导组', '第二指导组']);
      const seen = teams.flatMap((t) => t.assignments.map((a) => a.region?.id));
      expect(seen.every((id) => id === api.regionGid('t01v001'))).toBe(true);

      const refused = [
        [
          `query($v: ID!) { villageGuidance(villageId: $v) { village { id } } }`,
          { v: api.regionGid('t01v002') },
        ],
        [BOARD, { t: api.regionGid('t01') }],
        [`query($r: ID!) { visitLogs(regionId: $r) { id } }`, { r: api.regionGid('t01v002') }],
        [`query($r: ID!) { dailyReports(regionId: $r) { id } }`, { r: api.regionGid('t01') }],
        [`query($r: ID!) { cadres(regionId: $r) { id } }`, { r: api.regionGid('t01') }],
        [
          `query($t: ID!) { missingDailyReports(townshipId: $t) { total } }`,
          { t: api.regionGid('t01') },
        ],
      ] as const;
      for (const [query, variables] of refused) {
        const r = await gql('guide1', query, variables);
        expect(r.data ?? null, query).toBeNull();
        expect(refusal(r), query).toBe('refused');
      }
    });

    it('logs a visit and the daily report for an assigned village, not for another', async () => {
      const visit = {
        kind: 'talk',
        date: today,
        withWhom: '老支书张某',
        topic: '换届纪律',
        outcome: '表示支持换届工作',
        followUpNeeded: false,
      };
      const logged = await ok('guide1', VISIT, {
        i: { ...visit, villageId: api.regionGid('t01v001') },
      });
      expect(logged).toMatchObject({
        kindLabel: '谈话',
        village: { id: api.regionGid('t01v001') },
      });
      const elsewhere = await mutate('guide1', VISIT, {
        i: { ...visit, villageId: api.regionGid('t01v002') },
      });
      expect(refusalType(elsewhere.__typename)).toBe('refused');

      const filed = await ok('guide1', DAILY, {
        i: {
          villageId: api.regionGid('t01v001'),
          status: 'attention',
          problems: '个别群众对选民登记有疑问',
        },
      });
      expect(filed).toMatchObject({ date: today, statusLabel: '需要关注' });
      const other = await mutate('guide1', DAILY, {
        i: { villageId: api.regionGid('t01v002'), status: 'on_track' },
      });
      expect(refusalType(other.__typename)).toBe('refused');
      const clerk = await mutate('clerk', DAILY, {
        i: { villageId: api.regionGid('t01v001'), status: 'on_track' },
      });
      expect(clerk.__typename).toBe('ForbiddenError');
    });

    it('loses access on the very next request after the village is unassigned', async () => {
      await unassign('第一指导组', { regionId: api.regionGid('t01v001') });
      expect(refusal(await gql('guide1', REGION, { id: api.regionGid('t01v001') }))).toBe(
        'refused',
      );
      const mine = await gql<{ myRegions: unknown[] }>('guide1', '{ myRegions { id } }');
      expect(mine.data!.myRegions).toEqual([]);
      await assign('第一指导组', { regionId: api.regionGid('t01v001') });
      expect(
        (await gql('guide1', REGION, { id: api.regionGid('t01v001') })).errors,
      ).toBeUndefined();
    });
  });

  describe('visits and daily reports', () => {
    const VISIT = `mutation($i: VisitInput!) { logVisit(input: $i) { ${RESULT} ... on VisitLog { id } } }`;
    const DAILY = `mutation($i: DailyReportInput!) { submitDailyReport(input: $i) { ${RESULT} ... on DailyReport { id statusLabel } } }`;

    it('refuses a visit in the future or a follow-up without what to follow up', async () => {
      const base = {
        villageId: api.regionGid('t01v001'),
        kind: 'visit',
        date: today,
        withWhom: '村民代表',
        topic: '选民登记',
        outcome: '已解释',
        followUpNeeded: true,
      };
      const noFollowUp = await mutate('guide1', VISIT, { i: base });
      expect(noFollowUp.issues).toEqual([{ path: ['followUp'], message: '请填写需跟进事项' }]);
      const future = await mutate('guide1', VISIT, {
        i: { ...base, date: addDays(today, 1), followUp: '下周复核' },
      });
      expect(future.issues).toEqual([{ path: ['date'], message: '日期不能晚于今天' }]);
      await ok('guide1', VISIT, { i: { ...base, followUp: '下周复核' } });
      const listed = await gql<{ visitLogs: { followUpNeeded: boolean; followUp: string }[] }>(
        'coord1',
        `query($r: ID!) { visitLogs(regionId: $r, followUpOnly: true) { followUpNeeded followUp } }`,
        { r: api.regionGid('t01') },
      );
      expect(listed.data!.visitLogs).toEqual([{ followUpNeeded: true, followUp: '下周复核' }]);
    });

    it('keeps one report per village and day, within the election window', async () => {
      const blocked = await mutate('guide1', DAILY, {
        i: { villageId: api.regionGid('t01v001'), status: 'blocked', problems: '选址未定' },
      });
      expect(blocked.issues).toEqual([{ path: ['needs'], message: '请填写需要协调事项' }]);
      const early = await mutate('guide1', DAILY, {
        i: { villageId: api.regionGid('t01v001'), status: 'on_track', date: addDays(today, -6) },
      });
      expect(JSON.stringify(early.issues)).toContain('换届选举期间');
      const corrected = await ok('guide1', DAILY, {
        i: { villageId: api.regionGid('t01v001'), status: 'on_track' },
      });
      expect(corrected.statusLabel).toBe('正常推进');
      const reports = await gql<{ dailyReports: { date: string; statusLabel: string }[] }>(
        'coord1',
        `query($r: ID!) { dailyReports(regionId: $r) { date statusLabel } }`,
        { r: api.regionGid('t01') },
      );
      expect(reports.data!.dailyReports).toEqual([{ date: today, statusLabel: '正常推进' }]);
    });

    it('shows the township which villages have not reported today', async () => {
      const res = await gql<{
        missingDailyReports: {
          date: string;
          inWindow: boolean;
          total: number;
          reported: number;
          missing: { village: { id: string }; teamNames: string[] }[];
          days: { date: string; reported: number; total: number }[];
        };
      }>(
        'coord1',
        `query($t: ID!) { missingDailyReports(townshipId: $t) { date inWindow total reported
          missing { village { id } teamNames } days { date reported total } } }`,
        { t: api.regionGid('t01') },
      );
      expect(res.errors).toBeUndefined();
      const m = res.data!.missingDailyReports;
      expect(m).toMatchObject({ date: today, inWindow: true, total: 18, reported: 1 });
      expect(m.missing).toHaveLength(17);
      expect(m.missing.map((v) => v.village.id)).not.toContain(api.regionGid('t01v001'));
      expect(m.missing.find((v) => v.village.id === api.regionGid('t01v002'))?.teamNames).toEqual([
        '第二指导组',
      ]);
      expect(m.days.at(-1)).toEqual({ date: today, reported: 1, total: 18 });
      expect(m.days).toHaveLength(6);
    });
  });

  it('records every change in the audit log', async () => {
    const rows = await queryRows<{ action: string }>(
      api.database.db,
      sql`select distinct action from audit_log order by action`,
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'cadre.create',
        'cadre.import',
        'guidance_team.create',
        'guidance_team.member_set',
        'guidance_team.assign',
        'guidance_team.unassign',
        'supervision_team.create',
        'supervision_team.assign',
        'village_responsibility.set',
        'visit.log',
        'daily_report.submit',
        'daily_report.correct',
      ]),
    );
  });
});
