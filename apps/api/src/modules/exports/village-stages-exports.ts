import type { CampaignId, RegionId } from '@huanjie/domain';
import {
  DISPLAY_STATUS_LABEL,
  TRACK_LABEL,
  dueRuleText,
  percentPolicy,
  resolveElectionRules,
} from '@huanjie/domain';
import type { Context } from '../../context.js';
import { ruleValuesOf } from '../../shared/campaign.js';
import type { ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';
import { villageChecklist } from '../stages/stages.service.js';
import { n, text } from './export-columns.js';

/**
 * A village's stages (/villages/:campaignId/:villageId) as xlsx: one sheet per track as the tabs
 * show them, read through the service the screen's query calls. 已通过 is a 1/0 column so that the
 * 合计 counts the approved stages.
 */
export async function villageStagesExport(
  ctx: Context,
  campaignId: CampaignId,
  villageId: RegionId,
): Promise<ExportSheet[]> {
  const checklist = await villageChecklist(ctx, campaignId, villageId);
  const policy = percentPolicy(
    resolveElectionRules(await ruleValuesOf(ctx.db, checklist.campaign)),
  );
  const now = ctx.clock.now();
  return checklist.units.map((unit) => {
    const approved = unit.items.filter((i) => i.display === 'approved').length;
    return {
      name: TRACK_LABEL[unit.track].zh,
      title: exportTitle(
        [
          checklist.village.name,
          checklist.campaign.name,
          `${TRACK_LABEL[unit.track].zh}环节（已通过${String(approved)} / ${String(unit.items.length)}，选举日${unit.electionDay}）`,
        ],
        now,
      ),
      policy,
      total: true,
      columns: [
        n('position', '序号', false),
        text('stage', '环节', 28),
        text('dueDate', '截止日期'),
        text('dueRule', '截止规则', 24),
        text('status', '状态'),
        text('doneDate', '完成日期'),
        n('daysLeft', '剩余天数（负数为逾期）', false),
        n('approved', '已通过（是=1）'),
        text('explanation', '情况说明', 40),
        text('reviewComment', '审核意见', 40),
      ],
      rows: unit.items.map((i) => ({
        position: i.stage.position,
        stage: i.stage.name,
        dueDate: i.dueDate,
        dueRule: dueRuleText(i.stage, i.rules),
        status: DISPLAY_STATUS_LABEL[i.display],
        doneDate: i.record?.record.doneDate ?? null,
        daysLeft: i.display === 'approved' ? null : i.daysLeft,
        approved: i.display === 'approved' ? 1 : 0,
        explanation: i.record?.record.explanation ?? null,
        reviewComment: i.record?.record.reviewComment ?? null,
      })),
    };
  });
}
