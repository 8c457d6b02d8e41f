import { REGION_LEVELS } from '@huanjie/domain';
import { and, inArray, like, or } from 'drizzle-orm';

import { builder } from '../../graphql/builder.js';
import { NotFoundError, rethrowAsGraphQLError, toGraphQLError } from '../../graphql/errors.js';
import type { RegionCrumbRow } from './regions.repo.js';
import { crumbsOnPath, likeLiteral } from './regions.repo.js';
import { MAX_SEARCH_RESULTS, authorizeRegionRead, normalizeSearch } from './regions.service.js';

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
      resolve: async (r, _args, ctx) => (await crumbsOnPath(ctx.db, r.path)).slice(0, -1),
    }),
    children: t.relation('children', {
      query: { orderBy: { sortOrder: 'asc', id: 'asc' } },
    }),
    childCount: t.relatedCount('children'),
    villageCount: t.int({
      description: 'Villages and communities in this region’s subtree',
      select: {
        extras: {
          villageCount: (r, { sql }) =>
            sql<number>`(select count(*)::int from regions v where v.path like ${r.path} || '%' and v.level in ('village', 'community'))`,
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
    resolve: async (query, _root, args, ctx) => {
      const actor = ctx.actor;
      if (!actor) throw new Error('unreachable: Query requires a session');
      const id = args.id.id;
      await authorizeRegionRead(ctx.db, actor, id).catch(rethrowAsGraphQLError);
      const row = await ctx.db.query.regions.findFirst(query({ where: { id } }));
      if (!row) throw toGraphQLError(new NotFoundError('该区划不存在或无权查看'));
      return row;
    },
  }),
  regionSearch: t.drizzleField({
    type: ['regions'],
    description: 'Regions in the caller’s scope whose name contains the text',
    args: {
      text: t.arg.string({ required: true }),
      level: t.arg({ type: RegionLevelEnum }),
      first: t.arg.int({ defaultValue: 20 }),
    },
    resolve: async (query, _root, args, ctx) => {
      const actor = ctx.actor;
      if (!actor) throw new Error('unreachable: Query requires a session');
      const text = normalizeSearch(args.text);
      if (text === '' || actor.scopeRoots.length === 0) return [];
      const limit = Math.min(Math.max(args.first ?? 20, 1), MAX_SEARCH_RESULTS);
      return ctx.db.query.regions.findMany(
        query({
          where: {
            RAW: (r) =>
              and(
                like(r.name, `%${likeLiteral(text)}%`),
                or(...actor.scopeRoots.map((root) => like(r.path, `${likeLiteral(root)}%`))),
                args.level ? inArray(r.level, [args.level]) : undefined,
              ) ?? like(r.name, ''),
          },
          orderBy: { path: 'asc' },
          limit,
        }),
      );
    },
  }),
}));
