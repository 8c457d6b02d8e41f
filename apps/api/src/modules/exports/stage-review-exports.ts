import type { CampaignId, RegionId } from '@huanjie/domain';
import { TRACK_LABEL, findStage, percentPolicy, resolveElectionRules } from '@huanjie/domain';
import type { Context } from '../../context.js';
import { requireCampaign, ruleValuesOf } from '../../shared/campaign.js';
import { actorOf, requireRegion } from '../../shared/scope.js';
import type { ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';
import { reviewQueue } from '../stages/stages.service.js';
import { chinaTime, n, text } from './export-columns.js';

/**
 * The township's stage review queue (/review) as xlsx: the submitted stages in the caller's scope,
 * oldest submission first, read through the service the screen's query calls.
 */
export async function stageReviewExport(
  ctx: Context,
  campaignId: CampaignId | null,
): Promise<ExportSheet[]> {
  const actor = actorOf(ctx);
  // authorizes the campaign (a campaign outside the scope is refused) before anything is read
  const rows = await reviewQueue(ctx, campaignId);
  const home = await requireRegion(ctx.db, actor.homeRegionId as RegionId);
  const campaign = campaignId === null ? null : await requireCampaign(ctx.db, campaignId);
  const policy = percentPolicy(
    resolveElectionRules(campaign ? await ruleValuesOf(ctx.db, campaign) : undefined),
  );
  return [
    {
      name: '环节审核',
      title: exportTitle(
        [home.name, campaign?.name, `待审核环节（共${String(rows.length)}项）`],
        ctx.clock.now(),
      ),
      policy,
      total: true,
      columns: [
        n('seq', '序号', false),
        text('village', '村（社区）'),
        text('township', '乡镇（街道）'),
        text('track', '类别'),
        text('stage', '环节', 24),
        text('doneDate', '完成日期'),
        text('submittedAt', '提交时间', 20),
        text('submittedBy', '提交人'),
        n('warnings', '已说明的提示条数'),
        text('warningText', '提示内容', 60),
        text('explanation', '说明', 40),
      ],
      rows: rows.map((r, i) => ({
        seq: i + 1,
        village: r.villageName,
        township: r.townshipName,
        track: TRACK_LABEL[r.track].zh,
        stage: findStage(r.track, r.record.stageCode)?.name ?? r.record.stageCode,
        doneDate: r.record.doneDate,
        submittedAt: chinaTime(r.record.submittedAt),
        submittedBy: r.submittedByName,
        warnings: r.record.warnings.length,
        warningText: r.record.warnings.map((w) => w.message).join('；') || null,
        explanation: r.record.explanation,
      })),
    },
  ];
}
