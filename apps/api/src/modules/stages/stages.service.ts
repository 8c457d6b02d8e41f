import type { CampaignId, RegionId, UnitElectionId } from '@huanjie/domain';
import { createHash } from 'node:crypto';
import type { Db } from '@huanjie/db';
import type {
  Actor,
  Counts,
  DisplayStatus,
  Finding,
  HeldFigure,
  ResolvedGate,
  Rules,
  SiblingRecord,
  StageDefinition,
  StageEvent,
  StageStatus,
  Track,
} from '@huanjie/domain';
import {
  MAX_COUNT,
  TEXT_LIMITS,
  can,
  checkStage,
  daysBetween,
  displayStatus,
  dueDate,
  findStage,
  gatesOf,
  isVillageLevel,
  isWithin,
  isWithinAny,
  roleAllows,
  rulesFrom,
  stagesOfUnit,
  submissionVerdict,
  todayInChina,
  transition,
  STAGE_OF_STEP,
  NO_FACTS,
  factDate,
  heldFigures,
  stageDoneDate,
  stageStatus,
  statusFromFacts,
  writeRefusal,
} from '@huanjie/domain';
import type { WriteStep } from '@huanjie/domain';
import { z } from 'zod';
import type { Context } from '../../context.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  ValidationError,
} from '../../shared/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { checklistOfStages } from '../follow-up/follow-up.service.js';
import type { StageChecklist } from '../follow-up/follow-up.service.js';
import type { RegionRef } from '../../shared/scope.js';
import type { CampaignWithRules } from '../campaigns/campaigns.service.js';
import { loadCampaign, publishCampaignEvent } from '../campaigns/campaigns.service.js';
import { actorOf, findRegion } from '../../shared/scope.js';
import { assertNotOwnReview } from '../../shared/reviewers.js';
import { isoDate, optionalText, parseInput } from '../../shared/validation.js';
import * as repo from './stages.repo.js';
import type { RecordWithNames } from './stages.repo.js';

export interface GateView extends ResolvedGate {
  approved: boolean;
}

export interface StageItemView {
  campaignId: number;
  villageId: number;
  villagePath: string;
  unitId: number;
  track: Track;
  stage: StageDefinition;
  electionDay: string;
  dueDate: string;
  rules: Rules;
  /** Days from today to the due date: negative when overdue. */
  daysLeft: number;
  gates: GateView[];
  display: DisplayStatus;
  /** What the candidates, the 公示 or the result say of this stage (null: they say nothing). */
  factStatus: StageStatus | null;
  /** The figures those records hold, shown read-only on the stage form. */
  figures: HeldFigure[];
  /** The date they fix for the stage (the formal list's posting, the 公示's end, the meeting). */
  factDate: string | null;
  record: RecordWithNames | null;
  /** Track F: the items of this stage's checklist not done yet (follow-up module). */
  openChecklist: string[];
  /** Track F: records the stage rests on that are not entered yet (村民代表 for the supporting bodies). */
  missingRecords: string[];
  /** For a draft or returned stage: what would stop its submission now. */
  findings: Finding[];
}

export interface UnitView {
  unitId: number;
  track: Track;
  electionDay: string;
  items: StageItemView[];
}

export interface ChecklistView {
  campaign: CampaignWithRules;
  village: RegionRef;
  /** Today in China, which "overdue" and "days left" count from. */
  today: string;
  units: UnitView[];
}

const key = (track: string, code: string) => `${track}.${code}`;

function countsOf(record: { counts: Record<string, number> } | null): Counts {
  return record ? { ...record.counts } : {};
}

/** Everything of one village in a campaign, computed from its records with the domain rules. */
async function buildChecklist(
  db: Db,
  campaign: CampaignWithRules,
  village: RegionRef,
  today: string,
): Promise<ChecklistView> {
  const units = await repo.unitsWithDays(db, campaign.id, village.id);
  const records = await repo.recordsOfUnits(
    db,
    units.map((u) => u.id),
  );
  const unitIds = units.map((u) => u.id);
  const facts = await repo.factsOfUnits(db, unitIds);
  const figures = await repo.figuresOfUnits(db, unitIds);
  const rules = rulesFrom(campaign.ruleValues);
  const villageTracks = units.map((u) => u.track);
  const trackOfUnit = new Map(units.map((u) => [u.id, u.track]));
  const unitOfTrack = new Map(units.map((u) => [u.track, u.id]));
  const byKey = new Map<string, RecordWithNames>();
  for (const r of records) {
    const track = trackOfUnit.get(r.record.unitElectionId);
    if (track) byKey.set(key(track, r.record.stageCode), r);
  }
  // the record's status, or what the candidates, the 公示 or the result say (domain stageStatus)
  const statusOf = (track: Track, stage: StageDefinition): StageStatus => {
    const unitId = unitOfTrack.get(track);
    return stageStatus(
      stage,
      byKey.get(key(track, stage.code))?.record.status ?? 'not_started',
      (unitId !== undefined && facts.get(unitId)) || NO_FACTS,
    );
  };
  const approved = (track: Track, code: string) => {
    const gateStage = findStage(track, code);
    return gateStage !== undefined && statusOf(track, gateStage) === 'approved';
  };
  // track F: its checklists hold the stages' facts (open items, the day the last was done)
  const fUnit = units.find((u) => u.track === 'F');
  const followUp = fUnit
    ? await checklistOfStages(db, campaign.id, village.id, fUnit.day, rules, today)
    : new Map<string, StageChecklist>();
  const order = ['P', 'V', 'C', 'S', 'F'];
  const sorted = [...units].sort((a, b) => order.indexOf(a.track) - order.indexOf(b.track));
  return {
    campaign,
    village,
    today,
    units: sorted.map((unit) => ({
      unitId: unit.id,
      track: unit.track,
      electionDay: unit.day,
      items: stagesOfUnit(unit.track, villageTracks).map((stage) => {
        const record = byKey.get(key(unit.track, stage.code)) ?? null;
        const unitFigures = figures.get(unit.id);
        const gates = gatesOf(stage, campaign.ordering, villageTracks).map((g) => ({
          ...g,
          approved: approved(g.track, g.code),
        }));
        const due = dueDate(stage, unit.day, rules);
        const status = statusOf(unit.track, stage);
        const checklist = unit.track === 'F' ? followUp.get(stage.code) : undefined;
        const openChecklist = checklist?.open ?? [];
        const missingRecords = checklist?.missing ?? [];
        const heldDate = checklist
          ? checklist.doneOn
          : unitFigures
            ? factDate(stage, unitFigures)
            : null;
        const siblings: Partial<Record<string, SiblingRecord>> = {};
        for (const other of stagesOfUnit(unit.track, villageTracks)) {
          const r = byKey.get(key(unit.track, other.code));
          if (r && other.code !== stage.code) {
            siblings[other.code] = {
              status: r.record.status,
              doneDate: r.record.doneDate,
              counts: countsOf(r.record),
            };
          }
        }
        const findings =
          record && (status === 'draft' || status === 'returned')
            ? checkStage({
                stage,
                mode: 'submit',
                doneDate: record.record.doneDate,
                counts: countsOf(record.record),
                hasPhoto: record.record.photoFileId !== null,
                electionDay: unit.day,
                today,
                rules,
                gates,
                siblings,
                openChecklist,
                missingRecords,
              })
            : [];
        return {
          campaignId: campaign.id,
          villageId: village.id,
          villagePath: village.path,
          unitId: unit.id,
          track: unit.track,
          stage,
          electionDay: unit.day,
          dueDate: due,
          rules,
          daysLeft: daysBetween(today, due),
          gates,
          factStatus: statusFromFacts(stage, facts.get(unit.id) ?? NO_FACTS),
          figures: unitFigures ? heldFigures(stage, unitFigures) : [],
          factDate: heldDate,
          display: displayStatus({
            status,
            dueDate: due,
            today,
            gatesOpen: gates.every((g) => g.approved),
            firstSubmittedOn: record?.record.firstSubmittedAt
              ? todayInChina(record.record.firstSubmittedAt)
              : null,
            factDate: heldDate,
          }),
          record,
          openChecklist,
          missingRecords,
          findings,
        };
      }),
    })),
  };
}

/** The unit election a write is aimed at, as the writers know it. */
export interface WriteTarget {
  campaignId: number;
  regionId: number;
  track: Track;
}

/**
 * The one gate for writes other than stage records (candidates, vetting, 公示, the formal list,
 * results, amendments): the domain's writeRefusal over the gates of the step's stage — the audit
 * approved first, the campaign's ordering — and the result's lock. Refuses with its message.
 */
export async function assertMayWrite(
  db: Db,
  target: WriteTarget,
  step: Exclude<WriteStep, 'stage'>,
  resultStatus: string | null = null,
  /** The campaign's ordering when the caller read it with the unit (one statement fewer). */
  known?: {
    ordering: NonNullable<Awaited<ReturnType<typeof repo.findCampaignOrdering>>>['ordering'];
  },
): Promise<void> {
  const stage = findStage(target.track, STAGE_OF_STEP[step]);
  if (!stage) return;
  const campaign = known ?? (await repo.findCampaignOrdering(db, target.campaignId));
  if (!campaign) return;
  const rows = await repo.stageStatusesOfVillage(db, target.campaignId, target.regionId);
  const units = new Map(rows.map((r) => [r.unitId, r.track]));
  const facts = await repo.factsOfUnits(db, [...units.keys()]);
  const recordStatus = new Map(
    rows.flatMap((r) => (r.stageCode && r.status ? [[key(r.track, r.stageCode), r.status]] : [])),
  );
  const villageTracks = [...new Set(units.values())];
  const unitOfTrack = new Map([...units].map(([id, track]) => [track, id]));
  // an approved result is the election held and reported, whether or not a stage record says so
  const approved = (track: Track, code: string) => {
    const gateStage = findStage(track, code);
    const unitId = unitOfTrack.get(track);
    if (!gateStage || unitId === undefined) return false;
    const status = stageStatus(
      gateStage,
      recordStatus.get(key(track, code)) ?? 'not_started',
      facts.get(unitId) ?? NO_FACTS,
    );
    return status === 'approved';
  };
  const gates = gatesOf(stage, campaign.ordering, villageTracks).map((g) => ({
    ...g,
    approved: approved(g.track, g.code),
  }));
  const refusal = writeRefusal({ step, stage, gates, resultStatus });
  if (!refusal) return;
  if (refusal.kind === 'locked') throw new ConflictError(refusal.message);
  throw new RuleViolationError(refusal.message, [
    { severity: 'error', rule: 'stage.gate', citation: refusal.citation, message: refusal.message },
  ]);
}

async function loadVillage(db: Db, campaign: CampaignWithRules, villageId: number) {
  const village = await findRegion(db, villageId as RegionId);
  if (!village || !isWithin(village.path, campaign.countyPath) || !isVillageLevel(village.level)) {
    throw new NotFoundError('该村（社区）不存在或无权查看');
  }
  return village;
}

function assertCanRead(actor: Actor, village: RegionRef) {
  if (!can(actor, 'campaign.read', { regionPath: village.path })) {
    throw new ForbiddenError('无权查看该村（社区）的换届进度');
  }
}

export async function villageChecklist(ctx: Context, campaignId: CampaignId, villageId: RegionId) {
  const actor = actorOf(ctx);
  const campaign = await loadCampaign(ctx.db, actor, campaignId);
  const village = await loadVillage(ctx.db, campaign, villageId);
  assertCanRead(actor, village);
  return buildChecklist(ctx.db, campaign, village, ctx.clock.today());
}

async function itemOf(
  db: Db,
  campaign: CampaignWithRules,
  village: RegionRef,
  unitId: number,
  code: string,
  today: string,
) {
  const checklist = await buildChecklist(db, campaign, village, today);
  const item = checklist.units
    .find((u) => u.unitId === unitId)
    ?.items.find((i) => i.stage.code === code);
  if (!item) throw new NotFoundError('该环节不存在或无权查看');
  return item;
}

interface UnitContext {
  unit: NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;
  campaign: CampaignWithRules;
  village: RegionRef;
}

async function loadUnit(db: Db, actor: Actor, unitId: number): Promise<UnitContext> {
  const unit = await repo.findUnit(db, unitId);
  if (!unit) throw new NotFoundError('该选举单元不存在或无权查看');
  const campaign = await loadCampaign(db, actor, unit.campaignId);
  const village = await loadVillage(db, campaign, unit.regionId);
  return { unit, campaign, village };
}

const countSchema = z.object({
  key: z.string().max(50),
  value: z
    .number()
    .int({ message: '须为整数' })
    .min(0, { message: '不能为负数' })
    .max(MAX_COUNT)
    .nullable(),
});

const entrySchema = z.object({
  unitId: z.number().int(),
  stageCode: z.string().max(50),
  expectedVersion: z.number().int().nullable(),
  doneDate: isoDate('完成日期').nullable(),
  counts: z.array(countSchema).max(30),
  note: optionalText('备注', TEXT_LIMITS.longText),
  explanation: optionalText('情况说明', TEXT_LIMITS.longText),
  photoFileId: z.number().int().nullable(),
  submit: z.boolean(),
});

export type StageEntryInput = z.input<typeof entrySchema>;

function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function recordSnapshot(r: {
  status: StageStatus;
  doneDate: string | null;
  counts: Record<string, number>;
  note: string | null;
  explanation: string | null;
  photoFileId: number | null;
  reviewComment: string | null;
}) {
  return {
    status: r.status,
    doneDate: r.doneDate,
    counts: r.counts,
    note: r.note,
    explanation: r.explanation,
    photoFileId: r.photoFileId,
    reviewComment: r.reviewComment,
  };
}

/**
 * A village (or someone acting for it) saves a stage as a draft or submits it. The domain's checks
 * run on the submitted values: errors refuse it, warnings need an explanation. One transaction:
 * the record, its version and the audit entry, or nothing.
 */
export async function saveStage(ctx: Context, raw: StageEntryInput): Promise<StageItemView> {
  const actor = actorOf(ctx);
  const input = parseInput(entrySchema, raw, '填报内容有误');
  const mode = input.submit ? 'submit' : 'save';
  const saved = await ctx.db
    .transaction(async (tx) => {
      const { unit, campaign, village } = await loadUnit(tx, actor, input.unitId);
      if (!can(actor, 'stage.enter', { regionPath: village.path })) {
        throw new ForbiddenError('无权填报该村（社区）的换届进度');
      }
      if (campaign.status !== 'running') throw new ConflictError('该换届工作未在进行中，不能填报');
      const checklist = await buildChecklist(tx, campaign, village, ctx.clock.today());
      const item = checklist.units
        .find((u) => u.unitId === unit.id)
        ?.items.find((i) => i.stage.code === input.stageCode);
      if (!item) {
        throw new ValidationError(`本选举单元没有“${input.stageCode}”环节`, [
          { path: ['stageCode'], message: '环节不存在' },
        ]);
      }
      const existing = await repo.findRecord(tx, unit.id, item.stage.code);
      if ((existing?.version ?? null) !== input.expectedVersion) throw new ConflictError();
      const event: StageEvent = input.submit ? { type: 'submit' } : { type: 'save' };
      const next = transition(existing?.status ?? 'not_started', event);
      if (!next.ok) throw new ConflictError(next.reason);

      if (input.photoFileId !== null) {
        const file = await repo.findFileMeta(tx, input.photoFileId);
        if (!file || file.regionPath !== village.path) {
          throw new ValidationError('照片不存在或不属于本村（社区）', [
            { path: ['photoFileId'], message: '照片无效' },
          ]);
        }
      }
      // one date for one fact: the formal list's posting, the 公示's end, the meeting's day
      const done = stageDoneDate(item.stage, item.factDate, input.doneDate);
      if (done.problem !== null) {
        throw new ValidationError(done.problem, [{ path: ['doneDate'], message: done.problem }]);
      }
      const counts: Record<string, number> = {};
      const entered: Counts = {};
      for (const c of input.counts) {
        entered[c.key] = c.value;
        if (c.value !== null) counts[c.key] = c.value;
      }
      const siblings: Partial<Record<string, SiblingRecord>> = {};
      for (const other of checklist.units.find((u) => u.unitId === unit.id)?.items ?? []) {
        if (other.record && other.stage.code !== item.stage.code) {
          siblings[other.stage.code] = {
            status: other.record.record.status,
            doneDate: other.record.record.doneDate,
            counts: countsOf(other.record.record),
          };
        }
      }
      const findings = checkStage({
        stage: item.stage,
        mode,
        doneDate: done.date,
        counts: entered,
        hasPhoto: input.photoFileId !== null,
        electionDay: item.electionDay,
        today: ctx.clock.today(),
        rules: rulesFrom(campaign.ruleValues),
        gates: item.gates,
        siblings,
        openChecklist: item.openChecklist,
        missingRecords: item.missingRecords,
      });
      const verdict = submissionVerdict(findings, input.explanation, mode);
      if (verdict.verdict !== 'accept') throw new RuleViolationError(verdict.message, findings);

      const now = ctx.clock.now();
      const values = {
        status: next.status,
        doneDate: done.date,
        counts,
        note: input.note,
        explanation: input.explanation,
        warnings: input.submit ? findings.filter((f) => f.severity === 'warning') : [],
        photoFileId: input.photoFileId,
        enteredBy: actor.userId,
        enteredRole: actor.role,
        enteredAt: now,
        selfReviewed: false,
        ...(input.submit ? { submittedBy: actor.userId, submittedAt: now } : {}),
        ...(input.submit && !existing?.firstSubmittedAt ? { firstSubmittedAt: now } : {}),
      };
      let record;
      if (existing) {
        record = await repo.updateRecord(tx, existing.id, existing.version, values);
        if (!record) throw new ConflictError();
      } else {
        record = await repo.insertRecord(tx, {
          ...values,
          unitElectionId: unit.id,
          stageCode: item.stage.code,
        });
      }
      await recordAudit(tx, ctx, {
        action: input.submit ? 'stage.submit' : 'stage.save',
        entityType: 'stage_record',
        entityId: record.id,
        regionPath: village.path,
        before: existing ? recordSnapshot(existing) : null,
        after: { ...recordSnapshot(record), track: unit.track, stage: item.stage.code },
      });
      return { campaign, village, unit, record };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new ConflictError();
      throw error;
    });
  await publishCampaignEvent(ctx, {
    campaignId: saved.campaign.id,
    kind: 'stage',
    regionPath: saved.village.path,
    regionId: saved.village.id,
    track: saved.unit.track,
    stageCode: saved.record.stageCode,
    status: saved.record.status,
  });
  return itemOf(
    ctx.db,
    saved.campaign,
    saved.village,
    saved.unit.id,
    saved.record.stageCode,
    ctx.clock.today(),
  );
}

const reviewSchema = z.object({
  recordId: z.number().int(),
  expectedVersion: z.number().int(),
  decision: z.enum(['approve', 'return', 'reopen']),
  comment: optionalText('意见', TEXT_LIMITS.reviewComment),
});

export type ReviewInput = z.input<typeof reviewSchema>;

/** The township approves (locks) a submitted stage, returns it with a comment, or re-opens it. */
export async function reviewStage(ctx: Context, raw: ReviewInput): Promise<StageItemView> {
  const actor = actorOf(ctx);
  const input = parseInput(reviewSchema, raw, '审核内容有误');
  const done = await ctx.db.transaction(async (tx) => {
    const existing = await repo.findRecordById(tx, input.recordId);
    if (!existing) throw new NotFoundError('该填报记录不存在或无权查看');
    const { unit, campaign, village } = await loadUnit(tx, actor, existing.unitElectionId);
    if (!can(actor, 'stage.review', { regionPath: village.path })) {
      throw new ForbiddenError('无权审核该村（社区）的换届进度');
    }
    if (campaign.status !== 'running') throw new ConflictError('该换届工作未在进行中');
    if (existing.version !== input.expectedVersion) throw new ConflictError();
    const comment = input.comment ?? '';
    const event: StageEvent =
      input.decision === 'approve'
        ? { type: 'approve' }
        : input.decision === 'return'
          ? { type: 'return', comment }
          : { type: 'reopen', reason: comment };
    if (input.decision !== 'approve' && comment === '') {
      const message = input.decision === 'return' ? '退回时须填写退回意见' : '重新打开须填写原因';
      throw new ValidationError(message, [{ path: ['comment'], message }]);
    }
    const next = transition(existing.status, event);
    if (!next.ok) throw new ConflictError(next.reason);
    // re-opening an approved stage sends it back to the village: not a review of one's own entry
    const selfReviewed =
      input.decision !== 'reopen' &&
      (await assertNotOwnReview(
        tx,
        { action: 'stage.review', regionPath: village.path, reviewerId: actor.userId },
        [existing.enteredBy, existing.submittedBy],
      ));
    const record = await repo.updateRecord(tx, existing.id, existing.version, {
      status: next.status,
      reviewedBy: actor.userId,
      reviewedAt: ctx.clock.now(),
      reviewComment: input.decision === 'approve' ? (input.comment ?? null) : comment,
      selfReviewed,
    });
    if (!record) throw new ConflictError();
    await recordAudit(tx, ctx, {
      action: `stage.${input.decision}`,
      entityType: 'stage_record',
      entityId: record.id,
      regionPath: village.path,
      before: recordSnapshot(existing),
      after: { ...recordSnapshot(record), track: unit.track, stage: record.stageCode },
    });
    return { campaign, village, unit, record };
  });
  await publishCampaignEvent(ctx, {
    campaignId: done.campaign.id,
    kind: 'stage',
    regionPath: done.village.path,
    regionId: done.village.id,
    track: done.unit.track,
    stageCode: done.record.stageCode,
    status: done.record.status,
  });
  return itemOf(
    ctx.db,
    done.campaign,
    done.village,
    done.unit.id,
    done.record.stageCode,
    ctx.clock.today(),
  );
}

/**
 * The photo formats accepted, each with the magic bytes its content must start with. A Map, not a
 * plain object: a declared type such as "constructor" or "__proto__" must find nothing.
 */
const PHOTO_TYPES = new Map<string, (b: Buffer) => boolean>([
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  [
    'image/png',
    (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  ],
  [
    'image/webp',
    (b) =>
      b.length >= 12 &&
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
]);

/** Phones compress photos before upload; the server still caps their size. */
export const MAX_PHOTO_BYTES = 1024 * 1024;

export async function uploadPhoto(
  ctx: Context,
  villageId: RegionId,
  mimeType: string,
  dataBase64: string,
) {
  const actor = actorOf(ctx);
  const check = PHOTO_TYPES.get(mimeType);
  if (!check) {
    throw new ValidationError('照片须为 JPEG、PNG 或 WebP 格式', [
      { path: ['mimeType'], message: '格式不支持' },
    ]);
  }
  if (dataBase64.length > Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4) {
    throw new ValidationError('照片不能超过1MB，请压缩后再上传', [
      { path: ['dataBase64'], message: '照片过大' },
    ]);
  }
  const content = Buffer.from(dataBase64, 'base64');
  if (content.length === 0 || content.length > MAX_PHOTO_BYTES) {
    throw new ValidationError('照片内容无效或过大', [
      { path: ['dataBase64'], message: '照片无效' },
    ]);
  }
  if (!check(content)) {
    throw new ValidationError('照片内容与所选格式不符', [
      {
        path: ['dataBase64'],
        message: `内容不是${mimeType.slice('image/'.length).toUpperCase()}图片`,
      },
    ]);
  }
  const village = await findRegion(ctx.db, villageId);
  if (!village || !isVillageLevel(village.level))
    throw new NotFoundError('该村（社区）不存在或无权查看');
  if (!can(actor, 'stage.enter', { regionPath: village.path })) {
    throw new ForbiddenError('无权为该村（社区）上传照片');
  }
  const sha256 = createHash('sha256').update(content).digest('hex');
  return ctx.db.transaction(async (tx) => {
    const file = await repo.insertFile(tx, {
      regionPath: village.path,
      mimeType,
      size: content.length,
      sha256,
      content,
      uploadedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'file.upload',
      entityType: 'stored_file',
      entityId: file.id,
      regionPath: village.path,
      after: { mimeType, size: content.length, sha256 },
    });
    return file;
  });
}

/** A photo as a data URL, only for callers whose scope covers the village it belongs to. */
export async function photoDataUrl(ctx: Context, fileId: number): Promise<string> {
  const actor = actorOf(ctx);
  const meta = await repo.findFileMeta(ctx.db, fileId);
  if (!meta || !isWithinAny(meta.regionPath, actor.scopeRoots)) {
    throw new ForbiddenError('无权查看该照片');
  }
  const file = await repo.fileContent(ctx.db, fileId);
  if (!file) throw new NotFoundError('照片不存在或无权查看');
  return `data:${file.mimeType};base64,${Buffer.from(file.content).toString('base64')}`;
}

export async function photoMeta(ctx: Context, fileId: number) {
  const actor = actorOf(ctx);
  const meta = await repo.findFileMeta(ctx.db, fileId);
  return meta && isWithinAny(meta.regionPath, actor.scopeRoots) ? meta : null;
}

/** Submitted stages awaiting review in the caller's scope, oldest first. */
export async function reviewQueue(ctx: Context, campaignId: CampaignId | null) {
  const actor = actorOf(ctx);
  if (!roleAllows(actor.role, 'campaign.read')) return [];
  if (campaignId !== null) await loadCampaign(ctx.db, actor, campaignId);
  return repo.submittedUnder(ctx.db, campaignId, actor.scopeRoots);
}

/** One stage of a unit election as the checklist shows it (for the review page). */
export async function stageItem(ctx: Context, unitId: UnitElectionId, stageCode: string) {
  const actor = actorOf(ctx);
  const { campaign, village } = await loadUnit(ctx.db, actor, unitId);
  assertCanRead(actor, village);
  return itemOf(ctx.db, campaign, village, unitId, stageCode, ctx.clock.today());
}

export async function recordHistory(ctx: Context, recordId: number) {
  return repo.historyOf(ctx.db, recordId);
}

export { findStage };
