import type { CampaignId, RegionId, RuleSetId } from '@huanjie/domain';
import type { Db } from '@huanjie/db';
import { ensureNationalRuleSet } from '@huanjie/db';
import type { Actor, RiskLevel, RuleSetValue, RuleSetValues, Track } from '@huanjie/domain';
import {
  CAMPAIGN_STATUSES,
  ELECTION_DAY_PLANS,
  ORDERING_POLICIES,
  RISK_LABEL,
  RISK_LEVELS,
  TEXT_LIMITS,
  TRACKS,
  TRACK_LABEL,
  can,
  isVillageLevel,
  isWithin,
  isWithinAny,
  nationalRuleValues,
  overrideProblem,
  pathIds,
  roleAllows,
  ruleLabel,
  countyPathIn,
} from '@huanjie/domain';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { publishSafely } from '../../events/event-bus.js';
import type { CampaignEvent } from '../../events/event-bus.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordLevelChange } from '../risk-plans/risk-plans.service.js';
import * as repo from './campaigns.repo.js';
import type { CampaignWithRules } from './campaigns.repo.js';
import { assertOpen } from '../../shared/campaign.js';
import { actorOf, findRegion } from '../../shared/scope.js';

export type { CampaignWithRules } from './campaigns.repo.js';
import { checkedString, isoDate, optionalText, parseInput, text } from '../../shared/validation.js';

function countyPathOf(actor: Actor): string {
  const county = countyPathIn(actor.homePath);
  // a province or city user has no county of its own: it reads each county's campaign instead
  if (county === undefined)
    throw new ForbiddenError('省、市(州)用户不设置换届工作，请查看各县的换届工作');
  return county;
}

/**
 * Campaign settings are county-wide: anyone of the county whose role reads campaigns sees them, and
 * a province or city user whose scope holds the county.
 */
export function canReadCampaign(actor: Actor, countyPath: string): boolean {
  return (
    roleAllows(actor.role, 'campaign.read') &&
    (isWithin(actor.homePath, countyPath) ||
      can(actor, 'campaign.read', { regionPath: countyPath }))
  );
}

export async function loadCampaign(db: Db, actor: Actor, id: number): Promise<CampaignWithRules> {
  const campaign = await repo.findCampaign(db, id);
  if (!campaign) throw new NotFoundError('该换届工作不存在或无权查看');
  if (!canReadCampaign(actor, campaign.countyPath)) throw new ForbiddenError('无权查看该换届工作');
  return campaign;
}

async function loadManagedCampaign(db: Db, actor: Actor, id: number): Promise<CampaignWithRules> {
  const campaign = await repo.findCampaign(db, id);
  if (!campaign) throw new NotFoundError('该换届工作不存在或无权查看');
  if (!can(actor, 'campaign.manage', { regionPath: campaign.countyPath })) {
    throw new ForbiddenError('只有县换届办管理员可以设置换届工作');
  }
  return campaign;
}

export async function listCampaigns(ctx: Context) {
  const actor = actorOf(ctx);
  if (!roleAllows(actor.role, 'campaign.read')) return [];
  const countyId = pathIds(actor.homePath)[0];
  if (countyId === undefined) return [];
  const rows = await repo.campaignsOfCounty(ctx.db, countyId);
  return Promise.all(rows.map((r) => loadCampaign(ctx.db, actor, r.id)));
}

export async function getCampaign(ctx: Context, id: number) {
  return loadCampaign(ctx.db, actorOf(ctx), id);
}

const trackList = z
  .array(z.enum(TRACKS, { error: '换届类别无效' }))
  .min(1, { message: '请至少选择一个换届类别' })
  .transform((tracks) => TRACKS.filter((t) => tracks.includes(t)));

const campaignShape = z
  .object({
    name: text('换届工作名称', 100, 'line'),
    tracks: trackList,
    termNumbers: z
      .array(
        z.object({
          track: z.enum(TRACKS),
          term: z
            .number()
            .int({ message: '届次须为整数' })
            .min(1, { message: '届次须大于0' })
            .max(99, { message: '届次不能超过99' }),
        }),
      )
      .default([]),
    electionDayPlan: z.enum(ELECTION_DAY_PLANS),
    electionDay: isoDate('选举日'),
    windowStart: isoDate('选举日窗口开始日期').nullish(),
    windowEnd: isoDate('选举日窗口结束日期').nullish(),
    ordering: z.enum(ORDERING_POLICIES),
    ruleSetId: z.number().int(),
  })
  .superRefine((input, issue) => {
    for (const track of input.tracks) {
      if (track !== 'F' && !input.termNumbers.some((t) => t.track === track)) {
        issue.addIssue({
          code: 'custom',
          path: ['termNumbers', track],
          message: `请填写${TRACK_LABEL[track].zh}的届次`,
        });
      }
    }
    if (input.electionDayPlan === 'village') {
      if (!input.windowStart || !input.windowEnd) {
        issue.addIssue({
          code: 'custom',
          path: ['windowStart'],
          message: '按村确定选举日时须设置选举日窗口',
        });
      } else if (
        input.windowStart > input.windowEnd ||
        input.electionDay < input.windowStart ||
        input.electionDay > input.windowEnd
      ) {
        issue.addIssue({
          code: 'custom',
          path: ['electionDay'],
          message: '选举日须在选举日窗口之内，窗口开始不能晚于结束',
        });
      }
    }
  });

export type CampaignInput = z.input<typeof campaignShape>;

async function readableRuleSet(db: Db, actor: Actor, id: number) {
  const ruleSet = await repo.findRuleSet(db, id);
  if (!ruleSet) throw new NotFoundError('该规则集不存在或无权查看');
  if (ruleSet.countyId === null) return ruleSet;
  const countyId = pathIds(actor.homePath)[0];
  if (ruleSet.countyId === countyId) return ruleSet;
  // a province or city user reads the rule sets of the counties below it
  const county =
    countyId === undefined ? await findRegion(db, ruleSet.countyId as RegionId) : undefined;
  if (county && isWithinAny(county.path, actor.scopeRoots)) return ruleSet;
  throw new NotFoundError('该规则集不存在或无权查看');
}

function campaignValues(input: z.infer<typeof campaignShape>) {
  return {
    name: input.name,
    tracks: input.tracks,
    termNumbers: Object.fromEntries(
      input.termNumbers.filter((t) => input.tracks.includes(t.track)).map((t) => [t.track, t.term]),
    ) as Partial<Record<Track, number>>,
    electionDayPlan: input.electionDayPlan,
    electionDay: input.electionDay,
    windowStart: input.windowStart ?? null,
    windowEnd: input.windowEnd ?? null,
    ordering: input.ordering,
    ruleSetId: input.ruleSetId,
  };
}

export async function createCampaign(ctx: Context, raw: CampaignInput) {
  const actor = actorOf(ctx);
  const countyPath = countyPathOf(actor);
  if (!can(actor, 'campaign.manage', { regionPath: countyPath }) || actor.homePath !== countyPath) {
    throw new ForbiddenError('只有县换届办管理员可以设置换届工作');
  }
  const input = parseInput(campaignShape, raw, '换届工作设置有误');
  await readableRuleSet(ctx.db, actor, input.ruleSetId);
  const campaign = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertCampaign(tx, {
      ...campaignValues(input),
      countyId: actor.homeRegionId,
      status: 'draft',
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: row.id,
      regionPath: countyPath,
      after: campaignValues(input),
    });
    return row;
  });
  await publish(ctx, { campaignId: campaign.id, kind: 'campaign', regionPath: countyPath });
  return getCampaign(ctx, campaign.id);
}

export async function updateCampaign(
  ctx: Context,
  id: number,
  expectedVersion: number,
  raw: CampaignInput,
) {
  const actor = actorOf(ctx);
  const input = parseInput(campaignShape, raw, '换届工作设置有误');
  const updated = await ctx.db.transaction(async (tx) => {
    const campaign = await loadManagedCampaign(tx, actor, id);
    if (campaign.status !== 'draft') {
      throw new ConflictError('换届工作已启动：选举日、规则集等请用各自的调整功能修改');
    }
    if (input.ruleSetId !== campaign.ruleSetId) await readableRuleSet(tx, actor, input.ruleSetId);
    const row = await repo.updateCampaign(tx, id, expectedVersion, campaignValues(input));
    if (!row) throw new ConflictError();
    await recordAudit(tx, ctx, {
      action: 'campaign.update',
      entityType: 'campaign',
      entityId: id,
      regionPath: campaign.countyPath,
      before: campaignSnapshot(campaign),
      after: campaignValues(input),
    });
    return { row, countyPath: campaign.countyPath };
  });
  await publish(ctx, { campaignId: id, kind: 'campaign', regionPath: updated.countyPath });
  return getCampaign(ctx, id);
}

function campaignSnapshot(c: CampaignWithRules) {
  return {
    name: c.name,
    tracks: c.tracks,
    termNumbers: c.termNumbers,
    electionDayPlan: c.electionDayPlan,
    electionDay: c.electionDay,
    windowStart: c.windowStart,
    windowEnd: c.windowEnd,
    ordering: c.ordering,
    ruleSetId: c.ruleSetId,
    status: c.status,
  };
}

/** Starts a draft: one unit election per village per applicable track, minus exclusions. */
export async function startCampaign(ctx: Context, id: number, expectedVersion: number) {
  const actor = actorOf(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const campaign = await loadManagedCampaign(tx, actor, id);
    if (campaign.status !== 'draft') throw new ConflictError('该换届工作已经启动');
    const row = await repo.updateCampaign(tx, id, expectedVersion, {
      status: 'running',
      startedAt: ctx.clock.now(),
    });
    if (!row) throw new ConflictError();
    const created = await repo.createUnitElections(tx, id, campaign.countyPath, campaign.tracks);
    await recordAudit(tx, ctx, {
      action: 'campaign.start',
      entityType: 'campaign',
      entityId: id,
      regionPath: campaign.countyPath,
      before: { status: 'draft' },
      after: { status: 'running', unitElections: created },
    });
    return { row, countyPath: campaign.countyPath };
  });
  await publish(ctx, { campaignId: id, kind: 'campaign', regionPath: result.countyPath });
  return getCampaign(ctx, id);
}

export async function closeCampaign(ctx: Context, id: number, expectedVersion: number) {
  const actor = actorOf(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const campaign = await loadManagedCampaign(tx, actor, id);
    if (campaign.status !== 'running') throw new ConflictError('只有进行中的换届工作可以结束');
    const row = await repo.updateCampaign(tx, id, expectedVersion, { status: 'closed' });
    if (!row) throw new ConflictError();
    await recordAudit(tx, ctx, {
      action: 'campaign.close',
      entityType: 'campaign',
      entityId: id,
      regionPath: campaign.countyPath,
      before: { status: 'running' },
      after: { status: 'closed' },
    });
    return { row, countyPath: campaign.countyPath };
  });
  await publish(ctx, { campaignId: id, kind: 'campaign', regionPath: result.countyPath });
  return getCampaign(ctx, id);
}

async function villageInCampaign(db: Db, campaign: CampaignWithRules, regionId: RegionId) {
  const region = await findRegion(db, regionId);
  if (!region || !isWithin(region.path, campaign.countyPath)) {
    throw new NotFoundError('该村（社区）不存在或无权查看');
  }
  if (!isVillageLevel(region.level)) throw new ValidationError('只能对村（社区）进行此项设置');
  return region;
}

export async function excludeVillage(
  ctx: Context,
  campaignId: CampaignId,
  regionId: RegionId,
  rawReason: string,
) {
  const actor = actorOf(ctx);
  const reason = parseInput(text('排除原因', TEXT_LIMITS.reason), rawReason, '排除设置有误');
  // refused before the campaign's lock: a role that writes nothing runs read-only and may not lock
  if (!roleAllows(actor.role, 'campaign.manage')) {
    throw new ForbiddenError('只有县换届办管理员可以设置换届工作');
  }
  const result = await ctx.db.transaction(async (tx) => {
    await repo.lockCampaign(tx, campaignId);
    const campaign = await loadManagedCampaign(tx, actor, campaignId);
    assertOpen(campaign);
    const village = await villageInCampaign(tx, campaign, regionId);
    if (await repo.findExclusion(tx, campaignId, regionId)) {
      throw new ConflictError(`${village.name}已被排除`);
    }
    if (campaign.status === 'running') {
      const removed = await repo.deleteUnitsWithoutRecords(tx, campaignId, regionId);
      if (!removed) throw new ConflictError(`${village.name}已有填报记录，不能排除`);
    }
    const row = await repo.insertExclusion(tx, {
      campaignId,
      regionId,
      regionPath: village.path,
      reason,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'campaign.exclude',
      entityType: 'campaign_exclusion',
      entityId: row.id,
      regionPath: village.path,
      after: { campaignId, regionId, reason },
    });
    return { row, path: village.path };
  });
  await publish(ctx, { campaignId, kind: 'campaign', regionPath: result.path, regionId });
  return getCampaign(ctx, campaignId);
}

export async function includeVillage(ctx: Context, campaignId: CampaignId, regionId: RegionId) {
  const actor = actorOf(ctx);
  const path = await ctx.db.transaction(async (tx) => {
    const campaign = await loadManagedCampaign(tx, actor, campaignId);
    assertOpen(campaign);
    const village = await villageInCampaign(tx, campaign, regionId);
    const exclusion = await repo.findExclusion(tx, campaignId, regionId);
    if (!exclusion) throw new NotFoundError(`${village.name}没有被排除`);
    await repo.deleteExclusion(tx, exclusion.id);
    if (campaign.status === 'running') {
      await repo.createUnitElections(
        tx,
        campaignId,
        campaign.countyPath,
        campaign.tracks,
        regionId,
      );
    }
    await recordAudit(tx, ctx, {
      action: 'campaign.include',
      entityType: 'campaign_exclusion',
      entityId: exclusion.id,
      regionPath: village.path,
      before: { campaignId, regionId, reason: exclusion.reason },
    });
    return village.path;
  });
  await publish(ctx, { campaignId, kind: 'campaign', regionPath: path, regionId });
  return getCampaign(ctx, campaignId);
}

export async function exclusions(ctx: Context, campaign: CampaignWithRules) {
  const actor = actorOf(ctx);
  const rows = await repo.exclusionsOf(ctx.db, campaign.id);
  return rows.filter((r) => isWithinAny(r.regionPath, actor.scopeRoots));
}

const dayShape = z.object({
  track: z.enum(TRACKS).nullish(),
  day: isoDate('选举日').nullable(),
});

/**
 * Sets (or clears, with day null) the election day of a region: the county (all tracks: the
 * campaign's day; one track: a county-wide day for it), a township, or a village. Due dates follow
 * at once because they are computed from the effective day (unit_election_days).
 */
export async function setElectionDay(
  ctx: Context,
  campaignId: CampaignId,
  regionId: RegionId,
  raw: { track?: Track | null; day: string | null },
) {
  const actor = actorOf(ctx);
  const input = parseInput(dayShape, raw, '选举日设置有误');
  const track = input.track ?? null;
  // refused before the campaign's lock: a role that writes nothing runs read-only and may not lock
  if (!roleAllows(actor.role, 'campaign.manage') && !roleAllows(actor.role, 'election_day.set')) {
    throw new ForbiddenError('无权设置该区划的选举日');
  }
  const result = await ctx.db.transaction(async (tx) => {
    await repo.lockCampaign(tx, campaignId);
    const campaign = await loadCampaign(tx, actor, campaignId);
    assertOpen(campaign);
    const region = await findRegion(tx, regionId);
    if (!region || !isWithin(region.path, campaign.countyPath)) {
      throw new NotFoundError('该区划不存在或无权查看');
    }
    const manager = can(actor, 'campaign.manage', { regionPath: campaign.countyPath });
    if (region.level === 'group') throw new ValidationError('选举日只能按县、乡镇或村设置');
    if (!manager) {
      if (
        !isVillageLevel(region.level) ||
        !can(actor, 'election_day.set', { regionPath: region.path })
      ) {
        throw new ForbiddenError('无权设置该区划的选举日');
      }
      if (campaign.electionDayPlan !== 'village') {
        throw new ForbiddenError('本次换届的选举日由县统一确定，乡镇不能按村调整');
      }
    }
    if (track !== null && !campaign.tracks.includes(track)) {
      throw new ValidationError(`本次换届不含${TRACK_LABEL[track].zh}`);
    }
    if (
      input.day !== null &&
      campaign.electionDayPlan === 'village' &&
      isVillageLevel(region.level)
    ) {
      const { windowStart, windowEnd } = campaign;
      if ((windowStart && input.day < windowStart) || (windowEnd && input.day > windowEnd)) {
        throw new ValidationError(
          `选举日须在县确定的窗口 ${windowStart ?? ''} 至 ${windowEnd ?? ''} 之内`,
          [{ path: ['day'], message: '选举日不在窗口之内' }],
        );
      }
    }
    const before = await repo.findElectionDay(tx, campaignId, regionId, track);
    if (region.level === 'county' && track === null) {
      if (input.day === null) throw new ValidationError('全县选举日不能清空');
      const row = await repo.updateCampaign(tx, campaignId, campaign.version, {
        electionDay: input.day,
      });
      if (!row) throw new ConflictError();
    } else if (input.day === null) {
      if (!before) throw new NotFoundError('该区划没有单独设置的选举日');
      await repo.deleteElectionDay(tx, before.id);
    } else {
      await repo.upsertElectionDay(tx, {
        campaignId,
        regionId,
        regionPath: region.path,
        track,
        day: input.day,
        setBy: actor.userId,
        setAt: ctx.clock.now(),
      });
    }
    await recordAudit(tx, ctx, {
      action: input.day === null ? 'election_day.clear' : 'election_day.set',
      entityType: 'election_day',
      entityId: `${campaignId}:${regionId}:${track ?? '*'}`,
      regionPath: region.path,
      before: {
        day:
          region.level === 'county' && track === null
            ? campaign.electionDay
            : (before?.day ?? null),
      },
      after: { day: input.day, track },
    });
    return { path: region.path };
  });
  await publish(ctx, { campaignId, kind: 'days', regionPath: result.path, regionId, track });
  return getCampaign(ctx, campaignId);
}

export async function electionDays(ctx: Context, campaign: CampaignWithRules) {
  const actor = actorOf(ctx);
  const rows = await repo.electionDaysOf(ctx.db, campaign.id);
  // A row matters to the caller when it lies in their scope or above it (their township's day).
  return rows.filter(
    (r) =>
      isWithinAny(r.regionPath, actor.scopeRoots) ||
      actor.scopeRoots.some((root) => isWithin(root, r.regionPath)),
  );
}

const riskShape = z
  .object({
    level: z.enum(RISK_LEVELS),
    reason: optionalText('风险原因', TEXT_LIMITS.reason),
    expectedVersion: z.number().int().nullish(),
  })
  .superRefine((input, issue) => {
    if (input.level !== 'normal' && !input.reason) {
      issue.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `定为${RISK_LABEL[input.level]}村须写明原因`,
      });
    }
  });

export async function setVillageRisk(
  ctx: Context,
  campaignId: CampaignId,
  regionId: RegionId,
  raw: {
    level: RiskLevel;
    reason?: string | null;
    expectedVersion?: number | null;
  },
) {
  const actor = actorOf(ctx);
  const input = parseInput(riskShape, raw, '风险等级设置有误');
  const result = await ctx.db.transaction(async (tx) => {
    const campaign = await loadCampaign(tx, actor, campaignId);
    assertOpen(campaign);
    const village = await villageInCampaign(tx, campaign, regionId);
    if (!can(actor, 'risk.set', { regionPath: village.path })) {
      throw new ForbiddenError('无权设置该村的风险等级');
    }
    const existing = await repo.findRisk(tx, campaignId, regionId);
    const values = {
      level: input.level,
      reason: input.reason ?? '',
      setBy: actor.userId,
      setByRole: actor.role,
      updatedAt: ctx.clock.now(),
    };
    let row;
    if (existing) {
      if (input.expectedVersion !== existing.version) throw new ConflictError();
      row = await repo.updateRisk(tx, existing.id, existing.version, values);
      if (!row) throw new ConflictError();
    } else {
      if (input.expectedVersion !== null && input.expectedVersion !== undefined) {
        throw new ConflictError();
      }
      row = await repo.insertRisk(tx, {
        ...values,
        campaignId,
        regionId,
        regionPath: village.path,
      });
    }
    await recordLevelChange(
      tx,
      { ...ctx, actor },
      {
        campaignId,
        regionId,
        regionPath: village.path,
        fromLevel: existing?.level ?? null,
        toLevel: row.level,
        reason: row.reason,
      },
    );
    await recordAudit(tx, ctx, {
      action: 'risk.set',
      entityType: 'village_risk',
      entityId: row.id,
      regionPath: village.path,
      before: existing
        ? { level: existing.level, reason: existing.reason }
        : null,
      after: { level: row.level, reason: row.reason },
    });
    return { row, path: village.path };
  });
  await publish(ctx, { campaignId, kind: 'risk', regionPath: result.path, regionId });
  const campaign = await getCampaign(ctx, campaignId);
  const risk = (await risks(ctx, campaign)).find((r) => r.risk.regionId === regionId);
  if (!risk) throw new Error('risk vanished after saving');
  return risk;
}

export async function risks(ctx: Context, campaign: CampaignWithRules) {
  return repo.risksUnder(ctx.db, campaign.id, actorOf(ctx).scopeRoots);
}

export async function ruleChanges(ctx: Context, campaign: CampaignWithRules) {
  return repo.ruleChangesOf(ctx.db, campaign.id);
}

export async function unitCounts(ctx: Context, campaign: CampaignWithRules) {
  return repo.countUnits(ctx.db, campaign.id);
}

// ---- rule sets -------------------------------------------------------------------------------

export async function listRuleSets(ctx: Context) {
  const actor = actorOf(ctx);
  if (!roleAllows(actor.role, 'campaign.read')) return [];
  await ensureNationalRuleSet(ctx.db);
  const countyId = pathIds(actor.homePath)[0];
  return countyId === undefined ? [] : repo.ruleSetsOf(ctx.db, countyId);
}

export async function getRuleSet(ctx: Context, id: number) {
  const actor = actorOf(ctx);
  if (!roleAllows(actor.role, 'campaign.read')) throw new ForbiddenError('无权查看规则集');
  return readableRuleSet(ctx.db, actor, id);
}

export interface RuleOverrideInput {
  code: string;
  value: string;
  citation: string;
}

/** Reads a typed value the way its default is typed: number, true/false, or text. */
function typedValue(text: string, like: RuleSetValue | undefined): number | boolean | string {
  const trimmed = text.trim();
  // a plain decimal only ("1e1", "0x10" or "" are not numbers a clerk means)
  if (typeof like?.value === 'number') {
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  }
  if (typeof like?.value === 'boolean') {
    if (trimmed === 'true' || trimmed === '是') return true;
    if (trimmed === 'false' || trimmed === '否') return false;
    return trimmed;
  }
  return trimmed;
}

const ruleSetShape = z.object({
  basedOnId: z.number().int(),
  name: optionalText('规则集名称', 100, 'line'),
  overrides: z
    .array(
      z.object({
        code: checkedString('规则代码', TEXT_LIMITS.ruleCode, 'line'),
        value: checkedString('规则值', TEXT_LIMITS.ruleValue, 'line'),
        citation: checkedString('依据条文', TEXT_LIMITS.citation),
      }),
    )
    .min(1, { message: '请至少调整一项规则' })
    .max(100),
});

/**
 * A county's copy of a rule set with some values overridden (e.g. 7 days for the candidate list),
 * each override with its citation. Stored as a new version; the set it copies stays as it was.
 */
export async function createRuleSet(
  ctx: Context,
  raw: { basedOnId: number; name?: string | null; overrides: RuleOverrideInput[] },
) {
  const actor = actorOf(ctx);
  const countyPath = countyPathOf(actor);
  if (!can(actor, 'campaign.manage', { regionPath: countyPath }) || actor.homePath !== countyPath) {
    throw new ForbiddenError('只有县换届办管理员可以调整规则集');
  }
  const input = parseInput(ruleSetShape, raw, '规则调整有误');
  const base = await readableRuleSet(ctx.db, actor, input.basedOnId);
  const catalogue: RuleSetValues = { ...nationalRuleValues(), ...base.values };
  const values: Record<string, RuleSetValue> = { ...base.values };
  const issues: { path: string[]; message: string }[] = [];
  const seen = new Set<string>();
  for (const [i, o] of input.overrides.entries()) {
    if (seen.has(o.code)) {
      issues.push({ path: ['overrides', String(i), 'code'], message: `规则 ${o.code} 重复调整` });
      continue;
    }
    seen.add(o.code);
    const value = typedValue(o.value, catalogue[o.code]);
    const problem = overrideProblem(o.code, value, o.citation, catalogue);
    if (problem) issues.push({ path: ['overrides', String(i), 'value'], message: problem });
    else values[o.code] = { value, citation: o.citation.trim() };
  }
  if (issues.length > 0) throw new ValidationError(`规则调整有误：${issues[0]?.message}`, issues);
  const countyId = actor.homeRegionId;
  const sameLineage = base.countyId === countyId;
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertRuleSet(tx, {
      countyId,
      name: input.name ?? (sameLineage ? base.name : `${base.name}（本县调整）`),
      version: sameLineage ? base.version + 1 : 1,
      basedOnId: base.id,
      values,
      createdBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'rule_set.create',
      entityType: 'rule_set',
      entityId: row.id,
      regionPath: countyPath,
      before: { basedOnId: base.id },
      after: Object.fromEntries(input.overrides.map((o) => [o.code, values[o.code] ?? null])),
    });
    return row;
  });
}

export interface RuleDifference {
  code: string;
  label: string;
  from: RuleSetValue | null;
  to: RuleSetValue | null;
}

/** What a rule set changed against the set it was copied from. */
export async function ruleSetChanges(
  ctx: Context,
  ruleSet: { basedOnId: number | null; values: RuleSetValues },
): Promise<RuleDifference[]> {
  if (ruleSet.basedOnId === null) return [];
  const base = await repo.findRuleSet(ctx.db, ruleSet.basedOnId);
  if (!base) return [];
  const codes = new Set([...Object.keys(base.values), ...Object.keys(ruleSet.values)]);
  return [...codes]
    .filter((code) => JSON.stringify(base.values[code]) !== JSON.stringify(ruleSet.values[code]))
    .sort()
    .map((code) => ({
      code,
      label: ruleLabel(code),
      from: base.values[code] ?? null,
      to: ruleSet.values[code] ?? null,
    }));
}

/** Switches a campaign to another rule set; for a running campaign the change is recorded. */
export async function changeCampaignRuleSet(
  ctx: Context,
  campaignId: CampaignId,
  expectedVersion: number,
  ruleSetId: RuleSetId,
  rawReason: string | null,
) {
  const actor = actorOf(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    const campaign = await loadManagedCampaign(tx, actor, campaignId);
    assertOpen(campaign);
    if (campaign.ruleSetId === ruleSetId) throw new ValidationError('该换届工作已在使用此规则集');
    await readableRuleSet(tx, actor, ruleSetId);
    const running = campaign.status === 'running';
    const reason = running
      ? parseInput(text('调整原因', TEXT_LIMITS.reason), rawReason ?? '', '规则集调整有误')
      : (rawReason?.trim() ?? '');
    const row = await repo.updateCampaign(tx, campaignId, expectedVersion, { ruleSetId });
    if (!row) throw new ConflictError();
    if (running) {
      await repo.insertRuleChange(tx, {
        campaignId,
        fromRuleSetId: campaign.ruleSetId,
        toRuleSetId: ruleSetId,
        reason,
        changedBy: actor.userId,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'campaign.rule_set',
      entityType: 'campaign',
      entityId: campaignId,
      regionPath: campaign.countyPath,
      before: { ruleSetId: campaign.ruleSetId },
      after: { ruleSetId, reason },
    });
    return { row, countyPath: campaign.countyPath };
  });
  await publish(ctx, { campaignId, kind: 'campaign', regionPath: result.countyPath });
  return getCampaign(ctx, campaignId);
}

export { CAMPAIGN_STATUSES };

async function publish(
  ctx: Context,
  event: Pick<CampaignEvent, 'campaignId' | 'kind' | 'regionPath'> & Partial<CampaignEvent>,
) {
  await publishSafely(ctx.events, {
    regionId: null,
    track: null,
    stageCode: null,
    status: null,
    at: ctx.clock.now().toISOString(),
    ...event,
  });
}

export { publish as publishCampaignEvent };
