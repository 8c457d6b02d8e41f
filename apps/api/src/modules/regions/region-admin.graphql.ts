import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS } from '../../graphql/error-types.js';
import { globalId, idOf } from '../../shared/ids.js';
import * as admin from './region-admin.service.js';
import type { RegionImportReport } from './region-admin.service.js';
import type { RegionImportRowReport } from './region-import.js';
import { RegionLevelEnum, TownshipKindEnum } from './regions.graphql.js';
import * as zones from './zones.service.js';

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

const RegionImportRowStatusEnum = builder.enumType('RegionImportRowStatus', {
  values: ['created', 'updated', 'merged', 'unchanged', 'rejected'] as const,
});

const RegionImportIssue = builder
  .objectRef<{ column: string; message: string }>('RegionImportIssue')
  .implement({
    fields: (t) => ({
      column: t.exposeString('column'),
      message: t.exposeString('message', { description: 'Names the row and the column' }),
    }),
  });

const RegionImportRow = builder.objectRef<RegionImportRowReport>('RegionImportRow').implement({
  fields: (t) => ({
    row: t.exposeInt('row'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.exposeString('kind', { description: '类型 as the file wrote it' }),
    status: t.field({ type: RegionImportRowStatusEnum, resolve: (r) => r.status }),
    issues: t.field({ type: [RegionImportIssue], resolve: (r) => r.issues }),
  }),
});

const RegionImportReportRef = builder
  .objectRef<RegionImportReport>('RegionImportReport')
  .implement({
    description:
      'Row by row; committed is false (and nothing was written) when any row was rejected or it was a dry run',
    fields: (t) => ({
      committed: t.exposeBoolean('committed'),
      preview: t.exposeBoolean('preview', { description: 'A dry run (检查): nothing written' }),
      total: t.exposeInt('total'),
      created: t.exposeInt('created'),
      updated: t.exposeInt('updated'),
      merged: t.exposeInt('merged'),
      unchanged: t.exposeInt('unchanged'),
      rejected: t.exposeInt('rejected'),
      rows: t.field({
        type: [RegionImportRow],
        args: {
          onlyChanged: t.arg.boolean({
            description: 'Leave out unchanged rows (a re-import of a large county)',
          }),
        },
        resolve: (r, args) =>
          args.onlyChanged ? r.rows.filter((row) => row.status !== 'unchanged') : r.rows,
      }),
    }),
  });

const RegionTemplate = builder
  .objectRef<{ fileName: string; contentBase64: string }>('RegionTemplate')
  .implement({
    fields: (t) => ({
      fileName: t.exposeString('fileName'),
      contentBase64: t.exposeString('contentBase64'),
    }),
  });

const RegionSaved = builder.objectRef<{ id: number }>('RegionSaved').implement({
  description: 'The region a change saved; read it again through Query.region',
  fields: (t) => ({
    regionId: t.id({ resolve: (r) => globalId('Region', r.id) }),
  }),
});

const ZoneSaved = builder.objectRef<{ id: number }>('ZoneSaved').implement({
  fields: (t) => ({
    zoneId: t.id({ resolve: (r) => globalId('Zone', r.id) }),
  }),
});

const ImportRegionsInput = builder.inputType('ImportRegionsInput', {
  fields: (t) => ({
    countyId: t.globalID({ required: true }),
    contentBase64: t.string({
      required: true,
      description:
        'The list (xlsx, base64, ≤ 1 MB: ~20,000 villages) in the layout of regionImportTemplate',
    }),
    dryRun: t.boolean({ description: '检查: check every row and count, writing nothing' }),
  }),
});

const RegionFields = {
  households: 'Households (户数); null clears',
  population: 'Population (人口); null clears',
  villagerGroups: 'Villager groups (村民小组数); null clears',
} as const;

const CreateRegionInput = builder.inputType('CreateRegionInput', {
  fields: (t) => ({
    parentId: t.globalID({ required: true }),
    code: t.string({ required: true, description: '统计用区划代码, 12 digits' }),
    name: t.string({ required: true }),
    level: t.field({ type: RegionLevelEnum, required: true }),
    townshipKind: t.field({ type: TownshipKindEnum }),
    households: t.int({ description: RegionFields.households }),
    population: t.int({ description: RegionFields.population }),
    villagerGroups: t.int({ description: RegionFields.villagerGroups }),
  }),
});

const UpdateRegionInput = builder.inputType('UpdateRegionInput', {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    name: t.string({ required: true }),
    level: t.field({ type: RegionLevelEnum, description: 'Only between village and community' }),
    townshipKind: t.field({ type: TownshipKindEnum }),
    households: t.int({ description: RegionFields.households }),
    population: t.int({ description: RegionFields.population }),
    villagerGroups: t.int({ description: RegionFields.villagerGroups }),
  }),
});

const MergeRegionInput = builder.inputType('MergeRegionInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, description: 'The village or community merged away' }),
    intoId: t.globalID({ required: true, description: 'The village or community it joins' }),
    mergedOn: t.string({ required: true, description: 'YYYY-MM-DD' }),
  }),
});

const ZoneInput = builder.inputType('ZoneInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    headName: t.string({ description: '片区负责人' }),
  }),
});

builder.queryFields((t) => {
  const q = t.withAuth({ session: true });
  return {
    regionImportTemplate: q.field({
      type: RegionTemplate,
      description:
        'An empty division list (xlsx, base64) in the layout importRegions reads, with a notes sheet and an example sheet',
      args: { countyId: t.arg.globalID({ required: true }) },
      resolve: (_root, args, ctx) =>
        admin.regionTemplateFile(ctx, idOf(args.countyId, 'Region', 'countyId')),
    }),
  };
});

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  return {
    importRegions: m.field({
      type: RegionImportReportRef,
      description:
        'Imports the county’s divisions (统计用区划代码) from the civil affairs list, all-or-nothing, with a row-by-row report; a re-import updates by code',
      errors,
      args: { input: t.arg({ type: ImportRegionsInput, required: true }) },
      resolve: (_root, args, ctx) =>
        admin.importRegions(ctx, {
          countyId: idOf(args.input.countyId, 'Region', ['input', 'countyId']),
          contentBase64: args.input.contentBase64,
          dryRun: args.input.dryRun ?? false,
        }),
    }),
    createRegion: m.field({
      type: RegionSaved,
      description: 'Adds a township, village, community or villager group to the county',
      errors,
      args: { input: t.arg({ type: CreateRegionInput, required: true }) },
      resolve: async (_root, args, ctx) => ({
        id: await admin.createRegion(ctx, {
          ...args.input,
          parentId: idOf(args.input.parentId, 'Region', ['input', 'parentId']),
        }),
      }),
    }),
    updateRegion: m.field({
      type: RegionSaved,
      description: 'Renames a region or changes its kind and figures',
      errors,
      args: { input: t.arg({ type: UpdateRegionInput, required: true }) },
      resolve: async (_root, args, ctx) => {
        const { id, ...rest } = args.input;
        return {
          id: await admin.updateRegion(ctx, idOf(id, 'Region', ['input', 'id']), rest),
        };
      },
    }),
    mergeRegion: m.field({
      type: RegionSaved,
      description:
        'Marks a village merged (撤并) into another on a day; it keeps its records and leaves new campaigns',
      errors,
      args: { input: t.arg({ type: MergeRegionInput, required: true }) },
      resolve: async (_root, args, ctx) => ({
        id: await admin.mergeRegion(ctx, idOf(args.input.id, 'Region', ['input', 'id']), {
          intoId: idOf(args.input.intoId, 'Region', ['input', 'intoId']),
          mergedOn: args.input.mergedOn,
        }),
      }),
    }),
    createZone: m.field({
      type: ZoneSaved,
      description: 'A zone (片区) of a township',
      errors,
      args: {
        townshipId: t.arg.globalID({ required: true }),
        input: t.arg({ type: ZoneInput, required: true }),
      },
      resolve: async (_root, args, ctx) => ({
        id: await zones.createZone(ctx, idOf(args.townshipId, 'Region', 'townshipId'), args.input),
      }),
    }),
    updateZone: m.field({
      type: ZoneSaved,
      errors,
      args: {
        id: t.arg.globalID({ required: true }),
        input: t.arg({ type: ZoneInput, required: true }),
      },
      resolve: async (_root, args, ctx) => ({
        id: await zones.updateZone(ctx, idOf(args.id, 'Zone', 'id'), args.input),
      }),
    }),
    deleteZone: m.field({
      type: ZoneSaved,
      description: 'Deletes a zone no guidance team covers; its villages stay, in no zone',
      errors,
      args: { id: t.arg.globalID({ required: true }) },
      resolve: async (_root, args, ctx) => ({
        id: await zones.deleteZone(ctx, idOf(args.id, 'Zone', 'id')),
      }),
    }),
    setZoneVillages: m.field({
      type: ZoneSaved,
      description: 'The zone holds exactly these villages of its township afterwards',
      errors,
      args: {
        id: t.arg.globalID({ required: true }),
        villageIds: t.arg.globalIDList({ required: true }),
      },
      resolve: async (_root, args, ctx) => ({
        id: await zones.setZoneVillages(
          ctx,
          idOf(args.id, 'Zone', 'id'),
          args.villageIds.map((v, i) => idOf(v, 'Region', ['villageIds', String(i)])),
        ),
      }),
    }),
  };
});
