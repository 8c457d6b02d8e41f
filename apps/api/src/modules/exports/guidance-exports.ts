import type { CampaignId, PercentPolicy, RegionId } from '@huanjie/domain';
import {
  CADRE_RANK_LABEL,
  GENDER_LABEL,
  RISK_LABEL,
  TEAM_ROLE_LABEL,
  TRACKS,
  TRACK_LABEL,
  percentPolicy,
  resolveElectionRules,
} from '@huanjie/domain';
import type { Context } from '../../context.js';
import { ruleValuesOf } from '../../shared/campaign.js';
import { requireRegion } from '../../shared/scope.js';
import type { ExportRow, ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';
import type { TeamView } from '../guidance/guidance.service.js';
import { countyGuidance, townshipBoard } from '../guidance/guidance.service.js';
import { missingDailyReports } from '../guidance/logs.service.js';
import { listCadres } from '../guidance/roster.service.js';
import { n, pct, signedIn, text } from './export-columns.js';

/**
 * The guidance screens as xlsx — the township's assignment board, the cadre roster, the daily
 * reports — each read through the service its screen's query calls, with the screen's filters.
 */

const SEVERITY_LABEL = { error: '错误', warning: '提醒' } as const;

/**
 * The assignment board (/guidance): its villages table (all, or only those with problems, as the
 * switch on screen), the teams beside it, and the coverage problems above it.
 */
export async function guidanceBoardExport(
  ctx: Context,
  townshipId: RegionId,
  campaignId: CampaignId | null,
  onlyProblems: boolean,
): Promise<ExportSheet[]> {
  const board = await townshipBoard(signedIn(ctx), townshipId, campaignId);
  const policy = percentPolicy(resolveElectionRules(await ruleValuesOf(ctx.db, board.campaign)));
  const now = ctx.clock.now();
  const title = (what: string) => exportTitle([board.owner.name, board.campaign.name, what], now);
  const problems = new Map<number, number>();
  for (const f of board.findings)
    for (const id of f.villageIds) problems.set(id, (problems.get(id) ?? 0) + 1);
  const teamName = new Map(board.teams.map((t) => [t.id, t.name]));
  const tracks = TRACKS.filter((track) =>
    board.villages.some((v) => v.tracks.some((p) => p.track === track)),
  );
  const villages = onlyProblems
    ? board.villages.filter((v) => (problems.get(v.id) ?? 0) > 0)
    : board.villages;
  const min = board.rules.minCadresPerVillage.value;
  return [
    {
      name: '各村包联情况',
      title: title(onlyProblems ? '各村包联情况（只看有问题的村）' : '各村包联情况'),
      policy,
      total: true,
      columns: [
        text('village', '村（社区）'),
        text('zone', '片区'),
        text('risk', '类别'),
        text('days', '选举日', 14),
        ...tracks.flatMap((track) => [
          n(`${track}_approved`, `${TRACK_LABEL[track].zh}已通过环节`),
          n(`${track}_total`, `${TRACK_LABEL[track].zh}环节数`),
          pct(
            `${track}_pct`,
            `${TRACK_LABEL[track].zh}通过率`,
            `${track}_approved`,
            `${track}_total`,
          ),
        ]),
        text('teams', '指导组', 20),
        n('cadreCount', '包村干部数', false),
        n('meetsMinimum', `达到每村${String(min)}名干部（是=1）`),
        text('cadres', '包村干部', 40),
        text('first', '第一责任人'),
        text('direct', '直接责任人', 20),
        n('problems', '问题'),
      ],
      rows: villages.map((v) => {
        const row: ExportRow = {
          village: v.name,
          zone: v.zoneName,
          risk: v.riskLevel === null ? null : RISK_LABEL[v.riskLevel],
          days: v.electionDays.join('、'),
          teams:
            v.teamIds.length === 0
              ? '未安排'
              : v.teamIds.map((id) => teamName.get(id) ?? '').join('、'),
          cadreCount: v.cadres.length,
          meetsMinimum: v.cadres.length >= min ? 1 : 0,
          cadres: v.cadres
            .map((c) => `${c.cadre.name}（${c.roles.map((r) => TEAM_ROLE_LABEL[r]).join('、')}）`)
            .join('；'),
          first: v.first?.name ?? null,
          direct: v.direct.map((c) => c.name).join('、') || null,
          problems: problems.get(v.id) ?? 0,
        };
        for (const p of v.tracks) {
          row[`${p.track}_approved`] = p.approved;
          row[`${p.track}_total`] = p.total;
        }
        return row;
      }),
    },
    teamsSheet('指导组', board.teams, policy, title),
    {
      name: '包联问题',
      title: title(`包联问题（共${String(board.findings.length)}项）`),
      policy,
      columns: [
        text('severity', '类别'),
        text('message', '问题', 60),
        text('citation', '依据', 40),
      ],
      rows: board.findings.map((f) => ({
        severity: SEVERITY_LABEL[f.severity],
        message: f.message,
        citation: f.citation,
      })),
    },
  ];
}

/** Teams with leader, members and what each is assigned to (指导组 of a township, 督导组 of the county). */
function teamsSheet(
  kind: string,
  teams: TeamView[],
  policy: PercentPolicy,
  title: (what: string) => string,
): ExportSheet {
  return {
    name: kind,
    title: title(`${kind}（共${String(teams.length)}个）`),
    policy,
    total: true,
    columns: [
      text('team', kind),
      text('leader', '组长'),
      n('memberCount', '成员数'),
      text('members', '成员', 40),
      text('targets', '负责村（片区、乡镇）', 40),
      n('villages', '负责村数', false),
    ],
    rows: teams.map((t) => ({
      team: t.name,
      leader: t.leader?.name ?? null,
      memberCount: t.members.length,
      members: t.members.map((m) => `${m.cadre.name}（${TEAM_ROLE_LABEL[m.role]}）`).join('、'),
      targets: t.assignments
        .map((a) => (a.zone ? `${a.zone.name}（片区）` : (a.region?.name ?? '')))
        .join('、'),
      villages: t.assignments.reduce((s, a) => s + a.villageCount, 0),
    })),
  };
}

/**
 * The county guidance page (/guidance in the county app): each township's coverage with its
 * counts over its villages and a 合计, and the county's supervision teams.
 */
export async function countyGuidanceExport(
  ctx: Context,
  countyId: RegionId,
  campaignId: CampaignId | null,
): Promise<ExportSheet[]> {
  const county = await countyGuidance(signedIn(ctx), countyId, campaignId);
  const policy = percentPolicy(resolveElectionRules(await ruleValuesOf(ctx.db, county.campaign)));
  const now = ctx.clock.now();
  const title = (what: string) =>
    exportTitle([county.county.name, county.campaign.name, what], now);
  const teamNames = (ids: number[]) =>
    county.teams.filter((s) => ids.includes(s.id)).map((s) => s.name);
  const min = county.rules.minCadresPerVillage.value;
  return [
    {
      name: '各乡镇指导组覆盖',
      title: title('各乡镇指导组覆盖情况'),
      policy,
      total: true,
      columns: [
        text('township', '乡镇（街道）'),
        n('villages', '村（社区）数'),
        n('covered', '已分配指导组的村'),
        pct('coveredPct', '覆盖率', 'covered', 'villages'),
        n('meeting', `包村干部达到${String(min)}名的村`),
        pct('meetingPct', '达标率', 'meeting', 'villages'),
        n('errors', '错误'),
        n('warnings', '提醒'),
        n('teams', '指导组数'),
        n('roster', '花名册人数'),
        text('supervision', '县级督导组', 30),
      ],
      rows: county.townships.map((tc) => ({
        township: tc.township.name,
        villages: tc.villages,
        covered: tc.coveredVillages,
        meeting: tc.villagesMeetingMinimum,
        errors: tc.findings.filter((f) => f.severity === 'error').length,
        warnings: tc.findings.filter((f) => f.severity === 'warning').length,
        teams: tc.teams,
        roster: tc.rosterSize,
        supervision: teamNames(tc.supervisionTeamIds).join('、') || '未安排',
      })),
    },
    teamsSheet('县级督导组', county.teams, policy, title),
    {
      name: '督导问题',
      title: title(`督导问题（共${String(county.findings.length)}项）`),
      policy,
      columns: [
        text('severity', '类别'),
        text('message', '问题', 60),
        text('citation', '依据', 40),
      ],
      rows: county.findings.map((f) => ({
        severity: SEVERITY_LABEL[f.severity],
        message: f.message,
        citation: f.citation,
      })),
    },
  ];
}

/** The roster (/guidance/roster) of a township or the county: every cadre, as the table lists them. */
export async function rosterExport(
  ctx: Context,
  regionId: RegionId,
  policy: PercentPolicy,
): Promise<ExportSheet[]> {
  const cadres = await listCadres(signedIn(ctx), regionId);
  const region = await requireRegion(ctx.db, regionId);
  return [
    {
      name: '干部花名册',
      title: exportTitle(
        [region.name, `干部花名册（共${String(cadres.length)}人）`],
        ctx.clock.now(),
      ),
      policy,
      columns: [
        n('seq', '序号', false),
        text('name', '姓名'),
        text('gender', '性别'),
        text('rank', '职级'),
        text('post', '职务', 24),
        text('phone', '手机号码', 16),
        text('username', '登录账号', 16),
      ],
      rows: cadres.map((c, i) => ({
        seq: i + 1,
        name: c.name,
        gender: GENDER_LABEL[c.gender],
        rank: CADRE_RANK_LABEL[c.rank],
        post: c.post,
        phone: c.phone,
        username: c.username,
      })),
    },
  ];
}

/**
 * The daily reports (/guidance/daily) of a township on the day on screen: the villages that have not
 * reported it, and every day of the window so far with its count over the villages.
 */
export async function dailyReportsExport(
  ctx: Context,
  townshipId: RegionId,
  date: string | null,
): Promise<ExportSheet[]> {
  const authed = signedIn(ctx);
  const m = await missingDailyReports(authed, townshipId, { date });
  const township = await requireRegion(ctx.db, townshipId);
  const policy = percentPolicy(resolveElectionRules(await ruleValuesOf(ctx.db, m.campaign)));
  const now = ctx.clock.now();
  return [
    {
      name: `未报日报村 ${m.date}`,
      title: exportTitle(
        [
          township.name,
          m.campaign.name,
          m.inWindow
            ? `${m.date} 未报日报的村（${String(m.total - m.reported)} / ${String(m.total)}）`
            : `${m.date} 不在日报期间（${m.window.start} 至 ${m.window.end}）`,
        ],
        now,
      ),
      policy,
      columns: [
        n('seq', '序号', false),
        text('village', '村（社区）'),
        text('teams', '指导组', 24),
        text('cadres', '包村干部及电话', 50),
      ],
      rows: m.missing.map((v, i) => ({
        seq: i + 1,
        village: v.village.name,
        teams: v.teamNames.length > 0 ? v.teamNames.join('、') : '未安排',
        cadres: v.cadres.map((c) => (c.phone ? `${c.name} ${c.phone}` : c.name)).join('；'),
      })),
    },
    {
      name: '每日汇报情况',
      title: exportTitle([township.name, m.campaign.name, '每日汇报情况'], now),
      policy,
      total: true,
      columns: [
        text('date', '日期'),
        n('reported', '已报村数'),
        n('total', '村数'),
        pct('rate', '报送率', 'reported', 'total'),
        n('missing', '未报村数'),
      ],
      // newest first, as on screen
      rows: [...m.days].reverse().map((d) => ({
        date: d.date,
        reported: d.reported,
        total: d.total,
        missing: d.total - d.reported,
      })),
    },
  ];
}
