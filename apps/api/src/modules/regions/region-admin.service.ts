import type { RegionId, RegionLevel, TownshipKind } from '@huanjie/domain';
import {
  can,
  childPath,
  canBeChildOf,
  divisionCode12,
  isDivisionCode,
  isIsoDate,
  isUpperLevel,
  isVillageLevel,
  pathIds,
  regionKindLabel,
  countyPathIn,
} from '@huanjie/domain';
import type { AuthenticatedContext } from '../../context.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.js';
import { hasControlChars } from '../../shared/text.js';
import { decodeUpload } from '../../xlsx/sheet.js';
import { recordAudit } from '../audit/audit.service.js';
import type {
  CountyRef,
  PlannedCreate,
  RegionImportRowReport,
  RegionRef,
  StoredRegion,
} from './region-import.js';
import { planRegionImport } from './region-import.js';
import { MAX_REGION_SHEET_BYTES, parseRegionSheet, regionTemplate } from './region-sheet.js';
import * as repo from './regions.repo.js';

/**
 * The county admin keeps the county's tree of divisions: imports the civil affairs list, edits a
 * region, adds one, marks a village merged (撤并). Nobody outside the county learns the tree
 * exists; inside it, only a role that manages regions changes it.
 */

const NOT_FOUND = '该区划不存在或无权查看';

function requireManage(ctx: AuthenticatedContext, path: string) {
  if (can(ctx.actor, 'region.manage', { regionPath: path })) return;
  if (can(ctx.actor, 'region.read', { regionPath: path })) {
    throw new ForbiddenError('只有县级管理员可以维护行政区划');
  }
  throw new NotFoundError(NOT_FOUND);
}

async function requireStored(ctx: AuthenticatedContext, id: RegionId): Promise<StoredRegion> {
  const region = await repo.storedRegion(ctx.db, id);
  if (!region) throw new NotFoundError(NOT_FOUND);
  requireManage(ctx, region.path);
  return region;
}

async function requireCounty(ctx: AuthenticatedContext, id: RegionId): Promise<CountyRef> {
  const region = await requireStored(ctx, id);
  if (region.level !== 'county') {
    throw new ValidationError('请选择县', [{ path: ['input', 'countyId'], message: '请选择县' }]);
  }
  return { id: region.id, name: region.name, code: region.code, path: region.path };
}

function countyPathOf(path: string): string {
  return countyPathIn(path) ?? '';
}

// --- import ------------------------------------------------------------------------------------

export interface RegionImportReport {
  committed: boolean;
  /** A dry run (检查): every row checked and counted, nothing written. */
  preview: boolean;
  total: number;
  created: number;
  updated: number;
  merged: number;
  unchanged: number;
  rejected: number;
  rows: RegionImportRowReport[];
}

export interface RegionImportInput {
  countyId: RegionId;
  contentBase64: string;
  dryRun: boolean;
}

function fileRefused(message: string): ValidationError {
  return new ValidationError(message, [{ path: ['input', 'contentBase64'], message }]);
}

const kindWord = (level: RegionLevel, kind: TownshipKind | null) => regionKindLabel(level, kind);

/**
 * Imports the county's division list all-or-nothing: every row is checked against the file and
 * the stored tree; when none is rejected (and this is not a dry run) new regions are created,
 * changed ones updated and merged villages marked, in one transaction with one audit entry.
 */
export async function importRegions(
  ctx: AuthenticatedContext,
  input: RegionImportInput,
): Promise<RegionImportReport> {
  const county = await requireCounty(ctx, input.countyId);
  const upload = decodeUpload(input.contentBase64, MAX_REGION_SHEET_BYTES);
  if (!upload.ok) throw fileRefused(upload.message);
  const sheet = await parseRegionSheet(upload.content);
  if (!sheet.ok) throw fileRefused(sheet.message);

  return ctx.db.transaction(async (tx) => {
    await repo.lockRegionTree(tx, county.id);
    const stored = await repo.storedRegionsUnder(tx, county.path);
    const plan = planRegionImport(county, stored, sheet.rows, ctx.clock.today());
    const count = (status: RegionImportRowReport['status']) =>
      plan.rows.filter((r) => r.status === status).length;
    const report: RegionImportReport = {
      committed: false,
      preview: input.dryRun,
      total: plan.rows.length,
      created: count('created'),
      updated: count('updated'),
      merged: count('merged'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      rows: plan.rows,
    };
    if (report.rejected > 0 || input.dryRun) return report;

    const storedById = new Map(stored.map((r) => [r.id, r]));
    const pathOf = new Map<number, string>([
      [county.id, county.path],
      ...stored.map((r) => [r.id, r.path] as const),
    ]);
    const idOfCode = new Map<string, number>();
    const resolve = (ref: RegionRef): number => {
      const id = 'id' in ref ? ref.id : idOfCode.get(ref.code);
      if (id === undefined) throw new Error(`unresolved region ${JSON.stringify(ref)}`);
      return id;
    };
    const ids = await repo.allocateRegionIds(tx, plan.creates.length);
    const rows = plan.creates.map((c: PlannedCreate, i) => {
      const id = ids[i];
      if (id === undefined) throw new Error('too few region ids');
      idOfCode.set(c.code, id);
      const parentId = resolve(c.parent);
      const path = childPath(pathOf.get(parentId) ?? null, id);
      pathOf.set(id, path);
      return {
        id,
        parentId,
        level: c.level,
        townshipKind: c.townshipKind,
        name: c.name,
        code: c.code,
        path,
        households: c.households,
        population: c.population,
        villagerGroups: c.villagerGroups,
        sortOrder: c.row,
      };
    });
    await repo.insertRegions(tx, rows);
    await repo.updateRegionValues(
      tx,
      plan.updates.map((u) => ({ id: u.stored.id, ...u.values })),
    );
    await repo.markMerged(
      tx,
      plan.merges.map((m) => ({
        id: m.stored.id,
        mergedIntoId: resolve(m.into),
        mergedOn: m.mergedOn,
      })),
    );
    const codeOf = (id: number | null) =>
      id === null
        ? null
        : id === county.id
          ? divisionCode12(county.code)
          : divisionCode12(storedById.get(id)?.code ?? '');
    await recordAudit(tx, ctx, {
      action: 'region.import',
      entityType: 'region_tree',
      entityId: county.id,
      regionPath: county.path,
      after: {
        created: plan.creates.map((c) => ({
          row: c.row,
          code: c.code,
          name: c.name,
          kind: kindWord(c.level, c.townshipKind),
          parentCode: 'code' in c.parent ? c.parent.code : codeOf(c.parent.id),
          households: c.households,
          population: c.population,
          villagerGroups: c.villagerGroups,
        })),
        updated: plan.updates.map((u) => ({
          row: u.row,
          code: divisionCode12(u.stored.code),
          before: regionSnapshot(u.stored),
          after: regionSnapshot(u.values),
        })),
        merged: plan.merges.map((m) => ({
          row: m.row,
          code: divisionCode12(m.stored.code),
          name: m.stored.name,
          mergedInto: m.intoCode,
          mergedOn: m.mergedOn,
        })),
        unchanged: report.unchanged,
      },
    });
    return { ...report, committed: true };
  });
}

function regionSnapshot(r: {
  name: string;
  level: RegionLevel;
  townshipKind: TownshipKind | null;
  households: number | null;
  population: number | null;
  villagerGroups: number | null;
}) {
  return {
    name: r.name,
    kind: kindWord(r.level, r.townshipKind),
    households: r.households,
    population: r.population,
    villagerGroups: r.villagerGroups,
  };
}

export async function regionTemplateFile(
  ctx: AuthenticatedContext,
  countyId: RegionId,
): Promise<{ fileName: string; contentBase64: string }> {
  const county = await requireCounty(ctx, countyId);
  const content = await regionTemplate(
    `${county.name}行政区划（统计用区划代码）`,
    divisionCode12(county.code),
  );
  return {
    fileName: `${county.name}行政区划导入模板.xlsx`,
    contentBase64: content.toString('base64'),
  };
}

// --- one by one ----------------------------------------------------------------------------------

export interface RegionEditInput {
  name: string;
  level?: RegionLevel | null;
  townshipKind?: TownshipKind | null;
  households?: number | null;
  population?: number | null;
  villagerGroups?: number | null;
}

export interface RegionCreateInput extends RegionEditInput {
  parentId: RegionId;
  code: string;
  level: RegionLevel;
}

function invalid(field: string, message: string): ValidationError {
  return new ValidationError(message, [{ path: ['input', field], message }]);
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (hasControlChars(name)) throw invalid('name', '名称含有控制字符或不可见字符');
  if (trimmed === '') throw invalid('name', '名称不能为空');
  if (trimmed.length > 40) throw invalid('name', '名称不能超过40个字');
  return trimmed;
}

const COUNT_NAMES = {
  households: '户数',
  population: '人口',
  villagerGroups: '村民小组数',
} as const;

function cleanCount(
  field: keyof typeof COUNT_NAMES,
  value: number | null | undefined,
): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > 99_999_999) {
    throw invalid(field, `${COUNT_NAMES[field]}应为不小于0的整数`);
  }
  return value;
}

function cleanTownshipKind(level: RegionLevel, kind: TownshipKind | null | undefined) {
  if (level !== 'township') {
    if (kind) throw invalid('townshipKind', '只有乡镇可以选择乡、镇或街道');
    return null;
  }
  return kind ?? null;
}

async function findStored(ctx: AuthenticatedContext, id: number) {
  const row = await repo.storedRegion(ctx.db, id);
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
}

function countyIdIn(path: string): number {
  const id = pathIds(path)[0];
  if (id === undefined) throw new NotFoundError(NOT_FOUND);
  return id;
}

/** The digits of a division code that name a province (2), a city (4) or a county (6). */
const CODE_DIGITS: Record<'province' | 'city' | 'county', number> = {
  province: 2,
  city: 4,
  county: 6,
};

/**
 * A province or city admin adds a city under their province, or a county under their city (issue
 * 12, "Above the county"); the county's own tree is then its county admin's.
 */
async function createUpperRegion(
  ctx: AuthenticatedContext,
  input: RegionCreateInput & { level: 'city' | 'county' },
): Promise<number> {
  const parent = await repo.storedRegion(ctx.db, input.parentId);
  if (!parent || !can(ctx.actor, 'region.read', { regionPath: parent.path })) {
    throw new NotFoundError(NOT_FOUND);
  }
  if (!can(ctx.actor, 'county.create', { regionPath: parent.path })) {
    throw new ForbiddenError('只有省、市(州)换届办管理员可以新增县、市(州)');
  }
  const name = cleanName(input.name);
  const code = input.code.replace(/\s/g, '');
  if (!isDivisionCode(code)) throw invalid('code', '统计用区划代码应为12位数字');
  if (!canBeChildOf(input.level, parent.level) || !isUpperLevel(parent.level)) {
    throw invalid(
      'level',
      `${regionKindLabel(parent.level, null)}下不能设${regionKindLabel(input.level, null)}`,
    );
  }
  const digits = CODE_DIGITS[parent.level];
  const prefix = divisionCode12(parent.code).slice(0, digits);
  if (
    !code.startsWith(prefix) ||
    code.slice(digits, CODE_DIGITS[input.level]) === '0'.repeat(CODE_DIGITS[input.level] - digits)
  ) {
    throw invalid('code', `统计用区划代码应以「${parent.name}」的代码${prefix}开头`);
  }
  return ctx.db.transaction(async (tx) => {
    await repo.lockRegionTree(tx, parent.id);
    const taken = await repo.storedRegionByCode(tx, code);
    if (taken) throw invalid('code', `统计用区划代码${code}已被「${taken.name}」使用`);
    const [id] = await repo.allocateRegionIds(tx, 1);
    if (id === undefined) throw new Error('no region id');
    const path = childPath(parent.path, id, input.level);
    await repo.insertRegions(tx, [
      {
        id,
        parentId: parent.id,
        level: input.level,
        townshipKind: null,
        name,
        code,
        path,
        households: null,
        population: null,
        villagerGroups: null,
        sortOrder: await repo.nextSortOrder(tx, parent.id),
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'region.create',
      entityType: 'region',
      entityId: id,
      regionPath: path,
      after: {
        code,
        ...regionSnapshot({
          name,
          level: input.level,
          townshipKind: null,
          households: null,
          population: null,
          villagerGroups: null,
        }),
        parentCode: divisionCode12(parent.code),
      },
    });
    return id;
  });
}

/**
 * Adds one township, village, community or villager group under a region of the county; or, for a
 * province or city admin, a city or a county.
 */
export async function createRegion(
  ctx: AuthenticatedContext,
  input: RegionCreateInput,
): Promise<number> {
  if (input.level === 'county' || input.level === 'city') {
    return createUpperRegion(ctx, { ...input, level: input.level });
  }
  const parent = await requireStored(ctx, input.parentId);
  const name = cleanName(input.name);
  const code = input.code.replace(/\s/g, '');
  if (!isDivisionCode(code)) throw invalid('code', '统计用区划代码应为12位数字');
  const countyCode = divisionCode12((await findStored(ctx, countyIdIn(parent.path))).code);
  if (!code.startsWith(countyCode.slice(0, 6))) {
    throw invalid('code', `统计用区划代码应以本县代码${countyCode.slice(0, 6)}开头`);
  }
  if (!canBeChildOf(input.level, parent.level)) {
    const parentWord =
      parent.level === 'county' ? '县' : kindWord(parent.level, parent.townshipKind);
    throw invalid(
      'level',
      `${parentWord}下不能设${kindWord(input.level, input.townshipKind ?? null)}`,
    );
  }
  if (parent.mergedOn !== null)
    throw invalid('parentId', `「${parent.name}」已撤并，不能再新增下级`);
  const townshipKind = cleanTownshipKind(input.level, input.townshipKind);
  const values = {
    households: cleanCount('households', input.households),
    population: cleanCount('population', input.population),
    villagerGroups: cleanCount('villagerGroups', input.villagerGroups),
  };
  return ctx.db.transaction(async (tx) => {
    await repo.lockRegionTree(tx, countyIdIn(parent.path));
    const taken = await repo.storedRegionByCode(tx, code);
    if (taken) throw invalid('code', `统计用区划代码${code}已被「${taken.name}」使用`);
    const [id] = await repo.allocateRegionIds(tx, 1);
    if (id === undefined) throw new Error('no region id');
    await repo.insertRegions(tx, [
      {
        id,
        parentId: parent.id,
        level: input.level,
        townshipKind,
        name,
        code,
        path: childPath(parent.path, id),
        ...values,
        sortOrder: await repo.nextSortOrder(tx, parent.id),
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'region.create',
      entityType: 'region',
      entityId: id,
      regionPath: childPath(parent.path, id),
      after: {
        code,
        ...regionSnapshot({ name, level: input.level, townshipKind, ...values }),
        parentCode: divisionCode12(parent.code),
      },
    });
    return id;
  });
}

/** Renames a region, changes its figures or its kind (乡 ↔ 镇 ↔ 街道, 行政村 ↔ 社区). */
export async function updateRegion(
  ctx: AuthenticatedContext,
  id: RegionId,
  input: RegionEditInput,
): Promise<number> {
  const region = await requireStored(ctx, id);
  const name = cleanName(input.name);
  const level = input.level ?? region.level;
  if (level !== region.level && !(isVillageLevel(level) && isVillageLevel(region.level))) {
    throw invalid(
      'level',
      `「${region.name}」是${kindWord(region.level, region.townshipKind)}，只能在行政村和社区之间调整类型`,
    );
  }
  const townshipKind =
    input.townshipKind === undefined
      ? region.townshipKind
      : cleanTownshipKind(level, input.townshipKind);
  const next = {
    name,
    level,
    townshipKind,
    households:
      input.households === undefined
        ? region.households
        : cleanCount('households', input.households),
    population:
      input.population === undefined
        ? region.population
        : cleanCount('population', input.population),
    villagerGroups:
      input.villagerGroups === undefined
        ? region.villagerGroups
        : cleanCount('villagerGroups', input.villagerGroups),
  };
  await ctx.db.transaction(async (tx) => {
    await repo.updateRegionValues(tx, [{ id: region.id, ...next }]);
    await recordAudit(tx, ctx, {
      action: 'region.update',
      entityType: 'region',
      entityId: region.id,
      regionPath: region.path,
      before: regionSnapshot(region),
      after: regionSnapshot(next),
    });
  });
  return region.id;
}

/**
 * Marks a village merged (撤并) into another of the county on a day: it stays with its records, and
 * no campaign created afterwards gives it a unit election.
 */
export async function mergeRegion(
  ctx: AuthenticatedContext,
  id: RegionId,
  input: { intoId: RegionId; mergedOn: string },
): Promise<number> {
  const region = await requireStored(ctx, id);
  if (!isVillageLevel(region.level)) throw invalid('id', '只有行政村、社区可以撤并');
  if (region.mergedOn !== null)
    throw new ConflictError(`「${region.name}」已于${region.mergedOn}撤并`);
  const into = await repo.storedRegion(ctx.db, input.intoId);
  if (!into || countyPathOf(into.path) !== countyPathOf(region.path)) {
    throw invalid('intoId', '撤并入的村(社区)不存在或不在本县');
  }
  requireManage(ctx, into.path);
  if (into.id === region.id) throw invalid('intoId', '不能撤并入自己');
  if (!isVillageLevel(into.level)) throw invalid('intoId', '只能撤并入行政村或社区');
  if (into.mergedOn !== null) throw invalid('intoId', `「${into.name}」也已撤并`);
  if (!isIsoDate(input.mergedOn)) throw invalid('mergedOn', '撤并日期应如2025-06-30');
  if (input.mergedOn > ctx.clock.today()) throw invalid('mergedOn', '撤并日期不能晚于今天');
  await ctx.db.transaction(async (tx) => {
    await repo.markMerged(tx, [{ id: region.id, mergedIntoId: into.id, mergedOn: input.mergedOn }]);
    await recordAudit(tx, ctx, {
      action: 'region.merge',
      entityType: 'region',
      entityId: region.id,
      regionPath: region.path,
      before: { name: region.name, mergedOn: null, mergedInto: null },
      after: {
        name: region.name,
        mergedOn: input.mergedOn,
        mergedInto: `${into.name}（${divisionCode12(into.code)}）`,
      },
    });
  });
  return region.id;
}
