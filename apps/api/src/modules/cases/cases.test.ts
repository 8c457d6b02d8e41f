import { queryRows } from '@huanjie/db';
import { addDays } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../test/campaign-helpers.js';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';

interface CaseOut {
  __typename: string;
  id: string;
  status: string;
  statusLabel: string;
  reporterVisible: boolean;
  reporterName: string;
  reporterPhone: string | null;
  reporterIdNumber: string | null;
  acceptBy: string;
  answerBy: string;
  acceptCitation: string;
  answerCitation: string;
  lateness: string;
  overdue: boolean;
  outcomeLabel: string | null;
  measureLabels: string[];
  handlerName: string | null;
  actions: { date: string; actor: string; action: string }[];
  message?: string;
  issues?: { path: string[]; message: string }[];
}

const CASE = `__typename ... on Error { message } ... on ValidationError { issues { path message } }
  ... on Case { id status statusLabel reporterVisible reporterName reporterPhone reporterIdNumber
    acceptBy answerBy acceptCitation answerCitation lateness overdue outcomeLabel measureLabels
    handlerName actions { date actor action } }`;
const CASE_FIELDS = CASE.slice(CASE.indexOf('... on Case {') + '... on Case {'.length, -1);

const OPEN = `mutation($i: OpenCaseInput!) { openCase(input: $i) { ${CASE} } }`;
const ASSIGN = `mutation($c: ID!, $k: CaseHandlerKind!, $t: ID) { assignCase(caseId: $c, handlerKind: $k, teamId: $t) { ${CASE} } }`;
const ACK = `mutation($c: ID!, $d: String) { acknowledgeCase(caseId: $c, date: $d) { ${CASE} } }`;
const ACT = `mutation($c: ID!, $i: CaseActionInput!) { addCaseAction(caseId: $c, input: $i) { ${CASE} } }`;
const CLOSE = `mutation($c: ID!, $i: CloseCaseInput!) { closeCase(caseId: $c, input: $i) { ${CASE} } }`;
const ONE = `query($c: ID!) { case(caseId: $c) { ${CASE_FIELDS} } }`;
const SUMMARY = `query($r: ID!) { caseSummary(regionId: $r) { total open closed overdue acceptOverdue answerOverdue upheld
  byCategory { category label count open } } }`;
const LIST = `query($r: ID!, $o: Boolean) { cases(regionId: $r, overdueOnly: $o) { id lateness village { name } } }`;

const REPORTER = { name: '王举报', phone: '13800138000', idNumber: '110101199001011234' };

describe('complaints and reports as cases', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const today = todayInChina();
  /** A village guide1 covers, the team that covers it, and a village of the other township. */
  let village: string;
  let team: string;
  let otherVillage: string;

  const gql = <T = Record<string, unknown>>(
    who: string,
    query: string,
    variables: Record<string, unknown> = {},
  ) => api.gql<T>(query, variables, { token: tokens[who] });

  async function mutate(who: string, query: string, variables: Record<string, unknown>) {
    const res = await gql<Record<string, CaseOut>>(who, query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const [value] = Object.values(res.data ?? {});
    if (!value) throw new Error('no mutation result');
    return value;
  }

  async function ok(who: string, query: string, variables: Record<string, unknown>) {
    const value = await mutate(who, query, variables);
    expect(value.__typename, JSON.stringify(value)).toBe('Case');
    return value;
  }

  async function read(who: string, id: string) {
    const res = await gql<{ case: CaseOut }>(who, ONE, { c: id });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.case;
  }

  const counts = async () =>
    (
      await queryRows<{ cases: number; actions: number; audit: number }>(
        api.database.db,
        sql`select (select count(*)::int from cases) as cases, (select count(*)::int from case_actions) as actions,
          (select count(*)::int from audit_log) as audit`,
      )
    )[0];

  const input = (extra: Record<string, unknown> = {}) => ({
    villageId: village,
    channel: 'phone',
    category: 'bribery',
    severity: 'serious',
    allegation: '候选人张某以每户200元购买选票',
    receivedOn: addDays(today, -2),
    reporterName: REPORTER.name,
    reporterPhone: REPORTER.phone,
    reporterIdNumber: REPORTER.idNumber,
    ...extra,
  });

  beforeAll(async () => {
    api = await startTestApi({ fullDemo: true });
    const logins: [string, string, 'township' | 'county' | 'village'][] = [
      ['coord1', 'town01.coordinator', 'township'],
      ['coord2', 'town02.coordinator', 'township'],
      ['admin', 'county.admin', 'county'],
      ['leader', 'county.leader', 'county'],
      ['guide1', 'town01.guide1', 'village'],
    ];
    for (const [key, username, app] of logins) tokens[key] = await api.login(username, app);
    const guide1 = api.demo.userIds.get('town01.guide1');
    const [covered] = await queryRows<{ teamId: number; regionId: number }>(
      api.database.db,
      sql`select t.id as "teamId", a.region_id as "regionId" from guidance_team_members m
          join cadres c on c.id = m.cadre_id join guidance_teams t on t.id = m.team_id
          join guidance_team_assignments a on a.team_id = t.id
          where c.user_id = ${guide1} and a.region_id is not null and t.kind = 'guidance'
          order by exists (select 1 from candidates k join unit_elections u on u.id = k.unit_election_id
            where u.region_id = a.region_id) desc, a.region_id limit 1`,
    );
    if (!covered) throw new Error('the demo gives town01.guide1 no village');
    village = `Region:${String(covered.regionId)}`;
    team = `GuidanceTeam:${String(covered.teamId)}`;
    otherVillage = api.regionGid('t02v001');
  });
  afterAll(() => api.close());

  it('the demo county carries cases in every state, one of them overdue', async () => {
    const res = await gql<{
      caseSummary: {
        overdue: number;
        upheld: number;
        byStatus: { status: string; count: number }[];
      };
    }>(
      'admin',
      `query($r: ID!) { caseSummary(regionId: $r) { overdue upheld byStatus { status count } } }`,
      {
        r: api.regionGid('c'),
      },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const summary = res.data!.caseSummary;
    for (const s of summary.byStatus) expect(s.count, s.status).toBeGreaterThan(0);
    expect(summary.overdue).toBeGreaterThan(0);
    expect(summary.upheld).toBeGreaterThan(0);
  });

  it('a guidance member opens a 贿选 case; deadlines come from the rule set with citations', async () => {
    const opened = await ok('guide1', OPEN, { i: input() });
    expect(opened.status).toBe('received');
    expect(opened.acceptBy).toBe(addDays(today, -2 + 15));
    expect(opened.answerBy).toBe(addDays(today, -2 + 15 + 60));
    expect(opened.acceptCitation).toContain('信访工作条例');
    expect(opened.answerCitation).toContain('60日');
    // the opener is not (yet) the handling group
    expect(opened.reporterVisible).toBe(false);
    expect(opened.reporterName).toBe('匿名');
    expect(opened.reporterPhone).toBeNull();
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const before = await counts();
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['guide1', input({ villageId: otherVillage }), 'NotFoundError', '不在您的管辖范围内'],
      ['coord1', input({ villageId: otherVillage }), 'NotFoundError', '不在您的管辖范围内'],
      ['guide1', input({ category: 'gossip' }), 'ValidationError', '问题类别无效'],
      ['guide1', input({ channel: 'pigeon' }), 'ValidationError', '来源渠道无效'],
      ['guide1', input({ allegation: '   ' }), 'ValidationError', '请填写反映内容'],
      [
        'guide1',
        input({ allegation: '贿选\u0000' }),
        'ValidationError',
        '反映内容含有不可见或控制字符',
      ],
      [
        'guide1',
        input({ reporterName: '王\u202e某' }),
        'ValidationError',
        '举报人姓名含有不可见或控制字符',
      ],
      [
        'guide1',
        input({ receivedOn: addDays(today, 1) }),
        'ValidationError',
        '收到日期不能晚于今天',
      ],
      ['guide1', input({ receivedOn: '2026-02-30' }), 'ValidationError', '日期格式'],
      ['guide1', input({ reporterIdNumber: '12345' }), 'ValidationError', '身份证号'],
      ['leader', input(), 'ForbiddenError', '无权登记'],
    ];
    for (const [who, i, type, message] of cases) {
      const res = await mutate(who, OPEN, { i });
      expect(res.__typename, JSON.stringify(i)).toBe(type);
      expect(res.message).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });

  it('runs a case through assign, acknowledge, investigate, close; steps out of order are refused', async () => {
    const c = await ok('guide1', OPEN, { i: input() });
    const before = await counts();
    const early = await mutate('coord1', ACK, { c: c.id });
    expect(early.__typename).toBe('ConflictError');
    expect(early.message).toBe('案件尚未交办，请先指定办理单位');
    const noAction = await mutate('coord1', CLOSE, {
      c: c.id,
      i: { date: today, outcome: 'upheld', measures: [], reply: '已答复' },
    });
    expect(noAction.message).toBe('案件须先登记调查处理情况才能办结');
    // a guidance member may not hand cases out
    expect((await mutate('guide1', ASSIGN, { c: c.id, k: 'team', t: team })).__typename).toBe(
      'ForbiddenError',
    );
    expect(await counts()).toEqual(before);

    const assigned = await ok('coord1', ASSIGN, { c: c.id, k: 'team', t: team });
    expect(assigned.status).toBe('assigned');
    expect(assigned.handlerName).toBeTruthy();
    const beforeDate = await mutate('guide1', ACK, { c: c.id, d: addDays(today, -3) });
    expect(beforeDate.message).toContain('受理日期不能早于收到日期');
    const acked = await ok('guide1', ACK, { c: c.id, d: addDays(today, -1) });
    expect(acked.status).toBe('acknowledged');
    // the answer is due 60 days after acceptance
    expect(acked.answerBy).toBe(addDays(today, -1 + 60));
    expect((await mutate('coord1', ASSIGN, { c: c.id, k: 'township_office' })).message).toBe(
      '案件已受理，不能再改派办理单位',
    );
    const early2 = await mutate('guide1', ACT, {
      c: c.id,
      i: { date: addDays(today, -2), actor: '李组长', action: '走访' },
    });
    expect(early2.message).toContain('处理日期不能早于');
    const acted = await ok('guide1', ACT, {
      c: c.id,
      i: { date: today, actor: '李组长、镇纪委王某', action: '走访举报涉及的5户村民，核实情况' },
    });
    expect(acted.status).toBe('investigating');
    expect(acted.actions).toEqual([
      { date: today, actor: '李组长、镇纪委王某', action: '走访举报涉及的5户村民，核实情况' },
    ]);
    const badOutcome = await mutate('coord1', CLOSE, {
      c: c.id,
      i: { date: today, outcome: 'maybe', measures: [], reply: '已答复' },
    });
    expect(badOutcome.message).toContain('办理结果无效');
    const closed = await ok('coord1', CLOSE, {
      c: c.id,
      i: {
        date: today,
        outcome: 'upheld',
        measures: ['disqualify_candidate', 're_election'],
        reply: '经查属实，已取消其候选人资格',
      },
    });
    expect(closed.status).toBe('closed');
    expect(closed.outcomeLabel).toBe('属实');
    expect(closed.measureLabels).toEqual(['取消候选人资格', '重新选举']);
    expect(closed.lateness).toBe('on_time');
    const after = await mutate('guide1', ACT, {
      c: c.id,
      i: { date: today, actor: '李组长', action: '回访' },
    });
    expect(after.message).toBe('案件已办结，不能再变更');
  });

  it('shows the reporter only to the handling group and the county admin: API and audit log', async () => {
    const c = await ok('guide1', OPEN, { i: input() });
    await ok('coord1', ASSIGN, { c: c.id, k: 'team', t: team });
    // the team's member and the county admin see who reported
    for (const who of ['guide1', 'admin']) {
      const seen = await read(who, c.id);
      expect(seen.reporterVisible, who).toBe(true);
      expect([seen.reporterName, seen.reporterPhone, seen.reporterIdNumber]).toEqual([
        REPORTER.name,
        REPORTER.phone,
        REPORTER.idNumber,
      ]);
    }
    // the township's coordinator runs the queue but is outside this team: 匿名
    const coord = await read('coord1', c.id);
    expect(coord.reporterVisible).toBe(false);
    expect([coord.reporterName, coord.reporterPhone, coord.reporterIdNumber]).toEqual([
      '匿名',
      null,
      null,
    ]);
    // a county leader reads the case, not the reporter
    const leader = await read('leader', c.id);
    expect(leader.reporterName).toBe('匿名');
    // another township's coordinator does not see the case at all
    const other = await gql('coord2', ONE, { c: c.id });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // handed to the township's own office, the coordinator is the handling group
    const c2 = await ok('coord1', OPEN, { i: input({ channel: 'visit' }) });
    expect(c2.reporterVisible).toBe(false);
    const mine = await ok('coord1', ASSIGN, { c: c2.id, k: 'township_office' });
    expect(mine.reporterName).toBe(REPORTER.name);
    expect((await read('guide1', c2.id)).reporterName).toBe('匿名');

    // the audit log never carries the identity, whoever reads it
    const entries = await queryRows<{ before: unknown; after: unknown }>(
      api.database.db,
      sql`select before, after from audit_log where entity_type = 'case'`,
    );
    expect(entries.length).toBeGreaterThan(3);
    const logged = JSON.stringify(entries);
    for (const secret of Object.values(REPORTER)) expect(logged).not.toContain(secret);
    expect(logged).toContain('已登记（仅办理单位可见）');
    const viaApi = await gql<{ auditLog: unknown }>(
      'admin',
      `query { auditLog(action: "case.", first: 100) { items { actionLabel summary before after changes { label before after } } } }`,
    );
    expect(viaApi.errors, JSON.stringify(viaApi.errors)).toBeUndefined();
    const shown = JSON.stringify(viaApi.data);
    expect(shown).toContain('登记信访举报');
    for (const secret of Object.values(REPORTER)) expect(shown).not.toContain(secret);
  });

  it('counts an overdue case on the county overview and lists it', async () => {
    const county = api.regionGid('c');
    const summaryOf = async () => {
      const res = await gql<{
        caseSummary: { total: number; open: number; overdue: number; acceptOverdue: number };
      }>('admin', SUMMARY, { r: county });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data!.caseSummary;
    };
    const before = await summaryOf();
    const late = await ok('guide1', OPEN, {
      i: input({ receivedOn: addDays(today, -16), category: 'canvassing', allegation: '拉票' }),
    });
    expect(late.lateness).toBe('accept_overdue');
    expect(late.overdue).toBe(true);
    const onTime = await ok('guide1', OPEN, {
      i: input({ receivedOn: addDays(today, -15), category: 'canvassing', allegation: '拉票' }),
    });
    expect(onTime.lateness).toBe('on_time');
    const after = await summaryOf();
    expect(after.overdue - before.overdue).toBe(1);
    expect(after.acceptOverdue - before.acceptOverdue).toBe(1);
    expect(after.total - before.total).toBe(2);
    expect(after.open - before.open).toBe(2);
    const res = await gql<{ cases: { id: string; lateness: string }[] }>('admin', LIST, {
      r: county,
      o: true,
    });
    const ids = res.data!.cases.map((c) => c.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(onTime.id);
  });

  it('marks open cases on the village checklist, the township board and the overview; an upheld 贿选 case is a finding on the candidate’s election', async () => {
    const [cand] = await queryRows<{
      id: number;
      unitId: number;
      regionId: number;
      campaignId: number;
    }>(
      api.database.db,
      sql`select c.id, c.unit_election_id as "unitId", u.region_id as "regionId", u.campaign_id as "campaignId"
          from candidates c join unit_elections u on u.id = c.unit_election_id
          where u.region_id = ${Number(village.split(':')[1])} order by c.id limit 1`,
    );
    const [campaign] = await queryRows<{ id: number }>(
      api.database.db,
      sql`select id from campaigns where county_id = ${api.demo.countyId} and status = 'running' order by id desc limit 1`,
    );
    const c = await ok('guide1', OPEN, {
      i: input(cand ? { candidateId: `Candidate:${String(cand.id)}` } : {}),
    });
    const checklist = await gql<{ villageChecklist: { openCases: { id: string }[] } }>(
      'guide1',
      `query($c: ID!, $v: ID!) { villageChecklist(campaignId: $c, villageId: $v) { openCases { id } } }`,
      { c: `Campaign:${String(campaign!.id)}`, v: village },
    );
    expect(checklist.errors, JSON.stringify(checklist.errors)).toBeUndefined();
    expect(checklist.data!.villageChecklist.openCases.map((x) => x.id)).toContain(c.id);
    const board = await gql<{
      guidanceBoard: { openCases: { villageId: string; open: number }[] };
    }>(
      'coord1',
      `query($t: ID!) { guidanceBoard(townshipId: $t) { openCases { villageId open } } }`,
      { t: api.regionGid('t01') },
    );
    expect(board.errors, JSON.stringify(board.errors)).toBeUndefined();
    expect(
      board.data!.guidanceBoard.openCases.find((v) => v.villageId === village)?.open,
    ).toBeGreaterThan(0);
    const overview = await gql<{
      campaignOverview: {
        cases: { open: number; overdue: number };
        overdueCases: { id: string; overdue: boolean }[];
      };
    }>(
      'admin',
      `query($c: ID!) { campaignOverview(campaignId: $c) { cases { open overdue } overdueCases { id overdue } } }`,
      { c: `Campaign:${String(campaign!.id)}` },
    );
    expect(overview.errors, JSON.stringify(overview.errors)).toBeUndefined();
    const o = overview.data!.campaignOverview;
    expect(o.cases.overdue).toBeGreaterThan(0);
    // the count and the clickable list agree
    expect(o.overdueCases).toHaveLength(o.cases.overdue);
    expect(o.overdueCases.every((x) => x.overdue)).toBe(true);

    expect(cand, 'the demo gives guide1’s village a candidate').toBeDefined();
    if (!cand) return;
    await ok('coord1', ASSIGN, { c: c.id, k: 'team', t: team });
    await ok('guide1', ACK, { c: c.id });
    await ok('guide1', ACT, { c: c.id, i: { date: today, actor: '镇纪委', action: '核实' } });
    const UNIT = `query($u: ID!) { electionUnit(id: $u) { caseFindings { rule severity citation message } } }`;
    const before = await gql<{ electionUnit: { caseFindings: { rule: string }[] } }>(
      'coord1',
      UNIT,
      {
        u: `ElectionUnit:${String(cand.unitId)}`,
      },
    );
    expect(before.errors, JSON.stringify(before.errors)).toBeUndefined();
    const n = before.data!.electionUnit.caseFindings.length;
    await ok('coord1', CLOSE, {
      c: c.id,
      i: {
        date: today,
        outcome: 'partly_upheld',
        measures: ['disqualify_candidate'],
        reply: '部分属实',
      },
    });
    const after = await gql<{
      electionUnit: { caseFindings: { rule: string; citation: string; message: string }[] };
    }>('coord1', UNIT, { u: `ElectionUnit:${String(cand.unitId)}` });
    expect(after.data!.electionUnit.caseFindings).toHaveLength(n + 1);
    expect(after.data!.electionUnit.caseFindings.at(-1)).toMatchObject({
      rule: 'cases.bribery_upheld',
      citation: '《村民委员会组织法》第十七条',
    });
  });

  it('takes a county’s own deadline from its rule set', async () => {
    await api.database.db.execute(
      sql`update rule_sets set values = values || ${JSON.stringify({
        'cases.accept_days': { value: 7, citation: '本省信访条例第十条' },
      })}::jsonb where id = (select rule_set_id from campaigns where county_id = ${api.demo.countyId} and status = 'running' order by id desc limit 1)`,
    );
    const c = await ok('guide1', OPEN, { i: input({ receivedOn: addDays(today, -8) }) });
    expect(c.acceptBy).toBe(addDays(today, -1));
    expect(c.acceptCitation).toBe('本省信访条例第十条');
    expect(c.lateness).toBe('accept_overdue');
  });
});
