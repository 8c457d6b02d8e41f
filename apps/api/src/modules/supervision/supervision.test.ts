import { auditLog, correctionOrders, inspections, queryRows } from '@huanjie/db';
import { addDays } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../test/campaign-helpers.js';
import { assignToTeam, ensureCampaign } from '../../../test/guidance-fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { refusal, refusalType, startTestApi } from '../../../test/harness.js';

const ERRORS = `__typename ... on Error { code message } ... on ValidationError { issues { path message } }`;
const RECORD = `mutation($i: InspectionInput!) { recordInspection(input: $i) {
  ${ERRORS}
  ... on Inspection { id date township { id name } villages { id name } findings { category categoryLabel text } authorName } } }`;
const ISSUE = `mutation($i: CorrectionOrderInput!) { issueCorrectionOrder(input: $i) {
  ${ERRORS}
  ... on CorrectionOrder { id issuedOn deadline requirement status statusLabel township { id } inspectionId } } }`;
const ANSWER = `mutation($o: ID!, $a: String!, $d: String) { answerCorrectionOrder(orderId: $o, answer: $a, answeredOn: $d) {
  ${ERRORS}
  ... on CorrectionOrder { id status answer answeredOn answererName } } }`;
const SUMMARY = `query($r: ID) { supervisionSummary(regionId: $r) { inspections orders unanswered overdue answered } }`;
const ORDERS = `query($r: ID, $f: CorrectionOrderFilter) { correctionOrders(regionId: $r, filter: $f) { id status township { id } requirement } }`;

interface Payload {
  __typename: string;
  id?: string;
  code?: string;
  message?: string;
  issues?: { path: string[]; message: string }[];
  status?: string;
}

/**
 * The county supervisor's work (issue 12): inspections of the townships assigned to them, with
 * findings by category, and correction orders the township answers by a deadline; both counted
 * for the county overview. The supervisor here is assigned t01 only.
 */
describe('supervision: inspections and correction orders', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const today = todayInChina();

  beforeAll(async () => {
    api = await startTestApi();
    await ensureCampaign(api);
    await assignToTeam(api, 'county.supervisor', 'c', 't01');
    for (const [name, app] of [
      ['county.supervisor', 'county'],
      ['county.leader', 'county'],
      ['county.admin', 'county'],
      ['town01.coordinator', 'township'],
      ['town02.coordinator', 'township'],
    ] as const) {
      tokens[name] = await api.login(name, app);
    }
  });
  afterAll(() => api.close());

  const as = (name: string) => ({ token: tokens[name] });
  const village = (key: string) => api.regionGid(key);
  const villagesOf = (township: string) =>
    [...api.demo.regionIds.keys()].filter((k) => new RegExp(`^${township}v\\d+$`).test(k));

  async function rows() {
    const [i] = await queryRows<{ n: number }>(
      api.database.db,
      sql`select count(*)::int as n from ${inspections}`,
    );
    const [o] = await queryRows<{ n: number }>(
      api.database.db,
      sql`select count(*)::int as n from ${correctionOrders}`,
    );
    const [a] = await queryRows<{ n: number }>(
      api.database.db,
      sql`select count(*)::int as n from ${auditLog}`,
    );
    return { inspections: i?.n, orders: o?.n, audit: a?.n };
  }

  async function record(who: string, input: Record<string, unknown>) {
    const res = await api.gql<{ recordInspection: Payload & Record<string, unknown> }>(
      RECORD,
      { i: input },
      as(who),
    );
    expect(res.errors).toBeUndefined();
    return res.data!.recordInspection;
  }

  async function issue(who: string, input: Record<string, unknown>) {
    const res = await api.gql<{ issueCorrectionOrder: Payload }>(ISSUE, { i: input }, as(who));
    expect(res.errors).toBeUndefined();
    return res.data!.issueCorrectionOrder;
  }

  const t01Villages = () => villagesOf('t01').slice(0, 2).map(village);

  it('records an inspection with the villages visited and findings by category, audited', async () => {
    const before = await rows();
    const result = await record('county.supervisor', {
      townshipId: api.regionGid('t01'),
      date: addDays(today, -1),
      villageIds: t01Villages(),
      findings: [
        { category: 'notices', text: '正式候选人公告未按姓氏笔画排列' },
        { category: 'voter_registration', text: '外出务工人员登记不全' },
      ],
    });
    expect(result.__typename).toBe('Inspection');
    expect(result.township).toEqual({ id: api.regionGid('t01'), name: expect.any(String) });
    expect((result.villages as { id: string }[]).map((v) => v.id)).toEqual(t01Villages());
    expect(result.findings).toEqual([
      { category: 'notices', categoryLabel: '公告公示', text: '正式候选人公告未按姓氏笔画排列' },
      { category: 'voter_registration', categoryLabel: '选民登记', text: '外出务工人员登记不全' },
    ]);
    expect(await rows()).toEqual({
      inspections: before.inspections! + 1,
      orders: before.orders,
      audit: before.audit! + 1,
    });
    const [entry] = await queryRows<{ action: string; region_path: string }>(
      api.database.db,
      sql`select action, region_path from audit_log order by id desc limit 1`,
    );
    expect(entry).toEqual({
      action: 'inspection.record',
      region_path: api.demo.regionPaths.get('t01'),
    });
  });

  it('refuses bad inspections with the field named, and writes nothing', async () => {
    const before = await rows();
    const base = {
      townshipId: api.regionGid('t01'),
      date: today,
      villageIds: t01Villages(),
      findings: [{ category: 'procedure', text: '未召开村民代表会议' }],
    };
    const empty = await record('county.supervisor', { ...base, findings: [] });
    expect(empty.__typename).toBe('ValidationError');
    expect(empty.issues?.[0]?.path).toEqual(['findings']);
    expect(empty.message).toContain('发现的问题');

    const blank = await record('county.supervisor', {
      ...base,
      findings: [{ category: 'procedure', text: '   ' }],
    });
    expect(blank.issues?.[0]).toEqual({
      path: ['findings', '0', 'text'],
      message: '请填写发现问题',
    });

    const foreignVillage = await record('county.supervisor', {
      ...base,
      villageIds: [village(villagesOf('t02')[0]!)],
    });
    expect(foreignVillage.__typename).toBe('ValidationError');
    expect(foreignVillage.issues?.[0]?.path).toEqual(['villageIds']);
    expect(foreignVillage.issues?.[0]?.message).toMatch(/^检查的村\(社区\)须属于/);

    const future = await record('county.supervisor', { ...base, date: addDays(today, 1) });
    expect(future.issues?.[0]).toEqual({ path: ['date'], message: '检查日期不能晚于今天' });

    const notTownship = await record('county.supervisor', {
      ...base,
      townshipId: village(villagesOf('t01')[0]!),
    });
    expect(notTownship.__typename).toBe('ValidationError');
    expect(notTownship.issues?.[0]?.path).toEqual(['input', 'townshipId']);
    expect(await rows()).toEqual(before);
  });

  it('answers a supervisor outside a township with not found, and other roles with forbidden', async () => {
    const before = await rows();
    const input = {
      townshipId: api.regionGid('t02'),
      date: today,
      villageIds: [village(villagesOf('t02')[0]!)],
      findings: [{ category: 'other', text: '越权记录' }],
    };
    const outside = await record('county.supervisor', input);
    expect(outside.__typename).toBe('NotFoundError');
    const order = await issue('county.supervisor', {
      townshipId: api.regionGid('t02'),
      deadline: today,
      requirement: '越权通知',
    });
    expect(order.__typename).toBe('NotFoundError');
    // the leader reads t01 but does not inspect; the coordinator neither
    for (const who of ['county.leader', 'county.admin', 'town01.coordinator']) {
      const res = await record(who, {
        ...input,
        townshipId: api.regionGid('t01'),
        villageIds: t01Villages(),
      });
      expect(refusalType(res.__typename), who).toBe('refused');
    }
    const res = await api.gql(ORDERS, { r: api.regionGid('t02') }, as('county.supervisor'));
    expect(refusal(res)).toBe('refused');
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await rows()).toEqual(before);
  });

  it('issues correction orders; refuses a deadline before the issue date naming the field', async () => {
    const before = await rows();
    const bad = await issue('county.supervisor', {
      townshipId: api.regionGid('t01'),
      issuedOn: today,
      deadline: addDays(today, -1),
      requirement: '重新张贴正式候选人公告',
    });
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.issues).toEqual([{ path: ['deadline'], message: '整改期限不能早于下发日期' }]);
    const emptyText = await issue('county.supervisor', {
      townshipId: api.regionGid('t01'),
      deadline: today,
      requirement: '',
    });
    expect(emptyText.issues?.[0]).toEqual({ path: ['requirement'], message: '请填写整改要求' });
    expect(await rows()).toEqual(before);

    const open = await issue('county.supervisor', {
      townshipId: api.regionGid('t01'),
      deadline: addDays(today, 5),
      requirement: '按姓氏笔画重新张贴正式候选人公告',
    });
    expect(open).toMatchObject({
      __typename: 'CorrectionOrder',
      status: 'open',
      statusLabel: '待整改',
      issuedOn: today,
    });
    const late = await issue('county.supervisor', {
      townshipId: api.regionGid('t01'),
      issuedOn: addDays(today, -10),
      deadline: addDays(today, -3),
      requirement: '补登外出务工选民',
    });
    expect(late).toMatchObject({ status: 'overdue', statusLabel: '已逾期' });
    expect((await rows()).orders).toBe(before.orders! + 2);
  });

  it('counts inspections, unanswered and overdue orders on the overview, each with its list', async () => {
    const summary = async (who: string, region?: string) => {
      const res = await api.gql<{ supervisionSummary: Record<string, number> }>(
        SUMMARY,
        { r: region ?? null },
        as(who),
      );
      expect(res.errors).toBeUndefined();
      return res.data!.supervisionSummary;
    };
    const expected = { inspections: 1, orders: 2, unanswered: 2, overdue: 1, answered: 0 };
    expect(await summary('county.leader')).toEqual(expected);
    expect(await summary('county.admin', api.regionGid('c'))).toEqual(expected);
    expect(await summary('county.supervisor')).toEqual(expected);
    // the township sees its own, the other township nothing
    expect(await summary('town01.coordinator')).toEqual(expected);
    expect(await summary('town02.coordinator')).toEqual({
      inspections: 0,
      orders: 0,
      unanswered: 0,
      overdue: 0,
      answered: 0,
    });
    const overdue = await api.gql<{ correctionOrders: { status: string }[] }>(
      ORDERS,
      { f: 'overdue' },
      as('county.leader'),
    );
    expect(overdue.data?.correctionOrders.map((o) => o.status)).toEqual(['overdue']);
    const list = await api.gql<{ inspections: { id: string }[] }>(
      '{ inspections { id date findings { category } } }',
      {},
      as('county.leader'),
    );
    expect(list.data?.inspections).toHaveLength(1);
  });

  it('lets the township answer an order once; the overdue one leaves the overdue count', async () => {
    const list = await api.gql<{ correctionOrders: { id: string; status: string }[] }>(
      ORDERS,
      { f: 'overdue' },
      as('town01.coordinator'),
    );
    const orderId = list.data!.correctionOrders[0]!.id;
    const foreign = await api.gql<{ answerCorrectionOrder: Payload }>(
      ANSWER,
      { o: orderId, a: '已整改' },
      as('town02.coordinator'),
    );
    expect(foreign.data?.answerCorrectionOrder.__typename).toBe('NotFoundError');
    const byLeader = await api.gql<{ answerCorrectionOrder: Payload }>(
      ANSWER,
      { o: orderId, a: '已整改' },
      as('county.leader'),
    );
    expect(byLeader.data?.answerCorrectionOrder.__typename).toBe('ForbiddenError');
    const empty = await api.gql<{ answerCorrectionOrder: Payload }>(
      ANSWER,
      { o: orderId, a: ' ' },
      as('town01.coordinator'),
    );
    expect(empty.data?.answerCorrectionOrder.issues?.[0]).toEqual({
      path: ['answer'],
      message: '请填写整改情况',
    });
    const answered = await api.gql<{
      answerCorrectionOrder: Payload & { answer: string; answeredOn: string };
    }>(ANSWER, { o: orderId, a: '已逐户核实，补登12人' }, as('town01.coordinator'));
    expect(answered.data?.answerCorrectionOrder).toMatchObject({
      __typename: 'CorrectionOrder',
      status: 'answered',
      answer: '已逐户核实，补登12人',
      answeredOn: today,
    });
    const again = await api.gql<{ answerCorrectionOrder: Payload }>(
      ANSWER,
      { o: orderId, a: '再次回复' },
      as('town01.coordinator'),
    );
    expect(again.data?.answerCorrectionOrder.__typename).toBe('ConflictError');
    const summary = await api.gql<{ supervisionSummary: Record<string, number> }>(
      SUMMARY,
      {},
      as('county.leader'),
    );
    expect(summary.data?.supervisionSummary).toEqual({
      inspections: 1,
      orders: 2,
      unanswered: 1,
      overdue: 0,
      answered: 1,
    });
    const [entry] = await queryRows<{ action: string }>(
      api.database.db,
      sql`select action from audit_log order by id desc limit 1`,
    );
    expect(entry?.action).toBe('correction.answer');
  });
});
