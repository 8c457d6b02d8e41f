import type { CountyTreeLevel, RegionLevel, TownshipKind } from '@huanjie/domain';
import {
  REGION_LEVEL_LABEL,
  canBeChildOf,
  divisionCode12,
  isVillageLevel,
  regionKindLabel,
} from '@huanjie/domain';
import type { RegionCellIssue, RegionSheetRow } from './region-sheet.js';
import { cellIssue } from './region-sheet.js';

/**
 * Plans an import of a county's division list against the stored tree, without touching the
 * database: every row is checked across the file (duplicate codes, parents, kinds) and against what
 * is stored (a re-import matches by code), and the plan says what to create, update and mark
 * merged. Moving a stored region to another parent is refused: its path, and the paths its records
 * were filed under (elections, stage records, the audit chain), would all have to change.
 */

export interface StoredRegion {
  id: number;
  parentId: number | null;
  level: RegionLevel;
  townshipKind: TownshipKind | null;
  name: string;
  code: string;
  path: string;
  households: number | null;
  population: number | null;
  villagerGroups: number | null;
  mergedOn: string | null;
  mergedIntoId: number | null;
}

export interface CountyRef {
  id: number;
  name: string;
  code: string;
  path: string;
}

export type RegionImportRowStatus = 'created' | 'updated' | 'merged' | 'unchanged' | 'rejected';

export interface RegionImportRowReport {
  row: number;
  code: string;
  name: string;
  kind: string;
  status: RegionImportRowStatus;
  issues: RegionCellIssue[];
}

/** Where a region hangs: a stored region, or a row of the same file (created before its children). */
export type RegionRef = { id: number } | { code: string };

export interface RegionValues {
  level: Exclude<CountyTreeLevel, 'county'>;
  townshipKind: TownshipKind | null;
  name: string;
  households: number | null;
  population: number | null;
  villagerGroups: number | null;
}

export interface PlannedCreate extends RegionValues {
  row: number;
  code: string;
  parent: RegionRef;
}

export interface PlannedUpdate {
  row: number;
  stored: StoredRegion;
  values: RegionValues;
}

export interface PlannedMerge {
  row: number;
  stored: StoredRegion;
  into: RegionRef;
  intoCode: string;
  mergedOn: string;
}

export interface RegionImportPlan {
  rows: RegionImportRowReport[];
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  merges: PlannedMerge[];
}

const DEPTH: Record<Exclude<CountyTreeLevel, 'county'>, number> = {
  township: 1,
  village: 2,
  community: 2,
  group: 3,
};

/** A stored level may change only within its kind: 乡 ↔ 镇 ↔ 街道, 行政村 ↔ 社区 (村改居). */
function mayChangeLevel(from: RegionLevel, to: RegionLevel): boolean {
  return from === to || (isVillageLevel(from) && isVillageLevel(to));
}

function label(level: RegionLevel, kind: TownshipKind | null = null) {
  return regionKindLabel(level, kind);
}

export function planRegionImport(
  county: CountyRef,
  stored: readonly StoredRegion[],
  sheet: readonly RegionSheetRow[],
  today: string,
): RegionImportPlan {
  const countyCode = divisionCode12(county.code);
  const countyPrefix = countyCode.slice(0, 6);
  const storedByCode = new Map(stored.map((r) => [divisionCode12(r.code), r]));
  const storedById = new Map(stored.map((r) => [r.id, r]));

  const fileByCode = new Map<string, RegionSheetRow>();
  const duplicateOf = new Map<number, number>();
  for (const row of sheet) {
    if (row.code === '') continue;
    const first = fileByCode.get(row.code);
    if (first) duplicateOf.set(row.row, first.row);
    else fileByCode.set(row.code, row);
  }

  /** A code's level and name, from the file first (it may change the kind), else from the tree. */
  const lookup = (code: string) => {
    if (code === countyCode) {
      return {
        level: 'county' as RegionLevel,
        name: county.name,
        merged: false,
        ref: { id: county.id } as RegionRef,
      };
    }
    const inFile = fileByCode.get(code);
    const inTree = storedByCode.get(code);
    if (inFile?.kind) {
      return {
        level: inFile.kind.level as RegionLevel,
        name: inFile.name,
        merged: inFile.mergedInto !== null || Boolean(inTree?.mergedOn),
        ref: inTree ? ({ id: inTree.id } as RegionRef) : ({ code } as RegionRef),
      };
    }
    if (inTree) {
      return {
        level: inTree.level,
        name: inTree.name,
        merged: inTree.mergedOn !== null,
        ref: { id: inTree.id } as RegionRef,
      };
    }
    return null;
  };

  const creates: PlannedCreate[] = [];
  const updates: PlannedUpdate[] = [];
  const merges: PlannedMerge[] = [];

  const rows = sheet.map((row): RegionImportRowReport => {
    const issues = [...row.issues];
    const report = (status: RegionImportRowStatus): RegionImportRowReport => ({
      row: row.row,
      code: row.code,
      name: row.name,
      kind: row.kindText,
      status,
      issues: status === 'rejected' ? issues : [],
    });
    const codeOk = !row.issues.some((i) => i.column === '统计用区划代码');
    const first = duplicateOf.get(row.row);
    if (first !== undefined) {
      issues.push(cellIssue(row.row, 'code', `「${row.code}」与第${String(first)}行重复`));
    } else if (codeOk && row.code === countyCode) {
      issues.push(cellIssue(row.row, 'code', `是本县（${county.name}）自己的代码，不需导入`));
    } else if (codeOk && !row.code.startsWith(countyPrefix)) {
      issues.push(
        cellIssue(
          row.row,
          'code',
          `「${row.code}」不属于${county.name}（应以${countyPrefix}开头）`,
        ),
      );
    }
    const existing = codeOk ? storedByCode.get(row.code) : undefined;
    const kind = row.kind;

    let parentRef: RegionRef | null = null;
    const parentOk = !row.issues.some((i) => i.column === '上级代码');
    if (parentOk && row.parentCode !== '' && kind) {
      const parent = lookup(row.parentCode);
      if (!parent) {
        issues.push(
          cellIssue(row.row, 'parentCode', `「${row.parentCode}」不在表中，也不是已有的区划`),
        );
      } else if (!canBeChildOf(kind.level, parent.level)) {
        const parentLabel = parent.level === 'county' ? '县' : label(parent.level, null);
        issues.push(
          cellIssue(
            row.row,
            'parentCode',
            `上级「${parent.name}」是${parentLabel}，${parentLabel}下不能设${label(kind.level, kind.townshipKind)}` +
              (kind.level === 'township' ? `（乡镇的上级应为本县代码${countyCode}）` : ''),
          ),
        );
      } else {
        parentRef = parent.ref;
        if (!existing && parent.merged) {
          issues.push(
            cellIssue(row.row, 'parentCode', `上级「${parent.name}」已撤并，不能再新增下级`),
          );
        }
      }
    }

    if (existing && kind) {
      if (!mayChangeLevel(existing.level, kind.level)) {
        issues.push(
          cellIssue(
            row.row,
            'kind',
            `「${existing.name}」原为${label(existing.level, existing.townshipKind)}，不能改为${row.kindText}`,
          ),
        );
      }
      if (parentRef) {
        const parentId = 'id' in parentRef ? parentRef.id : null;
        if (parentId !== existing.parentId) {
          const was = existing.parentId === null ? null : storedById.get(existing.parentId);
          issues.push(
            cellIssue(
              row.row,
              'parentCode',
              `「${existing.name}」原属「${was?.name ?? county.name}」，导入不能调整所属上级（跨乡镇调整请先撤并再新增）`,
            ),
          );
        }
      }
    }

    let mergeInto: RegionRef | null = null;
    if (row.mergedInto !== null && kind) {
      if (!isVillageLevel(kind.level)) {
        issues.push(cellIssue(row.row, 'mergedInto', '只有行政村、社区可以撤并'));
      } else if (!existing) {
        issues.push(cellIssue(row.row, 'mergedInto', '新增的村(社区)不能同时标记为撤并'));
      } else if (existing.mergedOn !== null) {
        const into = existing.mergedIntoId === null ? null : storedById.get(existing.mergedIntoId);
        if (
          divisionCode12(into?.code ?? '') !== row.mergedInto ||
          existing.mergedOn !== row.mergedOn
        ) {
          issues.push(
            cellIssue(
              row.row,
              'mergedInto',
              `「${existing.name}」已于${existing.mergedOn}撤并入「${into?.name ?? ''}」，不能更改`,
            ),
          );
        }
      } else {
        const target = lookup(row.mergedInto);
        if (!target) {
          issues.push(
            cellIssue(row.row, 'mergedInto', `「${row.mergedInto}」不在表中，也不是已有的区划`),
          );
        } else if (!isVillageLevel(target.level)) {
          issues.push(
            cellIssue(
              row.row,
              'mergedInto',
              `「${target.name}」是${target.level === 'county' ? '县' : REGION_LEVEL_LABEL[target.level].zh}，只能撤并入行政村或社区`,
            ),
          );
        } else if (target.merged) {
          issues.push(cellIssue(row.row, 'mergedInto', `「${target.name}」也已撤并`));
        } else mergeInto = target.ref;
      }
      if (row.mergedOn !== null && row.mergedOn > today) {
        issues.push(cellIssue(row.row, 'mergedOn', `${row.mergedOn}晚于今天`));
      }
    }

    if (issues.length > 0 || !kind || !parentRef) return report('rejected');

    const values: RegionValues = {
      level: kind.level,
      townshipKind: kind.townshipKind,
      name: row.name,
      households: row.households,
      population: row.population,
      villagerGroups: row.villagerGroups,
    };
    if (!existing) {
      creates.push({ ...values, row: row.row, code: row.code, parent: parentRef });
      return report('created');
    }
    // a blank count keeps what is stored: the list often leaves a figure out
    const next: RegionValues = {
      ...values,
      households: values.households ?? existing.households,
      population: values.population ?? existing.population,
      villagerGroups: values.villagerGroups ?? existing.villagerGroups,
      townshipKind: values.townshipKind ?? existing.townshipKind,
    };
    const changed =
      next.name !== existing.name ||
      next.level !== existing.level ||
      next.townshipKind !== existing.townshipKind ||
      next.households !== existing.households ||
      next.population !== existing.population ||
      next.villagerGroups !== existing.villagerGroups;
    if (changed) updates.push({ row: row.row, stored: existing, values: next });
    if (mergeInto && row.mergedInto !== null && row.mergedOn !== null) {
      merges.push({
        row: row.row,
        stored: existing,
        into: mergeInto,
        intoCode: row.mergedInto,
        mergedOn: row.mergedOn,
      });
      return report('merged');
    }
    return report(changed ? 'updated' : 'unchanged');
  });

  creates.sort((a, b) => DEPTH[a.level] - DEPTH[b.level] || a.row - b.row);
  return { rows, creates, updates, merges };
}
