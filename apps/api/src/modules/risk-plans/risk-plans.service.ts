import type { Db } from '@huanjie/db';
import type {
  Actor,
  CadreId,
  CampaignId,
  MeasureCounts,
  RegionId,
  RiskLevel,
  RiskMeasureId,
  RiskPlanId,
  RiskPlanStatus,
  PlanStep,
} from '@huanjie/domain';
import {
  TEXT_LIMITS,
  can,
  countMeasures,
  deadlineProblem,
  isMeasureOverdue,
  isVillageLevel,
  isWithin,
  isWithinAny,
  measureStep,
  needsPlan,
  planStep,
  roleAllows,
  riskPlanStatus,
} from '@huanjie/domain';
import { z } from 'zod';
import type { AuthenticatedContext, Context } from '../../context.js';
import type { CampaignRef } from '../../shared/campaign.js';
import { assertOpen, resolveCampaign } from '../../shared/campaign.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.js';
import { findRegion } from '../../shared/scope.js';
import { isoDate, optionalText, parseInput, pastDate, text } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './risk-plans.repo.js';
import type { LevelChangeRecord, MeasureRecord, PlanRecord } from './risk-plans.repo.js';

export type { LevelChangeRecord } from './risk-plans.repo.js';

export interface MeasureView extends MeasureRecord {
  overdue: boolean;
}

/** A 一村一策 plan as a caller sees it: status derived from its dates, what the caller may do. */
export interface PlanView extends PlanRecord {
  status: RiskPlanStatus;
  measures: MeasureView[];
  counts: MeasureCounts;
  canEdit: boolean;
  canEscalate: boolean;
  canAnswer: boolean;
}

function inScope(actor: Actor, path: string): boolean {
  return isWithinAny(path, actor.scopeRoots);
}

function allowed(p: PlanRecord, step: PlanStep): boolean {
  return planStep(p, step).ok;
}

function view(actor: Actor, p: PlanRecord, measures: MeasureRecord[], today: string): PlanView {
  const res = { regionPath: p.regionPath };
  return {
    ...p,
    status: riskPlanStatus(p),
    measures: measures.map((m) => ({ ...m, overdue: isMeasureOverdue(m, today) })),
    counts: countMeasures(measures, today),
    canEdit: can(actor, 'risk.set', res) && allowed(p, { type: 'edit' }),
    canEscalate: can(actor, 'risk.escalate', res) && allowed(p, { type: 'escalate' }),
    canAnswer: can(actor, 'risk.answer', res) && allowed(p, { type: 'answer' }),
  };
}

async function viewPlans(ctx: AuthenticatedContext, plans: PlanRecord[]): Promise<PlanView[]> {
  const measures = await repo.measuresOf(
    ctx.db,
    plans.map((p) => p.id),
  );
  const today = ctx.clock.today();
  return plans.map((p) =>
    view(
      ctx.actor,
      p,
      measures.filter((m) => m.planId === p.id),
      today,
    ),
  );
}

async function viewOne(ctx: AuthenticatedContext, id: number): Promise<PlanView> {
  const plan = await requirePlan(ctx, id as RiskPlanId);
  const [v] = await viewPlans(ctx, [plan]);
  if (!v) throw new Error('plan vanished');
  return v;
}

/** A plan the caller may read, or NOT_FOUND (outside the caller's scope it does not exist for them). */
async function requirePlan(ctx: AuthenticatedContext, id: RiskPlanId): Promise<PlanRecord> {
  const p = await repo.findPlan(ctx.db, id);
  if (!p || !inScope(ctx.actor, p.regionPath) || !roleAllows(ctx.actor.role, 'campaign.read')) {
    throw new NotFoundError('该一村一策方案不存在或无权查看');
  }
  return p;
}

async function openCampaignOf(ctx: AuthenticatedContext, p: PlanRecord): Promise<CampaignRef> {
  const campaign = await resolveCampaign(ctx.db, p.regionPath, p.campaignId as CampaignId);
  assertOpen(campaign);
  return campaign;
}

function refuse(what: string, field: string, message: string): never {
  throw new ValidationError(`${what}：${message}`, [{ path: [field], message }]);
}

function checkStep(p: PlanRecord, step: PlanStep, what: string): void {
  const r = planStep(p, step);
  if (!r.ok) {
    if (r.field === 'planId') throw new ConflictError(r.reason);
    refuse(what, r.field, r.reason);
  }
}

function requireAction(
  actor: Actor,
  action: 'risk.set' | 'risk.escalate' | 'risk.answer',
  p: { regionPath: string },
  message: string,
) {
  if (!can(actor, action, p)) throw new ForbiddenError(message);
}

// ---- level history ---------------------------------------------------------------------------

/**
 * Keeps a risk level change (who, when, from → to, why). Called by the campaigns module inside
 * the transaction that sets the level, so the history and the level never disagree.
 */
export async function recordLevelChange(
  db: Db,
  ctx: Context & { actor: Actor },
  change: {
    campaignId: number;
    regionId: number;
    regionPath: string;
    fromLevel: RiskLevel | null;
    toLevel: RiskLevel;
    reason: string;
  },
): Promise<void> {
  if (change.fromLevel === change.toLevel) return;
  await repo.insertLevelChange(db, {
    ...change,
    changedBy: ctx.actor.userId,
    changedByRole: ctx.actor.role,
    changedAt: ctx.clock.now(),
  });
}

async function villageInScope(ctx: AuthenticatedContext, villageId: RegionId) {
  const village = await findRegion(ctx.db, villageId);
  // a village outside the caller's region does not exist for them
  if (!village || !inScope(ctx.actor, village.path) || !isVillageLevel(village.level)) {
    throw new NotFoundError('所选村(社区)不存在或不在您的管辖范围内');
  }
  return village;
}

// ---- queries ---------------------------------------------------------------------------------

export async function villageRiskPlan(
  ctx: AuthenticatedContext,
  villageId: RegionId,
  campaignId: CampaignId | null,
): Promise<{ plan: PlanView | null; history: LevelChangeRecord[] }> {
  const village = await villageInScope(ctx, villageId);
  const campaign = await resolveCampaign(ctx.db, village.path, campaignId);
  const [plan, history] = await Promise.all([
    repo.planOfVillage(ctx.db, campaign.id, village.id),
    repo.levelChangesOf(ctx.db, campaign.id, village.id),
  ]);
  return { plan: plan ? ((await viewPlans(ctx, [plan]))[0] ?? null) : null, history };
}

export function getPlan(ctx: AuthenticatedContext, id: RiskPlanId): Promise<PlanView> {
  return viewOne(ctx, id);
}

async function campaignForCaller(ctx: AuthenticatedContext, campaignId: CampaignId | null) {
  return resolveCampaign(ctx.db, ctx.actor.homePath, campaignId);
}

export async function listPlans(
  ctx: AuthenticatedContext,
  filter: { campaignId: CampaignId | null; escalatedOnly: boolean },
): Promise<PlanView[]> {
  if (!roleAllows(ctx.actor.role, 'campaign.read')) return [];
  const campaign = await campaignForCaller(ctx, filter.campaignId);
  const plans = await repo.plansUnder(ctx.db, campaign.id, ctx.actor.scopeRoots);
  const views = await viewPlans(ctx, plans);
  return filter.escalatedOnly ? views.filter((v) => v.escalatedOn !== null) : views;
}

export interface MeasureOverview {
  /** Villages graded 重点 or 难点 in the caller's scope: the denominator of planned. */
  riskVillages: number;
  /** Of those, the villages with a plan. */
  planned: number;
  /** Measures of those plans (the denominator of open and overdue). */
  counts: MeasureCounts;
  /** Plans escalated to the county and not yet answered. */
  awaitingAnswer: number;
  /** Plans with open measures, most overdue first. */
  villages: PlanView[];
}

export async function measureOverview(
  ctx: AuthenticatedContext,
  campaignId: CampaignId,
  regionPath: string,
): Promise<MeasureOverview> {
  const roots = ctx.actor.scopeRoots.filter(
    (r) => isWithin(r, regionPath) || isWithin(regionPath, r),
  );
  // the narrower of the region and each scope root
  const within = roots.map((r) => (isWithin(r, regionPath) ? r : regionPath));
  const plans = roleAllows(ctx.actor.role, 'campaign.read')
    ? (await viewPlans(ctx, await repo.plansUnder(ctx.db, campaignId, within))).filter((p) =>
        needsPlan(p.level),
      )
    : [];
  const riskVillages = await repo.riskVillageCount(ctx.db, campaignId, within);
  return {
    riskVillages,
    planned: plans.length,
    counts: countMeasures(
      plans.flatMap((p) => p.measures),
      ctx.clock.today(),
    ),
    awaitingAnswer: plans.filter((p) => p.status === 'escalated').length,
    villages: plans
      .filter((p) => p.counts.open > 0)
      .sort((a, b) => b.counts.overdue - a.counts.overdue || b.counts.open - a.counts.open),
  };
}

// ---- writes ----------------------------------------------------------------------------------

async function checkOwner(ctx: AuthenticatedContext, villagePath: string, cadreId: CadreId, what: string) {
  const cadre = await repo.findCadre(ctx.db, cadreId);
  // the township's (or the county's) own roster: a cadre of another township cannot own the plan
  if (!cadre || !isWithin(villagePath, cadre.rosterPath)) {
    refuse(what, 'ownerCadreId', '责任人须从本乡镇或本县干部名册中选择');
  }
  return cadre;
}

const planShape = (today: string) =>
  z.object({
    planDate: pastDate(today, '方案制定日期不能晚于今天'),
    summary: text('方案内容', TEXT_LIMITS.longText),
  });

export interface PlanInput {
  ownerCadreId: CadreId;
  planDate: string;
  summary: string;
}

export async function createPlan(
  ctx: AuthenticatedContext,
  input: PlanInput & { villageId: RegionId; campaignId: CampaignId | null },
): Promise<PlanView> {
  const what = '一村一策方案有误';
  const village = await villageInScope(ctx, input.villageId);
  requireAction(ctx.actor, 'risk.set', { regionPath: village.path }, '无权制定该村的一村一策方案');
  const campaign = await resolveCampaign(ctx.db, village.path, input.campaignId);
  assertOpen(campaign);
  const parsed = parseInput(planShape(ctx.clock.today()), input, what);
  const risk = await repo.riskOf(ctx.db, campaign.id, village.id);
  if (!needsPlan(risk?.level ?? null)) {
    refuse(what, 'villageId', `${village.name}未定为重点村或难点村，无需一村一策方案`);
  }
  await checkOwner(ctx, village.path, input.ownerCadreId, what);
  if (await repo.planOfVillage(ctx.db, campaign.id, village.id)) {
    throw new ConflictError(`${village.name}已有一村一策方案，请修改原方案`);
  }
  const values = {
    campaignId: campaign.id,
    regionId: village.id,
    regionPath: village.path,
    ownerCadreId: input.ownerCadreId,
    planDate: parsed.planDate,
    summary: parsed.summary,
    createdBy: ctx.actor.userId,
  };
  const id = await ctx.db.transaction(async (tx) => {
    const planId = await repo.insertPlan(tx, values);
    await recordAudit(tx, ctx, {
      action: 'risk_plan.create',
      entityType: 'risk_plan',
      entityId: planId,
      regionPath: village.path,
      after: { ownerCadreId: values.ownerCadreId, planDate: values.planDate, summary: values.summary },
    });
    return planId;
  });
  return viewOne(ctx, id);
}

export async function editPlan(
  ctx: AuthenticatedContext,
  id: RiskPlanId,
  input: PlanInput & { expectedVersion: number },
): Promise<PlanView> {
  const what = '一村一策方案有误';
  const p = await requirePlan(ctx, id);
  requireAction(ctx.actor, 'risk.set', p, '无权修改该村的一村一策方案');
  await openCampaignOf(ctx, p);
  checkStep(p, { type: 'edit' }, what);
  const parsed = parseInput(planShape(ctx.clock.today()), input, what);
  await checkOwner(ctx, p.regionPath, input.ownerCadreId, what);
  await ctx.db.transaction(async (tx) => {
    const measures = await repo.measuresOf(tx, [p.id]);
    // a later plan date would leave a measure due before the plan; refuse naming the field
    const early = measures.find((m) => deadlineProblem(m.deadline, parsed.planDate) !== null);
    if (early) {
      refuse(what, 'planDate', `方案制定日期不能晚于措施「${early.description}」的完成期限（${early.deadline}）`);
    }
    const ok = await repo.updatePlan(
      tx,
      p.id,
      input.expectedVersion,
      { ownerCadreId: input.ownerCadreId, planDate: parsed.planDate, summary: parsed.summary },
      ctx.clock.now(),
    );
    if (!ok) throw new ConflictError();
    await recordAudit(tx, ctx, {
      action: 'risk_plan.update',
      entityType: 'risk_plan',
      entityId: p.id,
      regionPath: p.regionPath,
      before: { ownerCadreId: p.ownerCadreId, planDate: p.planDate, summary: p.summary },
      after: { ownerCadreId: input.ownerCadreId, planDate: parsed.planDate, summary: parsed.summary },
    });
  });
  return viewOne(ctx, p.id);
}

export async function addMeasure(
  ctx: AuthenticatedContext,
  planId: RiskPlanId,
  input: { description: string; deadline: string },
): Promise<PlanView> {
  const what = '化解措施有误';
  const p = await requirePlan(ctx, planId);
  requireAction(ctx.actor, 'risk.set', p, '无权修改该村的一村一策方案');
  await openCampaignOf(ctx, p);
  checkStep(p, { type: 'add_measure' }, what);
  const parsed = parseInput(
    z.object({
      description: text('措施内容', TEXT_LIMITS.reason),
      deadline: isoDate('完成期限'),
    }),
    input,
    what,
  );
  const problem = deadlineProblem(parsed.deadline, p.planDate);
  if (problem) refuse(what, 'deadline', problem);
  await ctx.db.transaction(async (tx) => {
    const measureId = await repo.insertMeasure(tx, {
      planId: p.id,
      regionPath: p.regionPath,
      description: parsed.description,
      deadline: parsed.deadline,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'risk_measure.create',
      entityType: 'risk_measure',
      entityId: measureId,
      regionPath: p.regionPath,
      after: { description: parsed.description, deadline: parsed.deadline },
    });
  });
  return viewOne(ctx, p.id);
}

async function requireMeasure(ctx: AuthenticatedContext, id: RiskMeasureId) {
  const m = await repo.findMeasure(ctx.db, id);
  if (!m || !inScope(ctx.actor, m.regionPath)) {
    throw new NotFoundError('该措施不存在或无权查看');
  }
  const p = await requirePlan(ctx, m.planId as RiskPlanId);
  return { m, p };
}

export async function completeMeasure(
  ctx: AuthenticatedContext,
  id: RiskMeasureId,
  input: { doneOn: string; note?: string | null },
): Promise<PlanView> {
  const what = '措施完成情况有误';
  const { m, p } = await requireMeasure(ctx, id);
  requireAction(ctx.actor, 'risk.set', p, '无权修改该村的一村一策方案');
  await openCampaignOf(ctx, p);
  checkStep(p, { type: 'edit' }, what);
  const parsed = parseInput(
    z.object({
      doneOn: pastDate(ctx.clock.today(), '完成日期不能晚于今天'),
      note: optionalText('完成情况', TEXT_LIMITS.reason),
    }),
    input,
    what,
  );
  const r = measureStep(m.status, { type: 'complete', doneOn: parsed.doneOn, planDate: p.planDate });
  if (!r.ok) {
    if (r.field === 'measureId') throw new ConflictError(r.reason);
    refuse(what, r.field, r.reason);
  }
  await ctx.db.transaction(async (tx) => {
    const ok = await repo.closeMeasure(tx, m.id, {
      status: 'done',
      doneOn: parsed.doneOn,
      note: parsed.note,
      dropReason: null,
      closedBy: ctx.actor.userId,
    });
    if (!ok) throw new ConflictError();
    await recordAudit(tx, ctx, {
      action: 'risk_measure.complete',
      entityType: 'risk_measure',
      entityId: m.id,
      regionPath: p.regionPath,
      before: { status: m.status },
      after: { status: 'done', doneOn: parsed.doneOn, note: parsed.note },
    });
  });
  return viewOne(ctx, p.id);
}

export async function dropMeasure(
  ctx: AuthenticatedContext,
  id: RiskMeasureId,
  input: { reason: string },
): Promise<PlanView> {
  const what = '撤销措施有误';
  const { m, p } = await requireMeasure(ctx, id);
  requireAction(ctx.actor, 'risk.set', p, '无权修改该村的一村一策方案');
  await openCampaignOf(ctx, p);
  checkStep(p, { type: 'edit' }, what);
  const parsed = parseInput(
    z.object({ reason: text('撤销原因', TEXT_LIMITS.reason) }),
    input,
    what,
  );
  const r = measureStep(m.status, { type: 'drop', reason: parsed.reason });
  if (!r.ok) {
    if (r.field === 'measureId') throw new ConflictError(r.reason);
    refuse(what, r.field, r.reason);
  }
  await ctx.db.transaction(async (tx) => {
    const ok = await repo.closeMeasure(tx, m.id, {
      status: 'dropped',
      doneOn: null,
      note: null,
      dropReason: parsed.reason,
      closedBy: ctx.actor.userId,
    });
    if (!ok) throw new ConflictError();
    await recordAudit(tx, ctx, {
      action: 'risk_measure.drop',
      entityType: 'risk_measure',
      entityId: m.id,
      regionPath: p.regionPath,
      before: { status: m.status },
      after: { status: 'dropped', dropReason: parsed.reason },
    });
  });
  return viewOne(ctx, p.id);
}

async function savePlanStep(
  ctx: AuthenticatedContext,
  p: PlanRecord,
  values: Parameters<typeof repo.updatePlan>[3],
  action: 'risk_plan.escalate' | 'risk_plan.answer' | 'risk_plan.resolve',
  expectedVersion: number,
): Promise<PlanView> {
  await ctx.db.transaction(async (tx) => {
    const ok = await repo.updatePlan(tx, p.id, expectedVersion, values, ctx.clock.now());
    if (!ok) throw new ConflictError();
    await recordAudit(tx, ctx, {
      action,
      entityType: 'risk_plan',
      entityId: p.id,
      regionPath: p.regionPath,
      before: {
        escalatedOn: p.escalatedOn,
        answeredOn: p.answeredOn,
        resolvedOn: p.resolvedOn,
      },
      after: values,
    });
  });
  return viewOne(ctx, p.id);
}

/** The township asks the county for help with a risk village it cannot settle alone. */
export async function escalatePlan(
  ctx: AuthenticatedContext,
  id: RiskPlanId,
  input: { note: string; expectedVersion: number },
): Promise<PlanView> {
  const what = '提请县级协调有误';
  const p = await requirePlan(ctx, id);
  requireAction(ctx.actor, 'risk.escalate', p, '只有乡镇选举办可以提请县级协调');
  await openCampaignOf(ctx, p);
  checkStep(p, { type: 'escalate' }, what);
  const parsed = parseInput(z.object({ note: text('提请事项', TEXT_LIMITS.reason) }), input, what);
  // a new escalation replaces the answered one; the audit log keeps the earlier exchange
  return savePlanStep(
    ctx,
    p,
    { escalatedOn: ctx.clock.today(), escalationNote: parsed.note, escalatedBy: ctx.actor.userId, answeredOn: null, answer: null, answeredBy: null },
    'risk_plan.escalate',
    input.expectedVersion,
  );
}

export async function answerEscalation(
  ctx: AuthenticatedContext,
  id: RiskPlanId,
  input: { answer: string; expectedVersion: number },
): Promise<PlanView> {
  const what = '县级答复有误';
  const p = await requirePlan(ctx, id);
  requireAction(ctx.actor, 'risk.answer', p, '只有县换届办或县领导可以答复');
  await openCampaignOf(ctx, p);
  checkStep(p, { type: 'answer' }, what);
  const parsed = parseInput(z.object({ answer: text('答复意见', TEXT_LIMITS.reason) }), input, what);
  return savePlanStep(
    ctx,
    p,
    { answeredOn: ctx.clock.today(), answer: parsed.answer, answeredBy: ctx.actor.userId },
    'risk_plan.answer',
    input.expectedVersion,
  );
}

/**
 * Marks the risk resolved. Refused while a measure is open (domain planStep): each is first done
 * or dropped, so the plan's record of what was done is complete when it closes.
 */
export async function resolvePlan(
  ctx: AuthenticatedContext,
  id: RiskPlanId,
  input: { resolvedOn: string; note?: string | null; expectedVersion: number },
): Promise<PlanView> {
  const what = '标记化解有误';
  const p = await requirePlan(ctx, id);
  requireAction(ctx.actor, 'risk.set', p, '无权修改该村的一村一策方案');
  await openCampaignOf(ctx, p);
  const parsed = parseInput(
    z.object({
      resolvedOn: pastDate(ctx.clock.today(), '化解日期不能晚于今天'),
      note: optionalText('化解情况', TEXT_LIMITS.reason),
    }),
    input,
    what,
  );
  const measures = await repo.measuresOf(ctx.db, [p.id]);
  checkStep(p, { type: 'resolve', openMeasures: measures.filter((m) => m.status === 'open').length }, what);
  if (parsed.resolvedOn < p.planDate) {
    refuse(what, 'resolvedOn', `化解日期不能早于方案制定日期（${p.planDate}）`);
  }
  return savePlanStep(
    ctx,
    p,
    { resolvedOn: parsed.resolvedOn, resolutionNote: parsed.note },
    'risk_plan.resolve',
    input.expectedVersion,
  );
}
