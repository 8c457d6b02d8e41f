import type { RegionId, ZoneId } from '@huanjie/domain';
import { can, isVillageLevel } from '@huanjie/domain';
import type { AuthenticatedContext } from '../../context.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.js';
import { hasControlChars } from '../../shared/text.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './regions.repo.js';

/** 片区: a township's coordinator groups its villages into zones, each with a zone head. */

const NOT_FOUND = '该片区不存在或无权查看';

function requireZoneManage(ctx: AuthenticatedContext, path: string, notFound: string) {
  if (can(ctx.actor, 'zone.manage', { regionPath: path })) return;
  if (can(ctx.actor, 'region.read', { regionPath: path })) {
    throw new ForbiddenError('只有乡镇选举办可以维护片区');
  }
  throw new NotFoundError(notFound);
}

async function requireTownship(ctx: AuthenticatedContext, id: RegionId) {
  const township = await repo.storedRegion(ctx.db, id);
  if (!township) throw new NotFoundError('该区划不存在或无权查看');
  requireZoneManage(ctx, township.path, '该区划不存在或无权查看');
  if (township.level !== 'township') {
    throw new ValidationError('片区属于乡镇', [
      { path: ['input', 'townshipId'], message: '请选择乡镇' },
    ]);
  }
  return township;
}

async function requireZone(ctx: AuthenticatedContext, id: ZoneId) {
  const zone = await repo.findZoneRow(ctx.db, id);
  if (!zone) throw new NotFoundError(NOT_FOUND);
  const township = await repo.storedRegion(ctx.db, zone.townshipId);
  if (!township) throw new NotFoundError(NOT_FOUND);
  requireZoneManage(ctx, township.path, NOT_FOUND);
  return { zone, township };
}

function clean(input: { name: string; headName?: string | null }) {
  const name = input.name.trim();
  const headName = input.headName?.trim() ?? '';
  if (hasControlChars(input.name)) {
    throw new ValidationError('片区名称含有无效字符', [
      { path: ['input', 'name'], message: '含有无效字符' },
    ]);
  }
  if (name === '' || name.length > 30) {
    throw new ValidationError('片区名称须为1至30个字', [
      { path: ['input', 'name'], message: '片区名称须为1至30个字' },
    ]);
  }
  if (hasControlChars(input.headName) || headName.length > 20) {
    throw new ValidationError('片区负责人姓名有误', [
      { path: ['input', 'headName'], message: '片区负责人姓名不能超过20个字，且不能含无效字符' },
    ]);
  }
  return { name, headName: headName === '' ? null : headName };
}

async function requireUniqueName(
  ctx: AuthenticatedContext,
  townshipId: number,
  name: string,
  except: number | null,
) {
  const taken = (await repo.zonesOf(ctx.db, townshipId)).find(
    (z) => z.name === name && z.id !== except,
  );
  if (taken) {
    throw new ValidationError(`已有片区「${name}」`, [
      { path: ['input', 'name'], message: `已有片区「${name}」` },
    ]);
  }
}

export async function createZone(
  ctx: AuthenticatedContext,
  townshipId: RegionId,
  input: { name: string; headName?: string | null },
): Promise<number> {
  const township = await requireTownship(ctx, townshipId);
  const values = clean(input);
  await requireUniqueName(ctx, township.id, values.name, null);
  return ctx.db.transaction(async (tx) => {
    const id = await repo.insertZone(tx, { townshipId: township.id, ...values });
    await recordAudit(tx, ctx, {
      action: 'zone.create',
      entityType: 'zone',
      entityId: id,
      regionPath: township.path,
      after: values,
    });
    return id;
  });
}

export async function updateZone(
  ctx: AuthenticatedContext,
  id: ZoneId,
  input: { name: string; headName?: string | null },
): Promise<number> {
  const { zone, township } = await requireZone(ctx, id);
  const values = clean(input);
  await requireUniqueName(ctx, township.id, values.name, zone.id);
  await ctx.db.transaction(async (tx) => {
    await repo.updateZone(tx, zone.id, values);
    await recordAudit(tx, ctx, {
      action: 'zone.update',
      entityType: 'zone',
      entityId: zone.id,
      regionPath: township.path,
      before: { name: zone.name, headName: zone.headName },
      after: values,
    });
  });
  return zone.id;
}

/** Deletes a zone; its villages stay, outside any zone. A zone a guidance team covers stays. */
export async function deleteZone(ctx: AuthenticatedContext, id: ZoneId): Promise<number> {
  const { zone, township } = await requireZone(ctx, id);
  await ctx.db.transaction(async (tx) => {
    if (await repo.zoneInUse(tx, zone.id)) {
      throw new ConflictError(`片区「${zone.name}」已分派给指导组，请先取消分派`);
    }
    const villageIds = await repo.villageIdsOfZone(tx, zone.id);
    await repo.deleteZone(tx, zone.id);
    await recordAudit(tx, ctx, {
      action: 'zone.delete',
      entityType: 'zone',
      entityId: zone.id,
      regionPath: township.path,
      before: { name: zone.name, headName: zone.headName, villageIds },
    });
  });
  return zone.id;
}

/** The zone holds exactly these villages of its township afterwards. */
export async function setZoneVillages(
  ctx: AuthenticatedContext,
  id: ZoneId,
  villageIds: readonly RegionId[],
): Promise<number> {
  const { zone, township } = await requireZone(ctx, id);
  const unique = [...new Set(villageIds)];
  for (const villageId of unique) {
    const village = await repo.storedRegion(ctx.db, villageId);
    if (!village || village.parentId !== township.id || !isVillageLevel(village.level)) {
      throw new ValidationError(`所选村(社区)不属于${township.name}`, [
        { path: ['input', 'villageIds'], message: `所选村(社区)不属于${township.name}` },
      ]);
    }
    if (village.mergedOn !== null) {
      throw new ValidationError(`「${village.name}」已撤并`, [
        { path: ['input', 'villageIds'], message: `「${village.name}」已撤并` },
      ]);
    }
  }
  await ctx.db.transaction(async (tx) => {
    const before = await repo.villageIdsOfZone(tx, zone.id);
    await repo.setZoneVillages(tx, zone.id, unique);
    await recordAudit(tx, ctx, {
      action: 'zone.assign',
      entityType: 'zone',
      entityId: zone.id,
      regionPath: township.path,
      before: { name: zone.name, villageIds: before },
      after: { name: zone.name, villageIds: unique },
    });
  });
  return zone.id;
}

export async function zonesOfTownship(ctx: AuthenticatedContext, townshipId: RegionId) {
  const township = await repo.storedRegion(ctx.db, townshipId);
  if (!township || !can(ctx.actor, 'region.read', { regionPath: township.path })) {
    throw new NotFoundError('该区划不存在或无权查看');
  }
  return repo.zonesOf(ctx.db, township.id);
}
