import type { PercentPolicy, RegionId } from '@huanjie/domain';
import { REGION_LEVEL_LABEL } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';
import { region as readRegion, villageCountOf } from '../regions/regions.service.js';
import { n, text } from './export-columns.js';

/**
 * A region page's children table (/regions/:id) as xlsx: the children in the screen's order with
 * the columns it shows, read through the service the region query calls (refused outside the
 * scope), and a 合计 of the counts.
 */
export async function regionChildrenExport(
  ctx: Context,
  regionId: RegionId,
  policy: PercentPolicy,
): Promise<ExportSheet[]> {
  // authorizes the region as the region query does (refused outside the scope) …
  const region = await readRegion(ctx, {}, regionId);
  // … then its children as the region page's fragment selects them
  const children = await ctx.db.query.regions.findMany({
    where: { parentId: region.id },
    orderBy: { sortOrder: 'asc', id: 'asc' },
    with: { zone: true },
    extras: {
      villageCount: (r) => villageCountOf(r.path),
      childCount: (r) =>
        sql<number>`(select count(*)::int from regions c where c.parent_id = ${r.id})`,
    },
  });
  // as on screen: a zone column when a child has one, a village count above the village level
  const showZones = children.some((c) => c.zone !== null);
  const showVillages = children.some((c) => c.level === 'township');
  return [
    {
      name: '下级区划',
      title: exportTitle(
        [region.name, `下级区划（共${String(children.length)}个）`],
        ctx.clock.now(),
      ),
      policy,
      total: true,
      columns: [
        text('name', '名称'),
        text('level', '层级'),
        ...(showZones ? [text('zone', '片区')] : []),
        n('childCount', '下级数'),
        ...(showVillages ? [n('villageCount', '村（社区）数')] : []),
        n('households', '户数'),
        n('population', '人口'),
      ],
      rows: children.map((c) => ({
        name: c.name,
        level: REGION_LEVEL_LABEL[c.level].zh,
        zone: c.zone?.name ?? null,
        childCount: c.childCount,
        villageCount: c.villageCount,
        households: c.households,
        population: c.population,
      })),
    },
  ];
}
