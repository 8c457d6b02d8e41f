import { addDays, todayInChina } from '@huanjie/domain';
import type { RiskLevel, Role } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../raw.js';
import { riskLevelChanges, riskMeasures, riskPlans } from '../schema/risk-plans.js';
import type { DemoContext } from './context.js';

interface DemoPlan {
  summary: string;
  ago: number;
  measures: { text: string; due: number; done?: number; note?: string; dropped?: string }[];
  escalated?: { ago: number; note: string; answer?: string };
  resolved?: { ago: number; note: string };
}

/** A few 一村一策 plans: one with an overdue measure, one escalated to the county, one resolved. */
const PLANS: DemoPlan[] = [
  {
    summary: '镇党委副书记包村，逐户走访化解宗族矛盾，选前召开宗亲代表座谈会',
    ago: 20,
    measures: [
      { text: '召开宗亲代表座谈会', due: -3 },
      { text: '逐户走访重点户', due: -10, done: -12, note: '已走访42户' },
      { text: '选举日派驻公安民警维持秩序', due: 10 },
    ],
  },
  {
    summary: '针对拉票苗头，县乡两级联合督导，公开承诺不拉票',
    ago: 15,
    measures: [
      { text: '候选人签订公开承诺书', due: 5 },
      { text: '设立举报电话并公示', due: -5, done: -8, note: '已在村务公开栏公示' },
    ],
    escalated: { ago: 3, note: '拉票问题涉及外村人员，需县纪委、公安协调' },
  },
  {
    summary: '村集体账目不清，先完成离任审计并公示',
    ago: 30,
    measures: [
      { text: '完成离任经济责任审计并公示', due: -10, done: -12, note: '审计报告已公示7天' },
      { text: '召开村民代表会议说明账目', due: -5, dropped: '审计公示后村民无异议，不再召开' },
    ],
    escalated: {
      ago: 20,
      note: '审计力量不足，请县审计局支持',
      answer: '县审计局已派2名审计人员驻村',
    },
    resolved: { ago: 4, note: '审计公示无异议，风险已化解' },
  },
];

/**
 * Plans for the first risk villages of the current campaign (owner: a cadre of the village's
 * township roster, or the county's), and the history of every risk level set by the demo.
 */
export async function seedRiskPlans(ctx: DemoContext): Promise<void> {
  const { db, county } = ctx;
  const today = todayInChina(ctx.today);
  const risks = await queryRows<{
    campaignId: number;
    regionId: number;
    path: string;
    level: RiskLevel;
    reason: string;
    setBy: number;
    setByRole: Role;
    updatedAt: Date;
  }>(
    db,
    sql`select vr.campaign_id as "campaignId", vr.region_id as "regionId", vr.region_path as path, vr.level,
          vr.reason, vr.set_by as "setBy", vr.set_by_role as "setByRole", vr.updated_at as "updatedAt"
        from village_risks vr join campaigns c on c.id = vr.campaign_id
        where c.county_id = ${county.countyId} and c.status <> 'closed'
        order by vr.region_path`,
  );
  if (risks.length === 0) return;
  const roster = await queryRows<{ id: number; path: string }>(
    db,
    sql`select c.id, r.path from cadres c join regions r on r.id = c.region_id
        where r.path like (select path from regions where id = ${county.countyId}) || '%'
        order by length(r.path) desc, c.id`,
  );
  const creator = county.userIds.get('county.admin');
  if (creator === undefined) return;
  await db.transaction(async (tx) => {
    for (const r of risks) {
      await tx.insert(riskLevelChanges).values({
        campaignId: r.campaignId,
        regionId: r.regionId,
        regionPath: r.path,
        fromLevel: null,
        toLevel: r.level,
        reason: r.reason,
        changedBy: r.setBy,
        changedByRole: r.setByRole,
        changedAt: new Date(r.updatedAt),
      });
    }
    const atRisk = risks.filter((r) => r.level !== 'normal');
    for (const [i, demo] of PLANS.entries()) {
      const village = atRisk[i];
      if (!village) break;
      const owner = roster.find((c) => village.path.startsWith(c.path));
      if (!owner) continue;
      const planDate = addDays(today, -demo.ago);
      const [plan] = await tx
        .insert(riskPlans)
        .values({
          campaignId: village.campaignId,
          regionId: village.regionId,
          regionPath: village.path,
          ownerCadreId: owner.id,
          planDate,
          summary: demo.summary,
          escalatedOn: demo.escalated ? addDays(today, -demo.escalated.ago) : null,
          escalationNote: demo.escalated?.note ?? null,
          escalatedBy: demo.escalated ? creator : null,
          answeredOn: demo.escalated?.answer ? addDays(today, -demo.escalated.ago + 2) : null,
          answer: demo.escalated?.answer ?? null,
          answeredBy: demo.escalated?.answer ? creator : null,
          resolvedOn: demo.resolved ? addDays(today, -demo.resolved.ago) : null,
          resolutionNote: demo.resolved?.note ?? null,
          createdBy: creator,
        })
        .returning({ id: riskPlans.id });
      if (!plan) continue;
      for (const m of demo.measures) {
        const status = m.done !== undefined ? 'done' : m.dropped ? 'dropped' : 'open';
        await tx.insert(riskMeasures).values({
          planId: plan.id,
          regionPath: village.path,
          description: m.text,
          // never before the plan's own date
          deadline: addDays(today, Math.max(m.due, -demo.ago)),
          status,
          doneOn: m.done !== undefined ? addDays(today, Math.max(m.done, -demo.ago)) : null,
          note: m.note ?? null,
          dropReason: m.dropped ?? null,
          createdBy: creator,
          closedBy: status === 'open' ? null : creator,
        });
      }
    }
  });
}
