import { queryRows, zones } from '@huanjie/db';
import type { Action } from '@huanjie/domain';
import { isWithinAny } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { TestApi } from '../harness.js';
import { refusal, refusalType } from '../harness.js';
import { allows } from '../permissions.js';
import type { Caller, ProbeModule } from './types.js';

/**
 * The region tree and zones: only the county admin changes the tree, only a township's
 * coordinator its zones; everyone else is refused (outsiders as not found) and nothing changes.
 * The allowed callers send input the checks refuse, so the demo tree stays as it is.
 */

async function written(api: TestApi) {
  const [row] = await queryRows<{ regions: string; zones: string; audits: number }>(
    api.database.db,
    sql`select (select md5(string_agg(concat_ws('|', id, name, code, path, households, population, merged_on, zone_id), ',' order by id)) from regions) as regions,
      (select md5(coalesce(string_agg(concat_ws('|', id, name, head_name), ',' order by id), '')) from zones) as zones,
      (select count(*)::int from audit_log where action like 'region.%' or action like 'zone.%') as audits`,
  );
  return row;
}

/** A list whose one row names a parent nobody has: a report, never a write. */
async function probeSheet(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('区划');
  sheet.addRow(['统计用区划代码', '名称', '类型', '上级代码']);
  sheet.addRow(['530923299201', '探针村', '行政村', '530923299000']);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const may = (api: TestApi, caller: Caller, key: string, action: Action) =>
  isWithinAny(api.demo.regionPaths.get(key)!, caller.scope) && allows(caller.role, action);

/** A mutation aimed at `key`: the allowed get `expected` (a refusal by the checks), others a refusal. */
async function probeMutation(
  api: TestApi,
  caller: Caller,
  key: string,
  action: Action,
  query: string,
  variables: Record<string, unknown>,
  expected: string,
) {
  const before = await written(api);
  const res = await api.gql<Record<string, { __typename: string }>>(query, variables, {
    token: caller.token,
  });
  expect(res.errors, `${caller.username} ${key}`).toBeUndefined();
  const typename = Object.values(res.data ?? {})[0]?.__typename;
  if (may(api, caller, key, action)) {
    expect(typename, `${caller.username} may call for ${key}`).toBe(expected);
  } else {
    expect(refusalType(typename), `${caller.username} must be refused for ${key}`).toBe('refused');
  }
  expect(await written(api), `${caller.username} wrote for ${key}`).toEqual(before);
}

async function zoneOf(api: TestApi, key: string): Promise<string> {
  const townshipId = api.demo.regionIds.get(key)!;
  const [row] = await queryRows<{ id: number }>(
    api.database.db,
    sql`select id from zones where township_id = ${townshipId} order by id limit 1`,
  );
  if (row) return `Zone:${String(row.id)}`;
  const [created] = await api.database.db
    .insert(zones)
    .values({ townshipId, name: `探针片区${key}` })
    .returning({ id: zones.id });
  return `Zone:${String(created!.id)}`;
}

const TOWNSHIPS = ['t01', 't02'] as const;
const VILLAGES = ['t01v001', 't02v003'] as const;

export const regionAdmin: ProbeModule = {
  probes: {
    'Query.regionImportTemplate': async (api, caller) => {
      const res = await api.gql<{ regionImportTemplate: { fileName: string } }>(
        'query($c: ID!) { regionImportTemplate(countyId: $c) { fileName } }',
        { c: api.regionGid('c') },
        { token: caller.token },
      );
      if (may(api, caller, 'c', 'region.manage')) {
        expect(res.errors, caller.username).toBeUndefined();
        expect(res.data?.regionImportTemplate.fileName).toMatch(/\.xlsx$/);
      } else {
        expect(res.data, caller.username).toBeNull();
        expect(refusal(res)).toBe('refused');
      }
    },
    'Mutation.importRegions': async (api, caller) => {
      await probeMutation(
        api,
        caller,
        'c',
        'region.manage',
        'mutation($i: ImportRegionsInput!) { importRegions(input: $i) { __typename } }',
        { i: { countyId: api.regionGid('c'), contentBase64: await probeSheet() } },
        'RegionImportReport',
      );
    },
    'Mutation.createRegion': async (api, caller) => {
      for (const key of TOWNSHIPS) {
        await probeMutation(
          api,
          caller,
          key,
          'region.manage',
          'mutation($i: CreateRegionInput!) { createRegion(input: $i) { __typename } }',
          { i: { parentId: api.regionGid(key), code: '探针', name: '探针村', level: 'village' } },
          'ValidationError',
        );
      }
    },
    'Mutation.updateRegion': async (api, caller) => {
      for (const key of VILLAGES) {
        await probeMutation(
          api,
          caller,
          key,
          'region.manage',
          'mutation($i: UpdateRegionInput!) { updateRegion(input: $i) { __typename } }',
          { i: { id: api.regionGid(key), name: '' } },
          'ValidationError',
        );
      }
    },
    'Mutation.mergeRegion': async (api, caller) => {
      for (const key of VILLAGES) {
        await probeMutation(
          api,
          caller,
          key,
          'region.manage',
          'mutation($i: MergeRegionInput!) { mergeRegion(input: $i) { __typename } }',
          {
            i: {
              id: api.regionGid(key),
              intoId: api.regionGid(key.replace(/\d\d\d$/, '010')),
              mergedOn: '不是日期',
            },
          },
          'ValidationError',
        );
      }
    },
    'Mutation.createZone': async (api, caller) => {
      for (const key of TOWNSHIPS) {
        await probeMutation(
          api,
          caller,
          key,
          'zone.manage',
          'mutation($t: ID!, $i: ZoneInput!) { createZone(townshipId: $t, input: $i) { __typename } }',
          { t: api.regionGid(key), i: { name: '' } },
          'ValidationError',
        );
      }
    },
    'Mutation.updateZone': async (api, caller) => {
      for (const key of TOWNSHIPS) {
        await probeMutation(
          api,
          caller,
          key,
          'zone.manage',
          'mutation($z: ID!, $i: ZoneInput!) { updateZone(id: $z, input: $i) { __typename } }',
          { z: await zoneOf(api, key), i: { name: '' } },
          'ValidationError',
        );
      }
    },
    'Mutation.deleteZone': async (api, caller) => {
      for (const key of TOWNSHIPS) {
        const townshipId = api.demo.regionIds.get(key)!;
        const [zone] = await api.database.db
          .insert(zones)
          .values({ townshipId, name: `探针删除${key}${caller.username}` })
          .returning({ id: zones.id });
        const res = await api.gql<{ deleteZone: { __typename: string } }>(
          'mutation($z: ID!) { deleteZone(id: $z) { __typename } }',
          { z: `Zone:${String(zone!.id)}` },
          { token: caller.token },
        );
        expect(res.errors).toBeUndefined();
        const left = await queryRows<{ id: number }>(
          api.database.db,
          sql`select id from zones where id = ${zone!.id}`,
        );
        if (may(api, caller, key, 'zone.manage')) {
          expect(res.data?.deleteZone.__typename, caller.username).toBe('ZoneSaved');
          expect(left).toEqual([]);
        } else {
          expect(refusalType(res.data?.deleteZone.__typename), caller.username).toBe('refused');
          expect(left).toHaveLength(1);
          await api.database.db.execute(sql`delete from zones where id = ${zone!.id}`);
        }
      }
    },
    'Mutation.setZoneVillages': async (api, caller) => {
      for (const key of TOWNSHIPS) {
        const other = key === 't01' ? 't02v001' : 't01v001';
        await probeMutation(
          api,
          caller,
          key,
          'zone.manage',
          'mutation($z: ID!, $v: [ID!]!) { setZoneVillages(id: $z, villageIds: $v) { __typename } }',
          { z: await zoneOf(api, key), v: [api.regionGid(other)] },
          'ValidationError',
        );
      }
    },
  },
  anonymousCalls: (api) => ({
    'Query.regionImportTemplate': `{ regionImportTemplate(countyId: "${api.regionGid('c')}") { fileName } }`,
    'Mutation.importRegions': `mutation { importRegions(input: { countyId: "${api.regionGid('c')}", contentBase64: "" }) { __typename } }`,
    'Mutation.createRegion': `mutation { createRegion(input: { parentId: "${api.regionGid('t01')}", code: "530923101299", name: "匿名村", level: village }) { __typename } }`,
    'Mutation.updateRegion': `mutation { updateRegion(input: { id: "${api.regionGid('t01v001')}", name: "匿名" }) { __typename } }`,
    'Mutation.mergeRegion': `mutation { mergeRegion(input: { id: "${api.regionGid('t01v001')}", intoId: "${api.regionGid('t01v002')}", mergedOn: "2026-01-01" }) { __typename } }`,
    'Mutation.createZone': `mutation { createZone(townshipId: "${api.regionGid('t01')}", input: { name: "匿名" }) { __typename } }`,
    'Mutation.updateZone': `mutation { updateZone(id: "Zone:1", input: { name: "匿名" }) { __typename } }`,
    'Mutation.deleteZone': `mutation { deleteZone(id: "Zone:1") { __typename } }`,
    'Mutation.setZoneVillages': `mutation { setZoneVillages(id: "Zone:1", villageIds: []) { __typename } }`,
  }),
};
