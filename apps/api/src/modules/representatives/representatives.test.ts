import { queryRows } from '@huanjie/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCampaign } from '../../../test/guidance-fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';
import { HEADER_ROW, TOTAL_LABEL } from '../../xlsx/export-writer.js';

interface ViewOut {
  __typename: string;
  message?: string;
  issues?: { path: string[]; message: string }[];
  households?: number | null;
  householdsPerRepresentative?: number | null;
  groups?: { id: string; name: string }[];
  representatives?: { id: string; name: string; gender: string }[];
  leaders?: { id: string; post: string; groupId: string }[];
  women?: number;
  findings?: { severity: string; rule: string; citation: string; message: string }[];
  canEdit?: boolean;
}

const VIEW = `__typename ... on Error { message } ... on ValidationError { issues { path message } }
  ... on VillageRepresentatives { households householdsPerRepresentative groups { id name }
    representatives { id name gender } leaders { id post groupId } women
    findings { severity rule citation message } canEdit }`;
const VIEW_FIELDS = VIEW.slice(VIEW.indexOf('... on VillageRepresentatives {') + 31, -1);
const SAVE = `mutation($i: VillageRepresentativeInput!) { saveVillageRepresentative(input: $i) { ${VIEW} } }`;
const REMOVE = `mutation($id: ID!) { removeVillageRepresentative(id: $id) { ${VIEW} } }`;
const LEADER = `mutation($i: GroupLeaderInput!) { saveGroupLeader(input: $i) { ${VIEW} } }`;
const READ = `query($v: ID!) { villageRepresentatives(villageId: $v) { ${VIEW_FIELDS} } }`;

describe('representatives and group leaders of a village', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  let village: string;
  let villageId: number;
  let groups: { id: string; name: string }[] = [];

  async function call(who: string, query: string, variables: Record<string, unknown>) {
    const res = await api.gql<Record<string, ViewOut>>(query, variables, { token: tokens[who] });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const [value] = Object.values(res.data ?? {});
    if (!value) throw new Error('no result');
    return value;
  }

  const rep = (name: string, gender: 'female' | 'male', extra: Record<string, unknown> = {}) => ({
    villageId: village,
    groupId: groups[0]!.id,
    name,
    gender,
    partyMember: false,
    method: 'households',
    ...extra,
  });

  const setHouseholds = (n: number) =>
    api.database.db.execute(sql`update regions set households = ${n} where id = ${villageId}`);

  const counts = async () =>
    (
      await queryRows<{ reps: number; leaders: number; audit: number }>(
        api.database.db,
        sql`select (select count(*)::int from village_representatives) as reps,
          (select count(*)::int from villager_group_leaders) as leaders,
          (select count(*)::int from audit_log) as audit`,
      )
    )[0]!;

  const rules = (v: ViewOut) => (v.findings ?? []).map((f) => f.rule);

  beforeAll(async () => {
    api = await startTestApi();
    await ensureCampaign(api);
    tokens.clerk = await api.login('vil01001.clerk', 'village');
    tokens.coord2 = await api.login('town02.coordinator', 'township');
    tokens.leader = await api.login('county.leader', 'county');
    tokens.admin = await api.login('county.admin', 'county');
    village = api.regionGid('t01v001');
    villageId = api.demo.regionIds.get('t01v001')!;
    const first = await call('clerk', READ, { v: village });
    groups = first.groups ?? [];
    expect(groups.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(() => api.close());

  it('records representatives; the women-share warning appears below 1/3 and clears at exactly 1/3', async () => {
    await setHouseholds(90);
    let view: ViewOut | undefined;
    const names = [
      '张桂兰',
      '李秀英',
      '王建国',
      '赵志强',
      '刘德明',
      '陈永福',
      '杨国华',
      '黄海涛',
      '周立新',
    ];
    for (const [i, name] of names.entries()) {
      view = await call('clerk', SAVE, { i: rep(name, i < 2 ? 'female' : 'male') });
      expect(view.__typename, JSON.stringify(view)).toBe('VillageRepresentatives');
    }
    expect(view!.representatives).toHaveLength(9);
    expect(view!.canEdit).toBe(true);
    const women = view!.findings!.find((f) => f.rule === 'representatives.women_share');
    expect(women?.severity).toBe('warning');
    expect(women?.message).toBe('妇女代表2人，不足村民代表9人的1/3（至少应有3人）');
    expect(women?.citation).toContain('第二十五条');
    // the third woman: exactly one third passes
    const man = view!.representatives!.find((r) => r.name === '周立新')!;
    view = await call('clerk', SAVE, { i: { ...rep('周丽新', 'female'), id: man.id } });
    expect(view.women).toBe(3);
    expect(rules(view)).toEqual([]);
    // the leader reads the same, and cannot edit
    const read = await api.gql<{ villageRepresentatives: ViewOut }>(
      READ,
      { v: village },
      { token: tokens.leader },
    );
    expect(read.data?.villageRepresentatives.women).toBe(3);
    expect(read.data?.villageRepresentatives.canEdit).toBe(false);
  });

  it('checks one representative per 5–15 households at its boundaries', async () => {
    // 9 representatives: 45 households = 5 each, 135 = 15 each
    const at = async (households: number) => {
      await setHouseholds(households);
      return call('clerk', READ, { v: village });
    };
    expect(rules(await at(45))).toEqual([]);
    expect(rules(await at(135))).toEqual([]);
    const few = await at(44);
    expect(rules(few)).toEqual(['representatives.households_min']);
    expect(few.householdsPerRepresentative).toBe(4.9);
    const many = await at(136);
    expect(rules(many)).toEqual(['representatives.households_max']);
    expect(many.findings![0]!.message).toContain('平均每15.1户一名代表');
    expect(many.findings![0]!.citation).toContain('每五户至十五户');
    await setHouseholds(90);
  });

  it('refuses a representative without a group, naming the field, and writes nothing', async () => {
    const before = await counts();
    const refused = await call('clerk', SAVE, { i: rep('吴无组', 'male', { groupId: null }) });
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.message).toContain('请选择所属村民小组');
    expect(refused.issues).toEqual([{ path: ['input', 'groupId'], message: '请选择所属村民小组' }]);
    const otherGroup = await call('clerk', SAVE, {
      i: rep('吴他组', 'male', { groupId: api.regionGid('t02v001g1') }),
    });
    expect(otherGroup.__typename).toBe('ValidationError');
    expect(otherGroup.message).toContain('所属村民小组须为本村的村民小组');
    expect(await counts()).toEqual(before);
  });

  it('group leaders: every group led, never a second 组长 in a group', async () => {
    let view = await call('clerk', LEADER, {
      i: {
        villageId: village,
        groupId: groups[0]!.id,
        post: 'leader',
        name: '张组长',
        gender: 'male',
        partyMember: true,
      },
    });
    expect(view.__typename, JSON.stringify(view)).toBe('VillageRepresentatives');
    const unled = view.findings!.find((f) => f.rule === 'group_leaders.every_group');
    expect(unled?.message).toContain(groups[1]!.name);
    expect(unled?.message).toContain('尚无村民小组长');
    const before = await counts();
    const second = await call('clerk', LEADER, {
      i: {
        villageId: village,
        groupId: groups[0]!.id,
        post: 'leader',
        name: '李组长',
        gender: 'female',
        partyMember: false,
      },
    });
    expect(second.__typename).toBe('ValidationError');
    expect(second.message).toContain('已有村民小组长，每个小组只能有一名组长');
    expect(second.issues?.[0]?.path).toEqual(['input', 'post']);
    const noGroup = await call('clerk', LEADER, {
      i: {
        villageId: village,
        post: 'deputy',
        name: '王副组长',
        gender: 'male',
        partyMember: false,
      },
    });
    expect(noGroup.__typename).toBe('ValidationError');
    expect(noGroup.issues?.[0]?.path).toEqual(['input', 'groupId']);
    expect(await counts()).toEqual(before);
    // a deputy in the same group is fine; leading every group clears the warning
    view = await call('clerk', LEADER, {
      i: {
        villageId: village,
        groupId: groups[0]!.id,
        post: 'deputy',
        name: '李副组长',
        gender: 'female',
        partyMember: false,
      },
    });
    for (const [i, g] of groups.slice(1).entries()) {
      view = await call('clerk', LEADER, {
        i: {
          villageId: village,
          groupId: g.id,
          post: 'leader',
          name: `组长${String(i + 2)}`,
          gender: 'male',
          partyMember: false,
        },
      });
    }
    expect(view.leaders).toHaveLength(groups.length + 1);
    expect(rules(view)).not.toContain('group_leaders.every_group');
  });

  it('a village outside the caller’s region is not found, and nothing is written', async () => {
    const before = await counts();
    const res = await api.gql<{ villageRepresentatives: ViewOut }>(
      READ,
      { v: api.regionGid('t02v001') },
      { token: tokens.clerk },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const other = await call('clerk', SAVE, {
      i: rep('越界', 'male', {
        villageId: api.regionGid('t02v001'),
        groupId: api.regionGid('t02v001g1'),
      }),
    });
    expect(other.__typename).toBe('NotFoundError');
    expect(other.message).toBe('所选村(社区)不存在或不在您的管辖范围内');
    // the other township's coordinator cannot remove this village's representative either
    const view = await call('clerk', READ, { v: village });
    const removed = await call('coord2', REMOVE, { id: view.representatives![0]!.id });
    expect(removed.__typename).toBe('NotFoundError');
    expect(await counts()).toEqual(before);
  });

  it('audits every change in words', async () => {
    const view = await call('clerk', READ, { v: village });
    const target = view.representatives!.at(-1)!;
    const after = await call('clerk', REMOVE, { id: target.id });
    expect(after.representatives).toHaveLength(view.representatives!.length - 1);
    const rows = await queryRows<{ action: string; n: number }>(
      api.database.db,
      sql`select action, count(*)::int as n from audit_log where action like 'representative.%' or action like 'group_leader.%' group by action order by action`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.action, r.n]))).toEqual({
      'group_leader.create': groups.length + 1,
      'representative.create': 9,
      'representative.delete': 1,
      'representative.update': 1,
    });
  });

  it('counts representatives, women, party members, overlap, leaders and deputies with their denominators — in statistics and the Excel form', async () => {
    const view = await call('clerk', READ, { v: village });
    const head = view.leaders!.find((l) => l.post === 'leader' && l.groupId === groups[0]!.id)!;
    const someRep = view.representatives![0]!;
    const linked = await call('clerk', LEADER, {
      i: {
        id: head.id,
        villageId: village,
        groupId: groups[0]!.id,
        post: 'leader',
        name: someRep.name,
        gender: someRep.gender,
        partyMember: true,
        representativeId: someRep.id,
      },
    });
    expect(linked.__typename, JSON.stringify(linked)).toBe('VillageRepresentatives');
    const reps = view.representatives!.length;
    const women = view.representatives!.filter((r) => r.gender === 'female').length;
    const res = await api.gql<{
      electionStatistics: {
        villages: number;
        representatives: {
          villagesReporting: { count: number; denominator: number };
          representatives: number;
          women: { count: number; denominator: number; text: string };
          partyMembers: { count: number; denominator: number };
          alsoGroupLeader: { count: number; denominator: number };
          groups: number;
          groupLeaders: { count: number; denominator: number };
          groupDeputies: { count: number; denominator: number };
        };
      };
    }>(
      `query($r: ID!) { electionStatistics(regionId: $r) { villages representatives {
        villagesReporting { count denominator } representatives women { count denominator text }
        partyMembers { count denominator } alsoGroupLeader { count denominator } groups
        groupLeaders { count denominator } groupDeputies { count denominator } } } }`,
      { r: api.regionGid('t01') },
      { token: tokens.admin },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const stats = res.data!.electionStatistics;
    const r = stats.representatives;
    expect(r.villagesReporting).toEqual({ count: 1, denominator: stats.villages });
    expect(r.representatives).toBe(reps);
    expect(r.women).toMatchObject({ count: women, denominator: reps });
    expect(r.partyMembers).toEqual({ count: 0, denominator: reps });
    expect(r.alsoGroupLeader).toEqual({ count: 1, denominator: reps });
    expect(r.groups).toBe(groups.length);
    expect(r.groupLeaders).toEqual({ count: groups.length, denominator: groups.length });
    expect(r.groupDeputies).toEqual({ count: 1, denominator: groups.length });

    const file = await fetch(
      `${api.server.url}/exports/representatives-form.xlsx?regionId=${encodeURIComponent(api.regionGid('t01'))}`,
      { headers: { authorization: `Bearer ${tokens.admin}` } },
    );
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const ws = workbook.worksheets[0]!;
    expect(ws.getCell('A1').text).toContain('村民代表和村民小组长推选情况统计表');
    const headers = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
    const col = (h: string) => headers.indexOf(h) + 1;
    const rowOf = (name: string) => {
      for (let i = HEADER_ROW + 1; i <= ws.rowCount; i++) {
        if (ws.getRow(i).getCell(1).text === name) return ws.getRow(i);
      }
      throw new Error(`no row ${name}`);
    };
    const villageName = api.demoPlan.regions.find((x) => x.key === 't01v001')!.name;
    const row = rowOf(villageName);
    expect(Number(row.getCell(col('村民代表人数')).value)).toBe(reps);
    expect(Number(row.getCell(col('其中妇女代表')).value)).toBe(women);
    expect(Number(row.getCell(col('其中兼任村民小组长')).value)).toBe(1);
    expect(Number(row.getCell(col('村民小组长人数')).value)).toBe(groups.length);
    const total = rowOf(TOTAL_LABEL);
    expect(Number(total.getCell(col('村民代表人数')).value)).toBe(reps);
    expect(Number(total.getCell(col('村民小组副组长人数')).value)).toBe(1);

    // the county's form: one row per township from one query grouped by township; the township's
    // row carries the same figures as the township's own statistics
    const countyFile = await fetch(
      `${api.server.url}/exports/representatives-form.xlsx?regionId=${encodeURIComponent(api.regionGid('c'))}`,
      { headers: { authorization: `Bearer ${tokens.admin}` } },
    );
    expect(countyFile.status).toBe(200);
    const countyBook = new ExcelJS.Workbook();
    await countyBook.xlsx.load(await countyFile.arrayBuffer());
    const cws = countyBook.worksheets[0]!;
    const township = api.demoPlan.regions.find((x) => x.key === 't01')!.name;
    let trow: ExcelJS.Row | null = null;
    const names: string[] = [];
    for (let i = HEADER_ROW + 1; i <= cws.rowCount; i++) {
      const name = cws.getRow(i).getCell(1).text;
      names.push(name);
      if (name === township) trow = cws.getRow(i);
    }
    expect(names.length).toBeGreaterThan(2);
    const cell = (h: string) => Number(trow!.getCell(col(h)).value);
    expect(cell('参加换届的村（社区）数')).toBe(stats.villages);
    expect(cell('已登记村民代表的村（社区）数')).toBe(1);
    expect(cell('村民代表人数')).toBe(reps);
    expect(cell('其中妇女代表')).toBe(women);
    expect(cell('其中中共党员')).toBe(0);
    expect(cell('其中兼任村民小组长')).toBe(1);
    expect(cell('村民小组数（已登记的村）')).toBe(groups.length);
    expect(cell('村民小组长人数')).toBe(groups.length);
    expect(cell('村民小组副组长人数')).toBe(1);
  });
});
