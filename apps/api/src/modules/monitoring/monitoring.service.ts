import type { CampaignId, RegionId, ZoneId } from '@huanjie/domain';
import type { Actor, RiskLevel, Track } from '@huanjie/domain';
import {
  RISK_PLAN_STATUS_LABEL,
  riskPlanStatus,
  STAGE_TEMPLATE,
  can,
  daysBetween,
  isWithin,
  isWithinAny,
  lastPathId,
} from '@huanjie/domain';
import type { Context } from '../../context.js';
import type { CampaignEvent } from '../../events/event-bus.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.js';
import type { RegionRef } from '../../shared/scope.js';
import type { CampaignWithRules } from '../campaigns/campaigns.service.js';
import { loadCampaign } from '../campaigns/campaigns.service.js';
import { actorOf, findRegion } from '../../shared/scope.js';
import * as repo from './monitoring.repo.js';
import type { RiskRow } from './monitoring.repo.js';
import { overviewCacheOf } from './overview-cache.js';

export interface OverviewScope {
  campaign: CampaignWithRules;
  region: RegionRef;
  track: Track | null;
  today: string;
  /** Whose view this is: cached parts are shared only between callers with the same scope. */
  scopeRoots: readonly string[];
  /** The parts, computed once however many fields of the request ask for them. */
  memo: Map<string, Promise<unknown>>;
}

function once<T>(scope: OverviewScope, key: string, compute: () => Promise<T>): Promise<T> {
  let value = scope.memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    scope.memo.set(key, value);
  }
  return value;
}

async function scopedRegion(
  ctx: Context,
  actor: Actor,
  campaign: CampaignWithRules,
  regionId: RegionId | null,
): Promise<RegionRef> {
  if (actor.scopeRoots.length === 0) throw new ForbiddenError('尚未分配可查看的区划');
  const id = regionId ?? (actor.scopeRoots.length === 1 ? undefined : null);
  let region: RegionRef | undefined;
  if (id === undefined) {
    const root = actor.scopeRoots[0] ?? '';
    // a province or city user reading a county's campaign: that county, the caller's own region
    // being above every campaign
    const home = isWithin(campaign.countyPath, root) ? campaign.countyPath : root;
    region = await findRegion(ctx.db, (lastPathId(home) ?? 0) as RegionId);
  } else if (id === null) {
    throw new ValidationError('请选择要查看的区划', [
      { path: ['regionId'], message: '请选择区划' },
    ]);
  } else {
    region = await findRegion(ctx.db, id);
  }
  if (!region || !isWithin(region.path, campaign.countyPath)) {
    throw new NotFoundError('该区划不存在或无权查看');
  }
  if (!can(actor, 'campaign.read', { regionPath: region.path })) {
    throw new ForbiddenError('无权查看该区划的换届进度');
  }
  return region;
}

/**
 * The progress of a county or township (or any region) in a campaign. The parts are computed
 * when first asked for, all together in one SQL statement over the region's subtree.
 */
export async function overview(
  ctx: Context,
  campaignId: CampaignId,
  regionId: RegionId | null,
  track: Track | null,
): Promise<OverviewScope> {
  const actor = actorOf(ctx);
  const campaign = await loadCampaign(ctx.db, actor, campaignId);
  const region = await scopedRegion(ctx, actor, campaign, regionId);
  return {
    campaign,
    region,
    track,
    today: ctx.clock.today(),
    scopeRoots: actor.scopeRoots,
    memo: new Map(),
  };
}

export function daysToElection(scope: OverviewScope): number {
  return daysBetween(scope.today, scope.campaign.electionDay);
}

/**
 * Every part of the overview from one statement, computed once per request, and kept until the
 * campaign changes (overview-cache.ts) for every caller with the same scope.
 */
export function parts(ctx: Context, scope: OverviewScope): Promise<repo.OverviewParts> {
  const { campaign, region, today: day, track } = scope;
  const key = [region.path, track ?? '*', day, ...scope.scopeRoots].join('|');
  return once(scope, 'parts', () =>
    overviewCacheOf(ctx.events).get(campaign.id, key, () =>
      repo.overviewParts(ctx.db, campaign.id, region.path, day, track),
    ),
  );
}

/** Villages by standing; the parts add up to `villages`, the denominator. */
export interface ProgressCounts {
  villages: number;
  done: number;
  in_progress: number;
  overdue: number;
  blocked: number;
  not_started: number;
}

/** The region's villages by standing: the sum of its children's. */
export async function totals(ctx: Context, scope: OverviewScope): Promise<ProgressCounts> {
  const total: ProgressCounts = {
    villages: 0,
    done: 0,
    in_progress: 0,
    overdue: 0,
    blocked: 0,
    not_started: 0,
  };
  for (const r of (await parts(ctx, scope)).children) {
    total.villages += r.villages;
    total.done += r.done;
    total.in_progress += r.in_progress;
    total.overdue += r.overdue;
    total.blocked += r.blocked;
    total.not_started += r.not_started;
  }
  return total;
}

/** The funnel of stages, per track in the order the rows come. */
export async function funnel(
  ctx: Context,
  scope: OverviewScope,
): Promise<{ track: Track; stages: repo.FunnelRow[] }[]> {
  const tracks = new Map<Track, repo.FunnelRow[]>();
  for (const row of (await parts(ctx, scope)).funnel) {
    tracks.set(row.track, [...(tracks.get(row.track) ?? []), row]);
  }
  return [...tracks].map(([track, stages]) => ({ track, stages }));
}

export async function overdue(ctx: Context, scope: OverviewScope, limit: number) {
  const { overdue: items, overdueTotal } = await parts(ctx, scope);
  return {
    total: overdueTotal,
    items: items.slice(0, Math.min(Math.max(limit, 1), repo.OVERDUE_LIMIT)),
  };
}

export interface MatrixView {
  scope: OverviewScope;
  columns: { code: string; name: string; position: number }[];
  rows: {
    villageId: number;
    villageName: string;
    villageLevel: repo.MatrixRow['village_level'];
    zoneName: string | null;
    risk: RiskLevel;
    unitId: number;
    track: Track;
    cells: repo.MatrixRow[];
  }[];
  zones: { id: number; name: string }[];
}

/**
 * Villages × stages of one track (V and C together by default) for a township, kept like the
 * overview until the campaign's next event.
 */
export async function townshipMatrix(
  ctx: Context,
  campaignId: CampaignId,
  townshipId: RegionId,
  track: Track | null,
  zoneId: ZoneId | null,
  risk: RiskLevel | null,
): Promise<MatrixView> {
  const actor = actorOf(ctx);
  const campaign = await loadCampaign(ctx.db, actor, campaignId);
  const region = await scopedRegion(ctx, actor, campaign, townshipId);
  if (region.level !== 'township') throw new ValidationError('请选择乡镇（街道）');
  const scope = {
    campaign,
    region,
    track,
    today: ctx.clock.today(),
    scopeRoots: actor.scopeRoots,
    memo: new Map(),
  };
  const key = [
    'matrix',
    region.path,
    track ?? '*',
    zoneId ?? '*',
    risk ?? '*',
    scope.today,
    ...scope.scopeRoots,
  ].join('|');
  const rows = await overviewCacheOf(ctx.events).get(campaign.id, key, () =>
    repo.matrix(ctx.db, campaign.id, region.path, scope.today, track, zoneId, risk),
  );
  const byVillage = new Map<number, MatrixView['rows'][number]>();
  for (const row of rows) {
    let village = byVillage.get(row.region_id);
    if (!village) {
      village = {
        villageId: row.region_id,
        villageName: row.village_name,
        villageLevel: row.village_level,
        zoneName: row.zone_name,
        risk: row.risk,
        unitId: row.unit_id,
        track: row.track,
        cells: [],
      };
      byVillage.set(row.region_id, village);
    }
    village.cells.push(row);
  }
  const template = STAGE_TEMPLATE[track ?? 'V'];
  return {
    scope,
    columns: template.map((s) => ({ code: s.code, name: s.name, position: s.position })),
    rows: [...byVillage.values()],
    zones: await repo.zonesOf(ctx.db, region.id),
  };
}

/**
 * A campaign's events as the caller may see them: changes inside their scope, and county or
 * township changes above it (an election day moved for their township).
 */
export async function subscribe(
  ctx: Context,
  campaignId: CampaignId,
): Promise<AsyncIterable<CampaignEvent>> {
  const actor = actorOf(ctx);
  await loadCampaign(ctx.db, actor, campaignId);
  const source = ctx.events.subscribe(campaignId);
  const visible = (event: CampaignEvent, to: Actor) =>
    isWithinAny(event.regionPath, to.scopeRoots) ||
    to.scopeRoots.some((root) => isWithin(root, event.regionPath));
  return {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        for (;;) {
          const result = await source.next();
          if (result.done) return result;
          // the right to see it is checked when it is delivered, not only when subscribing
          const now = ctx.recheck ? await ctx.recheck() : actor;
          if (!now) {
            await source.return?.();
            return { value: undefined, done: true };
          }
          if (visible(result.value, now)) return result;
        }
      },
      return: async () => {
        await source.return?.();
        return { value: undefined, done: true };
      },
    }),
  };
}

/** A risk village's 一村一策 state as a label (推进中, 已提请县级协调 …); null when it has no plan. */
export function planStateOf(r: RiskRow): string | null {
  if (r.plan_id === null) return null;
  return RISK_PLAN_STATUS_LABEL[
    riskPlanStatus({ escalatedOn: r.escalated_on, answeredOn: r.answered_on, resolvedOn: r.resolved_on })
  ];
}
