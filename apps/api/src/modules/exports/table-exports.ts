import type {
  AuditChange,
  CampaignId,
  PercentPolicy,
  RegionId,
  RiskLevel,
  Track,
  ZoneId,
} from '@huanjie/domain';
import {
  BODY_LABEL,
  DISPLAY_STATUS_LABEL,
  RISK_LABEL,
  ROLE_INFO,
  TRACK_LABEL,
  UNIT_PROGRESS_LABEL,
  auditActionLabel,
  auditChanges,
  percentPolicy,
  resolveElectionRules,
} from '@huanjie/domain';
import type { ResultStatus } from '@huanjie/db';
import type { Context } from '../../context.js';
import { ruleValuesOf } from '../../shared/campaign.js';
import { requireRegion } from '../../shared/scope.js';
import type { ExportRow, ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';
import * as audit from '../audit/audit-browse.service.js';
import * as monitoring from '../monitoring/monitoring.service.js';
import * as results from '../results/results.service.js';
import { chinaTime, n, pct, text } from './export-columns.js';
import { overdueSheet, riskSheet } from './overview-list-exports.js';

/**
 * The tables of the township and county apps as xlsx: each read through the service its screen's
 * query uses, with the same filters, so the file holds what the screen shows.
 */

const PROGRESS_PARTS = [
  ['done', 'done'],
  ['in_progress', 'in_progress'],
  ['overdue', 'overdue'],
  ['blocked', 'blocked'],
  ['not_started', 'not_started'],
] as const;

/** The campaign overview: its children's progress (with 合计), the funnel, overdue stages, risk villages. */
export async function overviewExport(
  ctx: Context,
  campaignId: CampaignId,
  regionId: RegionId | null,
  track: Track | null,
): Promise<ExportSheet[]> {
  const scope = await monitoring.overview(ctx, campaignId, regionId, track);
  const parts = await monitoring.parts(ctx, scope);
  const funnel = await monitoring.funnel(ctx, scope);
  const overdue = await monitoring.overdue(ctx, scope, Number.MAX_SAFE_INTEGER);
  const policy = percentPolicy(resolveElectionRules(await ruleValuesOf(ctx.db, scope.campaign)));
  const now = ctx.clock.now();
  const trackName = track === null ? '全部类别' : TRACK_LABEL[track].zh;
  const title = (what: string) =>
    exportTitle([scope.region.name, scope.campaign.name, what, trackName], now);
  const county = scope.region.level === 'county';
  return [
    {
      name: county ? '各乡镇进度' : '各村进度',
      title: title(county ? '各乡镇（街道）换届进度' : '各村（社区）换届进度'),
      policy,
      total: true,
      columns: [
        text('name', county ? '乡镇（街道）' : '村（社区）'),
        n('villages', '村（社区）数'),
        ...PROGRESS_PARTS.flatMap(([key, progress]) => [
          n(key, UNIT_PROGRESS_LABEL[progress]),
          pct(`${key}Pct`, `${UNIT_PROGRESS_LABEL[progress]}占比`, key, 'villages'),
        ]),
        n('key_risk', '重点村'),
        n('difficult_risk', '难点村'),
      ],
      rows: parts.children.map((c) => ({ ...c })),
    },
    ...funnel.map((f): ExportSheet => ({
      name: `环节漏斗-${TRACK_LABEL[f.track].zh}`,
      title: title(`环节漏斗 · ${TRACK_LABEL[f.track].zh}`),
      policy,
      columns: [
        n('position', '序号', false),
        text('name', '环节'),
        n('total', '选举单位数', false),
        n('approved', '已通过'),
        pct('approvedPct', '通过率', 'approved', 'total'),
        n('submitted', '已提交待审'),
        n('in_progress', '进行中'),
        n('overdue', '已逾期'),
        n('blocked', '受阻'),
        n('not_started', '未开始'),
      ],
      rows: f.stages.map((s) => ({ ...s })),
    })),
    overdueSheet(overdue, policy, title),
    riskSheet(parts.risks, policy, title),
  ];
}

/** A township's villages × stages, filtered as on screen; each cell the stage's status and due date. */
export async function matrixExport(
  ctx: Context,
  campaignId: CampaignId,
  townshipId: RegionId,
  track: Track | null,
  zoneId: ZoneId | null,
  risk: RiskLevel | null,
): Promise<ExportSheet[]> {
  const m = await monitoring.townshipMatrix(ctx, campaignId, townshipId, track, zoneId, risk);
  const policy = percentPolicy(resolveElectionRules(await ruleValuesOf(ctx.db, m.scope.campaign)));
  const zone = zoneId === null ? null : (m.zones.find((z) => z.id === zoneId)?.name ?? null);
  const filters = [
    track === null ? '村（居）委会' : TRACK_LABEL[track].zh,
    zone,
    risk === null ? null : RISK_LABEL[risk],
  ];
  return [
    {
      name: '环节进度表',
      title: exportTitle(
        [m.scope.region.name, m.scope.campaign.name, '各村环节进度', ...filters],
        ctx.clock.now(),
      ),
      policy,
      columns: [
        text('village', '村（社区）'),
        text('zone', '片区'),
        text('risk', '类别'),
        ...m.columns.map((c) => text(c.code, `${String(c.position)}. ${c.name}`, 16)),
      ],
      rows: m.rows.map((r) => {
        const row: ExportRow = {
          village: r.villageName,
          zone: r.zoneName,
          risk: RISK_LABEL[r.risk],
        };
        for (const cell of r.cells) {
          const label =
            cell.display in DISPLAY_STATUS_LABEL
              ? DISPLAY_STATUS_LABEL[cell.display as keyof typeof DISPLAY_STATUS_LABEL]
              : cell.display;
          row[cell.code] = `${label}（${cell.due_date}）`;
        }
        return row;
      }),
    },
  ];
}

const RESULT_STATUS_LABEL: Record<ResultStatus, string> = {
  draft: '草稿',
  submitted: '已上报待审核',
  returned: '已退回',
  approved: '审核通过',
};

/** The results queue of a region in the statuses on screen, with the figures of each sheet. */
export async function resultQueueExport(
  ctx: Context,
  regionId: RegionId,
  statuses: ResultStatus[],
  policy: PercentPolicy,
): Promise<ExportSheet[]> {
  const units = await results.resultQueue(ctx, regionId, statuses);
  // read after the service authorized the region
  const regionName = (await requireRegion(ctx.db, regionId)).name;
  const rows = await Promise.all(
    units.map(async (b) => {
      const result = await results.resultOf(ctx, b.unit.id);
      const revision = result ? await results.latestRevision(ctx, result) : null;
      return {
        village: b.unit.regionName,
        body: BODY_LABEL[b.unit.track],
        day: b.unit.electionDay,
        status: result ? RESULT_STATUS_LABEL[result.status] : null,
        revision: result?.revision ?? null,
        submittedAt: chinaTime(result?.submittedAt ?? null),
        oneTime:
          revision?.outcome.oneTimeSuccess == null
            ? null
            : revision.outcome.oneTimeSuccess
              ? '是'
              : '否（另行选举）',
        warnings: revision?.outcome.warnings.length ?? 0,
        warningText: revision?.outcome.warnings.map((w) => w.message).join('；') ?? null,
      } satisfies ExportRow;
    }),
  );
  return [
    {
      name: '选举结果审核',
      title: exportTitle(
        [regionName, '选举结果', statuses.map((s) => RESULT_STATUS_LABEL[s]).join('、')],
        ctx.clock.now(),
      ),
      policy,
      total: true,
      columns: [
        text('village', '村（社区）'),
        text('body', '组织'),
        text('day', '选举日'),
        text('status', '状态'),
        n('revision', '版本', false),
        text('submittedAt', '上报时间', 20),
        text('oneTime', '一次选举成功'),
        n('warnings', '提示条数'),
        text('warningText', '提示内容', 60),
      ],
      rows,
    },
  ];
}

export interface AuditFilter {
  regionId: RegionId | null;
  username: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
}

const AUDIT_PAGE = 200;

/**
 * The audit log with the screen's filters, every entry (not only the page on screen), read page by
 * page through the audit browse service while the file is written. The first page is read before
 * anything is sent, so a refusal is an answer, not a broken file.
 */
export async function auditExport(
  ctx: Context,
  title: string,
  filter: AuditFilter,
  policy: PercentPolicy,
): Promise<ExportSheet[]> {
  const first = await audit.browse(ctx, { ...filter, first: AUDIT_PAGE, offset: 0 });
  type Entry = (typeof first.items)[number];
  async function* entries(): AsyncGenerator<ExportRow> {
    let page: Entry[] = first.items;
    let offset = 0;
    for (;;) {
      for (const e of page) yield auditRow(e);
      offset += AUDIT_PAGE;
      if (offset >= first.total || page.length === 0) return;
      page = (await audit.browse(ctx, { ...filter, first: AUDIT_PAGE, offset })).items;
    }
  }
  return [
    {
      name: '操作日志',
      title: exportTitle([title, `操作日志（共${String(first.total)}条）`], ctx.clock.now()),
      policy,
      columns: [
        n('seq', '序号', false),
        text('at', '时间', 20),
        text('user', '操作人'),
        text('username', '用户名'),
        text('role', '角色'),
        text('action', '操作', 24),
        text('entity', '对象', 40),
        text('region', '区划'),
        text('before', '修改前', 50),
        text('after', '修改后', 50),
      ],
      rows: entries(),
    },
  ];
}

function auditRow(e: Awaited<ReturnType<typeof audit.browse>>['items'][number]): ExportRow {
  return {
    seq: e.seq,
    at: chinaTime(e.at),
    user: e.userName ?? '系统',
    username: e.username,
    role:
      e.role && e.role in ROLE_INFO ? ROLE_INFO[e.role as keyof typeof ROLE_INFO].label.zh : null,
    action: auditActionLabel(e.action),
    entity: e.summary,
    region: e.region?.name ?? null,
    ...changeColumns(auditChanges(e.before, e.after)),
  };
}

/** Before and after, one changed field per line in words: "本届登记选民数：1200". */
function changeColumns(changes: AuditChange[]): { before: string | null; after: string | null } {
  const lines = (side: 'before' | 'after') => {
    const shown = changes
      .filter((c) => c[side] !== null)
      .map((c) => `${c.label}：${c[side] ?? ''}`);
    return shown.length === 0 ? null : shown.join('\n');
  };
  return { before: lines('before'), after: lines('after') };
}
