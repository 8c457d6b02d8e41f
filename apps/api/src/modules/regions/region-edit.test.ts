import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@huanjie/db';
import { sql } from 'drizzle-orm';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';

const RESULT = (payload: string) => `__typename
  ... on ${payload}
  ... on Error { code message }
  ... on ValidationError { issues { path message } }`;

interface Result {
  __typename: string;
  regionId?: string;
  zoneId?: string;
  code?: string;
  message?: string;
  issues?: { path: string[]; message: string }[];
}

describe('regions edited one by one, and zones (片区)', () => {
  let api: TestApi;
  let admin: string;
  let coordinator: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('county.admin', 'county');
    coordinator = await api.login('town01.coordinator', 'township');
  });
  afterAll(() => api.close());

  async function mutate(
    field: string,
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ) {
    const res = await api.gql<Record<string, Result>>(query, variables, { token });
    expect(res.errors).toBeUndefined();
    return res.data![field]!;
  }

  const update = (input: Record<string, unknown>, token = admin) =>
    mutate(
      'updateRegion',
      `mutation($i: UpdateRegionInput!) { updateRegion(input: $i) { ${RESULT('RegionSaved { regionId }')} } }`,
      { i: input },
      token,
    );

  async function audits(action: string) {
    return queryRows<{ before: unknown; after: unknown }>(
      api.database.db,
      sql`select before, after from audit_log where action = ${action} order by id`,
    );
  }

  it('renames a village and changes its figures and kind, audited field by field', async () => {
    const saved = await update({
      id: api.regionGid('t01v002'),
      name: '新名村',
      level: 'community',
      households: 400,
      population: 1500,
      villagerGroups: 5,
    });
    expect(saved).toEqual({ __typename: 'RegionSaved', regionId: api.regionGid('t01v002') });
    const res = await api.gql<{
      region: { name: string; level: string; households: number; kindLabel: string };
    }>(
      'query($id: ID!) { region(id: $id) { name level households kindLabel } }',
      { id: api.regionGid('t01v002') },
      { token: admin },
    );
    expect(res.data?.region).toEqual({
      name: '新名村',
      level: 'community',
      households: 400,
      kindLabel: '社区',
    });
    const [entry] = await audits('region.update');
    expect(entry?.after).toMatchObject({ name: '新名村', kind: '社区', households: 400 });
  });

  it('refuses with typed Chinese errors naming the field', async () => {
    const empty = await update({ id: api.regionGid('t01v003'), name: '  ' });
    expect(empty).toMatchObject({ __typename: 'ValidationError', message: '名称不能为空' });
    expect(empty.issues).toEqual([{ path: ['input', 'name'], message: '名称不能为空' }]);
    const negative = await update({ id: api.regionGid('t01v003'), name: '某村', households: -1 });
    expect(negative.issues?.[0]?.path).toEqual(['input', 'households']);
    const control = await update({ id: api.regionGid('t01v003'), name: '某\u0000村' });
    expect(control.message).toMatch(/控制字符/);
    const level = await update({ id: api.regionGid('t01'), name: '某镇', level: 'village' });
    expect(level.message).toMatch(/只能在行政村和社区之间调整类型/);
  });

  it('adds a village under a township, refusing a taken code and a village under a village', async () => {
    const create = (input: Record<string, unknown>) =>
      mutate(
        'createRegion',
        `mutation($i: CreateRegionInput!) { createRegion(input: $i) { ${RESULT('RegionSaved { regionId }')} } }`,
        { i: input },
        admin,
      );
    const made = await create({
      parentId: api.regionGid('t01'),
      code: '530923101299',
      name: '新设村',
      level: 'village',
      households: 90,
    });
    expect(made.__typename).toBe('RegionSaved');
    const taken = await create({
      parentId: api.regionGid('t01'),
      code: '530923101299',
      name: '重码村',
      level: 'village',
    });
    expect(taken.message).toMatch(/已被「新设村」使用/);
    const nested = await create({
      parentId: api.regionGid('t01v001'),
      code: '530923101298',
      name: '村中村',
      level: 'village',
    });
    expect(nested.message).toMatch(/下不能设行政村/);
    const short = await create({
      parentId: api.regionGid('t01'),
      code: '5309',
      name: '短码村',
      level: 'village',
    });
    expect(short.issues?.[0]).toEqual({
      path: ['input', 'code'],
      message: '统计用区划代码应为12位数字',
    });
    expect(await audits('region.create')).toHaveLength(1);
  });

  it('marks a village merged into another; it stays readable and leaves the counts', async () => {
    const count = async () => {
      const res = await api.gql<{ region: { villageCount: number } }>(
        'query($id: ID!) { region(id: $id) { villageCount } }',
        { id: api.regionGid('t01') },
        { token: admin },
      );
      return res.data!.region.villageCount;
    };
    const before = await count();
    const merge = (id: string, intoId: string, mergedOn = '2026-01-10') =>
      mutate(
        'mergeRegion',
        `mutation($i: MergeRegionInput!) { mergeRegion(input: $i) { ${RESULT('RegionSaved { regionId }')} } }`,
        { i: { id, intoId, mergedOn } },
        admin,
      );
    expect((await merge(api.regionGid('t01v005'), api.regionGid('t01v006'))).__typename).toBe(
      'RegionSaved',
    );
    expect(await count()).toBe(before - 1);
    const again = await merge(api.regionGid('t01v005'), api.regionGid('t01v007'));
    expect(again).toMatchObject({
      __typename: 'ConflictError',
      message: expect.stringMatching(/已于2026-01-10撤并/),
    });
    const intoMerged = await merge(api.regionGid('t01v008'), api.regionGid('t01v005'));
    expect(intoMerged.message).toMatch(/也已撤并/);
    const township = await merge(api.regionGid('t01'), api.regionGid('t02'));
    expect(township.message).toBe('只有行政村、社区可以撤并');
    const future = await merge(api.regionGid('t01v008'), api.regionGid('t01v009'), '2999-01-01');
    expect(future.message).toBe('撤并日期不能晚于今天');
    const clerk = await api.login('vil01005.clerk', 'village');
    const res = await api.gql<{
      region: { name: string; mergedOn: string; mergedInto: { id: string } };
    }>(
      'query($id: ID!) { region(id: $id) { name mergedOn mergedInto { id } } }',
      { id: api.regionGid('t01v005') },
      { token: clerk },
    );
    // the clerk reads their merged village; its successor lies outside their scope
    expect(res.errors).toBeUndefined();
    expect(res.data?.region).toMatchObject({ mergedOn: '2026-01-10' });
    const county = await api.gql<{ region: { mergedInto: { id: string } } }>(
      'query($id: ID!) { region(id: $id) { mergedInto { id name } } }',
      { id: api.regionGid('t01v005') },
      { token: admin },
    );
    expect(county.data?.region.mergedInto.id).toBe(api.regionGid('t01v006'));
    const [entry] = await audits('region.merge');
    expect(entry?.after).toMatchObject({ mergedOn: '2026-01-10' });
  });

  it('lets the coordinator create, rename, fill and delete a zone of their township only', async () => {
    const create = (townshipKey: string, name: string, token = coordinator) =>
      mutate(
        'createZone',
        `mutation($t: ID!, $i: ZoneInput!) { createZone(townshipId: $t, input: $i) { ${RESULT('ZoneSaved { zoneId }')} } }`,
        { t: api.regionGid(townshipKey), i: { name, headName: '张片长' } },
        token,
      );
    const made = await create('t01', '东片');
    expect(made.__typename).toBe('ZoneSaved');
    const zoneId = made.zoneId!;
    expect((await create('t01', '东片')).message).toBe('已有片区「东片」');
    expect((await create('t02', '西片')).__typename).toBe('NotFoundError');
    expect((await create('t01', '北片', admin)).__typename).toBe('ForbiddenError');

    const renamed = await mutate(
      'updateZone',
      `mutation($z: ID!, $i: ZoneInput!) { updateZone(id: $z, input: $i) { ${RESULT('ZoneSaved { zoneId }')} } }`,
      { z: zoneId, i: { name: '东部片区', headName: '李片长' } },
      coordinator,
    );
    expect(renamed.__typename).toBe('ZoneSaved');
    const assign = (ids: string[]) =>
      mutate(
        'setZoneVillages',
        `mutation($z: ID!, $v: [ID!]!) { setZoneVillages(id: $z, villageIds: $v) { ${RESULT('ZoneSaved { zoneId }')} } }`,
        { z: zoneId, v: ids },
        coordinator,
      );
    expect((await assign([api.regionGid('t01v010'), api.regionGid('t01v011')])).__typename).toBe(
      'ZoneSaved',
    );
    expect((await assign([api.regionGid('t02v001')])).message).toMatch(/不属于/);
    const res = await api.gql<{
      region: {
        zones: {
          id: string;
          name: string;
          headName: string;
          villageCount: number;
          villages: { name: string }[];
        }[];
      };
    }>(
      'query($id: ID!) { region(id: $id) { zones { id name headName villageCount villages { name } } } }',
      { id: api.regionGid('t01') },
      { token: coordinator },
    );
    const zone = res.data?.region.zones.find((z) => z.id === zoneId);
    expect(zone).toMatchObject({ name: '东部片区', headName: '李片长', villageCount: 2 });

    const deleted = await mutate(
      'deleteZone',
      `mutation($z: ID!) { deleteZone(id: $z) { ${RESULT('ZoneSaved { zoneId }')} } }`,
      { z: zoneId },
      coordinator,
    );
    expect(deleted.__typename).toBe('ZoneSaved');
    const left = await queryRows<{ n: number }>(
      api.database.db,
      sql`select count(*)::int as n from regions where zone_id = ${Number(zoneId.split(':')[1])}`,
    );
    expect(left[0]?.n).toBe(0);
    expect((await audits('zone.create')).length).toBe(1);
    expect((await audits('zone.assign')).length).toBe(1);
    expect((await audits('zone.delete')).length).toBe(1);
  });
});
