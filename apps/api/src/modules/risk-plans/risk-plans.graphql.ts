import {
  MEASURE_STATUSES,
  MEASURE_STATUS_LABEL,
  RISK_LABEL,
  RISK_PLAN_STATUSES,
  RISK_PLAN_STATUS_LABEL,
  ROLE_INFO,
} from '@huanjie/domain';
import type { CampaignId, MeasureCounts } from '@huanjie/domain';
import type { AuthenticatedContext, Context } from '../../context.js';
import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS } from '../../graphql/error-types.js';
import { globalId, idOf, optionalIdOf } from '../../shared/ids.js';
import { actorOf } from '../../shared/scope.js';
import { RiskLevelEnum } from '../campaigns/campaigns.graphql.js';
import { CampaignOverview } from '../monitoring/monitoring.graphql.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import * as service from './risk-plans.service.js';
import type { LevelChangeRecord, MeasureOverview, MeasureView, PlanView } from './risk-plans.service.js';

function authenticated(ctx: Context): AuthenticatedContext {
  actorOf(ctx);
  return ctx as AuthenticatedContext;
}

const MeasureStatusEnum = builder.enumType('RiskMeasureStatus', { values: MEASURE_STATUSES });
const RiskPlanStatusEnum = builder.enumType('RiskPlanStatus', { values: RISK_PLAN_STATUSES });

const RiskMeasure = builder.objectRef<MeasureView>('RiskMeasure').implement({
  description: '一村一策的一项化解措施: what, by when, and how it ended',
  fields: (t) => ({
    id: t.id({ resolve: (m) => globalId('RiskMeasure', m.id) }),
    description: t.exposeString('description'),
    deadline: t.exposeString('deadline'),
    status: t.field({ type: MeasureStatusEnum, resolve: (m) => m.status }),
    statusLabel: t.string({ resolve: (m) => MEASURE_STATUS_LABEL[m.status] }),
    doneOn: t.exposeString('doneOn', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    dropReason: t.exposeString('dropReason', { nullable: true }),
    overdue: t.exposeBoolean('overdue', {
      description: 'Open and past its deadline (China’s today)',
    }),
  }),
});

const MeasureCountsRef = builder.objectRef<MeasureCounts>('RiskMeasureCounts').implement({
  description: 'Measures counted: open and overdue out of all (total is the denominator)',
  fields: (t) => ({
    total: t.exposeInt('total'),
    open: t.exposeInt('open'),
    overdue: t.exposeInt('overdue'),
  }),
});

export const RiskPlan = builder.objectRef<PlanView>('RiskPlan').implement({
  description: '一村一策: the plan of a 重点/难点 village, its measures, escalation and resolution',
  fields: (t) => ({
    id: t.id({ resolve: (p) => globalId('RiskPlan', p.id) }),
    campaignId: t.id({ resolve: (p) => globalId('Campaign', p.campaignId) }),
    village: t.field({
      type: RegionCrumb,
      resolve: (p) => ({ id: p.regionId, name: p.villageName, level: 'village' as const }),
    }),
    level: t.field({ type: RiskLevelEnum, nullable: true, resolve: (p) => p.level }),
    levelLabel: t.string({
      nullable: true,
      resolve: (p) => (p.level === null ? null : RISK_LABEL[p.level]),
    }),
    riskReason: t.exposeString('riskReason', { nullable: true }),
    ownerCadreId: t.id({ resolve: (p) => globalId('Cadre', p.ownerCadreId) }),
    ownerName: t.exposeString('ownerName', {
      nullable: true,
      description: 'Null when the owner is on a roster the caller cannot read (the county’s)',
    }),
    ownerPost: t.exposeString('ownerPost', { nullable: true }),
    planDate: t.exposeString('planDate'),
    summary: t.exposeString('summary'),
    status: t.field({ type: RiskPlanStatusEnum, resolve: (p) => p.status }),
    statusLabel: t.string({ resolve: (p) => RISK_PLAN_STATUS_LABEL[p.status] }),
    escalatedOn: t.exposeString('escalatedOn', { nullable: true }),
    escalationNote: t.exposeString('escalationNote', { nullable: true }),
    answeredOn: t.exposeString('answeredOn', { nullable: true }),
    answer: t.exposeString('answer', { nullable: true }),
    resolvedOn: t.exposeString('resolvedOn', { nullable: true }),
    resolutionNote: t.exposeString('resolutionNote', { nullable: true }),
    measures: t.field({ type: [RiskMeasure], resolve: (p) => p.measures }),
    counts: t.field({ type: MeasureCountsRef, resolve: (p) => p.counts }),
    canEdit: t.exposeBoolean('canEdit'),
    canEscalate: t.exposeBoolean('canEscalate'),
    canAnswer: t.exposeBoolean('canAnswer'),
    version: t.exposeInt('version'),
  }),
});

const RiskLevelChange = builder.objectRef<LevelChangeRecord>('RiskLevelChange').implement({
  description: 'A change of a village’s risk level: who, when, from → to, why',
  fields: (t) => ({
    id: t.id({ resolve: (c) => globalId('RiskLevelChange', c.id) }),
    fromLevel: t.field({ type: RiskLevelEnum, nullable: true, resolve: (c) => c.fromLevel }),
    fromLabel: t.string({
      nullable: true,
      resolve: (c) => (c.fromLevel === null ? null : RISK_LABEL[c.fromLevel]),
    }),
    toLevel: t.field({ type: RiskLevelEnum, resolve: (c) => c.toLevel }),
    toLabel: t.string({ resolve: (c) => RISK_LABEL[c.toLevel] }),
    reason: t.exposeString('reason'),
    changedByName: t.exposeString('changedByName'),
    changedByRole: t.string({ resolve: (c) => ROLE_INFO[c.changedByRole].label.zh }),
    changedAt: t.expose('changedAt', { type: 'DateTime' }),
  }),
});

const RiskMeasureOverview = builder.objectRef<MeasureOverview>('RiskMeasureOverview').implement({
  description:
    'Risk villages of a region: plans out of 重点/难点 villages, open and overdue measures out of all',
  fields: (t) => ({
    riskVillages: t.exposeInt('riskVillages', { description: '重点/难点 villages (denominator)' }),
    planned: t.exposeInt('planned', { description: 'Of those, the villages with a plan' }),
    counts: t.field({ type: MeasureCountsRef, resolve: (o) => o.counts }),
    awaitingAnswer: t.exposeInt('awaitingAnswer', {
      description: 'Plans escalated to the county and not yet answered',
    }),
    villages: t.field({
      type: [RiskPlan],
      description: 'Plans with open measures, most overdue first',
      resolve: (o) => o.villages,
    }),
  }),
});

const VillageRiskPlan = builder
  .objectRef<{ plan: PlanView | null; history: LevelChangeRecord[] }>('VillageRiskPlan')
  .implement({
    fields: (t) => ({
      plan: t.field({ type: RiskPlan, nullable: true, resolve: (v) => v.plan }),
      history: t.field({
        type: [RiskLevelChange],
        description: 'Every change of the village’s risk level, newest first',
        resolve: (v) => v.history,
      }),
    }),
  });

builder.queryFields((t) => {
  const q = t.withAuth({ session: true });
  return {
    villageRiskPlan: q.field({
      type: VillageRiskPlan,
      description: 'A village’s 一村一策 plan (null when it has none) and its risk level history',
      args: { villageId: t.arg.globalID({ required: true }), campaignId: t.arg.globalID() },
      resolve: (_root, args, ctx) =>
        service.villageRiskPlan(
          ctx,
          idOf(args.villageId, 'Region', 'villageId'),
          optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
        ),
    }),
    riskPlans: q.field({
      type: [RiskPlan],
      description: 'The plans of the caller’s risk villages; escalatedOnly: those sent to the county',
      args: { campaignId: t.arg.globalID(), escalatedOnly: t.arg.boolean() },
      resolve: (_root, args, ctx) =>
        service.listPlans(ctx, {
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
          escalatedOnly: args.escalatedOnly ?? false,
        }),
    }),
  };
});

const RiskPlanInput = builder.inputType('RiskPlanInput', {
  fields: (t) => ({
    ownerCadreId: t.id({ required: true, description: 'A Cadre of the township’s or county’s roster' }),
    planDate: t.string({ required: true }),
    summary: t.string({ required: true }),
  }),
});

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  const planId = t.arg.globalID({ required: true });
  const version = t.arg.int({ required: true, description: 'The version read' });
  const plan = (id: Parameters<typeof idOf>[0]) => idOf(id, 'RiskPlan', 'planId');
  const measure = (id: Parameters<typeof idOf>[0]) => idOf(id, 'RiskMeasure', 'measureId');
  return {
    createRiskPlan: m.field({
      type: RiskPlan,
      description: 'Draws up the 一村一策 plan of a 重点/难点 village',
      errors,
      args: {
        villageId: t.arg.globalID({ required: true }),
        campaignId: t.arg.globalID(),
        input: t.arg({ type: RiskPlanInput, required: true }),
      },
      resolve: (_root, args, ctx) =>
        service.createPlan(ctx, {
          villageId: idOf(args.villageId, 'Region', 'villageId'),
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
          ownerCadreId: idOf(args.input.ownerCadreId, 'Cadre', 'ownerCadreId'),
          planDate: args.input.planDate,
          summary: args.input.summary,
        }),
    }),
    updateRiskPlan: m.field({
      type: RiskPlan,
      errors,
      args: { planId, expectedVersion: version, input: t.arg({ type: RiskPlanInput, required: true }) },
      resolve: (_root, args, ctx) =>
        service.editPlan(ctx, plan(args.planId), {
          ownerCadreId: idOf(args.input.ownerCadreId, 'Cadre', 'ownerCadreId'),
          planDate: args.input.planDate,
          summary: args.input.summary,
          expectedVersion: args.expectedVersion,
        }),
    }),
    addRiskMeasure: m.field({
      type: RiskPlan,
      errors,
      args: {
        planId,
        description: t.arg.string({ required: true }),
        deadline: t.arg.string({ required: true }),
      },
      resolve: (_root, args, ctx) =>
        service.addMeasure(ctx, plan(args.planId), {
          description: args.description,
          deadline: args.deadline,
        }),
    }),
    completeRiskMeasure: m.field({
      type: RiskPlan,
      errors,
      args: {
        measureId: t.arg.globalID({ required: true }),
        doneOn: t.arg.string({ required: true }),
        note: t.arg.string(),
      },
      resolve: (_root, args, ctx) =>
        service.completeMeasure(ctx, measure(args.measureId), {
          doneOn: args.doneOn,
          note: args.note,
        }),
    }),
    dropRiskMeasure: m.field({
      type: RiskPlan,
      errors,
      args: {
        measureId: t.arg.globalID({ required: true }),
        reason: t.arg.string({ required: true }),
      },
      resolve: (_root, args, ctx) =>
        service.dropMeasure(ctx, measure(args.measureId), { reason: args.reason }),
    }),
    escalateRiskPlan: m.field({
      type: RiskPlan,
      description: 'The township asks the county to help with a risk village',
      errors,
      args: { planId, expectedVersion: version, note: t.arg.string({ required: true }) },
      resolve: (_root, args, ctx) =>
        service.escalatePlan(ctx, plan(args.planId), {
          note: args.note,
          expectedVersion: args.expectedVersion,
        }),
    }),
    answerRiskPlan: m.field({
      type: RiskPlan,
      description: 'The county answers an escalated plan',
      errors,
      args: { planId, expectedVersion: version, answer: t.arg.string({ required: true }) },
      resolve: (_root, args, ctx) =>
        service.answerEscalation(ctx, plan(args.planId), {
          answer: args.answer,
          expectedVersion: args.expectedVersion,
        }),
    }),
    resolveRiskPlan: m.field({
      type: RiskPlan,
      description: 'Marks the risk resolved; refused while a measure is open',
      errors,
      args: {
        planId,
        expectedVersion: version,
        resolvedOn: t.arg.string({ required: true }),
        note: t.arg.string(),
      },
      resolve: (_root, args, ctx) =>
        service.resolvePlan(ctx, plan(args.planId), {
          resolvedOn: args.resolvedOn,
          note: args.note,
          expectedVersion: args.expectedVersion,
        }),
    }),
  };
});

builder.objectField(CampaignOverview, 'riskMeasures', (t) =>
  t.field({
    type: RiskMeasureOverview,
    description: 'The region’s risk villages: plans, open and overdue measures, escalations',
    resolve: (o, _args, ctx) =>
      service.measureOverview(authenticated(ctx), o.campaign.id as CampaignId, o.region.path),
  }),
);
