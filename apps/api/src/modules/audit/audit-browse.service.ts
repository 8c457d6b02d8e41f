import type { RegionId, Track } from '@huanjie/domain';
import {
  BODY_LABEL,
  addDays,
  auditActionLabel,
  auditEntityLabel,
  can,
  findStage,
  isWithin,
  pathIds,
  startOfChinaDay,
  TRACK_LABEL,
  TRACKS,
} from '@huanjie/domain';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { actorOf, findRegion } from '../../shared/scope.js';
import { isoDate, optionalText, parseInput } from '../../shared/validation.js';
import * as repo from './audit-browse.repo.js';
import type { ChainReport } from './audit.service.js';
import { chainOf, verifyAuditChain } from './audit.service.js';

export interface AuditQuery {
  regionId: RegionId | null;
  username: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
  first: number;
  offset: number;
}

const periodShape = z.object({
  from: isoDate('开始日期').nullable(),
  to: isoDate('结束日期').nullable(),
  username: optionalText('用户名', 100, 'line'),
  action: optionalText('操作', 100, 'line'),
});

/** County admins browse the audit log of their county, by region, user, action and date. */
export async function browse(ctx: Context, query: AuditQuery) {
  const actor = actorOf(ctx);
  let path = actor.homePath;
  if (query.regionId !== null) {
    const region = await findRegion(ctx.db, query.regionId);
    if (!region) throw new NotFoundError('该区划不存在或无权查看');
    path = region.path;
  }
  if (!can(actor, 'audit.read', { regionPath: path })) {
    throw new ForbiddenError('只有县换届办管理员可以查看操作日志');
  }
  const { from, to, username, action } = parseInput(periodShape, query, '查询条件有误');
  const { rows, total } = await repo.page(
    ctx.db,
    {
      path,
      username,
      action,
      from: from === null ? null : startOfChinaDay(from),
      until: to === null ? null : startOfChinaDay(addDays(to, 1)),
    },
    Math.min(Math.max(query.first, 1), 200),
    Math.max(query.offset, 0),
  );
  const names = await repo.regionNamesByPath(ctx.db, [...new Set(rows.map((r) => r.regionPath))]);
  const contexts = await repo.entityContexts(
    ctx.db,
    rows.map((r) => ({ type: r.entityType, id: r.entityId })),
  );
  return {
    total,
    items: rows
      .filter((r) => isWithin(r.regionPath, path))
      .map((r) => {
        const region = names.get(r.regionPath) ?? null;
        const context = contexts.get(`${r.entityType}:${r.entityId}`) ?? null;
        return { ...r, region, summary: summaryOf(r, region?.name ?? null, context) };
      }),
  };
}

function field(snapshot: unknown, key: string): string | null {
  if (typeof snapshot !== 'object' || snapshot === null) return null;
  const value = (snapshot as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/**
 * An entry in words: "提交选举结果 · 柯那村 村民委员会", "提交阶段填报 · 柯那村 村民委员会 · 选民登记",
 * "修改候选人信息 · 柯那村 村民委员会 · 张三"; the object's kind when nothing better names it.
 */
export function summaryOf(
  entry: { action: string; entityType: string; before: unknown; after: unknown },
  regionName: string | null,
  context: repo.EntityContext | null,
): string {
  const track = context?.track ?? field(entry.after, 'track') ?? field(entry.before, 'track');
  const known = track !== null && (TRACKS as readonly string[]).includes(track);
  const body = known
    ? ((BODY_LABEL as Record<string, string>)[track] ?? TRACK_LABEL[track as Track].zh)
    : null;
  const stageCode = context?.stageCode ?? field(entry.after, 'stage');
  const stage =
    entry.entityType === 'stage_record' && known && stageCode !== null
      ? (findStage(track as Track, stageCode)?.name ?? null)
      : null;
  const person = context?.personName ?? null;
  const where = [regionName, body].filter((p) => p !== null).join(' ');
  const what = stage ?? person ?? (body === null ? auditEntityLabel(entry.entityType) : null);
  return [auditActionLabel(entry.action), where, what]
    .filter((p) => p !== null && p !== '')
    .join(' · ');
}

/**
 * Verifies the hash chain of the caller's county; a province or city user's, every chain below
 * them: their own level's and each city's and county's.
 */
export async function chainStatus(ctx: Context): Promise<ChainReport> {
  const actor = actorOf(ctx);
  if (!can(actor, 'audit.read', { regionPath: actor.homePath })) {
    throw new ForbiddenError('只有县换届办管理员可以校验操作日志');
  }
  const county = pathIds(actor.homePath)[0];
  if (county !== undefined) return verifyAuditChain(ctx.db, `${String(county)}.`);
  let entries = 0;
  let unkeyedEntries = 0;
  const chains = (await repo.regionsAbove(ctx.db, actor.homePath)).map((r) => chainOf(r.path));
  for (const chain of chains) {
    const report = await verifyAuditChain(ctx.db, chain);
    if (!report.ok) return report;
    entries += report.entries;
    unkeyedEntries += report.unkeyedEntries;
  }
  return { ok: true, chains: chains.length, entries, unkeyedEntries };
}
