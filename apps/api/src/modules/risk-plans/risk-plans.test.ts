import { queryRows } from '@huanjie/db';
import { addDays } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../test/campaign-helpers.js';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';

interface PlanOut {
  __typename: string;
  id: string;
  status: string;
  version: number;
  ownerName: string;
  planDate: string;
  escalatedOn: string | null;
  answer: string | null;
  resolvedOn: string | null;
  canEdit: boolean;
  canEscalate: boolean;
  canAnswer: boolean;
  counts: { total: number; open: number; overdue: number };
  measures: { id: string; description: string; status: string; overdue: boolean; doneOn: string | null }[];
  message?: string;
  issues?: { path: string[]; message: string }[];
}

const FIELDS = `id status version ownerName planDate escalatedOn answer resolvedOn canEdit canEscalate canAnswer
  counts { total open overdue } measures { id description status overdue doneOn }`;
const PLAN = `__typename ... on Error { message } ... on ValidationError { issues { path message } }
  ... on RiskPlan { ${FIELDS} }`;

const CREATE = `mutation($v: ID!, $i: RiskPlanInput!) { createRiskPlan(villageId: $v, input: $i) { ${PLAN} } }`;
const ADD = `mutation($p: ID!, $d: String!, $dl: String!) { addRiskMeasure(planId: $p, description: $d, deadline: $dl) { ${PLAN} } }`;
const COMPLETE = `mutation($m: ID!, $d: String!, $n: String) { completeRiskMeasure(measureId: $m, doneOn: $d, note: $n) { ${PLAN} } }`;
const DROP = `mutation($m: ID!, $r: String!) { dropRiskMeasure(measureId: $m, reason: $r) { ${PLAN} } }`;
const ESCALATE = `mutation($p: ID!, $v: Int!, $n: String!) { escalateRiskPlan(planId: $p, expectedVersion: $v, note: $n) { ${PLAN} } }`;
const ANSWER = `mutation($p: ID!, $v: Int!, $a: String!) { answerRiskPlan(planId: $p, expectedVersion: $v, answer: $a) { ${PLAN} } }`;
const RESOLVE = `mutation($p: ID!, $v: Int!, $d: String!, $n: String) { resolveRiskPlan(planId: $p, expectedVersion: $v, resolvedOn: $d, note: $n) { ${PLAN} } }`;

describe('risk villages as cases (一村一策)', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const today = todayInChina();
  let riskVillage: string;
  let plainVillage: string;
  let otherVillage: string;
  let cadre: string;
  let foreignCadre: string;
  let campaignId: number;

  const gql = <T = Record<string, unknown>>(who: string, q: string, v: Record<string, unknown> = {}) =>
    api.gql<T>(q, v, { token: tokens[who] });

  async function mutate(who: string, q: string, v: Record<string, unknown>): Promise<PlanOut> {
    const res = await gql<Record<string, PlanOut>>(who, q, v);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const [value] = Object.values(res.data ?? {});
    if (!value) throw new Error('no mutation result');
    return value;
  }
  async function ok(who: string, q: string, v: Record<string, unknown>) {
    const value = await mutate(who, q, v);
    expect(value.__typename, JSON.stringify(value)).toBe('RiskPlan');
    return value;
  }
  const counts = async () =>
    (
      await queryRows<{ plans: number; measures: number; audit: number; open: number }>(
        api.database.db,
        sql`select (select count(*)::int from risk_plans) as plans, (select count(*)::int from risk_measures) as measures,
          (select count(*)::int from risk_measures where status = 'open') as open,
          (select count(*)::int from audit_log) as audit`,
      )
    )[0];
  async function overview(who: string, region: string) {
    const res = await gql<{
      campaignOverview: {
        riskMeasures: {
          riskVillages: number;
          planned: number;
          awaitingAnswer: number;
          counts: { total: number; open: number; overdue: number };
          villages: { village: { id: string; name: string }; counts: { overdue: number } }[];
        };
      };
    }>(
      who,
      `query($c: ID!, $r: ID) { campaignOverview(campaignId: $c, regionId: $r) { riskMeasures {
        riskVillages planned awaitingAnswer counts { total open overdue } villages { village { id name } counts { overdue } } } } }`,
      { c: `Campaign:${String(campaignId)}`, r: region },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.campaignOverview.riskMeasures;
  }

  beforeAll(async () => {
    api = await startTestApi({ fullDemo: true });
    for (const [key, username, app] of [
      ['coord1', 'town01.coordinator', 'township'],
      ['coord2', 'town02.coordinator', 'township'],
      ['admin', 'county.admin', 'county'],
      ['leader', 'county.leader', 'county'],
    ] as const) {
      tokens[key] = await api.login(username, app);
    }
    const town01 = api.demo.regionPaths.get('t01')!;
    const [campaign] = await queryRows<{ id: number }>(
      api.database.db,
      sql`select id from campaigns where status = 'running' order by id limit 1`,
    );
    campaignId = campaign!.id;
    // two villages of town01 without a risk level: one made 难点 here, one left plain
    const [first, second] = await queryRows<{ id: number; path: string }>(
      api.database.db,
      sql`select r.id, r.path from regions r where r.path like ${`${town01}%`} and r.level = 'village'
        and not exists (select 1 from village_risks vr where vr.region_id = r.id)
        order by r.path limit 2`,
    );
    if (!first || !second) throw new Error('town01 has no two villages without a risk level');
    await api.database.db.execute(sql`
      insert into village_risks (campaign_id, region_id, region_path, level, reason, set_by, set_by_role)
      values (${campaignId}, ${first.id}, ${first.path}, 'difficult', '宗族矛盾突出',
        ${api.demo.userIds.get('town01.coordinator')!}, 'township_coordinator')`);
    riskVillage = `Region:${String(first.id)}`;
    plainVillage = `Region:${String(second.id)}`;
    otherVillage = api.regionGid('t02v001');
    const cadreOf = async (key: string, name: string) => {
      const regionId = api.demo.regionIds.get(key)!;
      const [c] = await queryRows<{ id: number }>(
        api.database.db,
        sql`select id from cadres where region_id = ${regionId} order by id limit 1`,
      );
      if (c) return `Cadre:${String(c.id)}`;
      const [made] = await queryRows<{ id: number }>(
        api.database.db,
        sql`insert into cadres (region_id, name, gender, rank) values (${regionId}, ${name}, 'male', 'staff') returning id`,
      );
      return `Cadre:${String(made!.id)}`;
    };
    cadre = await cadreOf('t01', '李包村');
    foreignCadre = await cadreOf('t02', '赵外镇');
  });
  afterAll(() => api.close());

  const planInput = (extra: Record<string, unknown> = {}) => ({
    ownerCadreId: cadre,
    planDate: addDays(today, -10),
    summary: '县领导包村，镇党委书记牵头，化解宗族矛盾',
    ...extra,
  });

  it('refuses a plan for a village outside the township, a village not at risk, a foreign owner — writing nothing', async () => {
    const before = await counts();
    const cases: [string, Record<string, unknown>, string, string, string | null][] = [
      ['coord1', { v: otherVillage, i: planInput() }, 'NotFoundError', '不在您的管辖范围内', null],
      ['coord1', { v: plainVillage, i: planInput() }, 'ValidationError', '未定为重点村或难点村', 'villageId'],
      ['coord1', { v: riskVillage, i: planInput({ ownerCadreId: foreignCadre }) }, 'ValidationError', '责任人', 'ownerCadreId'],
      ['coord1', { v: riskVillage, i: planInput({ planDate: addDays(today, 1) }) }, 'ValidationError', '方案制定日期不能晚于今天', 'planDate'],
      ['coord1', { v: riskVillage, i: planInput({ summary: '  ' }) }, 'ValidationError', '请填写方案内容', 'summary'],
      ['leader', { v: riskVillage, i: planInput() }, 'ForbiddenError', '无权', null],
    ];
    for (const [who, vars, type, message, field] of cases) {
      const res = await mutate(who, CREATE, vars);
      expect(res.__typename, JSON.stringify(vars)).toBe(type);
      expect(res.message).toContain(message);
      if (field) expect(res.issues?.[0]?.path).toEqual([field]);
    }
    expect(await counts()).toEqual(before);
  });

  let plan: PlanOut;

  it('the township draws up the plan and adds measures; a deadline before the plan date is refused', async () => {
    plan = await ok('coord1', CREATE, { v: riskVillage, i: planInput() });
    expect(plan.status).toBe('open');
    expect(plan.canEdit).toBe(true);
    expect(plan.canEscalate).toBe(true);
    expect(plan.canAnswer).toBe(false);

    const before = await counts();
    const early = await mutate('coord1', ADD, { p: plan.id, d: '召开宗亲代表座谈会', dl: addDays(today, -11) });
    expect(early.__typename).toBe('ValidationError');
    expect(early.message).toContain('措施完成期限');
    expect(early.issues?.[0]?.path).toEqual(['deadline']);
    expect(await counts()).toEqual(before);

    await ok('coord1', ADD, { p: plan.id, d: '召开宗亲代表座谈会', dl: addDays(today, -1) });
    plan = await ok('coord1', ADD, { p: plan.id, d: '选前逐户走访', dl: addDays(today, 5) });
    expect(plan.counts).toEqual({ total: 2, open: 2, overdue: 1 });
    expect(plan.measures.find((m) => m.description === '召开宗亲代表座谈会')?.overdue).toBe(true);
  });

  it('the county overview counts open and overdue measures with their denominators and lists the village', async () => {
    const county = await overview('admin', api.regionGid('c'));
    expect(county.riskVillages).toBeGreaterThanOrEqual(county.planned);
    expect(county.counts.open).toBeLessThanOrEqual(county.counts.total);
    expect(county.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(county.villages.map((v) => v.village.id)).toContain(riskVillage);
    // the other township's overview does not see town01's plan
    const town02 = await overview('coord2', api.regionGid('t02'));
    expect(town02.villages.map((v) => v.village.id)).not.toContain(riskVillage);
    // the townships' figures add up to the county's
    const townships = [...api.demo.regionIds.keys()].filter((k) => /^t\d+$/.test(k));
    let overdue = 0;
    let total = 0;
    for (const t of townships) {
      const o = await overview('admin', api.regionGid(t));
      overdue += o.counts.overdue;
      total += o.counts.total;
    }
    expect([overdue, total]).toEqual([county.counts.overdue, county.counts.total]);
  });

  it('resolving with an open measure is refused, naming the field; nothing written', async () => {
    const before = await counts();
    const res = await mutate('coord1', RESOLVE, { p: plan.id, v: plan.version, d: today });
    expect(res.__typename).toBe('ValidationError');
    expect(res.message).toContain('尚有2项措施未完成');
    expect(res.issues?.[0]?.path).toEqual(['resolvedOn']);
    expect(await counts()).toEqual(before);
  });

  it('the township escalates; the county sees it and answers; others cannot', async () => {
    plan = await ok('coord1', ESCALATE, { p: plan.id, v: plan.version, n: '宗族矛盾需县级协调公安、民宗部门' });
    expect(plan.status).toBe('escalated');
    expect(plan.escalatedOn).toBe(today);
    expect((await mutate('coord1', ESCALATE, { p: plan.id, v: plan.version, n: '再次' })).__typename).toBe(
      'ConflictError',
    );

    const escalated = await gql<{ riskPlans: { id: string; canAnswer: boolean }[] }>(
      'admin',
      `{ riskPlans(escalatedOnly: true) { id canAnswer } }`,
    );
    expect(escalated.data?.riskPlans.find((p) => p.id === plan.id)?.canAnswer).toBe(true);
    const foreign = await gql<{ riskPlans: { id: string }[] }>('coord2', `{ riskPlans { id } }`);
    expect(foreign.data?.riskPlans.map((p) => p.id)).not.toContain(plan.id);
    const byVillage = await gql<{ villageRiskPlan: { plan: { id: string } | null } }>(
      'coord2',
      `query($v: ID!) { villageRiskPlan(villageId: $v) { plan { id } } }`,
      { v: riskVillage },
    );
    expect(byVillage.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    expect((await mutate('coord1', ANSWER, { p: plan.id, v: plan.version, a: '自答' })).__typename).toBe(
      'ForbiddenError',
    );
    plan = await ok('leader', ANSWER, { p: plan.id, v: plan.version, a: '县公安局、民宗局派员驻村' });
    expect(plan.status).toBe('answered');
    expect(plan.answer).toBe('县公安局、民宗局派员驻村');
  });

  it('measures are completed or dropped with a reason, then the risk is resolved and the plan closes', async () => {
    const [overdue, other] = plan.measures;
    const noReason = await mutate('coord1', DROP, { m: other!.id, r: ' ' });
    expect(noReason.__typename).toBe('ValidationError');
    expect(noReason.issues?.[0]?.path).toEqual(['reason']);
    const beforePlan = await mutate('coord1', COMPLETE, { m: overdue!.id, d: addDays(today, -11) });
    expect(beforePlan.issues?.[0]?.path).toEqual(['doneOn']);

    plan = await ok('coord1', COMPLETE, { m: overdue!.id, d: today, n: '座谈会已召开，达成共识' });
    expect(plan.counts).toEqual({ total: 2, open: 1, overdue: 0 });
    expect((await mutate('coord1', COMPLETE, { m: overdue!.id, d: today })).__typename).toBe('ConflictError');
    plan = await ok('coord1', DROP, { m: other!.id, r: '座谈会后矛盾已化解，无需走访' });
    plan = await ok('coord1', RESOLVE, { p: plan.id, v: plan.version, d: today, n: '矛盾化解' });
    expect(plan.status).toBe('resolved');
    expect(plan.canEdit).toBe(false);
    expect((await mutate('coord1', ADD, { p: plan.id, d: '再议', dl: today })).__typename).toBe(
      'ConflictError',
    );
    const audit = await queryRows<{ action: string }>(
      api.database.db,
      sql`select action from audit_log where entity_type in ('risk_plan', 'risk_measure') order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'risk_plan.create',
        'risk_measure.create',
        'risk_plan.escalate',
        'risk_plan.answer',
        'risk_measure.complete',
        'risk_measure.drop',
        'risk_plan.resolve',
      ]),
    );
  });

  it('risk level changes keep their history: who, when, from → to, why', async () => {
    const SET = `mutation($c: ID!, $v: ID!, $l: RiskLevel!, $r: String, $e: Int) { setVillageRisk(campaignId: $c, villageId: $v, level: $l, reason: $r, expectedVersion: $e) {
      __typename ... on VillageRisk { version } ... on Error { message } } }`;
    const c = `Campaign:${String(campaignId)}`;
    const first = await gql<{ setVillageRisk: { __typename: string; version: number } }>('coord1', SET, {
      c,
      v: plainVillage,
      l: 'key',
      r: '外出务工人员多',
    });
    expect(first.data?.setVillageRisk.__typename).toBe('VillageRisk');
    await gql('coord1', SET, {
      c,
      v: plainVillage,
      l: 'difficult',
      r: '出现拉票苗头',
      e: first.data!.setVillageRisk.version,
    });
    const history = await gql<{
      villageRiskPlan: {
        history: { fromLabel: string | null; toLabel: string; reason: string; changedByName: string }[];
      };
    }>('coord1', `query($v: ID!) { villageRiskPlan(villageId: $v) { history { fromLabel toLabel reason changedByName } } }`, {
      v: plainVillage,
    });
    expect(history.errors).toBeUndefined();
    const rows = history.data!.villageRiskPlan.history;
    expect(rows.slice(0, 2).map((h) => [h.fromLabel, h.toLabel, h.reason])).toEqual([
      ['重点', '难点', '出现拉票苗头'],
      [null, '重点', '外出务工人员多'],
    ]);
    expect(rows[0]!.changedByName).toBeTruthy();
    const foreign = await gql('coord2', `query($v: ID!) { villageRiskPlan(villageId: $v) { history { reason } } }`, {
      v: plainVillage,
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
