import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@huanjie/db';
import { eq, sql } from 'drizzle-orm';
import type { TestApi } from '../../../test/harness.js';
import { errorCodes, startTestApi } from '../../../test/harness.js';
import type { SaveResult } from '../../../test/campaign-helpers.js';
import {
  SAVE,
  entry,
  itemOf,
  startCampaign,
  todayInChina,
  uploadPhoto,
} from '../../../test/campaign-helpers.js';

const LOG = `query($r: ID, $u: String, $a: String, $from: String, $to: String) {
  auditLog(regionId: $r, username: $u, action: $a, from: $from, to: $to, first: 200) {
    total items { seq username roleLabel action region { id name } before after } } }`;

interface Log {
  auditLog: {
    total: number;
    items: {
      seq: number;
      username: string | null;
      roleLabel: string | null;
      action: string;
      region: { id: string } | null;
      after: string | null;
    }[];
  };
}

describe('county admins browse the audit log', () => {
  let api: TestApi;
  let admin: string;
  let clerkName: string;
  let village: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('county.admin', 'county');
    village = api.demoPlan.regions.find((r) => r.parentKey === 't01' && r.level === 'village')!.key;
    clerkName = `vil${village.slice(1, 3)}${village.slice(4)}.clerk`;
    const clerk = await api.login(clerkName, 'village');
    const campaign = await startCampaign(api, admin);
    const audit = await itemOf(api, clerk, campaign.id, village, 'V', 'audit');
    const photoId = await uploadPhoto(api, clerk, village);
    await api.gql<SaveResult>(
      SAVE,
      entry(audit, { doneDate: todayInChina(), photoId, submit: true, explanation: '推迟' }),
      { token: clerk },
    );
  });
  afterAll(() => api.close());

  it('refuses control and invisible characters in a filter as a typed error, not a crash', async () => {
    for (const vars of [{ u: 'vil\u0000' }, { a: 'stage.\u0000' }, { u: 'vil\u202e' }]) {
      const res = await api.gql<Log>(LOG, vars, { token: admin });
      expect(errorCodes(res)).toEqual(['VALIDATION']);
    }
    const search = await api.gql<{ regionSearch: unknown[] }>(
      `query($t: String!) { regionSearch(text: $t) { id } }`,
      { t: '村\u0000' },
      { token: admin },
    );
    expect(search.errors).toBeUndefined();
    expect(search.data?.regionSearch).toEqual([]);
  });

  it('filters by user, action, region and date, newest first, with before and after', async () => {
    const byClerk = await api.gql<Log>(LOG, { u: clerkName }, { token: admin });
    expect(byClerk.data!.auditLog.items.map((i) => i.action)).toEqual([
      'stage.submit',
      'file.upload',
    ]);
    expect(byClerk.data!.auditLog.items[0]).toMatchObject({
      username: clerkName,
      roleLabel: '村(社区)信息员',
    });
    expect(JSON.parse(byClerk.data!.auditLog.items[0]!.after!)).toMatchObject({
      status: 'submitted',
      stage: 'audit',
    });
    const stages = await api.gql<Log>(LOG, { a: 'stage.' }, { token: admin });
    expect(stages.data!.auditLog.total).toBe(1);
    const t02 = await api.gql<Log>(LOG, { r: api.regionGid('t02') }, { token: admin });
    expect(t02.data!.auditLog.items.filter((i) => i.action.startsWith('stage.'))).toEqual([]);
    const t01 = await api.gql<Log>(LOG, { r: api.regionGid('t01') }, { token: admin });
    expect(t01.data!.auditLog.items.map((i) => i.region?.id)).toContain(api.regionGid(village));
    const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
    const future = await api.gql<Log>(LOG, { from: tomorrow }, { token: admin });
    expect(future.data!.auditLog.total).toBe(0);
    const today = await api.gql<Log>(
      LOG,
      { from: todayInChina(), to: todayInChina() },
      { token: admin },
    );
    expect(today.data!.auditLog.total).toBeGreaterThanOrEqual(4);
  });

  it('names each entry’s action and object in Chinese and compares before and after field by field', async () => {
    const READABLE = `query($u: String) { auditLog(username: $u, first: 10) { items {
      action actionLabel summary entityLabel changes { field label before after } } } }`;
    const res = await api.gql<{
      auditLog: {
        items: {
          action: string;
          actionLabel: string;
          summary: string;
          entityLabel: string;
          changes: { field: string; label: string; before: string | null; after: string | null }[];
        }[];
      };
    }>(READABLE, { u: clerkName }, { token: admin });
    const [submit, upload] = res.data!.auditLog.items;
    const villageName = api.demoPlan.regions.find((r) => r.key === village)!.name;
    expect(submit).toMatchObject({
      action: 'stage.submit',
      actionLabel: '提交阶段填报',
      entityLabel: '阶段填报',
      summary: `提交阶段填报 · ${villageName} 村民委员会 · 离任（届期）经济责任审计及公示`,
    });
    // a first submission: every field it set, in words, none of the internal names or codes
    expect(submit!.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', label: '状态', before: null, after: '待审核' },
        { field: 'doneDate', label: '完成日期', before: null, after: todayInChina() },
        { field: 'explanation', label: '情况说明', before: null, after: '推迟' },
        { field: 'track', label: '类别', before: null, after: '村委会换届' },
        {
          field: 'stage',
          label: '阶段',
          before: null,
          after: '离任（届期）经济责任审计及公示',
        },
      ]),
    );
    expect(JSON.stringify(submit!.changes.map((c) => [c.label, c.after]))).not.toMatch(
      /submitted|doneDate|"audit"/,
    );
    expect(upload).toMatchObject({
      actionLabel: '上传照片',
      summary: `上传照片 · ${villageName} · 照片`,
    });
    expect(upload!.changes.map((c) => c.label)).toEqual(
      expect.arrayContaining(['文件类型', '大小(字节)']),
    );
  });

  it('verifies the county chain on demand and reports a tampered entry', async () => {
    const ok = await api.gql<{ auditChainStatus: { ok: boolean; entries: number } }>(
      '{ auditChainStatus { ok entries } }',
      {},
      { token: admin },
    );
    expect(ok.data!.auditChainStatus.ok).toBe(true);
    await api.database.db
      .update(auditLog)
      .set({ after: sql`jsonb_set(after, '{status}', '"approved"')` })
      .where(eq(auditLog.action, 'stage.submit'));
    const broken = await api.gql<{
      auditChainStatus: { ok: boolean; brokenAtSeq: number; reason: string };
    }>('{ auditChainStatus { ok brokenAtSeq reason } }', {}, { token: admin });
    expect(broken.data!.auditChainStatus).toMatchObject({
      ok: false,
      reason: expect.stringContaining('改动') as string,
    });
    // the county leader reads everything in the county (PRODUCT.md §1), the chain's state too;
    // a township coordinator does not read the county's log
    const leader = await api.login('county.leader', 'county');
    const seen = await api.gql<{ auditChainStatus: { ok: boolean } }>(
      '{ auditChainStatus { ok } }',
      {},
      { token: leader },
    );
    expect(seen.data?.auditChainStatus.ok).toBe(false);
    const coordinator = await api.login('town01.coordinator', 'township');
    expect(
      errorCodes(await api.gql('{ auditChainStatus { ok } }', {}, { token: coordinator })),
    ).toEqual(['FORBIDDEN']);
  });
});
