import {
  CASE_CATEGORIES,
  CASE_CATEGORY_LABEL,
  CASE_CHANNELS,
  CASE_CHANNEL_LABEL,
  CASE_HANDLER_KINDS,
  CASE_LATENESS_LABEL,
  CASE_MEASURES,
  CASE_MEASURE_LABEL,
  CASE_OUTCOMES,
  CASE_OUTCOME_LABEL,
  CASE_SEVERITIES,
  CASE_SEVERITY_LABEL,
  CASE_STATUSES,
  CASE_STATUS_LABEL,
} from '@huanjie/domain';
import type { CampaignId, RegionId } from '@huanjie/domain';
import type { AuthenticatedContext, Context } from '../../context.js';
import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS, RuleFinding } from '../../graphql/error-types.js';
import { globalId, idOf, optionalIdOf } from '../../shared/ids.js';
import { actorOf } from '../../shared/scope.js';
import { ElectionUnitRef } from '../candidates/candidates.graphql.js';
import { bundleOf } from '../candidates/candidates.service.js';
import { GuidanceBoardRef } from '../guidance/guidance.graphql.js';
import { CampaignOverview } from '../monitoring/monitoring.graphql.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import { VillageChecklist } from '../stages/stages.graphql.js';
import type { CaseActionRecord } from './cases.repo.js';
import * as cases from './cases.service.js';
import type { CaseSummary, CaseView } from './cases.service.js';

/** Object fields run under the root types' session requirement: the actor is there. */
function authenticated(ctx: Context): AuthenticatedContext {
  actorOf(ctx);
  return ctx as AuthenticatedContext;
}

const CaseChannelEnum = builder.enumType('CaseChannel', { values: CASE_CHANNELS });
const CaseCategoryEnum = builder.enumType('CaseCategory', { values: CASE_CATEGORIES });
const CaseSeverityEnum = builder.enumType('CaseSeverity', { values: CASE_SEVERITIES });
const CaseStatusEnum = builder.enumType('CaseStatus', { values: CASE_STATUSES });
const CaseOutcomeEnum = builder.enumType('CaseOutcome', { values: CASE_OUTCOMES });
const CaseMeasureEnum = builder.enumType('CaseMeasure', { values: CASE_MEASURES });
const CaseHandlerKindEnum = builder.enumType('CaseHandlerKind', { values: CASE_HANDLER_KINDS });
const CaseLatenessEnum = builder.enumType('CaseLateness', {
  values: ['on_time', 'accept_overdue', 'answer_overdue'] as const,
});

const CaseAction = builder.objectRef<CaseActionRecord>('CaseAction').implement({
  description: '调查处理情况: one step, on a day, by whom',
  fields: (t) => ({
    id: t.globalID({ resolve: (a) => ({ type: 'CaseAction', id: a.id }) }),
    date: t.exposeString('actionOn'),
    actor: t.exposeString('actor'),
    action: t.exposeString('action'),
    enteredByName: t.exposeString('enteredByName'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const Case = builder.objectRef<CaseView>('Case').implement({
  description:
    '信访 / 举报 case. The reporter’s name, phone and ID resolve to 匿名 / null for everyone but the handling group and the county admin.',
  fields: (t) => ({
    id: t.globalID({ resolve: (c) => ({ type: 'Case', id: c.id }) }),
    village: t.field({
      type: RegionCrumb,
      resolve: (c) => ({
        id: c.regionId,
        name: c.villageName,
        level: c.villageLevel === 'community' ? ('community' as const) : ('village' as const),
      }),
    }),
    township: t.field({
      type: RegionCrumb,
      nullable: true,
      description: 'The township the village belongs to (its queue and guidance teams)',
      resolve: (c) =>
        c.townshipId === null || c.townshipName === null
          ? null
          : { id: c.townshipId, name: c.townshipName, level: 'township' as const },
    }),
    channel: t.field({ type: CaseChannelEnum, resolve: (c) => c.channel }),
    channelLabel: t.string({ resolve: (c) => CASE_CHANNEL_LABEL[c.channel].zh }),
    category: t.field({ type: CaseCategoryEnum, resolve: (c) => c.category }),
    categoryLabel: t.string({ resolve: (c) => CASE_CATEGORY_LABEL[c.category].zh }),
    severity: t.field({ type: CaseSeverityEnum, resolve: (c) => c.severity }),
    severityLabel: t.string({ resolve: (c) => CASE_SEVERITY_LABEL[c.severity].zh }),
    allegation: t.exposeString('allegation'),
    receivedOn: t.exposeString('receivedOn'),
    candidateId: t.id({
      nullable: true,
      resolve: (c) => (c.candidateId === null ? null : `Candidate:${String(c.candidateId)}`),
    }),
    candidateName: t.exposeString('candidateName', { nullable: true }),
    personConcerned: t.exposeString('personConcerned', { nullable: true }),
    reporterVisible: t.exposeBoolean('reporterVisible', {
      description: 'The caller is of the handling group or the county admin',
    }),
    reporterName: t.exposeString('reporterName', { description: '匿名 unless reporterVisible' }),
    reporterPhone: t.exposeString('reporterPhone', { nullable: true }),
    reporterIdNumber: t.exposeString('reporterIdNumber', { nullable: true }),
    status: t.field({ type: CaseStatusEnum, resolve: (c) => c.status }),
    statusLabel: t.string({ resolve: (c) => CASE_STATUS_LABEL[c.status].zh }),
    handlerKind: t.field({
      type: CaseHandlerKindEnum,
      nullable: true,
      resolve: (c) => c.handlerKind,
    }),
    handlerName: t.string({ nullable: true, resolve: (c) => cases.caseHandlerName(c) }),
    handlerTeamId: t.id({
      nullable: true,
      resolve: (c) => (c.handlerTeamId === null ? null : `GuidanceTeam:${String(c.handlerTeamId)}`),
    }),
    assignedOn: t.exposeString('assignedOn', { nullable: true }),
    acknowledgedOn: t.exposeString('acknowledgedOn', { nullable: true }),
    closedOn: t.exposeString('closedOn', { nullable: true }),
    outcome: t.field({ type: CaseOutcomeEnum, nullable: true, resolve: (c) => c.outcome }),
    outcomeLabel: t.string({
      nullable: true,
      resolve: (c) => (c.outcome === null ? null : CASE_OUTCOME_LABEL[c.outcome].zh),
    }),
    measures: t.field({ type: [CaseMeasureEnum], resolve: (c) => c.measures }),
    measureLabels: t.stringList({
      resolve: (c) => c.measures.map((m) => CASE_MEASURE_LABEL[m].zh),
    }),
    measuresNote: t.exposeString('measuresNote', { nullable: true }),
    reply: t.exposeString('reply', { nullable: true }),
    acceptBy: t.string({
      description: '受理告知期限 (rule cases.accept_days)',
      resolve: (c) => c.deadlines.acceptBy,
    }),
    answerBy: t.string({
      description: '办结答复期限 (rule cases.answer_days)',
      resolve: (c) => c.deadlines.answerBy,
    }),
    acceptCitation: t.string({ resolve: (c) => c.deadlines.acceptCitation }),
    answerCitation: t.string({ resolve: (c) => c.deadlines.answerCitation }),
    lateness: t.field({ type: CaseLatenessEnum, resolve: (c) => c.lateness }),
    latenessLabel: t.string({ resolve: (c) => CASE_LATENESS_LABEL[c.lateness].zh }),
    overdue: t.boolean({ resolve: (c) => c.lateness !== 'on_time' }),
    actions: t.field({ type: [CaseAction], resolve: (c) => c.actions }),
    openedByName: t.exposeString('openedByName'),
    canHandle: t.exposeBoolean('canHandle'),
    canAssign: t.exposeBoolean('canAssign'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const CaseStatusCount = builder
  .objectRef<CaseSummary['byStatus'][number]>('CaseStatusCount')
  .implement({
    fields: (t) => ({
      status: t.field({ type: CaseStatusEnum, resolve: (s) => s.status }),
      label: t.string({ resolve: (s) => CASE_STATUS_LABEL[s.status].zh }),
      count: t.exposeInt('count'),
    }),
  });

const CaseCategoryCount = builder
  .objectRef<CaseSummary['byCategory'][number]>('CaseCategoryCount')
  .implement({
    fields: (t) => ({
      category: t.field({ type: CaseCategoryEnum, resolve: (s) => s.category }),
      label: t.exposeString('label'),
      count: t.exposeInt('count'),
      open: t.exposeInt('open'),
    }),
  });

const CaseSummaryRef = builder.objectRef<CaseSummary>('CaseSummary').implement({
  description: 'Cases of a region in a campaign: every figure out of `total` cases',
  fields: (t) => ({
    campaignId: t.id({ resolve: (s) => `Campaign:${String(s.campaign.id)}` }),
    total: t.exposeInt('total'),
    open: t.exposeInt('open'),
    closed: t.exposeInt('closed'),
    overdue: t.exposeInt('overdue', { description: 'Open cases past a deadline' }),
    acceptOverdue: t.exposeInt('acceptOverdue'),
    answerOverdue: t.exposeInt('answerOverdue'),
    upheld: t.exposeInt('upheld', { description: 'Closed as 属实 or 部分属实' }),
    byStatus: t.field({ type: [CaseStatusCount], resolve: (s) => s.byStatus }),
    byCategory: t.field({ type: [CaseCategoryCount], resolve: (s) => s.byCategory }),
  }),
});

const OpenCaseInput = builder.inputType('OpenCaseInput', {
  fields: (t) => ({
    villageId: t.globalID({ required: true }),
    campaignId: t.globalID(),
    channel: t.string({ required: true, description: 'A CaseChannel value' }),
    category: t.string({ required: true, description: 'A CaseCategory value' }),
    severity: t.string({ required: true, description: 'A CaseSeverity value' }),
    allegation: t.string({ required: true }),
    receivedOn: t.string({ required: true }),
    candidateId: t.globalID(),
    personConcerned: t.string(),
    reporterName: t.string(),
    reporterPhone: t.string(),
    reporterIdNumber: t.string(),
  }),
});

const CaseActionInput = builder.inputType('CaseActionInput', {
  fields: (t) => ({
    date: t.string({ required: true }),
    actor: t.string({ required: true }),
    action: t.string({ required: true }),
  }),
});

const CloseCaseInput = builder.inputType('CloseCaseInput', {
  fields: (t) => ({
    date: t.string({ required: true }),
    outcome: t.string({ required: true, description: 'A CaseOutcome value' }),
    measures: t.stringList({ required: true, description: 'CaseMeasure values' }),
    measuresNote: t.string(),
    reply: t.string({ required: true }),
  }),
});

builder.queryFields((t) => {
  const q = t.withAuth({ session: true });
  return {
    case: q.field({
      type: Case,
      description: 'One case with its investigation',
      args: { caseId: t.arg.globalID({ required: true }) },
      resolve: (_root, args, ctx) => cases.getCase(ctx, idOf(args.caseId, 'Case', 'caseId')),
    }),
    cases: q.field({
      type: [Case],
      description: 'Cases about the villages of a region, newest first',
      args: {
        regionId: t.arg.globalID({ required: true }),
        campaignId: t.arg.globalID(),
        status: t.arg({ type: CaseStatusEnum }),
        category: t.arg({ type: CaseCategoryEnum }),
        overdueOnly: t.arg.boolean(),
        openOnly: t.arg.boolean(),
      },
      resolve: (_root, args, ctx) =>
        cases.listCases(ctx, idOf(args.regionId, 'Region', 'regionId'), {
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
          status: args.status,
          category: args.category,
          overdueOnly: args.overdueOnly,
          openOnly: args.openOnly,
        }),
    }),
    caseSummary: q.field({
      type: CaseSummaryRef,
      description: 'Counts of a region’s cases: open, overdue, by status and category',
      args: { regionId: t.arg.globalID({ required: true }), campaignId: t.arg.globalID() },
      resolve: (_root, args, ctx) =>
        cases.caseSummary(
          ctx,
          idOf(args.regionId, 'Region', 'regionId'),
          optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
        ),
    }),
  };
});

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  return {
    openCase: m.field({
      type: Case,
      description: 'Registers a complaint or report about a village',
      errors,
      args: { input: t.arg({ type: OpenCaseInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        cases.openCase(ctx, {
          ...input,
          villageId: idOf(input.villageId, 'Region', 'villageId'),
          campaignId: optionalIdOf(input.campaignId, 'Campaign', 'campaignId'),
          candidateId: optionalIdOf(input.candidateId, 'Candidate', 'candidateId'),
        }),
    }),
    assignCase: m.field({
      type: Case,
      description: 'Hands a case to a handling group (a team, the township or county office)',
      errors,
      args: {
        caseId: t.arg.globalID({ required: true }),
        handlerKind: t.arg({ type: CaseHandlerKindEnum, required: true }),
        teamId: t.arg.globalID(),
      },
      resolve: (_root, args, ctx) =>
        cases.assignCase(ctx, idOf(args.caseId, 'Case', 'caseId'), {
          handlerKind: args.handlerKind,
          teamId: optionalIdOf(args.teamId, 'GuidanceTeam', 'teamId'),
        }),
    }),
    acknowledgeCase: m.field({
      type: Case,
      description: 'The handling group accepts the case (受理)',
      errors,
      args: { caseId: t.arg.globalID({ required: true }), date: t.arg.string() },
      resolve: (_root, args, ctx) =>
        cases.acknowledgeCase(ctx, idOf(args.caseId, 'Case', 'caseId'), { date: args.date }),
    }),
    addCaseAction: m.field({
      type: Case,
      description: 'Records one step of the investigation',
      errors,
      args: {
        caseId: t.arg.globalID({ required: true }),
        input: t.arg({ type: CaseActionInput, required: true }),
      },
      resolve: (_root, args, ctx) =>
        cases.addCaseAction(ctx, idOf(args.caseId, 'Case', 'caseId'), args.input),
    }),
    closeCase: m.field({
      type: Case,
      description: 'Closes the case with its outcome, measures and the reply to the reporter',
      errors,
      args: {
        caseId: t.arg.globalID({ required: true }),
        input: t.arg({ type: CloseCaseInput, required: true }),
      },
      resolve: (_root, args, ctx) =>
        cases.closeCase(ctx, idOf(args.caseId, 'Case', 'caseId'), args.input),
    }),
  };
});

// --- where open cases show elsewhere: the village checklist, the township board, the overview,
// and an upheld 贿选 case on a candidate as a finding on that candidate's election

builder.objectField(VillageChecklist, 'openCases', (t) =>
  t.field({
    type: [Case],
    description: 'The village’s open complaints and reports (its open problems)',
    resolve: (c, _args, ctx) =>
      cases.listCases(authenticated(ctx), c.village.id as RegionId, {
        campaignId: c.campaign.id as CampaignId,
        openOnly: true,
      }),
  }),
);

const VillageCaseCount = builder
  .objectRef<{ villageId: number; open: number }>('VillageCaseCount')
  .implement({
    fields: (t) => ({
      villageId: t.id({ resolve: (v) => globalId('Region', v.villageId) }),
      open: t.exposeInt('open'),
    }),
  });

builder.objectField(GuidanceBoardRef, 'openCases', (t) =>
  t.field({
    type: [VillageCaseCount],
    description:
      'Open complaints and reports per village of the board (villages with none left out)',
    resolve: async (b, _args, ctx) => {
      const counts = await cases.openCasesByVillage(
        authenticated(ctx),
        b.campaign.id,
        b.owner.path,
      );
      return b.villages.flatMap((v) => {
        const open = counts.get(v.id) ?? 0;
        return open > 0 ? [{ villageId: v.id, open }] : [];
      });
    },
  }),
);

builder.objectField(CampaignOverview, 'cases', (t) =>
  t.field({
    type: CaseSummaryRef,
    description: 'The region’s complaints and reports: open, overdue, by status and category',
    resolve: (o, _args, ctx) =>
      cases.caseSummary(authenticated(ctx), o.region.id as RegionId, o.campaign.id as CampaignId),
  }),
);

builder.objectField(ElectionUnitRef, 'caseFindings', (t) =>
  t.field({
    type: [RuleFinding],
    description: 'An upheld 贿选 case on a candidate of this election: a finding on it',
    resolve: async (s, _args, ctx) =>
      cases.briberyFindingsFor(
        ctx,
        (await bundleOf(ctx, s)).candidates.map((c) => ({ id: c.id, name: c.person.name })),
      ),
  }),
);

builder.objectField(CampaignOverview, 'overdueCases', (t) =>
  t.field({
    type: [Case],
    description: 'The region’s open cases past a deadline, newest first',
    resolve: (o, _args, ctx) =>
      cases.listCases(authenticated(ctx), o.region.id as RegionId, {
        campaignId: o.campaign.id as CampaignId,
        overdueOnly: true,
      }),
  }),
);
