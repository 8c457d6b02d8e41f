import { REGION_LEVELS, TOWNSHIP_KINDS, divisionCode12, regionKindLabel } from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { idOf } from '../../shared/ids.js';
import type { RegionCrumbRow } from './regions.service.js';
import * as service from './regions.service.js';

export const RegionLevelEnum = builder.enumType('RegionLevel', { values: REGION_LEVELS });
export const TownshipKindEnum = builder.enumType('TownshipKind', {
  description: '乡, 镇 or 街道',
  values: TOWNSHIP_KINDS,
});

/** Just enough of a region to name it: breadcrumbs and home regions outside the caller's scope. */
export const RegionCrumb = builder.objectRef<RegionCrumbRow>('RegionCrumb').implement({
  fields: (t) => ({
    id: t.globalID({ resolve: (r) => ({ type: 'Region', id: r.id }) }),
    name: t.exposeString('name'),
    level: t.field({ type: RegionLevelEnum, resolve: (r) => r.level }),
  }),
});

builder.drizzleObject('zones', {
  name: 'Zone',
  description: '片区: a grouping of a township’s villages',
  fields: (t) => ({
    id: t.globalID({ resolve: (z) => ({ type: 'Zone', id: z.id }) }),
    name: t.exposeString('name'),
    headName: t.exposeString('headName', { nullable: true }),
    villages: t.relation('villages', { query: { orderBy: { sortOrder: 'asc', id: 'asc' } } }),
    villageCount: t.relatedCount('villages'),
  }),
});

export const Region = builder.drizzleNode('regions', {
  name: 'Region',
  id: { column: (r) => r.id },
  // Every Region object is checked, however it was reached: nothing outside the caller's scope resolves.
  authScopes: (region) => ({ inScope: region.path }),
  fields: (t) => ({
    name: t.exposeString('name'),
    level: t.field({ type: RegionLevelEnum, resolve: (r) => r.level }),
    code: t.exposeString('code'),
    divisionCode: t.string({
      description: 'The 12-digit 统计用区划代码 (older short codes padded with zeros)',
      resolve: (r) => divisionCode12(r.code),
    }),
    townshipKind: t.field({
      type: TownshipKindEnum,
      nullable: true,
      resolve: (r) => r.townshipKind,
    }),
    kindLabel: t.string({
      description: '乡 / 镇 / 街道 / 行政村 / 社区 / 村民小组',
      resolve: (r) => regionKindLabel(r.level, r.townshipKind),
    }),
    households: t.exposeInt('households', {
      nullable: true,
      description: 'As imported or entered for this region itself',
    }),
    population: t.exposeInt('population', {
      nullable: true,
      description: 'As imported or entered for this region itself',
    }),
    villagerGroups: t.exposeInt('villagerGroups', { nullable: true }),
    totalHouseholds: t.int({
      nullable: true,
      description:
        'This region’s own 户数, or when it has none the sum over its villages and communities (merged ones left out)',
      select: {
        extras: {
          totalHouseholds: (r) =>
            service.figureOf('households', { path: r.path, own: r.households }),
        },
      },
      resolve: (r) => r.totalHouseholds,
    }),
    totalPopulation: t.int({
      nullable: true,
      description: 'The same for 人口',
      select: {
        extras: {
          totalPopulation: (r) =>
            service.figureOf('population', { path: r.path, own: r.population }),
        },
      },
      resolve: (r) => r.totalPopulation,
    }),
    mergedOn: t.exposeString('mergedOn', {
      nullable: true,
      description: '撤并: the day this village was merged into another; null while it stands',
    }),
    mergedInto: t.field({
      type: RegionCrumb,
      nullable: true,
      description:
        'The village this one was merged into, named (a breadcrumb: it may lie outside the caller’s scope)',
      select: { columns: { mergedIntoId: true } },
      resolve: (r, _args, ctx) =>
        r.mergedIntoId === null ? null : service.crumbOf(ctx, r.mergedIntoId),
    }),
    zones: t.relation('townshipZones', {
      description: 'A township’s zones (片区)',
      query: { orderBy: { id: 'asc' } },
    }),
    zone: t.relation('zone', { nullable: true }),
    ancestors: t.field({
      type: [RegionCrumb],
      description: 'The breadcrumb from the county down to the parent of this region',
      resolve: (r, _args, ctx) => service.ancestors(ctx, r.path),
    }),
    children: t.relation('children', {
      query: { orderBy: { sortOrder: 'asc', id: 'asc' } },
    }),
    childCount: t.relatedCount('children'),
    villageCount: t.int({
      description: 'Villages and communities in this region’s subtree',
      select: {
        extras: {
          villageCount: (r) => service.villageCountOf(r.path),
        },
      },
      resolve: (r) => r.villageCount,
    }),
  }),
});

builder.queryFields((t) => ({
  region: t.drizzleField({
    type: 'regions',
    description: 'A region in the caller’s scope; FORBIDDEN outside it',
    args: { id: t.arg.globalID({ for: Region, required: true }) },
    resolve: (query, _root, args, ctx) =>
      service.region(ctx, query(), idOf(args.id, 'Region', 'id')),
  }),
  regionSearch: t.drizzleField({
    type: ['regions'],
    description: 'Regions in the caller’s scope whose name contains the text',
    args: {
      text: t.arg.string({ required: true }),
      level: t.arg({ type: RegionLevelEnum }),
      first: t.arg.int({ defaultValue: 20 }),
    },
    resolve: (query, _root, args, ctx) =>
      service.searchRegions(ctx, query(), {
        text: args.text,
        level: args.level ?? null,
        first: args.first ?? null,
      }),
  }),
  myRegions: t.drizzleField({
    type: ['regions'],
    description:
      'The roots of what the signed-in user may browse: usually the home region; for guidance members their assigned villages',
    resolve: (query, _root, _args, ctx) => service.myRegions(ctx, query()),
  }),
}));
