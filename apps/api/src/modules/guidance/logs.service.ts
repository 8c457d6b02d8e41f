import type { CampaignId, RegionId } from '@huanjie/domain';
import type { DailyStatus, VisitKind } from '@huanjie/domain';
import { dailyReportWindow, daysFrom, isIsoDate, isVillageLevel } from '@huanjie/domain';
import type { AuthenticatedContext } from '../../context.js';
import { ValidationError } from '../../shared/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './guidance.repo.js';
import type { CadreRef } from './guidance.repo.js';
import type { CampaignRef } from '../../shared/campaign.js';
import { z } from 'zod';
import { assertOpen, resolveCampaign } from '../../shared/campaign.js';
import { parseInput, pastDate, plainText } from '../../shared/validation.js';
import { authorize, requireRegion } from '../../shared/scope.js';
import { townshipBoard } from './guidance.service.js';
import * as logs from './logs.repo.js';
import type { ReportRow, VisitRow } from './logs.repo.js';

/** A village a guidance member may write about, and the campaign they write in. */
async function villageToLog(
  ctx: AuthenticatedContext,
  villageId: RegionId,
  campaignId: CampaignId | null | undefined,
) {
  const village = await requireRegion(ctx.db, villageId);
  authorize(ctx.actor, 'guidance.log', village.path, '只能为包联的村(社区)填报');
  if (!isVillageLevel(village.level)) throw new ValidationError('请选择村(社区)');
  const campaign = await resolveCampaign(ctx.db, village.path, campaignId);
  assertOpen(campaign);
  return { village, campaign };
}

export interface VisitInput {
  villageId: RegionId;
  campaignId?: CampaignId | null;
  kind: VisitKind;
  date: string;
  withWhom: string;
  topic: string;
  outcome: string;
  followUpNeeded: boolean;
  followUp?: string | null;
}

export async function logVisit(ctx: AuthenticatedContext, input: VisitInput): Promise<VisitRow> {
  const { village, campaign } = await villageToLog(ctx, input.villageId, input.campaignId);
  const { withWhom, topic, outcome, followUp } = parseInput(
    z.object({
      date: pastDate(ctx.clock.today(), '日期不能晚于今天'),
      withWhom: plainText('走访(谈话)对象', { required: true, max: 60 }),
      topic: plainText('事由', { required: true, max: 200 }),
      outcome: plainText('结果', { required: true, max: 1000 }),
      followUp: plainText('需跟进事项', { required: input.followUpNeeded, max: 500 }),
    }),
    input,
    '走访记录有误',
  );
  const cadre = await repo.findCadreOfUser(ctx.db, ctx.actor.userId);
  const id = await ctx.db.transaction(async (tx) => {
    const values = {
      campaignId: campaign.id,
      regionId: village.id,
      regionPath: village.path,
      kind: input.kind,
      visitDate: input.date,
      withWhom,
      topic,
      outcome,
      followUpNeeded: input.followUpNeeded,
      followUp: input.followUpNeeded ? followUp : null,
      userId: ctx.actor.userId,
      cadreId: cadre?.id ?? null,
    };
    const visitId = await logs.insertVisit(tx, values);
    await recordAudit(tx, ctx, {
      action: 'visit.log',
      entityType: 'visit_log',
      entityId: visitId,
      regionPath: village.path,
      after: values,
    });
    return visitId;
  });
  const row = await logs.findVisit(ctx.db, id);
  if (!row) throw new Error('visit vanished');
  return row;
}

/** Visits and talks in a region's subtree (a village, or a township for its coordinator). */
export async function listVisits(
  ctx: AuthenticatedContext,
  regionId: RegionId,
  input: { campaignId?: CampaignId | null; followUpOnly?: boolean | null; first?: number | null },
): Promise<VisitRow[]> {
  const region = await requireRegion(ctx.db, regionId);
  authorize(ctx.actor, 'guidance.read', region.path, '无权查看该区划的走访记录');
  const campaign = await resolveCampaign(ctx.db, region.path, input.campaignId);
  return logs.visitsUnder(ctx.db, campaign.id, region.path, {
    followUpOnly: input.followUpOnly ?? false,
    limit: Math.min(Math.max(input.first ?? 50, 1), 200),
  });
}

export interface DailyReportInput {
  villageId: RegionId;
  campaignId?: CampaignId | null;
  date?: string | null;
  status: DailyStatus;
  problems?: string | null;
  needs?: string | null;
}

/** Files (or corrects) today's report of a village; one report per village and day. */
export async function submitDailyReport(
  ctx: AuthenticatedContext,
  input: DailyReportInput,
): Promise<ReportRow> {
  const { village, campaign } = await villageToLog(ctx, input.villageId, input.campaignId);
  const today = ctx.clock.today();
  const window = dailyReportWindow(campaign);
  const { date, problems, needs } = parseInput(
    z.object({
      date: pastDate(today, '不能提前填报以后的日报').refine(
        (d) => d >= window.start && d <= window.end,
        { message: `一日一汇报只在换届选举期间（${window.start}至${window.end}）填报` },
      ),
      problems: plainText('存在问题', { required: input.status !== 'on_track', max: 500 }),
      needs: plainText('需要协调事项', { required: input.status === 'blocked', max: 500 }),
    }),
    { ...input, date: input.date ?? today },
    '日报有误',
  );
  await ctx.db.transaction(async (tx) => {
    const before = await logs.findReport(tx, campaign.id, village.id, date);
    const values = {
      campaignId: campaign.id,
      regionId: village.id,
      regionPath: village.path,
      reportDate: date,
      status: input.status,
      problems,
      needs,
      userId: ctx.actor.userId,
    };
    await logs.upsertReport(tx, values, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: before ? 'daily_report.correct' : 'daily_report.submit',
      entityType: 'daily_report',
      entityId: `${village.id}/${date}`,
      regionPath: village.path,
      before: before
        ? { status: before.status, problems: before.problems, needs: before.needs }
        : null,
      after: values,
    });
  });
  const row = await logs.findReport(ctx.db, campaign.id, village.id, date);
  if (!row) throw new Error('daily report vanished');
  return row;
}

export async function listDailyReports(
  ctx: AuthenticatedContext,
  regionId: RegionId,
  input: { campaignId?: CampaignId | null; from?: string | null; to?: string | null },
): Promise<ReportRow[]> {
  const region = await requireRegion(ctx.db, regionId);
  authorize(ctx.actor, 'guidance.read', region.path, '无权查看该区划的日报');
  const campaign = await resolveCampaign(ctx.db, region.path, input.campaignId);
  const window = dailyReportWindow(campaign);
  const from = input.from && isIsoDate(input.from) ? input.from : window.start;
  const to = input.to && isIsoDate(input.to) ? input.to : window.end;
  return logs.reportsUnder(ctx.db, campaign.id, region.path, from, to, 500);
}

export interface MissingReports {
  campaign: CampaignRef;
  date: string;
  window: { start: string; end: string };
  inWindow: boolean;
  total: number;
  reported: number;
  missing: {
    village: { id: number; name: string; level: string };
    teamNames: string[];
    cadres: CadreRef[];
  }[];
  days: { date: string; reported: number; total: number }[];
}

/** Which villages of a township have not filed the day's report, and how each day went. */
export async function missingDailyReports(
  ctx: AuthenticatedContext,
  townshipId: RegionId,
  input: { campaignId?: CampaignId | null; date?: string | null },
): Promise<MissingReports> {
  const board = await townshipBoard(ctx, townshipId, input.campaignId);
  const window = dailyReportWindow(board.campaign);
  const today = ctx.clock.today();
  const fallback = today < window.end ? today : window.end;
  const date = input.date && isIsoDate(input.date) ? input.date : fallback;
  const inWindow = date >= window.start && date <= window.end;
  const path = board.owner.path;
  const [reported, counts] = await Promise.all([
    logs.reportedVillageIds(ctx.db, board.campaign.id, path, date),
    logs.reportCountsByDay(ctx.db, board.campaign.id, path, window.start, fallback),
  ]);
  const total = board.villages.length;
  const countOf = new Map(counts.map((c) => [c.day, c.reported]));
  const teamName = new Map(board.teams.map((t) => [t.id, t.name]));
  return {
    campaign: board.campaign,
    date,
    window,
    inWindow,
    total,
    reported: board.villages.filter((v) => reported.has(v.id)).length,
    missing: inWindow
      ? board.villages
          .filter((v) => !reported.has(v.id))
          .map((v) => ({
            village: { id: v.id, name: v.name, level: v.level },
            teamNames: v.teamIds.flatMap((id) => teamName.get(id) ?? []),
            cadres: v.cadres.map((c) => c.cadre),
          }))
      : [],
    days: daysFrom(window.start, fallback).map((day) => ({
      date: day,
      reported: countOf.get(day) ?? 0,
      total,
    })),
  };
}
