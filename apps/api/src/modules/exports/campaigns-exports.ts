import type { RegionId } from '@huanjie/domain';
import {
  CAMPAIGN_STATUS_LABEL,
  ELECTION_DAY_PLAN_LABEL,
  ORDERING_LABEL,
  TRACKS,
  TRACK_LABEL,
  percentPolicy,
  resolveElectionRules,
} from '@huanjie/domain';
import type { Context } from '../../context.js';
import { actorOf, requireRegion } from '../../shared/scope.js';
import type { ExportRow, ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';
import { getRuleSet, listCampaigns, unitCounts } from '../campaigns/campaigns.service.js';
import { n, text } from './export-columns.js';

/**
 * The county's campaigns (/campaigns) as xlsx: every campaign the list shows, read through the
 * service the screen's query calls, with its unit elections per track as numbers. No 合计: the
 * campaigns are different years' elections, their units are not added up.
 */

export async function campaignsExport(ctx: Context): Promise<ExportSheet[]> {
  const actor = actorOf(ctx);
  const campaigns = await listCampaigns(ctx);
  const home = await requireRegion(ctx.db, actor.homeRegionId as RegionId);
  const rows: ExportRow[] = [];
  for (const c of campaigns) {
    const ruleSet = await getRuleSet(ctx, c.ruleSetId);
    const units = await unitCounts(ctx, c);
    const row: ExportRow = {
      name: c.name,
      status: CAMPAIGN_STATUS_LABEL[c.status].zh,
      electionDay: c.electionDay,
      plan: ELECTION_DAY_PLAN_LABEL[c.electionDayPlan].zh,
      window: c.windowStart && c.windowEnd ? `${c.windowStart} 至 ${c.windowEnd}` : null,
      ordering: ORDERING_LABEL[c.ordering],
      terms:
        TRACKS.flatMap((track) => {
          const term = c.termNumbers[track];
          return term === undefined ? [] : [`第${String(term)}届${TRACK_LABEL[track].zh}`];
        }).join('、') || null,
      ruleSet: `${ruleSet.name} v${String(ruleSet.version)}`,
    };
    for (const track of TRACKS)
      row[`units_${track}`] = units.find((u) => u.track === track)?.n ?? 0;
    rows.push(row);
  }
  return [
    {
      name: '换届工作',
      title: exportTitle(
        [home.name, `换届工作（共${String(campaigns.length)}次）`],
        ctx.clock.now(),
      ),
      policy: percentPolicy(resolveElectionRules()),
      columns: [
        text('name', '名称', 30),
        text('status', '状态'),
        text('electionDay', '选举日'),
        text('plan', '选举日安排', 20),
        text('window', '窗口期', 24),
        text('ordering', '推进顺序'),
        text('terms', '届次', 40),
        ...TRACKS.map((track) => n(`units_${track}`, `${TRACK_LABEL[track].zh}选举单元数`, false)),
        text('ruleSet', '规则集', 24),
      ],
      rows,
    },
  ];
}
