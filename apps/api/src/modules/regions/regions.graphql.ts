import { REGION_LEVELS } from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { idOf } from '../../shared/ids.js';
import type { RegionCrumbRow } from './regions.service.js';
import * as service from './regions.service.js';

export const RegionLevelEnum = builder.enumType('RegionLevel', { values: REGION_LEVELS });

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
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    headName: t.exposeString('headName', { nullable: true }),
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
    households: t.exposeInt('households', { nullable: true }),
    population: t.exposeInt('population', { nullable: true }),
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
