import type { CampaignId, RegionId } from '@huanjie/domain';
import {
  RISK_LABEL,
  ROLE_INFO,
  TRACK_LABEL,
  percentPolicy,
  resolveElectionRules,
} from '@huanjie/domain';
import type { Context } from '../../context.js';
import { ruleValuesOf } from '../../shared/campaign.js';
import { requireRegion } from '../../shared/scope.js';
import type { ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';
import {
  electionDays,
  exclusions,
  getCampaign,
  getRuleSet,
  risks,
  ruleChanges,
} from '../campaigns/campaigns.service.js';
import { chinaTime, n, text } from './export-columns.js';

/**
 * A campaign's tables (/campaigns/:id in the county app) as xlsx: its election days, the villages
 * left out, its key and difficult villages (重点难点村, as the card lists them: not the 一般 ones)
 * and its rule-set changes, each read through the service the screen's query calls.
 */
export async function campaignTablesExport(
  ctx: Context,
  campaignId: CampaignId,
): Promise<ExportSheet[]> {
  const campaign = await getCampaign(ctx, campaignId);
  const county = await requireRegion(ctx.db, campaign.countyId as RegionId);
  const policy = percentPolicy(resolveElectionRules(await ruleValuesOf(ctx.db, campaign)));
  const now = ctx.clock.now();
  const title = (what: string) => exportTitle([county.name, campaign.name, what], now);
  const days = await electionDays(ctx, campaign);
  const excluded = await exclusions(ctx, campaign);
  const keyVillages = (await risks(ctx, campaign)).filter((r) => r.risk.level !== 'normal');
  const changes = await ruleChanges(ctx, campaign);
  const setName = async (id: number) => {
    const set = await getRuleSet(ctx, id);
    return `${set.name} v${String(set.version)}`;
  };
  const changeRows = [];
  for (const c of changes)
    changeRows.push({
      changedAt: chinaTime(c.change.changedAt),
      from: await setName(c.change.fromRuleSetId),
      to: await setName(c.change.toRuleSetId),
      reason: c.change.reason,
      changedBy: c.changedByName,
    });
  return [
    {
      name: '选举日',
      title: title(
        `选举日（全县统一选举日 ${campaign.electionDay}；另定的 ${String(days.length)} 处）`,
      ),
      policy,
      columns: [text('region', '区域', 24), text('track', '类别', 20), text('day', '选举日')],
      rows: days.map((d) => ({
        region: d.regionName,
        track: d.track ? TRACK_LABEL[d.track].zh : '全部',
        day: d.day,
      })),
    },
    {
      name: '不参加换届的村',
      title: title(`不参加本次换届的村（共${String(excluded.length)}个）`),
      policy,
      columns: [
        n('seq', '序号', false),
        text('village', '村（社区）'),
        text('reason', '原因', 50),
        text('createdAt', '登记时间', 20),
      ],
      rows: excluded.map((x, i) => ({
        seq: i + 1,
        village: x.regionName,
        reason: x.reason,
        createdAt: chinaTime(x.createdAt),
      })),
    },
    {
      name: '重点难点村',
      title: title(`重点难点村（共${String(keyVillages.length)}个）`),
      policy,
      total: true,
      columns: [
        text('village', '村（社区）'),
        text('level', '类别'),
        n('key', '重点村（是=1）'),
        n('difficult', '难点村（是=1）'),
        text('reason', '原因', 50),
        text('setBy', '认定人', 20),
      ],
      rows: keyVillages.map((r) => ({
        village: r.regionName,
        level: RISK_LABEL[r.risk.level],
        key: r.risk.level === 'key' ? 1 : 0,
        difficult: r.risk.level === 'difficult' ? 1 : 0,
        reason: r.risk.reason,
        setBy: `${r.setByName}（${ROLE_INFO[r.risk.setByRole].label.zh}）`,
      })),
    },
    {
      name: '规则集调整',
      title: title(`规则集调整（共${String(changes.length)}次）`),
      policy,
      columns: [
        text('changedAt', '时间', 20),
        text('from', '原规则集', 24),
        text('to', '新规则集', 24),
        text('reason', '原因', 50),
        text('changedBy', '调整人'),
      ],
      rows: changeRows,
    },
  ];
}
