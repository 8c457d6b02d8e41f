import {
  CORRECTION_STATUS_LABEL,
  FINDING_CATEGORIES,
  FINDING_CATEGORY_LABEL,
  correctionStatus,
} from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS } from '../../graphql/error-types.js';
import { idOf, optionalIdOf } from '../../shared/ids.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import * as service from './supervision.service.js';
import type { InspectionRow, OrderRow, SupervisionSummary } from './supervision.service.js';

export const FindingCategoryEnum = builder.enumType('FindingCategory', {
  values: FINDING_CATEGORIES,
});

const CorrectionStatusEnum = builder.enumType('CorrectionStatus', {
  values: ['open', 'overdue', 'answered'] as const,
});

const OrderFilterEnum = builder.enumType('CorrectionOrderFilter', {
  values: ['all', 'unanswered', 'overdue', 'answered'] as const,
});

const township = (row: { regionId: number; townshipName: string }) => ({
  id: row.regionId,
  name: row.townshipName,
  level: 'township' as const,
});

const InspectionFindingRef = builder
  .objectRef<InspectionRow['findings'][number]>('InspectionFinding')
  .implement({
    fields: (t) => ({
      category: t.field({ type: FindingCategoryEnum, resolve: (f) => f.category }),
      categoryLabel: t.string({ resolve: (f) => FINDING_CATEGORY_LABEL[f.category] }),
      text: t.exposeString('text'),
    }),
  });

const Inspection = builder.objectRef<InspectionRow>('Inspection').implement({
  description: '督导检查: a county supervisor’s inspection of a township',
  fields: (t) => ({
    id: t.globalID({ resolve: (r) => ({ type: 'Inspection', id: r.id }) }),
    township: t.field({ type: RegionCrumb, resolve: township }),
    date: t.exposeString('inspectedOn'),
    villages: t.field({
      type: [RegionCrumb],
      description: 'The villages of the township visited',
      resolve: async (r, _args, ctx) => {
        const names = await service.villageNames(ctx, r.villageIds);
        return r.villageIds.map((id) => ({
          id,
          name: names.get(id) ?? '',
          level: 'village' as const,
        }));
      },
    }),
    findings: t.field({ type: [InspectionFindingRef], resolve: (r) => r.findings }),
    authorName: t.exposeString('authorName'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CorrectionOrder = builder.objectRef<OrderRow>('CorrectionOrder').implement({
  description: '整改通知: what a township must correct by a deadline, and its answer',
  fields: (t) => ({
    id: t.globalID({ resolve: (r) => ({ type: 'CorrectionOrder', id: r.id }) }),
    township: t.field({ type: RegionCrumb, resolve: township }),
    inspectionId: t.id({
      nullable: true,
      resolve: (r) => (r.inspectionId === null ? null : `Inspection:${String(r.inspectionId)}`),
    }),
    issuedOn: t.exposeString('issuedOn'),
    deadline: t.exposeString('deadline'),
    requirement: t.exposeString('requirement'),
    issuerName: t.exposeString('issuerName'),
    answer: t.exposeString('answer', { nullable: true }),
    answeredOn: t.exposeString('answeredOn', { nullable: true }),
    answererName: t.exposeString('answererName', { nullable: true }),
    status: t.field({
      type: CorrectionStatusEnum,
      description: 'Computed from the deadline, today (China) and the answer',
      resolve: (r, _args, ctx) => correctionStatus(r, ctx.clock.today()),
    }),
    statusLabel: t.string({
      resolve: (r, _args, ctx) => CORRECTION_STATUS_LABEL[correctionStatus(r, ctx.clock.today())],
    }),
  }),
});

const SupervisionSummaryRef = builder
  .objectRef<SupervisionSummary>('SupervisionSummary')
  .implement({
    description:
      'Inspections and correction orders in the caller’s scope; orders = unanswered + answered, overdue ⊂ unanswered',
    fields: (t) => ({
      campaignId: t.id({ resolve: (s) => `Campaign:${String(s.campaign.id)}` }),
      campaignName: t.string({ resolve: (s) => s.campaign.name }),
      inspections: t.exposeInt('inspections'),
      orders: t.exposeInt('orders', { description: 'Correction orders issued: the denominator' }),
      unanswered: t.exposeInt('unanswered'),
      overdue: t.exposeInt('overdue', { description: 'Unanswered past their deadline' }),
      answered: t.exposeInt('answered'),
    }),
  });

const FindingInput = builder.inputType('InspectionFindingInput', {
  fields: (t) => ({
    category: t.field({ type: FindingCategoryEnum, required: true }),
    text: t.string({ required: true }),
  }),
});

const InspectionInput = builder.inputType('InspectionInput', {
  fields: (t) => ({
    townshipId: t.globalID({ required: true }),
    campaignId: t.globalID(),
    date: t.string({ required: true }),
    villageIds: t.globalIDList({ required: true }),
    findings: t.field({ type: [FindingInput], required: true }),
  }),
});

const CorrectionOrderInput = builder.inputType('CorrectionOrderInput', {
  fields: (t) => ({
    townshipId: t.globalID({ required: true }),
    campaignId: t.globalID(),
    inspectionId: t.globalID(),
    issuedOn: t.string({ description: 'Defaults to today (China time)' }),
    deadline: t.string({ required: true }),
    requirement: t.string({ required: true }),
  }),
});

builder.queryFields((t) => {
  const q = t.withAuth({ session: true });
  return {
    inspections: q.field({
      type: [Inspection],
      description:
        'Inspections in a region (default: everything the caller reads), newest first; a region outside the scope is not found',
      args: {
        regionId: t.arg.globalID(),
        campaignId: t.arg.globalID(),
        first: t.arg.int(),
      },
      resolve: (_root, args, ctx) =>
        service.listInspections(ctx, {
          regionId: optionalIdOf(args.regionId, 'Region', 'regionId'),
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
          first: args.first,
        }),
    }),
    correctionOrders: q.field({
      type: [CorrectionOrder],
      description:
        'Correction orders in a region (default: everything the caller reads), by deadline',
      args: {
        regionId: t.arg.globalID(),
        campaignId: t.arg.globalID(),
        filter: t.arg({ type: OrderFilterEnum }),
        first: t.arg.int(),
      },
      resolve: (_root, args, ctx) =>
        service.listCorrectionOrders(ctx, {
          regionId: optionalIdOf(args.regionId, 'Region', 'regionId'),
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
          filter: args.filter,
          first: args.first,
        }),
    }),
    supervisionSummary: q.field({
      type: SupervisionSummaryRef,
      description: 'Counts of inspections and correction orders for the overview',
      args: { regionId: t.arg.globalID(), campaignId: t.arg.globalID() },
      resolve: (_root, args, ctx) =>
        service.supervisionSummary(ctx, {
          regionId: optionalIdOf(args.regionId, 'Region', 'regionId'),
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
        }),
    }),
  };
});

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  return {
    recordInspection: m.field({
      type: Inspection,
      description: 'A county supervisor records an inspection of an assigned township',
      errors,
      args: { input: t.arg({ type: InspectionInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        service.recordInspection(ctx, {
          ...input,
          townshipId: idOf(input.townshipId, 'Region', ['input', 'townshipId']),
          campaignId: optionalIdOf(input.campaignId, 'Campaign', ['input', 'campaignId']),
          villageIds: input.villageIds.map((v) => idOf(v, 'Region', ['input', 'villageIds'])),
        }),
    }),
    issueCorrectionOrder: m.field({
      type: CorrectionOrder,
      description:
        'A county supervisor orders an assigned township to correct something by a deadline',
      errors,
      args: { input: t.arg({ type: CorrectionOrderInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        service.issueCorrectionOrder(ctx, {
          ...input,
          townshipId: idOf(input.townshipId, 'Region', ['input', 'townshipId']),
          campaignId: optionalIdOf(input.campaignId, 'Campaign', ['input', 'campaignId']),
          inspectionId: optionalIdOf(input.inspectionId, 'Inspection', ['input', 'inspectionId']),
        }),
    }),
    answerCorrectionOrder: m.field({
      type: CorrectionOrder,
      description: 'The township answers a correction order (once)',
      errors,
      args: {
        orderId: t.arg.globalID({ required: true }),
        answer: t.arg.string({ required: true }),
        answeredOn: t.arg.string({ description: 'Defaults to today (China time)' }),
      },
      resolve: (_root, args, ctx) =>
        service.answerCorrectionOrder(ctx, {
          id: idOf(args.orderId, 'CorrectionOrder', 'orderId'),
          answer: args.answer,
          answeredOn: args.answeredOn,
        }),
    }),
  };
});
