import type { Context } from '../../context.js';
import type { RepresentativeTotals } from '../representatives/representatives.service.js';
import type { StatsView } from '../statistics/statistics.service.js';
import { representativeStatisticsOfEach } from '../statistics/statistics.service.js';
import type { ExportColumn, ExportRow, ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';

/**
 * 村民代表和村民小组长推选情况统计表: one row per child region and the 合计, from the statistics
 * module's figures (representativeStatisticsOfEach, one query for all rows) with the denominators the statistics page uses —
 * women, party members and representatives also group leaders of the representatives; leaders
 * and deputies of the villager groups of the villages that reported.
 */
export const REPRESENTATIVES_FORM_TITLE = '村民代表和村民小组长推选情况统计表';

const n = (key: string, header: string): ExportColumn => ({
  key,
  header,
  kind: 'number',
  sum: true,
});

function share(key: string, header: string, count: string, denominator: string): ExportColumn {
  return { key, header: `${header}（%）`, kind: 'percent', count, denominator };
}

export function representativesColumns(view: StatsView): ExportColumn[] {
  return [
    { key: 'name', header: view.level === 'county' ? '乡镇（街道）' : '村（社区）', kind: 'text' },
    n('villages', '参加换届的村（社区）数'),
    n('villagesReporting', '已登记村民代表的村（社区）数'),
    share('reportingPct', '登记率', 'villagesReporting', 'villages'),
    n('representatives', '村民代表人数'),
    n('women', '其中妇女代表'),
    share('womenPct', '妇女代表占比', 'women', 'representatives'),
    n('partyMembers', '其中中共党员'),
    share('partyPct', '党员占比', 'partyMembers', 'representatives'),
    n('alsoGroupLeader', '其中兼任村民小组长'),
    share('alsoLeaderPct', '兼任村民小组长占比', 'alsoGroupLeader', 'representatives'),
    n('groups', '村民小组数（已登记的村）'),
    n('groupLeaders', '村民小组长人数'),
    share('leadersPct', '已推选组长的小组占比', 'groupLeaders', 'groups'),
    n('groupDeputies', '村民小组副组长人数'),
  ];
}

function row(name: string, t: RepresentativeTotals | null, villages: number): ExportRow {
  return {
    name,
    villages: t?.villages ?? villages,
    villagesReporting: t?.villagesReporting ?? 0,
    representatives: t?.representatives ?? 0,
    women: t?.women ?? 0,
    partyMembers: t?.partyMembers ?? 0,
    alsoGroupLeader: t?.alsoGroupLeader ?? 0,
    groups: t?.groups ?? 0,
    groupLeaders: t?.groupLeaders ?? 0,
    groupDeputies: t?.groupDeputies ?? 0,
  };
}

/** The form of a region: its children's rows and a 合计 row that is their sum. */
export async function representativesSheet(
  ctx: Context,
  view: StatsView,
  now: Date,
): Promise<ExportSheet> {
  const units = view.children.length > 0 ? view.children : [view];
  const totals = await representativeStatisticsOfEach(ctx, units);
  const rows = units.map((unit, i) => row(unit.name, totals[i] ?? null, unit.counts.villages));
  return {
    name: REPRESENTATIVES_FORM_TITLE,
    title: exportTitle([view.name, view.campaignName, REPRESENTATIVES_FORM_TITLE], now),
    columns: representativesColumns(view),
    rows,
    total: view.children.length > 0,
    policy: view.policy,
  };
}
