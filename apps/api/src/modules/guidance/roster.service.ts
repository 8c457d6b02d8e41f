import type { CadreId, RegionId } from '@huanjie/domain';
import type { Db } from '@huanjie/db';
import type { CadreRank, Gender } from '@huanjie/domain';
import { MAX_SHEET_BYTES, isValidPhone } from '@huanjie/domain';
import type { AuthenticatedContext } from '../../context.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.js';
import { z } from 'zod';
import { parseInput } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './guidance.repo.js';
import { hasControlChars } from '../../shared/text.js';
import type { CadreRef } from './guidance.repo.js';
import type { RegionRef } from '../../shared/scope.js';
import { authorize, requireRegion } from '../../shared/scope.js';
import type { ParsedRosterRow } from './roster-xlsx.js';
import { parseRoster, rosterTemplate } from './roster-xlsx.js';
import { decodeUpload } from '../../xlsx/sheet.js';

/** A township's or the county's roster; the roster's owner must be a township or the county. */
async function requireRosterOwner(
  ctx: AuthenticatedContext,
  regionId: RegionId,
  mode: 'read' | 'manage',
): Promise<RegionRef> {
  const owner = await requireRegion(ctx.db, regionId);
  if (mode === 'read') {
    authorize(ctx.actor, 'guidance.read', owner.path, '无权查看该干部花名册');
  } else {
    authorize(ctx.actor, 'roster.manage', owner.path, '无权修改该干部花名册');
    // Each level keeps its own roster: the county office does not edit a township's.
    if (owner.id !== ctx.actor.homeRegionId) throw new ForbiddenError('只能维护本级干部花名册');
  }
  if (owner.level !== 'township' && owner.level !== 'county') {
    throw new ValidationError('干部花名册属于乡镇或县', [
      { path: ['regionId'], message: '请选择乡镇或县' },
    ]);
  }
  return owner;
}

export async function listCadres(
  ctx: AuthenticatedContext,
  regionId: RegionId,
): Promise<CadreRef[]> {
  const owner = await requireRosterOwner(ctx, regionId, 'read');
  return repo.cadresOfRegions(ctx.db, [owner.id]);
}

export interface CadreInput {
  name: string;
  gender: Gender;
  rank: CadreRank;
  post?: string | null;
  phone?: string | null;
  /** An existing login to link, or null to unlink. */
  username?: string | null;
}

/** The login a roster entry may link: a guidance member of the township, a county supervisor of the county. */
async function linkableUser(
  db: Db,
  owner: RegionRef,
  username: string,
  exceptCadreId: number | null,
): Promise<{ userId: number } | { problem: string }> {
  const user = await repo.findUserByUsername(db, username);
  const expectedRole = owner.level === 'county' ? 'county_supervisor' : 'guidance_member';
  if (!user || user.role !== expectedRole || user.regionId !== owner.id) {
    return {
      problem: `登录账号「${username}」不是本${owner.level === 'county' ? '县督导组' : '乡镇指导组成员'}账号`,
    };
  }
  const [linked] = await repo.cadresOfUsers(db, [user.id]);
  if (linked && linked.id !== exceptCadreId) {
    return { problem: `登录账号「${username}」已关联干部${linked.name}` };
  }
  return { userId: user.id };
}

const noControlChars = z
  .string()
  .nullish()
  .refine((v) => !hasControlChars(v), {
    message: '含有无效字符',
    abort: true,
  });

const cadreShape = z.object({
  name: noControlChars
    .transform((v) => (v ?? '').replace(/\s/g, ''))
    .refine((v) => v !== '' && v.length <= 20, { message: '姓名须为1至20个字' }),
  post: noControlChars
    .transform((v) => v?.trim() ?? '')
    .refine((v) => v.length <= 60, { message: '职务不能超过60个字' }),
  phone: noControlChars
    .transform((v) => v?.replace(/\s/g, '') ?? '')
    .refine((v) => v === '' || isValidPhone(v), { message: '手机号码格式不正确，应为11位手机号' }),
  username: noControlChars,
});

async function cleanInput(
  db: Db,
  owner: RegionRef,
  input: CadreInput,
  exceptCadreId: number | null,
): Promise<repo.CadreValues> {
  const { name, post, phone } = parseInput(cadreShape, input, '干部信息有误');
  let userId: number | null = null;
  const username = input.username?.trim() ?? '';
  if (username !== '') {
    const linked = await linkableUser(db, owner, username, exceptCadreId);
    if ('problem' in linked) {
      throw new ValidationError(linked.problem, [{ path: ['username'], message: linked.problem }]);
    }
    userId = linked.userId;
  }
  return {
    name,
    gender: input.gender,
    rank: input.rank,
    post: post === '' ? null : post,
    phone: phone === '' ? null : phone,
    userId,
  };
}

function auditCadre(values: repo.CadreValues) {
  return { ...values };
}

export async function createCadre(
  ctx: AuthenticatedContext,
  regionId: RegionId,
  input: CadreInput,
): Promise<CadreRef> {
  const owner = await requireRosterOwner(ctx, regionId, 'manage');
  const values = await cleanInput(ctx.db, owner, input, null);
  const id = await ctx.db.transaction(async (tx) => {
    const cadreId = await repo.insertCadre(tx, owner.id, values);
    await recordAudit(tx, ctx, {
      action: 'cadre.create',
      entityType: 'cadre',
      entityId: cadreId,
      regionPath: owner.path,
      after: auditCadre(values),
    });
    return cadreId;
  });
  return mustFindCadre(ctx.db, id);
}

async function requireOwnCadre(ctx: AuthenticatedContext, cadreId: CadreId) {
  const cadre = await repo.findCadre(ctx.db, cadreId);
  if (!cadre) throw new NotFoundError('该干部不存在或无权查看');
  const owner = await requireRosterOwner(ctx, cadre.regionId as RegionId, 'manage');
  return { cadre, owner };
}

async function mustFindCadre(db: Db, id: number): Promise<CadreRef> {
  const cadre = await repo.findCadre(db, id);
  if (!cadre) throw new NotFoundError('该干部不存在或无权查看');
  return cadre;
}

export async function updateCadre(
  ctx: AuthenticatedContext,
  cadreId: CadreId,
  input: CadreInput,
): Promise<CadreRef> {
  const { cadre, owner } = await requireOwnCadre(ctx, cadreId);
  const values = await cleanInput(ctx.db, owner, input, cadre.id);
  await ctx.db.transaction(async (tx) => {
    await repo.updateCadre(tx, cadre.id, values, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'cadre.update',
      entityType: 'cadre',
      entityId: cadre.id,
      regionPath: owner.path,
      before: auditCadre(cadre),
      after: auditCadre(values),
    });
  });
  return mustFindCadre(ctx.db, cadre.id);
}

export async function deleteCadre(ctx: AuthenticatedContext, cadreId: CadreId): Promise<number> {
  const { cadre, owner } = await requireOwnCadre(ctx, cadreId);
  await ctx.db.transaction(async (tx) => {
    const uses = await repo.cadreUses(tx, cadre.id);
    if (uses.teams.length > 0) {
      throw new ConflictError(`${cadre.name}仍在${uses.teams.join('、')}中，请先移出`);
    }
    if (uses.responsibilities > 0) {
      throw new ConflictError(`${cadre.name}仍是${uses.responsibilities}个村的责任人，请先更换`);
    }
    if (uses.hasVisits) throw new ConflictError(`${cadre.name}已有走访记录，不能删除`);
    await repo.deleteCadre(tx, cadre.id);
    await recordAudit(tx, ctx, {
      action: 'cadre.delete',
      entityType: 'cadre',
      entityId: cadre.id,
      regionPath: owner.path,
      before: auditCadre(cadre),
    });
  });
  return cadre.id;
}

// ---------------------------------------------------------------------------------------------
// Import from xlsx

export type ImportRowStatus = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface ImportRowReport {
  row: number;
  name: string;
  status: ImportRowStatus;
  issues: { column: string; message: string }[];
}

export interface ImportReport {
  /** True when every row passed and the roster was written; false when nothing was written. */
  committed: boolean;
  /** A problem with the file as a whole (no header, not an xlsx …), else null. */
  fileError: string | null;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: ImportRowReport[];
}

const keyOf = (name: string, phone: string | null) => `${name}\u0000${phone ?? ''}`;

function sameValues(cadre: CadreRef, values: repo.CadreValues): boolean {
  return (
    cadre.gender === values.gender &&
    cadre.rank === values.rank &&
    cadre.post === values.post &&
    cadre.userId === values.userId
  );
}

/**
 * Imports a roster sheet all-or-nothing: every row is checked (a cadre already on the roster, by
 * name and phone, is updated); if any row is rejected nothing is written. The report says, row by
 * row, what happened or why not.
 */
export async function importCadres(
  ctx: AuthenticatedContext,
  regionId: RegionId,
  contentBase64: string,
): Promise<ImportReport> {
  const owner = await requireRosterOwner(ctx, regionId, 'manage');
  const upload = decodeUpload(contentBase64, MAX_SHEET_BYTES);
  if (!upload.ok) return fileFailure(upload.message);
  const parsed = await parseRoster(upload.content);
  if (!parsed.ok) return fileFailure(parsed.message);

  const existing = await repo.cadresOfRegions(ctx.db, [owner.id]);
  const byKey = new Map(existing.map((c) => [keyOf(c.name, c.phone), c]));
  const usernames = [...new Set(parsed.rows.flatMap((r) => (r.username ? [r.username] : [])))];
  const users = new Map(
    (await repo.usersByUsernames(ctx.db, usernames)).map((u) => [u.username, u]),
  );
  const linked = new Map(
    (
      await repo.cadresOfUsers(
        ctx.db,
        [...users.values()].map((u) => u.id),
      )
    ).map((c) => [c.userId, c]),
  );
  const expectedRole = owner.level === 'county' ? 'county_supervisor' : 'guidance_member';

  const seenKey = new Map<string, number>();
  const seenUser = new Map<string, number>();
  const plans: { row: ParsedRosterRow; values: repo.CadreValues; match: CadreRef | undefined }[] =
    [];
  const rows: ImportRowReport[] = parsed.rows.map((row) => {
    const issues = [...row.issues];
    const key = keyOf(row.name, row.phone);
    const duplicateOf = seenKey.get(key);
    if (row.name !== '' && duplicateOf !== undefined) {
      issues.push({ column: '姓名', message: `与第${duplicateOf}行重复（姓名和手机号相同）` });
    } else seenKey.set(key, row.row);
    const match = byKey.get(key);
    let userId: number | null = null;
    if (row.username) {
      const user = users.get(row.username);
      const holder = user ? linked.get(user.id) : undefined;
      const sameUser = seenUser.get(row.username);
      if (!user || user.role !== expectedRole || user.regionId !== owner.id) {
        issues.push({
          column: '登录账号',
          message: `「${row.username}」不是本${owner.level === 'county' ? '县督导组' : '乡镇指导组成员'}账号`,
        });
      } else if (holder && holder.id !== match?.id) {
        issues.push({ column: '登录账号', message: `「${row.username}」已关联干部${holder.name}` });
      } else if (sameUser !== undefined) {
        issues.push({ column: '登录账号', message: `与第${sameUser}行使用同一账号` });
      } else userId = user.id;
      seenUser.set(row.username, row.row);
    }
    if (issues.length > 0 || !row.gender || !row.rank) {
      return { row: row.row, name: row.name, status: 'rejected', issues };
    }
    const values: repo.CadreValues = {
      name: row.name,
      gender: row.gender,
      rank: row.rank,
      post: row.post,
      phone: row.phone,
      userId,
    };
    plans.push({ row, values, match });
    const status: ImportRowStatus = !match
      ? 'created'
      : sameValues(match, values)
        ? 'unchanged'
        : 'updated';
    return { row: row.row, name: row.name, status, issues: [] };
  });

  const count = (status: ImportRowStatus) => rows.filter((r) => r.status === status).length;
  const report: ImportReport = {
    committed: false,
    fileError: null,
    total: rows.length,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
    rows,
  };
  if (report.rejected > 0) return report;

  await ctx.db.transaction(async (tx) => {
    for (const plan of plans) {
      if (!plan.match) await repo.insertCadre(tx, owner.id, plan.values);
      else if (!sameValues(plan.match, plan.values)) {
        await repo.updateCadre(tx, plan.match.id, plan.values, ctx.clock.now());
      }
    }
    await recordAudit(tx, ctx, {
      action: 'cadre.import',
      entityType: 'roster',
      entityId: owner.id,
      regionPath: owner.path,
      after: {
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        rows: plans
          .filter((p) => !p.match || !sameValues(p.match, p.values))
          .map((p) => ({ row: p.row.row, ...p.values })),
      },
    });
  });
  return { ...report, committed: true };
}

function fileFailure(message: string): ImportReport {
  return {
    committed: false,
    fileError: message,
    total: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rows: [],
  };
}

export async function rosterTemplateFile(
  ctx: AuthenticatedContext,
  regionId: RegionId,
): Promise<{ fileName: string; contentBase64: string }> {
  const owner = await requireRosterOwner(ctx, regionId, 'read');
  const title = `${owner.name}换届选举${owner.level === 'county' ? '督导组' : '指导组'}干部花名册`;
  const content = await rosterTemplate(title);
  return { fileName: `${title}.xlsx`, contentBase64: content.toString('base64') };
}
