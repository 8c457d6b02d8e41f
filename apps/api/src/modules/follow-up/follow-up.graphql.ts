import { FOLLOW_UP_STAGES, FOLLOW_UP_STATUS_LABEL, findStage } from '@huanjie/domain';
import type { CampaignId, RegionId } from '@huanjie/domain';
import type { AuthenticatedContext, Context } from '../../context.js';
import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS } from '../../graphql/error-types.js';
import { globalId, idOf, optionalIdOf } from '../../shared/ids.js';
import { actorOf } from '../../shared/scope.js';
import { CampaignOverview } from '../monitoring/monitoring.graphql.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import * as followUp from './follow-up.service.js';
import type {
  FollowUpItemView,
  FollowUpSummary,
  FollowUpView,
  VillageFollowUpRow,
} from './follow-up.service.js';

/** Object fields run under the root types' session requirement: the actor is there. */
function authenticated(ctx: Context): AuthenticatedContext {
  actorOf(ctx);
  return ctx as AuthenticatedContext;
}

const FollowUpStageEnum = builder.enumType('FollowUpStage', { values: FOLLOW_UP_STAGES });
const FollowUpItemStatusEnum = builder.enumType('FollowUpItemStatus', {
  values: ['done', 'open', 'overdue'] as const,
});

const crumb = (v: { id: number; name: string; level: string }) => ({
  id: v.id,
  name: v.name,
  level: v.level === 'community' ? ('community' as const) : ('village' as const),
});

const FollowUpItem = builder.objectRef<FollowUpItemView>('FollowUpItem').implement({
  description:
    'One item of a village’s track F checklist (交接, 配套组织, 离任谈话, 建章立制, 归档)',
  fields: (t) => ({
    code: t.exposeString('code'),
    stage: t.field({ type: FollowUpStageEnum, resolve: (i) => i.stage }),
    stageName: t.string({ resolve: (i) => findStage('F', i.stage)?.name ?? i.stage }),
    name: t.exposeString('name'),
    hint: t.exposeString('hint'),
    dueDate: t.exposeString('dueDate', { description: 'Election day + the rule set’s days' }),
    dueText: t.exposeString('dueText'),
    citation: t.exposeString('citation'),
    daysLeft: t.exposeInt('daysLeft'),
    status: t.field({ type: FollowUpItemStatusEnum, resolve: (i) => i.status }),
    statusLabel: t.string({ resolve: (i) => FOLLOW_UP_STATUS_LABEL[i.status] }),
    late: t.exposeBoolean('late', { description: 'Done after its due date' }),
    doneOn: t.exposeString('doneOn', { nullable: true }),
    doneBy: t.string({ nullable: true, resolve: (i) => i.record?.doneBy ?? null }),
    note: t.string({ nullable: true, resolve: (i) => i.record?.note ?? null }),
    fileId: t.id({
      nullable: true,
      resolve: (i) => (i.record?.fileId == null ? null : `StagePhoto:${String(i.record.fileId)}`),
    }),
    enteredByName: t.string({ nullable: true, resolve: (i) => i.record?.enteredByName ?? null }),
    version: t.int({ nullable: true, resolve: (i) => i.record?.version ?? null }),
  }),
});

const VillageFollowUp = builder.objectRef<FollowUpView>('VillageFollowUp').implement({
  description: 'A village’s track F checklist after its election day, each item with its due date',
  fields: (t) => ({
    campaignId: t.id({ resolve: (v) => globalId('Campaign', v.campaign.id) }),
    village: t.field({ type: RegionCrumb, resolve: (v) => crumb(v.village) }),
    electionDay: t.exposeString('electionDay'),
    today: t.exposeString('today'),
    canEnter: t.exposeBoolean('canEnter'),
    items: t.field({ type: [FollowUpItem], resolve: (v) => v.items }),
    done: t.int({ resolve: (v) => v.items.filter((i) => i.doneOn !== null).length }),
    total: t.int({ resolve: (v) => v.items.length }),
    overdue: t.int({ resolve: (v) => v.items.filter((i) => i.status === 'overdue').length }),
  }),
});

const VillageFollowUpRowRef = builder
  .objectRef<VillageFollowUpRow>('VillageFollowUpRow')
  .implement({
    fields: (t) => ({
      village: t.field({
        type: RegionCrumb,
        resolve: (r) => crumb({ id: r.villageId, name: r.villageName, level: 'village' }),
      }),
      townshipName: t.exposeString('townshipName', { nullable: true }),
      electionDay: t.exposeString('electionDay'),
      total: t.exposeInt('total'),
      done: t.exposeInt('done'),
      overdue: t.exposeInt('overdue'),
      handedOver: t.exposeBoolean('handedOver'),
      overdueItems: t.exposeStringList('overdueItems'),
      nextDue: t.exposeString('nextDue', { nullable: true }),
    }),
  });

const FollowUpSummaryRef = builder.objectRef<FollowUpSummary>('FollowUpSummary').implement({
  description:
    'Track F of a region’s villages: village figures out of `villages`, item figures out of `items`',
  fields: (t) => ({
    campaignId: t.id({ resolve: (s) => globalId('Campaign', s.campaign.id) }),
    villages: t.exposeInt('villages'),
    elected: t.exposeInt('elected', { description: 'Villages whose election day has come' }),
    handedOver: t.exposeInt('handedOver'),
    overdueVillages: t.exposeInt('overdueVillages'),
    items: t.exposeInt('items'),
    overdueItems: t.exposeInt('overdueItems'),
    rows: t.field({
      type: [VillageFollowUpRowRef],
      args: { overdueOnly: t.arg.boolean() },
      resolve: (s, args) => (args.overdueOnly ? s.rows.filter((r) => r.overdue > 0) : s.rows),
    }),
  }),
});

const RecordFollowUpItemInput = builder.inputType('RecordFollowUpItemInput', {
  fields: (t) => ({
    villageId: t.globalID({ required: true }),
    campaignId: t.globalID(),
    itemCode: t.string({ required: true }),
    doneOn: t.string({ required: true }),
    doneBy: t.string({ required: true }),
    note: t.string(),
    fileId: t.globalID({ description: 'A photo uploaded as for a stage (StagePhoto id)' }),
    expectedVersion: t.int(),
  }),
});

builder.queryFields((t) => {
  const q = t.withAuth({ session: true });
  return {
    villageFollowUp: q.field({
      type: VillageFollowUp,
      description: 'A village’s handover and the rest of track F, item by item',
      args: { villageId: t.arg.globalID({ required: true }), campaignId: t.arg.globalID() },
      resolve: (_root, args, ctx) =>
        followUp.villageFollowUp(
          ctx,
          idOf(args.villageId, 'Region', 'villageId'),
          optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
        ),
    }),
    followUpSummary: q.field({
      type: FollowUpSummaryRef,
      description: 'Track F of the villages of a region (township or county), with denominators',
      args: { regionId: t.arg.globalID({ required: true }), campaignId: t.arg.globalID() },
      resolve: (_root, args, ctx) =>
        followUp.followUpSummary(
          ctx,
          idOf(args.regionId, 'Region', 'regionId'),
          optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
        ),
    }),
  };
});

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  return {
    recordFollowUpItem: m.field({
      type: VillageFollowUp,
      description: 'Ticks off one item of the track F checklist: done date, who, note, photo',
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: { input: t.arg({ type: RecordFollowUpItemInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        followUp.recordFollowUpItem(ctx, {
          ...input,
          villageId: idOf(input.villageId, 'Region', 'villageId'),
          campaignId: optionalIdOf(input.campaignId, 'Campaign', 'campaignId'),
          fileId: optionalIdOf(input.fileId, 'StagePhoto', 'fileId'),
        }),
    }),
  };
});

builder.objectField(CampaignOverview, 'followUp', (t) =>
  t.field({
    type: FollowUpSummaryRef,
    description: 'Track F of the region’s villages: handed over, overdue villages and items',
    resolve: (o, _args, ctx) =>
      followUp.followUpSummary(
        authenticated(ctx),
        o.region.id as RegionId,
        o.campaign.id as CampaignId,
      ),
  }),
);
