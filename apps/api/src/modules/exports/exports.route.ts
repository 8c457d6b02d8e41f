import { randomUUID } from 'node:crypto';
import type { Database } from '@huanjie/db';
import { RESULT_STATUSES } from '@huanjie/db';
import type { ResultStatus } from '@huanjie/db';
import type {
  CampaignId,
  CaseCategory,
  CaseStatus,
  RegionId,
  RiskLevel,
  Track,
} from '@huanjie/domain';
import {
  CASE_CATEGORIES,
  CASE_STATUSES,
  RISK_LEVELS,
  TRACKS,
  percentPolicy,
  resolveElectionRules,
} from '@huanjie/domain';
import { parse as parseCookies } from 'cookie';
import type { Request, Response, Router } from 'express';
import express from 'express';
import type { Context } from '../../context.js';
import { createContext } from '../../create-context.js';
import type { EventBus } from '../../events/event-bus.js';
import { logError } from '../../logger.js';
import { beginRequestTransaction, closedDb } from '../../request-transaction.js';
import type { Clock } from '../../shared/clock.js';
import { AppError, ValidationError } from '../../shared/errors.js';
import { idOf, optionalIdOf } from '../../shared/ids.js';
import type { ExportSheet } from '../../xlsx/export-writer.js';
import { writeWorkbook } from '../../xlsx/export-writer.js';
import { statisticsOf } from '../statistics/statistics.service.js';
import { workSummaryDocument } from '../summary/summary.service.js';
import { FORM_TITLE, formSheet } from './statistics-forms.js';
import { REPRESENTATIVES_FORM_TITLE, representativesSheet } from './representatives-forms.js';
import type { StatisticsForm } from './statistics-forms.js';
import {
  countyGuidanceExport,
  dailyReportsExport,
  guidanceBoardExport,
  rosterExport,
} from './guidance-exports.js';
import { overdueExport, riskVillagesExport } from './overview-list-exports.js';
import { previousTermExport } from './previous-term-exports.js';
import { regionChildrenExport } from './region-exports.js';
import { ruleSetExport } from './rule-set-exports.js';
import { campaignsExport } from './campaigns-exports.js';
import { casesExport } from './cases-exports.js';
import { campaignTablesExport } from './campaign-tables-exports.js';
import { stageReviewExport } from './stage-review-exports.js';
import { villageStagesExport } from './village-stages-exports.js';
import { auditExport, matrixExport, overviewExport, resultQueueExport } from './table-exports.js';

/**
 * GET /exports/<name>.xlsx?…: the xlsx exports (and <name>.docx: Word documents). Authenticated as GraphQL requests are (the session
 * cookie of the app named by x-huanjie-app, or a bearer token), run in one request transaction as
 * the row-level-security role, and authorized by the very services the screens' queries call: a
 * caller outside the region gets 403 and a Chinese message, never a file.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Export {
  file: string;
  sheets: ExportSheet[];
}

type Query = Record<string, string | string[] | undefined>;

function one(query: Query, key: string): string | null {
  const value = query[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? null : first;
}

function many(query: Query, key: string): string[] {
  const value = query[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function oneOf<T extends string>(
  query: Query,
  key: string,
  allowed: readonly T[],
  label: string,
): T | null {
  const value = one(query, key);
  if (value === null) return null;
  if (!(allowed as readonly string[]).includes(value))
    throw new ValidationError(`${label}无效`, [{ path: [key], message: `${label}无效` }]);
  return value as T;
}

function required(query: Query, key: string): string {
  const value = one(query, key);
  if (value === null)
    throw new ValidationError(`缺少参数${key}`, [{ path: [key], message: '必填' }]);
  return value;
}

function isoDate(query: Query, key: string): string | null {
  const value = one(query, key);
  if (value !== null && !/^\d{4}-\d\d-\d\d$/.test(value))
    throw new ValidationError('日期格式应为YYYY-MM-DD', [
      { path: [key], message: '日期格式应为YYYY-MM-DD' },
    ]);
  return value;
}

/** The overview's filters: campaign, region (default: the caller's own) and track. */
function overviewFilter(query: Query): [CampaignId, RegionId | null, Track | null] {
  return [
    idOf(required(query, 'campaignId'), 'Campaign', 'campaignId'),
    optionalIdOf(one(query, 'regionId'), 'Region', 'regionId'),
    oneOf<Track>(query, 'track', TRACKS, '类别'),
  ];
}

const DEFAULT_POLICY = percentPolicy(resolveElectionRules());

const EXPORTS: Record<string, (ctx: Context, query: Query) => Promise<Export>> = {
  'committee-form': (ctx, query) => statisticsForm(ctx, query, 'committee'),
  'party-form': (ctx, query) => statisticsForm(ctx, query, 'party'),
  'representatives-form': async (ctx, query) => {
    const view = await statisticsOf(
      ctx,
      idOf(required(query, 'regionId'), 'Region', 'regionId'),
      optionalIdOf(one(query, 'zoneId'), 'Zone', 'zoneId'),
    );
    return {
      file: `${view.name}${REPRESENTATIVES_FORM_TITLE}`,
      sheets: [await representativesSheet(ctx, view, ctx.clock.now())],
    };
  },
  overview: async (ctx, query) => ({
    file: '换届进度',
    sheets: await overviewExport(
      ctx,
      idOf(required(query, 'campaignId'), 'Campaign', 'campaignId'),
      optionalIdOf(one(query, 'regionId'), 'Region', 'regionId'),
      oneOf<Track>(query, 'track', TRACKS, '类别'),
    ),
  }),
  'overdue-stages': async (ctx, query) => ({
    file: '逾期环节',
    sheets: await overdueExport(ctx, ...overviewFilter(query)),
  }),
  'risk-villages': async (ctx, query) => ({
    file: '重点难点村',
    sheets: await riskVillagesExport(ctx, ...overviewFilter(query)),
  }),
  matrix: async (ctx, query) => ({
    file: '各村环节进度',
    sheets: await matrixExport(
      ctx,
      idOf(required(query, 'campaignId'), 'Campaign', 'campaignId'),
      idOf(required(query, 'townshipId'), 'Region', 'townshipId'),
      oneOf<Track>(query, 'track', TRACKS, '类别'),
      optionalIdOf(one(query, 'zoneId'), 'Zone', 'zoneId'),
      oneOf<RiskLevel>(query, 'risk', RISK_LEVELS, '风险类别'),
    ),
  }),
  results: async (ctx, query) => {
    const statuses = many(query, 'status');
    if (statuses.length === 0 || statuses.some((s) => !RESULT_STATUSES.includes(s as never)))
      throw new ValidationError('结果状态无效', [{ path: ['status'], message: '结果状态无效' }]);
    return {
      file: '选举结果审核',
      sheets: await resultQueueExport(
        ctx,
        idOf(required(query, 'regionId'), 'Region', 'regionId'),
        statuses as ResultStatus[],
        DEFAULT_POLICY,
      ),
    };
  },
  'guidance-board': async (ctx, query) => ({
    file: '指导组包联情况',
    sheets: await guidanceBoardExport(
      ctx,
      idOf(required(query, 'townshipId'), 'Region', 'townshipId'),
      optionalIdOf(one(query, 'campaignId'), 'Campaign', 'campaignId'),
      one(query, 'onlyProblems') === 'true',
    ),
  }),
  'county-guidance': async (ctx, query) => ({
    file: '各乡镇指导组覆盖',
    sheets: await countyGuidanceExport(
      ctx,
      idOf(required(query, 'countyId'), 'Region', 'countyId'),
      optionalIdOf(one(query, 'campaignId'), 'Campaign', 'campaignId'),
    ),
  }),
  'cadre-roster': async (ctx, query) => ({
    file: '干部花名册',
    sheets: await rosterExport(
      ctx,
      idOf(required(query, 'regionId'), 'Region', 'regionId'),
      DEFAULT_POLICY,
    ),
  }),
  'daily-reports': async (ctx, query) => ({
    file: '一日一汇报',
    sheets: await dailyReportsExport(
      ctx,
      idOf(required(query, 'townshipId'), 'Region', 'townshipId'),
      isoDate(query, 'date'),
    ),
  }),
  'stage-review': async (ctx, query) => ({
    file: '环节审核',
    sheets: await stageReviewExport(
      ctx,
      optionalIdOf(one(query, 'campaignId'), 'Campaign', 'campaignId'),
    ),
  }),
  'region-children': async (ctx, query) => ({
    file: '下级区划',
    sheets: await regionChildrenExport(
      ctx,
      idOf(required(query, 'regionId'), 'Region', 'regionId'),
      DEFAULT_POLICY,
    ),
  }),
  'previous-term': async (ctx, query) => ({
    file: '上届班子成员',
    sheets: await previousTermExport(
      ctx,
      idOf(required(query, 'townshipId'), 'Region', 'townshipId'),
      optionalIdOf(one(query, 'campaignId'), 'Campaign', 'campaignId'),
    ),
  }),
  'village-stages': async (ctx, query) => ({
    file: '村换届环节',
    sheets: await villageStagesExport(
      ctx,
      idOf(required(query, 'campaignId'), 'Campaign', 'campaignId'),
      idOf(required(query, 'villageId'), 'Region', 'villageId'),
    ),
  }),
  campaigns: async (ctx) => ({ file: '换届工作', sheets: await campaignsExport(ctx) }),
  'campaign-tables': async (ctx, query) => ({
    file: '换届工作详情',
    sheets: await campaignTablesExport(
      ctx,
      idOf(required(query, 'campaignId'), 'Campaign', 'campaignId'),
    ),
  }),
  'rule-set': async (ctx, query) => ({
    file: '规则集',
    sheets: await ruleSetExport(ctx, idOf(required(query, 'ruleSetId'), 'RuleSet', 'ruleSetId')),
  }),
  cases: async (ctx, query) => ({
    file: '信访举报台账',
    sheets: await casesExport(ctx, idOf(required(query, 'regionId'), 'Region', 'regionId'), {
      campaignId: optionalIdOf(one(query, 'campaignId'), 'Campaign', 'campaignId'),
      status: oneOf<CaseStatus>(query, 'status', CASE_STATUSES, '办理状态'),
      category: oneOf<CaseCategory>(query, 'category', CASE_CATEGORIES, '问题类别'),
      overdueOnly: one(query, 'overdueOnly') === 'true',
      openOnly: one(query, 'openOnly') === 'true',
    }),
  }),
  'audit-log': async (ctx, query) => ({
    file: '操作日志',
    sheets: await auditExport(
      ctx,
      '',
      {
        regionId: optionalIdOf(one(query, 'regionId'), 'Region', 'regionId'),
        username: one(query, 'username'),
        action: one(query, 'action'),
        from: one(query, 'from'),
        to: one(query, 'to'),
      },
      DEFAULT_POLICY,
    ),
  }),
};

/** GET /exports/<name>.docx: Word documents, made whole in memory (a summary is a few pages). */
const DOCUMENTS: Record<string, (ctx: Context, query: Query) => Promise<Document>> = {
  'work-summary': (ctx, query) =>
    workSummaryDocument(
      ctx,
      idOf(required(query, 'campaignId'), 'Campaign', 'campaignId'),
      idOf(required(query, 'regionId'), 'Region', 'regionId'),
    ),
};

interface Document {
  file: string;
  body: Buffer;
}

async function statisticsForm(ctx: Context, query: Query, form: StatisticsForm): Promise<Export> {
  const view = await statisticsOf(
    ctx,
    idOf(required(query, 'regionId'), 'Region', 'regionId'),
    optionalIdOf(one(query, 'zoneId'), 'Zone', 'zoneId'),
  );
  return {
    file: `${view.name}${FORM_TITLE[form]}`,
    sheets: [formSheet(form, view, ctx.clock.now())],
  };
}

/** The HTTP status and the message of a refusal; anything unexpected is a 500. */
function refusalOf(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof AppError) {
    switch (error.code) {
      case 'UNAUTHENTICATED':
        return { status: 401, code: error.code, message: error.message };
      // a region or campaign hidden by the caller's scope is refused like one they may not read
      case 'FORBIDDEN':
      case 'NOT_FOUND':
        return { status: 403, code: 'FORBIDDEN', message: `无权导出：${error.message}` };
      case 'VALIDATION':
        return { status: 400, code: error.code, message: error.message };
      case 'RATE_LIMITED':
        return { status: 429, code: error.code, message: error.message };
      case 'CONFLICT':
      case 'WRONG_APP':
        return { status: 409, code: error.code, message: error.message };
      case 'PASSWORD_CHANGE_REQUIRED':
        return { status: 403, code: error.code, message: error.message };
    }
  }
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: '导出失败，请稍后重试' };
}

function contentDisposition(file: string, now: Date, extension = 'xlsx'): string {
  const stamp = now.toISOString().slice(0, 10);
  const name = `${file}-${stamp}.${extension}`;
  return `attachment; filename="export-${stamp}.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export interface ExportRouteOptions {
  database: Database;
  events: EventBus;
  rowLevelSecurity: boolean;
  clock: Clock;
  sessionIdleMs?: number;
}

export function exportsRouter(options: ExportRouteOptions): Router {
  const router = express.Router();
  router.get('/exports/:file', async (req: Request, res: Response) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    res.setHeader('cache-control', 'no-store');
    const [, name, extension] = /^([a-z-]+)\.(xlsx|docx)$/.exec(String(req.params.file)) ?? [];
    const make = name === undefined || extension !== 'xlsx' ? undefined : EXPORTS[name];
    const document = name === undefined || extension !== 'docx' ? undefined : DOCUMENTS[name];
    if (!make && !document) {
      res.status(404).json({ code: 'NOT_FOUND', message: '没有这个导出' });
      return;
    }
    const ctx = await createContext(
      options.database,
      {
        headers: req.headers,
        address: req.ip ?? 'unknown',
        requestId,
        cookies: parseCookies(req.headers.cookie ?? ''),
        // an export never signs anyone in or out
        cookieJar: { set: () => undefined, clear: () => undefined },
      },
      options.events,
      {
        rowLevelSecurity: options.rowLevelSecurity,
        clock: options.clock,
        ...(options.sessionIdleMs ? { sessionIdleMs: options.sessionIdleMs } : {}),
      },
    );
    if (!ctx.actor) {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: '请先登录' });
      return;
    }
    if (ctx.passwordChangeRequired) {
      res.status(403).json({
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: '请先设置新密码（首次登录或密码已重置）',
      });
      return;
    }
    const transaction = options.rowLevelSecurity
      ? await beginRequestTransaction(options.database, ctx.actor, {
          sessionTokenHash: ctx.sessionTokenHash,
        })
      : null;
    if (transaction) ctx.db = transaction.db;
    let started = false;
    try {
      if (document) {
        const made = await document(ctx, req.query as Query);
        res.status(200);
        res.setHeader('content-type', DOCX_TYPE);
        res.setHeader(
          'content-disposition',
          contentDisposition(made.file, ctx.clock.now(), 'docx'),
        );
        res.setHeader('content-length', String(made.body.length));
        started = true;
        res.end(made.body);
        return;
      }
      if (!make) throw new Error('unreachable: no export of that name');
      const made = await make(ctx, req.query as Query);
      res.status(200);
      res.setHeader('content-type', XLSX_TYPE);
      res.setHeader('content-disposition', contentDisposition(made.file, ctx.clock.now()));
      started = true;
      await writeWorkbook(res, made.sheets);
      res.end();
    } catch (error) {
      if (!started) {
        const refusal = refusalOf(error);
        if (refusal.status === 500) logError('export.failed', { requestId, error: String(error) });
        res.status(refusal.status).json({ code: refusal.code, message: refusal.message });
      } else {
        logError('export.failed_streaming', { requestId, error: String(error) });
        res.destroy(error instanceof Error ? error : undefined);
      }
    } finally {
      ctx.db = closedDb;
      // read-only: nothing to keep
      await transaction?.finish(false);
    }
  });
  return router;
}
