import type { CountField as CountFieldDef, Finding, HeldFigure } from '@huanjie/domain';
import {
  DISPLAY_STATUSES,
  DISPLAY_STATUS_LABEL,
  ROLE_INFO,
  RULES,
  STAGE_STATUSES,
  STAGE_STATUS_LABEL,
  TRACK_LABEL,
  UNIT_PROGRESS,
  UNIT_PROGRESS_LABEL,
  STAGE_TEMPLATE,
  TRACKS,
  dueRuleText,
  findStage,
  isRuleCode,
  unitProgress,
} from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS, RuleFinding } from '../../graphql/error-types.js';
import { RoleEnum } from '../auth/auth.graphql.js';
import { Campaign, TrackEnum } from '../campaigns/campaigns.graphql.js';
import { idOf } from '../../shared/ids.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import type { RecordWithNames } from './stages.repo.js';
import { globalId } from '../../shared/ids.js';
import * as service from './stages.service.js';
import type { ChecklistView, GateView, StageItemView, UnitView } from './stages.service.js';

export const StageStatusEnum = builder.enumType('StageStatus', { values: STAGE_STATUSES });
export const DisplayStatusEnum = builder.enumType('StageDisplayStatus', {
  description: 'A stage as shown: its record status, or overdue / blocked by a gate',
  values: DISPLAY_STATUSES,
});
export const UnitProgressEnum = builder.enumType('UnitProgress', { values: UNIT_PROGRESS });
const ReviewDecisionEnum = builder.enumType('ReviewDecision', {
  values: ['approve', 'return', 'reopen'] as const,
});
const CountGroupEnum = builder.enumType('CountGroup', {
  values: ['main', 'addition', 'removal'] as const,
});

const CountFieldRef = builder.objectRef<CountFieldDef>('StageCountField').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    label: t.exposeString('label'),
    group: t.field({ type: CountGroupEnum, resolve: (f) => f.group }),
    required: t.exposeBoolean('required'),
  }),
});

const HeldFigureRef = builder.objectRef<HeldFigure>('StageHeldFigure').implement({
  description:
    'A figure another record holds for this stage (the candidates, the 公示, the result), shown read-only',
  fields: (t) => ({
    key: t.string({
      description:
        'nominees, seats, formal, vetted, vettingFailed, partyRound, massRound, publicityStartsOn, publicityEndsOn, formalListOn, meetingOn',
      resolve: (f) => f.key,
    }),
    value: t.string({ resolve: (f) => String(f.value) }),
  }),
});

const CountValue = builder
  .objectRef<{ key: string; label: string; value: number }>('StageCountValue')
  .implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      label: t.exposeString('label'),
      value: t.exposeInt('value'),
    }),
  });

const Gate = builder.objectRef<GateView>('StageGate').implement({
  description: 'A stage that must be approved before this one may be entered',
  fields: (t) => ({
    track: t.field({ type: TrackEnum, resolve: (g) => g.track }),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    citation: t.exposeString('citation'),
    approved: t.exposeBoolean('approved'),
  }),
});

const StagePhoto = builder
  .objectRef<{ id: number; mimeType: string; size: number }>('StagePhoto')
  .implement({
    fields: (t) => ({
      id: t.globalID({ resolve: (p) => ({ type: 'StagePhoto', id: p.id }) }),
      mimeType: t.exposeString('mimeType'),
      size: t.exposeInt('size'),
      dataUrl: t.string({
        description: 'The image as a data: URL (fetch only when shown)',
        resolve: (p, _args, ctx) => service.photoDataUrl(ctx, p.id),
      }),
    }),
  });

const HistoryEntry = builder
  .objectRef<Awaited<ReturnType<typeof service.recordHistory>>[number]>('StageHistoryEntry')
  .implement({
    description: 'One change of a stage record, from the audit log',
    fields: (t) => ({
      at: t.expose('at', { type: 'DateTime' }),
      action: t.exposeString('action'),
      actionLabel: t.string({ resolve: (h) => ACTION_LABEL[h.action] ?? h.action }),
      userName: t.string({ nullable: true, resolve: (h) => h.userName }),
      roleLabel: t.string({
        nullable: true,
        resolve: (h) =>
          h.role && h.role in ROLE_INFO
            ? ROLE_INFO[h.role as keyof typeof ROLE_INFO].label.zh
            : null,
      }),
      comment: t.string({
        nullable: true,
        description: 'The review comment or reopening reason recorded with the change',
        resolve: (h) => {
          const after = h.after as { reviewComment?: unknown } | null;
          return h.action === 'stage.return' || h.action === 'stage.reopen'
            ? typeof after?.reviewComment === 'string'
              ? after.reviewComment
              : null
            : null;
        },
      }),
      status: t.string({
        nullable: true,
        resolve: (h) => {
          const after = h.after as { status?: unknown } | null;
          return typeof after?.status === 'string' ? after.status : null;
        },
      }),
    }),
  });

function countLabel(stageCode: string, key: string): string {
  for (const track of TRACKS) {
    const field = STAGE_TEMPLATE[track]
      .find((s) => s.code === stageCode)
      ?.counts.find((f) => f.key === key);
    if (field) return field.label;
  }
  return key;
}

const ACTION_LABEL: Record<string, string> = {
  'stage.save': '保存草稿',
  'stage.submit': '提交审核',
  'stage.approve': '审核通过',
  'stage.return': '退回修改',
  'stage.reopen': '重新打开',
};

export const StageRecord = builder.objectRef<RecordWithNames>('StageRecord').implement({
  description: 'What a village reported for one stage and how the township reviewed it',
  fields: (t) => ({
    id: t.globalID({ resolve: (r) => ({ type: 'StageRecord', id: r.record.id }) }),
    status: t.field({ type: StageStatusEnum, resolve: (r) => r.record.status }),
    statusLabel: t.string({ resolve: (r) => STAGE_STATUS_LABEL[r.record.status] }),
    doneDate: t.string({ nullable: true, resolve: (r) => r.record.doneDate }),
    counts: t.field({
      type: [CountValue],
      resolve: (r) =>
        Object.entries(r.record.counts).map(([key, value]) => ({
          key,
          label: countLabel(r.record.stageCode, key),
          value,
        })),
    }),
    note: t.string({ nullable: true, resolve: (r) => r.record.note }),
    explanation: t.string({ nullable: true, resolve: (r) => r.record.explanation }),
    warnings: t.field({
      type: [RuleFinding],
      description: 'The warnings the village explained when it submitted',
      resolve: (r) => r.record.warnings,
    }),
    photo: t.field({
      type: StagePhoto,
      nullable: true,
      resolve: (r, _args, ctx) =>
        r.record.photoFileId === null ? null : service.photoMeta(ctx, r.record.photoFileId),
    }),
    enteredByName: t.string({ resolve: (r) => r.enteredByName }),
    enteredRole: t.field({ type: RoleEnum, resolve: (r) => r.record.enteredRole }),
    enteredRoleLabel: t.string({ resolve: (r) => ROLE_INFO[r.record.enteredRole].label.zh }),
    enteredAt: t.field({ type: 'DateTime', resolve: (r) => r.record.enteredAt }),
    submittedByName: t.string({ nullable: true, resolve: (r) => r.submittedByName }),
    submittedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (r) => r.record.submittedAt,
    }),
    reviewedByName: t.string({ nullable: true, resolve: (r) => r.reviewedByName }),
    reviewedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.record.reviewedAt }),
    selfReviewed: t.boolean({
      description:
        'The reviewer had entered or submitted the record (allowed only where nobody else may review it)',
      resolve: (r) => r.record.selfReviewed,
    }),
    reviewComment: t.string({
      nullable: true,
      description: 'The township’s comment when it returned or re-opened the stage',
      resolve: (r) => r.record.reviewComment,
    }),
    version: t.int({ resolve: (r) => r.record.version }),
    history: t.field({
      type: [HistoryEntry],
      resolve: (r, _args, ctx) => service.recordHistory(ctx, r.record.id),
    }),
  }),
});

export const StageItem = builder.objectRef<StageItemView>('StageItem').implement({
  description: 'One stage of one unit election: due date, status, what is needed, the record',
  fields: (t) => ({
    key: t.string({
      description: 'Unique within a village: "<unitElectionId>:<code>"',
      resolve: (i) => `${i.unitId}:${i.stage.code}`,
    }),
    unitElectionId: t.id({ resolve: (i) => `UnitElection:${i.unitId}` }),
    track: t.field({ type: TrackEnum, resolve: (i) => i.track }),
    stageCode: t.string({ resolve: (i) => i.stage.code }),
    name: t.string({ resolve: (i) => i.stage.name }),
    position: t.int({ resolve: (i) => i.stage.position }),
    hint: t.string({ description: 'What is needed to complete it', resolve: (i) => i.stage.hint }),
    electionDay: t.exposeString('electionDay'),
    dueDate: t.exposeString('dueDate'),
    daysLeft: t.exposeInt('daysLeft', { description: 'Negative when overdue' }),
    dueRule: t.string({ nullable: true, resolve: (i) => i.stage.due.rule }),
    dueRuleText: t.string({
      description: 'e.g. 选举日前20天',
      resolve: (i) => dueRuleText(i.stage, i.rules),
    }),
    dueCitation: t.string({
      nullable: true,
      resolve: (i) => (i.stage.due.rule ? i.rules.citation(i.stage.due.rule) : null),
    }),
    dueIsLegal: t.boolean({
      description: 'The due date comes from law (not only the county’s schedule)',
      resolve: (i) =>
        i.stage.due.rule && isRuleCode(i.stage.due.rule)
          ? RULES[i.stage.due.rule].kind === 'legal'
          : false,
    }),
    status: t.field({
      type: StageStatusEnum,
      resolve: (i) => i.record?.record.status ?? 'not_started',
    }),
    displayStatus: t.field({ type: DisplayStatusEnum, resolve: (i) => i.display }),
    fact: t.string({
      nullable: true,
      description:
        'Which record holds this stage’s fact (nominations, vetting, publicity, formal_list, formal_candidates, result); null when only its own record does',
      resolve: (i) => i.stage.fact,
    }),
    factStatus: t.field({
      type: StageStatusEnum,
      nullable: true,
      description:
        'What those records say of the stage; the status shown is the further of this and the record’s',
      resolve: (i) => i.factStatus,
    }),
    factDate: t.string({
      nullable: true,
      description:
        'The date those records fix for the stage: the stage’s done date, not typed again',
      resolve: (i) => i.factDate,
    }),
    heldFigures: t.field({ type: [HeldFigureRef], resolve: (i) => i.figures }),
    electionUnitId: t.id({
      description: 'The election unit whose candidates and result hold this stage’s facts',
      resolve: (i) => globalId('ElectionUnit', i.unitId),
    }),
    displayLabel: t.string({ resolve: (i) => DISPLAY_STATUS_LABEL[i.display] }),
    gates: t.field({ type: [Gate], resolve: (i) => i.gates }),
    countFields: t.field({ type: [CountFieldRef], resolve: (i) => [...i.stage.counts] }),
    photoRequired: t.boolean({ resolve: (i) => i.stage.photo }),
    record: t.field({
      type: StageRecord,
      nullable: true,
      resolve: (i) => i.record,
    }),
    findings: t.field({
      type: [RuleFinding],
      description: 'For a draft or returned stage: what would stop its submission now',
      resolve: (i): Finding[] => i.findings,
    }),
  }),
});

const UnitChecklist = builder.objectRef<UnitView>('UnitChecklist').implement({
  fields: (t) => ({
    unitElectionId: t.id({ resolve: (u) => `UnitElection:${u.unitId}` }),
    track: t.field({ type: TrackEnum, resolve: (u) => u.track }),
    trackLabel: t.string({ resolve: (u) => TRACK_LABEL[u.track].zh }),
    electionDay: t.exposeString('electionDay'),
    progress: t.field({
      type: UnitProgressEnum,
      resolve: (u) => unitProgress(u.items.map((i) => i.display)),
    }),
    progressLabel: t.string({
      resolve: (u) => UNIT_PROGRESS_LABEL[unitProgress(u.items.map((i) => i.display))],
    }),
    approvedCount: t.int({
      resolve: (u) => u.items.filter((i) => i.display === 'approved').length,
    }),
    stageCount: t.int({ resolve: (u) => u.items.length }),
    items: t.field({ type: [StageItem], resolve: (u) => u.items }),
  }),
});

export const VillageChecklist = builder.objectRef<ChecklistView>('VillageChecklist').implement({
  description: 'A village’s campaign as a checklist per track',
  fields: (t) => ({
    campaign: t.field({ type: Campaign, resolve: (c) => c.campaign }),
    village: t.field({
      type: RegionCrumb,
      resolve: (c) => ({ id: c.village.id, name: c.village.name, level: c.village.level }),
    }),
    today: t.exposeString('today'),
    units: t.field({ type: [UnitChecklist], resolve: (c) => c.units }),
  }),
});

type QueueRow = Awaited<ReturnType<typeof service.reviewQueue>>[number];
const ReviewQueueItem = builder.objectRef<QueueRow>('ReviewQueueItem').implement({
  fields: (t) => ({
    record: t.field({ type: StageRecord, resolve: (r) => r }),
    campaignId: t.globalID({ resolve: (r) => ({ type: 'Campaign', id: r.campaignId }) }),
    unitElectionId: t.id({ resolve: (r) => `UnitElection:${r.unitId}` }),
    village: t.field({
      type: RegionCrumb,
      resolve: (r) => ({ id: r.villageId, name: r.villageName, level: r.villageLevel }),
    }),
    townshipName: t.exposeString('townshipName'),
    track: t.field({ type: TrackEnum, resolve: (r) => r.track }),
    stageCode: t.string({ resolve: (r) => r.record.stageCode }),
    stageName: t.string({
      resolve: (r) => findStage(r.track, r.record.stageCode)?.name ?? r.record.stageCode,
    }),
  }),
});

const StageEntryInput = builder.inputType('StageEntryInput', {
  fields: (t) => ({
    unitElectionId: t.id({ required: true }),
    stageCode: t.string({ required: true }),
    expectedVersion: t.int({ description: 'The record version read; null for a new record' }),
    doneDate: t.string({ description: 'YYYY-MM-DD' }),
    counts: t.field({ type: [CountInput], required: true }),
    note: t.string(),
    explanation: t.string({ description: '情况说明, required to submit with warnings' }),
    photoId: t.id(),
    submit: t.boolean({ required: true }),
  }),
});

const CountInput = builder.inputType('StageCountInput', {
  fields: (t) => ({
    key: t.string({ required: true }),
    value: t.int(),
  }),
});

builder.queryFields((t) => ({
  villageChecklist: t.field({
    type: VillageChecklist,
    description: 'A village’s stages in a campaign with due dates and status',
    args: {
      campaignId: t.arg.globalID({ required: true }),
      villageId: t.arg.globalID({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.villageChecklist(
        ctx,
        idOf(args.campaignId, 'Campaign', 'campaignId'),
        idOf(args.villageId, 'Region', 'villageId'),
      ),
  }),
  stageItem: t.field({
    type: StageItem,
    args: {
      unitElectionId: t.arg.globalID({ required: true }),
      stageCode: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.stageItem(
        ctx,
        idOf(args.unitElectionId, 'UnitElection', 'unitElectionId'),
        args.stageCode,
      ),
  }),
  reviewQueue: t.field({
    type: [ReviewQueueItem],
    description: 'Submitted stages awaiting review in the caller’s scope, oldest first',
    args: { campaignId: t.arg.globalID() },
    resolve: (_root, args, ctx) =>
      service.reviewQueue(
        ctx,
        args.campaignId ? idOf(args.campaignId, 'Campaign', 'campaignId') : null,
      ),
  }),
}));

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => ({
  saveStage: t.field({
    type: StageItem,
    description:
      'Saves a stage as a draft or submits it; rule checks run, warnings need an explanation',
    errors,
    args: { input: t.arg({ type: StageEntryInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      service.saveStage(ctx, {
        unitId: idOf(input.unitElectionId, 'UnitElection', 'unitElectionId'),
        stageCode: input.stageCode,
        expectedVersion: input.expectedVersion ?? null,
        doneDate: input.doneDate ?? null,
        counts: input.counts.map((c) => ({ key: c.key, value: c.value ?? null })),
        note: input.note ?? null,
        explanation: input.explanation ?? null,
        photoFileId: input.photoId ? idOf(input.photoId, 'StagePhoto', 'photoId') : null,
        submit: input.submit,
      }),
  }),
  reviewStage: t.field({
    type: StageItem,
    description:
      'The township approves a submitted stage (locking it), returns it with a comment, or re-opens an approved one with a reason',
    errors,
    args: {
      recordId: t.arg.globalID({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      decision: t.arg({ type: ReviewDecisionEnum, required: true }),
      comment: t.arg.string(),
    },
    resolve: (_root, args, ctx) =>
      service.reviewStage(ctx, {
        recordId: idOf(args.recordId, 'StageRecord', 'recordId'),
        expectedVersion: args.expectedVersion,
        decision: args.decision,
        comment: args.comment ?? null,
      }),
  }),
  uploadStagePhoto: t.field({
    type: StagePhoto,
    description: 'A photo of a posted notice (compressed on the phone), at most 1 MB',
    errors,
    args: {
      villageId: t.arg.globalID({ required: true }),
      mimeType: t.arg.string({ required: true }),
      dataBase64: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.uploadPhoto(
        ctx,
        idOf(args.villageId, 'Region', 'villageId'),
        args.mimeType,
        args.dataBase64,
      ),
  }),
}));
