import type { Db } from '@huanjie/db';
import type { Actor, CampaignId, FollowUpItemState, RegionId, Rules } from '@huanjie/domain';
import {
  FOLLOW_UP_STAGES,
  TEXT_LIMITS,
  can,
  checklistDoneOn,
  followUpChecklist,
  followUpDateProblem,
  isVillageLevel,
  isWithinAny,
  openItemsOf,
  rulesFrom,
} from '@huanjie/domain';
import { z } from 'zod';
import type { AuthenticatedContext } from '../../context.js';
import type { CampaignRef } from '../../shared/campaign.js';
import { assertOpen, resolveCampaign, ruleValuesOf } from '../../shared/campaign.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.js';
import type { RegionRef } from '../../shared/scope.js';
import { findRegion } from '../../shared/scope.js';
import { isoDate, optionalText, parseInput, text } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './follow-up.repo.js';
import type { ItemRecord } from './follow-up.repo.js';

export interface FollowUpItemView extends FollowUpItemState {
  record: ItemRecord | null;
}

export interface FollowUpView {
  campaign: CampaignRef;
  village: RegionRef;
  unitId: number;
  electionDay: string;
  today: string;
  items: FollowUpItemView[];
  /** The caller may tick items off (stage.enter on the village). */
  canEnter: boolean;
}

const NOT_FOUND = '所选村(社区)不存在或不在您的管辖范围内';

function inScope(actor: Actor, path: string): boolean {
  return isWithinAny(path, actor.scopeRoots);
}

async function loadVillage(ctx: AuthenticatedContext, villageId: RegionId): Promise<RegionRef> {
  const village = await findRegion(ctx.db, villageId);
  // a village outside the caller's region does not exist for them
  if (!village || !inScope(ctx.actor, village.path) || !isVillageLevel(village.level)) {
    throw new NotFoundError(NOT_FOUND);
  }
  if (!can(ctx.actor, 'campaign.read', { regionPath: village.path })) {
    throw new ForbiddenError('无权查看该村（社区）的换届后续工作');
  }
  return village;
}

function itemViews(items: FollowUpItemState[], records: readonly ItemRecord[]): FollowUpItemView[] {
  const byCode = new Map(records.map((r) => [r.itemCode, r]));
  return items.map((i) => ({ ...i, record: byCode.get(i.code) ?? null }));
}

async function build(
  db: Db,
  actor: Actor,
  campaign: CampaignRef,
  village: RegionRef,
  today: string,
): Promise<FollowUpView> {
  const unit = await repo.followUpUnit(db, campaign.id, village.id);
  if (!unit) throw new NotFoundError('该村（社区）本届没有换届后续工作（未列入本次换届）');
  const rules = rulesFrom(await ruleValuesOf(db, campaign));
  const records = await repo.itemsOfUnits(db, [unit.id]);
  const outgoing =
    (await repo.outgoingMembers(db, campaign.id, [village.id])).get(village.id) ?? [];
  const items = followUpChecklist({
    electionDay: unit.day,
    today,
    rules,
    outgoing,
    doneOn: new Map(records.map((r) => [r.itemCode, r.doneOn])),
  });
  return {
    campaign,
    village,
    unitId: unit.id,
    electionDay: unit.day,
    today,
    items: itemViews(items, records),
    canEnter:
      campaign.status !== 'closed' && can(actor, 'stage.enter', { regionPath: village.path }),
  };
}

export async function villageFollowUp(
  ctx: AuthenticatedContext,
  villageId: RegionId,
  campaignId: CampaignId | null,
): Promise<FollowUpView> {
  const village = await loadVillage(ctx, villageId);
  const campaign = await resolveCampaign(ctx.db, village.path, campaignId);
  return build(ctx.db, ctx.actor, campaign, village, ctx.clock.today());
}

export interface RecordItemInput {
  villageId: RegionId;
  campaignId: CampaignId | null;
  itemCode: string;
  doneOn: string;
  doneBy: string;
  note?: string | null;
  fileId?: number | null;
  expectedVersion?: number | null;
}

/**
 * A village (or who enters for it) ticks an item off: done date, who, a note and an optional
 * photo. Refused with a message naming the field, nothing written: a village outside the
 * caller's region (not found), a date before the election day or after today, an unknown item.
 */
export async function recordFollowUpItem(
  ctx: AuthenticatedContext,
  input: RecordItemInput,
): Promise<FollowUpView> {
  const village = await loadVillage(ctx, input.villageId);
  if (!can(ctx.actor, 'stage.enter', { regionPath: village.path })) {
    throw new ForbiddenError('无权填报该村（社区）的换届后续工作');
  }
  const campaign = await resolveCampaign(ctx.db, village.path, input.campaignId);
  assertOpen(campaign);
  const parsed = parseInput(
    z.object({
      itemCode: z.string().max(60),
      doneOn: isoDate('完成日期'),
      doneBy: text('经办人', TEXT_LIMITS.shortNote, 'line'),
      note: optionalText('备注', TEXT_LIMITS.longText),
      fileId: z.number().int().nullish(),
      expectedVersion: z.number().int().nullish(),
    }),
    input,
    '换届后续工作填报有误',
  );
  const today = ctx.clock.today();
  await ctx.db.transaction(async (tx) => {
    const view = await build(tx, ctx.actor, campaign, village, today);
    const item = view.items.find((i) => i.code === parsed.itemCode);
    if (!item) {
      throw new ValidationError(`换届后续工作填报有误：没有“${parsed.itemCode}”这一项`, [
        { path: ['itemCode'], message: '事项不存在' },
      ]);
    }
    const problem = followUpDateProblem(parsed.doneOn, view.electionDay, today);
    if (problem !== null) {
      throw new ValidationError(`换届后续工作填报有误：${problem}`, [
        { path: ['doneOn'], message: problem },
      ]);
    }
    const fileId = parsed.fileId ?? null;
    if (fileId !== null && (await repo.fileRegionPath(tx, fileId)) !== village.path) {
      throw new ValidationError('换届后续工作填报有误：附件不存在或不属于本村（社区）', [
        { path: ['fileId'], message: '附件无效' },
      ]);
    }
    const values = {
      doneOn: parsed.doneOn,
      doneBy: parsed.doneBy,
      note: parsed.note,
      fileId,
      enteredBy: ctx.actor.userId,
      enteredRole: ctx.actor.role,
    };
    const after = {
      itemCode: item.code,
      doneOn: values.doneOn,
      doneBy: values.doneBy,
      note: values.note,
      fileId,
    };
    const existing = await repo.findItem(tx, view.unitId, item.code);
    if (existing) {
      if (parsed.expectedVersion != null && parsed.expectedVersion !== existing.version) {
        throw new ConflictError();
      }
      const ok = await repo.updateItem(tx, existing.id, existing.version, values, ctx.clock.now());
      if (!ok) throw new ConflictError();
      await recordAudit(tx, ctx, {
        action: 'follow_up.record',
        entityType: 'follow_up_item',
        entityId: existing.id,
        regionPath: village.path,
        before: {
          itemCode: existing.itemCode,
          doneOn: existing.doneOn,
          doneBy: existing.doneBy,
          note: existing.note,
          fileId: existing.fileId,
        },
        after,
      });
    } else {
      const id = await repo.insertItem(tx, {
        ...values,
        unitElectionId: view.unitId,
        regionPath: village.path,
        itemCode: item.code,
      });
      await recordAudit(tx, ctx, {
        action: 'follow_up.record',
        entityType: 'follow_up_item',
        entityId: id,
        regionPath: village.path,
        after,
      });
    }
  });
  return build(ctx.db, ctx.actor, campaign, village, today);
}

/** For the stage records (one truth): per track F stage, its open items' names and completion day. */
/** A track F stage's checklist: open items, the day the last was done, records it lacks. */
export interface StageChecklist {
  open: string[];
  doneOn: string | null;
  /** Records held elsewhere that the stage rests on, not entered yet (by name). */
  missing: string[];
}

export async function checklistOfStages(
  db: Db,
  campaignId: number,
  villageId: number,
  electionDay: string,
  rules: Rules,
  today: string,
): Promise<Map<string, StageChecklist>> {
  const unit = await repo.followUpUnit(db, campaignId, villageId);
  const out = new Map<string, StageChecklist>();
  if (!unit) return out;
  const records = await repo.itemsOfUnits(db, [unit.id]);
  const outgoing = (await repo.outgoingMembers(db, campaignId, [villageId])).get(villageId) ?? [];
  const items = followUpChecklist({
    electionDay,
    today,
    rules,
    outgoing,
    doneOn: new Map(records.map((r) => [r.itemCode, r.doneOn])),
  });
  // the supporting bodies are chosen by the 村民代表会议: none recorded, none can have chosen them
  const representatives = await repo.hasRepresentatives(db, campaignId, villageId);
  for (const stage of FOLLOW_UP_STAGES) {
    out.set(stage, {
      open: openItemsOf(stage, items),
      doneOn: checklistDoneOn(stage, items),
      missing: stage === 'supporting_bodies' && !representatives ? ['村民代表'] : [],
    });
  }
  return out;
}

export interface VillageFollowUpRow {
  villageId: number;
  villageName: string;
  townshipName: string | null;
  electionDay: string;
  total: number;
  done: number;
  overdue: number;
  /** Every handover item done. */
  handedOver: boolean;
  /** The overdue items' names. */
  overdueItems: string[];
  /** The earliest due date of an open item. */
  nextDue: string | null;
}

export interface FollowUpSummary {
  campaign: CampaignRef;
  region: RegionRef;
  /** Villages with a track F unit: the denominator of every village figure below. */
  villages: number;
  /** Villages whose election day has come (the checklist has begun). */
  elected: number;
  handedOver: number;
  /** Villages with at least one item past its due date and not done. */
  overdueVillages: number;
  /** Items of all villages, and the overdue ones among them. */
  items: number;
  overdueItems: number;
  rows: VillageFollowUpRow[];
}

async function summaryOf(
  db: Db,
  campaign: CampaignRef,
  region: RegionRef,
  today: string,
): Promise<FollowUpSummary> {
  const units = await repo.followUpUnitsUnder(db, campaign.id, region.path);
  const rules = rulesFrom(await ruleValuesOf(db, campaign));
  const records = await repo.itemsOfUnits(
    db,
    units.map((u) => u.unit_id),
  );
  const outgoing = await repo.outgoingMembers(
    db,
    campaign.id,
    units.map((u) => u.region_id),
  );
  const doneByUnit = new Map<number, Map<string, string>>();
  for (const r of records) {
    const m = doneByUnit.get(r.unitElectionId) ?? new Map<string, string>();
    m.set(r.itemCode, r.doneOn);
    doneByUnit.set(r.unitElectionId, m);
  }
  const rows = units.map((u): VillageFollowUpRow => {
    const items = followUpChecklist({
      electionDay: u.day,
      today,
      rules,
      outgoing: outgoing.get(u.region_id) ?? [],
      doneOn: doneByUnit.get(u.unit_id) ?? new Map(),
    });
    const open = items.filter((i) => i.doneOn === null);
    return {
      villageId: u.region_id,
      villageName: u.name,
      townshipName: u.township_name,
      electionDay: u.day,
      total: items.length,
      done: items.length - open.length,
      overdue: items.filter((i) => i.status === 'overdue').length,
      handedOver: checklistDoneOn('handover', items) !== null,
      overdueItems: items.filter((i) => i.status === 'overdue').map((i) => i.name),
      nextDue: open.reduce<string | null>(
        (m, i) => (m === null || i.dueDate < m ? i.dueDate : m),
        null,
      ),
    };
  });
  return {
    campaign,
    region,
    villages: rows.length,
    elected: rows.filter((r) => r.electionDay <= today).length,
    handedOver: rows.filter((r) => r.handedOver).length,
    overdueVillages: rows.filter((r) => r.overdue > 0).length,
    items: rows.reduce((s, r) => s + r.total, 0),
    overdueItems: rows.reduce((s, r) => s + r.overdue, 0),
    rows,
  };
}

/** The villages of a region (township or county) and their follow-up: for the board and the overview. */
export async function followUpSummary(
  ctx: AuthenticatedContext,
  regionId: RegionId,
  campaignId: CampaignId | null,
): Promise<FollowUpSummary> {
  const region = await findRegion(ctx.db, regionId);
  if (!region || !inScope(ctx.actor, region.path)) {
    throw new NotFoundError('该区划不存在或不在您的管辖范围内');
  }
  if (!can(ctx.actor, 'campaign.read', { regionPath: region.path })) {
    throw new ForbiddenError('无权查看该区划的换届后续工作');
  }
  const campaign = await resolveCampaign(ctx.db, region.path, campaignId);
  return summaryOf(ctx.db, campaign, region, ctx.clock.today());
}
