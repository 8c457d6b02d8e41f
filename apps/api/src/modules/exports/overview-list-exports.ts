import type { CampaignId, PercentPolicy, RegionId, Track } from '@huanjie/domain';
import {
  RISK_LABEL,
  TRACK_LABEL,
  UNIT_PROGRESS_LABEL,
  percentPolicy,
  resolveElectionRules,
} from '@huanjie/domain';
import type { Context } from '../../context.js';
import { ruleValuesOf } from '../../shared/campaign.js';
import type { ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';
import * as monitoring from '../monitoring/monitoring.service.js';
import { n, text } from './export-columns.js';

/**
 * The two lists below the overview's funnel — overdue stages and key/difficult villages — as
 * sheets (also part of the whole overview's file) and as files of their own, for the region,
 * campaign and track on screen. Every row, not only the page on screen.
 */

type Overdue = Awaited<ReturnType<typeof monitoring.overdue>>;
type Risks = Awaited<ReturnType<typeof monitoring.parts>>['risks'];
type Title = (what: string) => string;

export function overdueSheet(overdue: Overdue, policy: PercentPolicy, title: Title): ExportSheet {
  return {
    name: '逾期环节',
    title: title(`逾期环节（共${String(overdue.total)}项）`),
    policy,
    columns: [
      text('village', '村（社区）'),
      text('township', '乡镇（街道）'),
      text('track', '类别'),
      text('stage', '环节'),
      text('due', '截止日期'),
      n('days', '逾期天数', false),
    ],
    rows: overdue.items.map((o) => ({
      village: o.village_name,
      township: o.township_name,
      track: TRACK_LABEL[o.track].zh,
      stage: o.name,
      due: o.due_date,
      days: o.days_overdue,
    })),
  };
}

export function riskSheet(risks: Risks, policy: PercentPolicy, title: Title): ExportSheet {
  return {
    name: '重点难点村',
    title: title(`重点难点村（共${String(risks.length)}个）`),
    policy,
    columns: [
      text('village', '村（社区）'),
      text('township', '乡镇（街道）'),
      text('level', '类别'),
      text('reason', '原因', 40),
      text('plan', '一村一策', 16),
      text('owner', '方案负责人'),
      n('open', '未完成措施', false),
      n('overdue', '逾期措施', false),
      n('done', '已完成措施', false),
      text('setBy', '标记人'),
      text('progress', '进度'),
    ],
    rows: risks.map((r) => ({
      village: r.village_name,
      township: r.township_name,
      level: RISK_LABEL[r.level],
      reason: r.reason,
      plan: monitoring.planStateOf(r) ?? '未制定',
      owner: r.owner_name,
      open: r.measures_open,
      overdue: r.measures_overdue,
      done: r.measures_done,
      setBy: `${r.set_by_name}（${r.set_by_role}）`,
      progress:
        r.progress && r.progress in UNIT_PROGRESS_LABEL
          ? UNIT_PROGRESS_LABEL[r.progress as keyof typeof UNIT_PROGRESS_LABEL]
          : r.progress,
    })),
  };
}

async function overviewScope(
  ctx: Context,
  campaignId: CampaignId,
  regionId: RegionId | null,
  track: Track | null,
) {
  const scope = await monitoring.overview(ctx, campaignId, regionId, track);
  const policy = percentPolicy(resolveElectionRules(await ruleValuesOf(ctx.db, scope.campaign)));
  const now = ctx.clock.now();
  const trackName = track === null ? '全部类别' : TRACK_LABEL[track].zh;
  const title: Title = (what) =>
    exportTitle([scope.region.name, scope.campaign.name, what, trackName], now);
  return { scope, policy, title };
}

/** The overview's overdue stages, every one of them (the screen pages through the first 100). */
export async function overdueExport(
  ctx: Context,
  campaignId: CampaignId,
  regionId: RegionId | null,
  track: Track | null,
): Promise<ExportSheet[]> {
  const { scope, policy, title } = await overviewScope(ctx, campaignId, regionId, track);
  const overdue = await monitoring.overdue(ctx, scope, Number.MAX_SAFE_INTEGER);
  return [overdueSheet(overdue, policy, title)];
}

/** The overview's key and difficult villages. */
export async function riskVillagesExport(
  ctx: Context,
  campaignId: CampaignId,
  regionId: RegionId | null,
  track: Track | null,
): Promise<ExportSheet[]> {
  const { scope, policy, title } = await overviewScope(ctx, campaignId, regionId, track);
  const parts = await monitoring.parts(ctx, scope);
  return [riskSheet(parts.risks, policy, title)];
}
