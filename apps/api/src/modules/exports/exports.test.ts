import { regions } from '@huanjie/db';
import {
  auditActionLabel,
  auditFieldLabel,
  percentPolicy,
  ratio,
  resolveElectionRules,
} from '@huanjie/domain';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';
import { systemClock } from '../../shared/clock.js';
import { HEADER_ROW, TOTAL_LABEL } from '../../xlsx/export-writer.js';
import { recordAudit } from '../audit/audit.service.js';

const policy = percentPolicy(resolveElectionRules());

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
  ms: number;
}

describe('xlsx exports', () => {
  let api: TestApi;
  let county: string;

  async function download(
    path: string,
    token: string | null,
    params: Record<string, string | string[]> = {},
  ): Promise<Download> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params))
      for (const value of Array.isArray(v) ? v : [v]) query.append(k, value);
    const started = performance.now();
    const res = await fetch(`${api.server.url}/exports/${path}?${query.toString()}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body, ms: performance.now() - started };
  }

  async function sheets(d: Download): Promise<ExcelJS.Worksheet[]> {
    expect(d.status, d.body.toString('utf8').slice(0, 300)).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(d.body as unknown as ArrayBuffer);
    return workbook.worksheets;
  }

  /** Rows below the header as arrays (index 0 = column A), the 合计 row last. */
  function table(ws: ExcelJS.Worksheet): { headers: string[]; rows: unknown[][] } {
    const headers = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
    const rows: unknown[][] = [];
    for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
      const values = ws.getRow(r).values as unknown[];
      rows.push(headers.map((_, c) => values[c + 1] ?? null));
    }
    return { headers, rows };
  }

  const campaignGid = async () => {
    const res = await api.gql<{ campaigns: { id: string }[] }>(
      `{ campaigns { id } }`,
      {},
      { token: county },
    );
    return res.data!.campaigns[0]!.id;
  };

  beforeAll(async () => {
    api = await startTestApi({ fullDemo: true });
    county = await api.login('county.leader', 'county');
  });
  afterAll(async () => {
    await api.close();
  });

  for (const form of ['committee-form', 'party-form'] as const) {
    it(`${form}: one row per township, every 合计 the sum of its column, every percentage its count over its denominator`, async () => {
      const d = await download(`${form}.xlsx`, county, { regionId: api.regionGid('c') });
      const [ws] = await sheets(d);
      console.warn(
        `${form} of the demo county: ${String(d.body.length)} bytes in ${d.ms.toFixed(0)} ms`,
      );
      expect(ws!.getCell('A1').text).toMatch(
        form === 'party-form'
          ? /村（社区）党组织换届选举情况统计表/
          : /村（居）民委员会换届选举情况统计表/,
      );
      expect(ws!.getCell('A1').text).toMatch(/导出时间：\d{4}-\d\d-\d\d \d\d:\d\d/);
      const { headers, rows } = table(ws!);
      const total = rows.at(-1)!;
      const body = rows.slice(0, -1);
      expect(total[0]).toBe(TOTAL_LABEL);
      const townships = api.demoPlan.regions
        .filter((r) => r.level === 'township')
        .map((r) => r.name);
      expect(body.map((r) => r[0])).toEqual(townships);
      const col = (h: string) => {
        const i = headers.indexOf(h);
        expect(i, h).toBeGreaterThan(-1);
        return i;
      };
      // the headers the seeds report
      const party = form === 'party-form';
      for (const h of [
        '参加换届的村（社区）数',
        party ? '应到会党员数' : '登记选民数',
        party ? '党员参选率（%）' : '选民参选率（%）',
        party ? '书记初步人选数' : '主任初步人选数',
        party ? '副书记正式候选人数' : '副主任正式候选人数',
        '委员当选数',
        '其中女性',
        '其中少数民族',
        '35岁及以下',
        '大专',
        '连任人数',
        '一次选举成功率（%）',
        '“一肩挑”村（社区）数',
        '交叉任职人数',
      ])
        col(h);
      let percentages = 0;
      headers.forEach((h, c) => {
        if (h.endsWith('（%）')) return;
        if (c === 0) return;
        // every figure is a number, and the 合计 is the sum of the rows above it
        for (const r of rows) expect(typeof r[c], `${h}: ${String(r[c])}`).toBe('number');
        expect(total[c], h).toBe(body.reduce((s, r) => s + (r[c] as number), 0));
      });
      // each percentage is its count over its denominator, in every row and in the 合计
      const pairs: [string, string, string][] = [
        [
          party ? '党员参选率（%）' : '选民参选率（%）',
          party ? '参加选举党员数' : '参加投票选民数',
          party ? '应到会党员数' : '登记选民数',
        ],
        ['上报率（%）', '已上报结果数', party ? '党组织数' : '村（居）委会数'],
        ['女性占比（%）', '其中女性', '当选成员数'],
        ['少数民族占比（%）', '其中少数民族', '当选成员数'],
        ['35岁及以下占比（%）', '35岁及以下', '年龄可分段人数'],
        ['大专占比（%）', '大专', '当选成员数'],
        ['连任占比（%）', '连任人数', '当选成员数'],
        ['一次选举成功率（%）', '一次选举成功数', '已上报结果数'],
        ['“一肩挑”比例（%）', '“一肩挑”村（社区）数', '两委均已选出的村（社区）数'],
        ['交叉任职比例（%）', '交叉任职人数', '两委成员人数（两委均已选出的村）'],
      ];
      for (const [p, count, den] of pairs) {
        for (const r of rows) {
          const expected = ratio(r[col(count)] as number, r[col(den)] as number, policy).percent;
          expect(r[col(p)], `${p} of ${String(r[0])}`).toBe(
            expected === null ? null : Number((expected / 100).toFixed(3)),
          );
          if (expected !== null) percentages += 1;
        }
      }
      // the demo county has results: the check is not over empty columns
      expect(total[col('当选成员数')]).toBeGreaterThan(0);
      expect(percentages).toBeGreaterThan(10);
    });
  }

  it('the committee form holds the figures of the statistics page', async () => {
    const stats = await api.gql<{
      electionStatistics: {
        tracks: {
          track: string;
          members: number;
          turnout: { count: number; denominator: number };
        }[];
      };
    }>(
      `query($r: ID!) { electionStatistics(regionId: $r) { tracks { track members turnout { count denominator } } } }`,
      { r: api.regionGid('c') },
      { token: county },
    );
    const committee = stats.data!.electionStatistics.tracks.filter((t) => t.track !== 'P');
    const [ws] = await sheets(
      await download('committee-form.xlsx', county, { regionId: api.regionGid('c') }),
    );
    const { headers, rows } = table(ws!);
    const total = rows.at(-1)!;
    const sum = (f: (t: (typeof committee)[number]) => number) =>
      committee.reduce((s, t) => s + f(t), 0);
    expect(total[headers.indexOf('当选成员数')]).toBe(sum((t) => t.members));
    expect(total[headers.indexOf('参加投票选民数')]).toBe(sum((t) => t.turnout.count));
    expect(total[headers.indexOf('登记选民数')]).toBe(sum((t) => t.turnout.denominator));
  });

  it('a township exports its own form (its villages) but not another township’s: 403, a Chinese message, no rows', async () => {
    const town1 = await api.login('town01.coordinator', 'township');
    const own = await sheets(
      await download('committee-form.xlsx', town1, { regionId: api.regionGid('t01') }),
    );
    expect(table(own[0]!).rows.length).toBeGreaterThan(1);
    for (const [path, params] of [
      ['committee-form.xlsx', { regionId: api.regionGid('t02') }],
      ['party-form.xlsx', { regionId: api.regionGid('c') }],
      ['results.xlsx', { regionId: api.regionGid('t02'), status: 'approved' }],
      ['audit-log.xlsx', {}],
    ] as const) {
      const d = await download(path, town1, params);
      expect(d.status, path).toBe(403);
      expect(d.headers.get('content-type')).toMatch(/json/);
      const body = JSON.parse(d.body.toString('utf8')) as { code: string; message: string };
      expect(body.code).toBe('FORBIDDEN');
      expect(body.message).toMatch(/^无权导出/);
      expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const clerk = await api.login('vil01001.clerk', 'village');
    const d = await download('committee-form.xlsx', clerk, { regionId: api.regionGid('c') });
    expect(d.status).toBe(403);
    const anonymous = await download('committee-form.xlsx', null, { regionId: api.regionGid('c') });
    expect(anonymous.status).toBe(401);
  });

  it('the export is streamed: chunked, not one buffered body', async () => {
    const res = await fetch(
      `${api.server.url}/exports/committee-form.xlsx?regionId=${encodeURIComponent(api.regionGid('c'))}`,
      { headers: { authorization: `Bearer ${county}` } },
    );
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('村（居）民委员会换届选举情况统计表'),
    );
    await res.arrayBuffer();
  });

  it('the overview exports the children table as on screen with a 合计, and names typed as formulas stay text', async () => {
    const campaignId = await campaignGid();
    const evil = ['=HYPERLINK("http://x","y")', '+1', '-2', '@A1'];
    const villages = api.demoPlan.regions
      .filter((r) => r.parentKey === 't01')
      .slice(0, evil.length);
    for (const [i, v] of villages.entries())
      await api.database.db
        .update(regions)
        .set({ name: evil[i]! })
        .where(eq(regions.id, api.demo.regionIds.get(v.key)!));
    const d = await download('overview.xlsx', county, {
      campaignId,
      regionId: api.regionGid('t01'),
    });
    console.warn(`overview of a township: ${String(d.body.length)} bytes in ${d.ms.toFixed(0)} ms`);
    const [children] = await sheets(d);
    const { headers, rows } = table(children!);
    for (const name of evil) {
      const row = rows.findIndex((r) => r[0] === name);
      expect(row, name).toBeGreaterThan(-1);
      const cell = children!.getCell(HEADER_ROW + 1 + row, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    const total = rows.at(-1)!;
    expect(total[0]).toBe(TOTAL_LABEL);
    const villagesCol = headers.indexOf('村（社区）数');
    expect(total[villagesCol]).toBe(
      rows.slice(0, -1).reduce((s, r) => s + (r[villagesCol] as number), 0),
    );
    // the same numbers as the screen's query
    const screen = await api.gql<{
      campaignOverview: { totals: { villages: number; done: number } };
    }>(
      `query($c: ID!, $r: ID) { campaignOverview(campaignId: $c, regionId: $r) { totals { villages done } } }`,
      { c: campaignId, r: api.regionGid('t01') },
      { token: county },
    );
    expect(total[villagesCol]).toBe(screen.data!.campaignOverview.totals.villages);
    expect(total[headers.indexOf('全部完成')]).toBe(screen.data!.campaignOverview.totals.done);
  });

  it('the results queue and the audit log export every row the screen’s filters select', async () => {
    const town1 = await api.login('town01.coordinator', 'township');
    const queue = await api.gql<{ resultQueue: unknown[] }>(
      `query($r: ID!) { resultQueue(regionId: $r, statuses: [submitted, approved]) { id } }`,
      { r: api.regionGid('t01') },
      { token: town1 },
    );
    const [results] = await sheets(
      await download('results.xlsx', town1, {
        regionId: api.regionGid('t01'),
        status: ['submitted', 'approved'],
      }),
    );
    expect(queue.data!.resultQueue.length).toBeGreaterThan(0);
    // the rows and the 合计
    expect(table(results!).rows.length).toBe(queue.data!.resultQueue.length + 1);

    // more entries than one page of the audit browse service (200)
    const path = api.demo.regionPaths.get('t01v002')!;
    await api.database.db.transaction(async (tx) => {
      for (let i = 0; i < 250; i++)
        await recordAudit(
          tx,
          { actor: null, clock: systemClock },
          {
            action: 'stage.submit',
            entityType: 'stage_record',
            entityId: i + 1,
            regionPath: path,
            before: null,
            after: { note: i === 0 ? '=HYPERLINK("http://x","y")' : `第${String(i)}次` },
          },
        );
    });
    const admin = await api.login('county.admin', 'county');
    const log = await api.gql<{ auditLog: { total: number } }>(
      `query($a: String) { auditLog(action: $a, first: 1) { total } }`,
      { a: 'stage.' },
      { token: admin },
    );
    const d = await download('audit-log.xlsx', admin, { action: 'stage.' });
    console.warn(`audit log (stage.*): ${String(d.body.length)} bytes in ${d.ms.toFixed(0)} ms`);
    const [audit] = await sheets(d);
    const { headers, rows } = table(audit!);
    expect(log.data!.auditLog.total).toBeGreaterThan(0);
    expect(rows.length).toBe(log.data!.auditLog.total);
    expect(rows.length).toBeGreaterThanOrEqual(250);
    // in words, as the audit screen shows them: no internal codes, no JSON
    const action = headers.indexOf('操作');
    expect(new Set(rows.map((r) => r[action]))).toEqual(
      new Set([auditActionLabel('stage.submit')]),
    );
    expect(rows.every((r) => !/stage_record|stage\.submit/.test(r.join(' ')))).toBe(true);
    const after = headers.indexOf('修改后');
    expect(rows).toContainEqual(expect.arrayContaining([`${auditFieldLabel('note')}：第7次`]));
    expect(rows.some((r) => String(r[after]).includes('=HYPERLINK'))).toBe(true);
    expect(rows.every((r) => !String(r[after]).includes('{'))).toBe(true);
  });
  /** A refusal: 403, JSON (no file) and a Chinese message. */
  function expectRefused(d: Download, what: string) {
    expect(d.status, what).toBe(403);
    expect(d.headers.get('content-type'), what).toMatch(/json/);
    expect(d.headers.get('content-disposition'), what).toBeNull();
    const body = JSON.parse(d.body.toString('utf8')) as { code: string; message: string };
    expect(body.code).toBe('FORBIDDEN');
    expect(body.message).toMatch(/^无权导出/);
  }

  /** The 合计 row's value of a column equals the sum of the rows above it. */
  function expectTotal(t: { headers: string[]; rows: unknown[][] }, header: string) {
    const c = t.headers.indexOf(header);
    expect(c, header).toBeGreaterThan(-1);
    const total = t.rows.at(-1)!;
    // the label stands in the first text column
    expect(total).toContain(TOTAL_LABEL);
    expect(total[c], header).toBe(t.rows.slice(0, -1).reduce((s, r) => s + (r[c] as number), 0));
    return total[c] as number;
  }

  it('the guidance board exports its villages as on screen (all, or only those with problems), its teams and its problems; another township is refused', async () => {
    const town1 = await api.login('town01.coordinator', 'township');
    const screen = await api.gql<{
      guidanceBoard: {
        summary: { errors: number; warnings: number };
        findings: { villageIds: string[] }[];
        villages: { id: string; name: string; cadreCount: number }[];
        teams: { name: string }[];
      };
    }>(
      `query($t: ID!) { guidanceBoard(townshipId: $t) { summary { errors warnings }
        findings { villageIds } villages { id name cadreCount } teams { name } } }`,
      { t: api.regionGid('t01') },
      { token: town1 },
    );
    const board = screen.data!.guidanceBoard;
    const [villages, teams, problems] = await sheets(
      await download('guidance-board.xlsx', town1, { townshipId: api.regionGid('t01') }),
    );
    expect(villages!.getCell('A1').text).toMatch(/导出时间/);
    const v = table(villages!);
    expect(v.rows.slice(0, -1).map((r) => r[0])).toEqual(board.villages.map((x) => x.name));
    const cadres = v.headers.indexOf('包村干部数');
    expect(v.rows.slice(0, -1).map((r) => r[cadres])).toEqual(
      board.villages.map((x) => x.cadreCount),
    );
    const problemCount = (id: string) =>
      board.findings.filter((f) => f.villageIds.includes(id)).length;
    expect(expectTotal(v, '问题')).toBe(board.villages.reduce((s, x) => s + problemCount(x.id), 0));
    expect(
      table(teams!)
        .rows.slice(0, -1)
        .map((r) => r[0]),
    ).toEqual(board.teams.map((t) => t.name));
    expect(table(problems!).rows.length).toBe(board.summary.errors + board.summary.warnings);

    // the switch "只看有问题的村"
    const [only] = await sheets(
      await download('guidance-board.xlsx', town1, {
        townshipId: api.regionGid('t01'),
        onlyProblems: 'true',
      }),
    );
    expect(
      table(only!)
        .rows.slice(0, -1)
        .map((r) => r[0]),
    ).toEqual(board.villages.filter((x) => problemCount(x.id) > 0).map((x) => x.name));

    expectRefused(
      await download('guidance-board.xlsx', town1, { townshipId: api.regionGid('t02') }),
      'board of another township',
    );
  });

  it('the cadre roster exports every cadre of the screen’s roster; another township’s roster is refused', async () => {
    const town1 = await api.login('town01.coordinator', 'township');
    const screen = await api.gql<{ cadres: { name: string; phone: string | null }[] }>(
      `query($r: ID!) { cadres(regionId: $r) { name phone } }`,
      { r: api.regionGid('t01') },
      { token: town1 },
    );
    const [ws] = await sheets(
      await download('cadre-roster.xlsx', town1, { regionId: api.regionGid('t01') }),
    );
    const { headers, rows } = table(ws!);
    expect(screen.data!.cadres.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[headers.indexOf('姓名')])).toEqual(
      screen.data!.cadres.map((c) => c.name),
    );
    // a phone number stays text (no 1.38e10)
    expect(rows.map((r) => r[headers.indexOf('手机号码')])).toEqual(
      screen.data!.cadres.map((c) => c.phone),
    );
    expectRefused(
      await download('cadre-roster.xlsx', town1, { regionId: api.regionGid('t02') }),
      'roster of another township',
    );
    expectRefused(
      await download('cadre-roster.xlsx', town1, { regionId: api.regionGid('c') }),
      'the county roster',
    );
  });

  it('the daily reports export the villages missing the day on screen and every day with its count over the villages; another township is refused', async () => {
    const town1 = await api.login('town01.coordinator', 'township');
    const screen = await api.gql<{
      missingDailyReports: {
        date: string;
        missing: { village: { name: string } }[];
        days: { date: string; reported: number; total: number }[];
      };
    }>(
      `query($t: ID!) { missingDailyReports(townshipId: $t) { date missing { village { name } } days { date reported total } } }`,
      { t: api.regionGid('t01') },
      { token: town1 },
    );
    const m = screen.data!.missingDailyReports;
    const [missing, days] = await sheets(
      await download('daily-reports.xlsx', town1, {
        townshipId: api.regionGid('t01'),
        date: m.date,
      }),
    );
    expect(missing!.getCell('A1').text).toContain(m.date);
    const mt = table(missing!);
    expect(mt.rows.map((r) => r[mt.headers.indexOf('村（社区）')])).toEqual(
      m.missing.map((x) => x.village.name),
    );
    const dt = table(days!);
    expect(dt.rows.slice(0, -1).map((r) => r[0])).toEqual([...m.days].reverse().map((d) => d.date));
    expect(expectTotal(dt, '已报村数')).toBe(m.days.reduce((s, d) => s + d.reported, 0));
    expectTotal(dt, '村数');
    const rate = dt.headers.indexOf('报送率（%）');
    for (const r of dt.rows) {
      const expected = ratio(r[1] as number, r[2] as number, policy).percent;
      expect(r[rate]).toBe(expected === null ? null : Number((expected / 100).toFixed(3)));
    }
    expectRefused(
      await download('daily-reports.xlsx', town1, { townshipId: api.regionGid('t02') }),
      'daily reports of another township',
    );
    const bad = await download('daily-reports.xlsx', town1, {
      townshipId: api.regionGid('t01'),
      date: '=1+1',
    });
    expect(bad.status).toBe(400);
  });

  it('the stage review queue exports the stages the screen lists, only the caller’s; a campaign it cannot see is refused', async () => {
    const campaignId = await campaignGid();
    for (const [user, township] of [
      ['town01.coordinator', 't01'],
      ['county.leader', null],
    ] as const) {
      const token = await api.login(user, user.startsWith('county') ? 'county' : 'township');
      const screen = await api.gql<{
        reviewQueue: { village: { name: string }; townshipName: string; stageName: string }[];
      }>(
        `query($c: ID) { reviewQueue(campaignId: $c) { village { name } townshipName stageName } }`,
        { c: campaignId },
        { token },
      );
      expect(screen.data!.reviewQueue.length, user).toBeGreaterThan(0);
      const [ws] = await sheets(await download('stage-review.xlsx', token, { campaignId }));
      const t = table(ws!);
      const body = t.rows.slice(0, -1);
      expect(body.map((r) => [r[1], r[4]])).toEqual(
        screen.data!.reviewQueue.map((q) => [q.village.name, q.stageName]),
      );
      if (township) {
        const name = api.demoPlan.regions.find((r) => r.key === township)!.name;
        expect(body.every((r) => r[2] === name)).toBe(true);
      }
      expectTotal(t, '已说明的提示条数');
    }
    const town1 = await api.login('town01.coordinator', 'township');
    expectRefused(
      await download('stage-review.xlsx', town1, { campaignId: 'Campaign:987654' }),
      'a campaign outside the scope',
    );
  });
  it('the overview’s overdue stages and risk villages export every row the screen’s filters select; a township is refused the county', async () => {
    const campaignId = await campaignGid();
    for (const track of [null, 'C'] as const) {
      const screen = await api.gql<{
        campaignOverview: {
          overdue: { total: number; items: { village: { name: string }; stageName: string }[] };
          riskVillages: { village: { name: string } }[];
        };
      }>(
        `query($c: ID!, $t: Track) { campaignOverview(campaignId: $c, track: $t) {
          overdue(limit: 100000) { total items { village { name } stageName } }
          riskVillages { village { name } } } }`,
        { c: campaignId, t: track },
        { token: county },
      );
      const o = screen.data!.campaignOverview;
      const params = { campaignId, regionId: api.regionGid('c'), ...(track ? { track } : {}) };
      const [overdue] = await sheets(await download('overdue-stages.xlsx', county, params));
      const ot = table(overdue!);
      expect(overdue!.getCell('A1').text).toContain(`共${String(o.overdue.total)}项`);
      expect(ot.rows.map((r) => [r[0], r[3]])).toEqual(
        o.overdue.items.map((i) => [i.village.name, i.stageName]),
      );
      expect(ot.rows.every((r) => typeof r[5] === 'number')).toBe(true);
      const [risks] = await sheets(await download('risk-villages.xlsx', county, params));
      expect(table(risks!).rows.map((r) => r[0])).toEqual(
        o.riskVillages.map((r) => r.village.name),
      );
      if (track === null) {
        expect(o.overdue.total).toBeGreaterThan(0);
        expect(o.riskVillages.length).toBeGreaterThan(0);
      }
    }
    const town1 = await api.login('town01.coordinator', 'township');
    for (const name of ['overdue-stages.xlsx', 'risk-villages.xlsx'])
      expectRefused(
        await download(name, town1, { campaignId, regionId: api.regionGid('c') }),
        name,
      );
  });
  it('the risk villages export carries each village’s 一村一策: its state, owner and measures open, overdue and done', async () => {
    const campaignId = await campaignGid();
    const screen = await api.gql<{
      campaignOverview: { riskVillages: { village: { id: string; name: string } }[] };
      riskPlans: {
        village: { id: string };
        statusLabel: string;
        ownerName: string | null;
        counts: { open: number; overdue: number };
        measures: { status: string }[];
      }[];
    }>(
      `query($c: ID!) { campaignOverview(campaignId: $c) { riskVillages { village { id name } } }
        riskPlans(campaignId: $c, escalatedOnly: false) { village { id } statusLabel ownerName
          counts { open overdue } measures { status } } }`,
      { c: campaignId },
      { token: county },
    );
    expect(screen.errors).toBeUndefined();
    const { campaignOverview: o, riskPlans } = screen.data!;
    const [ws] = await sheets(
      await download('risk-villages.xlsx', county, { campaignId, regionId: api.regionGid('c') }),
    );
    const t = table(ws!);
    const col = (header: string) => {
      const i = t.headers.indexOf(header);
      expect(i, header).toBeGreaterThanOrEqual(0);
      return i;
    };
    const [state, owner, open, overdue, done] = [
      col('一村一策'),
      col('方案负责人'),
      col('未完成措施'),
      col('逾期措施'),
      col('已完成措施'),
    ];
    expect(t.headers).not.toContain('工作方案');
    expect(t.rows.map((r) => r[0])).toEqual(o.riskVillages.map((v) => v.village.name));
    const planned = new Map(riskPlans.map((p) => [p.village.id, p]));
    // the demo draws up plans in several states, and leaves some risk villages without one
    expect(new Set(riskPlans.map((p) => p.statusLabel)).size).toBeGreaterThanOrEqual(3);
    expect(o.riskVillages.some((v) => !planned.has(v.village.id))).toBe(true);
    for (const [i, v] of o.riskVillages.entries()) {
      const row = t.rows[i]!;
      const p = planned.get(v.village.id);
      expect(
        [row[state], row[owner], row[open], row[overdue], row[done]],
        v.village.name,
      ).toEqual(
        p
          ? [
              p.statusLabel,
              p.ownerName,
              p.counts.open,
              p.counts.overdue,
              p.measures.filter((m) => m.status === 'done').length,
            ]
          : ['未制定', null, 0, 0, 0],
      );
    }
    expect(t.rows.some((r) => r[state] === '已提请县级协调')).toBe(true);
    expect(t.rows.some((r) => typeof r[overdue] === 'number' && r[overdue] > 0)).toBe(true);
  });
  it('a region’s children table exports as the region page shows it, with a 合计 of the counts; a region outside the scope is refused', async () => {
    const town1 = await api.login('town01.coordinator', 'township');
    const children = `query($r: ID!) { region(id: $r) { children { name childCount villageCount households population } } }`;
    for (const [token, key, villageColumn] of [
      [county, 'c', true],
      [town1, 't01', false],
    ] as const) {
      const screen = await api.gql<{
        region: {
          children: {
            name: string;
            childCount: number;
            villageCount: number;
            households: number | null;
            population: number | null;
          }[];
        };
      }>(children, { r: api.regionGid(key) }, { token });
      const c = screen.data!.region.children;
      const [ws] = await sheets(
        await download('region-children.xlsx', token, { regionId: api.regionGid(key) }),
      );
      const t = table(ws!);
      const col = (h: string) => t.headers.indexOf(h);
      expect(t.rows.slice(0, -1).map((r) => r[0])).toEqual(c.map((x) => x.name));
      expect(t.rows.slice(0, -1).map((r) => r[col('下级数')])).toEqual(c.map((x) => x.childCount));
      expect(t.rows.slice(0, -1).map((r) => r[col('人口')])).toEqual(c.map((x) => x.population));
      expect(col('村（社区）数') > -1).toBe(villageColumn);
      if (villageColumn)
        expect(expectTotal(t, '村（社区）数')).toBe(c.reduce((s, x) => s + x.villageCount, 0));
      expectTotal(t, '户数');
      expectTotal(t, '人口');
    }
    expectRefused(
      await download('region-children.xlsx', town1, { regionId: api.regionGid('t02') }),
      'another township',
    );
  });
  it('the county guidance page exports each township’s coverage as on screen, with a 合计 and every percentage its count over the villages; a township is refused', async () => {
    const screen = await api.gql<{
      countyGuidance: {
        townships: {
          township: { name: string };
          summary: { villages: number; coveredVillages: number; errors: number };
          rosterSize: number;
        }[];
        teams: { name: string }[];
      };
    }>(
      `query($c: ID!) { countyGuidance(countyId: $c) { townships { township { name }
        summary { villages coveredVillages errors } rosterSize } teams { name } } }`,
      { c: api.regionGid('c') },
      { token: county },
    );
    const g = screen.data!.countyGuidance;
    const [coverage, teams] = await sheets(
      await download('county-guidance.xlsx', county, { countyId: api.regionGid('c') }),
    );
    const t = table(coverage!);
    const col = (h: string) => t.headers.indexOf(h);
    expect(t.rows.slice(0, -1).map((r) => r[0])).toEqual(g.townships.map((x) => x.township.name));
    expect(t.rows.slice(0, -1).map((r) => r[col('已分配指导组的村')])).toEqual(
      g.townships.map((x) => x.summary.coveredVillages),
    );
    expect(t.rows.slice(0, -1).map((r) => r[col('错误')])).toEqual(
      g.townships.map((x) => x.summary.errors),
    );
    expect(expectTotal(t, '村（社区）数')).toBe(
      g.townships.reduce((s, x) => s + x.summary.villages, 0),
    );
    expectTotal(t, '已分配指导组的村');
    expectTotal(t, '花名册人数');
    for (const r of t.rows) {
      const expected = ratio(
        r[col('已分配指导组的村')] as number,
        r[col('村（社区）数')] as number,
        policy,
      ).percent;
      expect(r[col('覆盖率（%）')]).toBe(
        expected === null ? null : Number((expected / 100).toFixed(3)),
      );
    }
    expect(
      table(teams!)
        .rows.slice(0, -1)
        .map((r) => r[0]),
    ).toEqual(g.teams.map((x) => x.name));
    const town1 = await api.login('town01.coordinator', 'township');
    expectRefused(
      await download('county-guidance.xlsx', town1, { countyId: api.regionGid('c') }),
      'the county guidance of a township coordinator',
    );
  });
  it('the previous term exports every seat the township’s table lists, women and party members counted in the 合计; another township is refused', async () => {
    const town1 = await api.login('town01.coordinator', 'township');
    const screen = await api.gql<{
      previousTermMembers: {
        members: {
          village: { name: string };
          postLabel: string;
          person: { name: string; gender: string; politicalStatus: string };
        }[];
      };
    }>(
      `query($t: ID!) { previousTermMembers(townshipId: $t) { members { village { name } postLabel
        person { name gender politicalStatus } } } }`,
      { t: api.regionGid('t01') },
      { token: town1 },
    );
    const members = screen.data!.previousTermMembers.members;
    expect(members.length).toBeGreaterThan(0);
    const [ws] = await sheets(
      await download('previous-term.xlsx', town1, { townshipId: api.regionGid('t01') }),
    );
    expect(ws!.getCell('A1').text).toMatch(/上届班子成员（共\d+人）.*导出时间/);
    const t = table(ws!);
    const body = t.rows.slice(0, -1);
    expect(
      body.map((r) => [
        r[t.headers.indexOf('村（社区）')],
        r[t.headers.indexOf('职务')],
        r[t.headers.indexOf('姓名')],
      ]),
    ).toEqual(members.map((m) => [m.village.name, m.postLabel, m.person.name]));
    expect(expectTotal(t, '女性（是=1）')).toBe(
      members.filter((m) => m.person.gender === 'female').length,
    );
    expect(expectTotal(t, '中共党员（是=1）')).toBe(
      members.filter((m) => m.person.politicalStatus === 'party_member').length,
    );
    expectRefused(
      await download('previous-term.xlsx', town1, { townshipId: api.regionGid('t02') }),
      'previous term of another township',
    );
  });
  it('a village’s stages export one sheet per track as the tabs show them, the approved stages counted in the 合计; a township is refused another township’s village', async () => {
    const town1 = await api.login('town01.coordinator', 'township');
    const campaignId = await campaignGid();
    const screen = await api.gql<{
      villageChecklist: {
        village: { name: string };
        units: { trackLabel: string; items: { name: string; displayStatus: string }[] }[];
      };
    }>(
      `query($c: ID!, $v: ID!) { villageChecklist(campaignId: $c, villageId: $v) {
        village { name } units { trackLabel items { name displayStatus } } } }`,
      { c: campaignId, v: api.regionGid('t01v005') },
      { token: town1 },
    );
    const units = screen.data!.villageChecklist.units;
    expect(units.length).toBeGreaterThan(0);
    const books = await sheets(
      await download('village-stages.xlsx', town1, {
        campaignId,
        villageId: api.regionGid('t01v005'),
      }),
    );
    expect(books.map((ws) => ws.name)).toEqual(units.map((u) => u.trackLabel));
    for (const [i, unit] of units.entries()) {
      const ws = books[i]!;
      expect(ws.getCell('A1').text).toContain(screen.data!.villageChecklist.village.name);
      const t = table(ws);
      expect(t.rows.slice(0, -1).map((r) => r[t.headers.indexOf('环节')])).toEqual(
        unit.items.map((x) => x.name),
      );
      expect(expectTotal(t, '已通过（是=1）')).toBe(
        unit.items.filter((x) => x.displayStatus === 'approved').length,
      );
    }
    expectRefused(
      await download('village-stages.xlsx', town1, {
        campaignId,
        villageId: api.regionGid('t02v001'),
      }),
      'a village of another township',
    );
  });
  it('the campaigns list exports every campaign the county’s list shows, with its units per track as numbers', async () => {
    const screen = await api.gql<{
      campaigns: {
        name: string;
        electionDay: string;
        unitCounts: { label: string; units: number }[];
      }[];
    }>(`{ campaigns { name electionDay unitCounts { label units } } }`, {}, { token: county });
    const [ws] = await sheets(await download('campaigns.xlsx', county));
    expect(ws!.getCell('A1').text).toMatch(/换届工作.*导出时间/);
    const t = table(ws!);
    expect(
      t.rows.map((r) => [r[t.headers.indexOf('名称')], r[t.headers.indexOf('选举日')]]),
    ).toEqual(screen.data!.campaigns.map((c) => [c.name, c.electionDay]));
    for (const [i, c] of screen.data!.campaigns.entries())
      for (const u of c.unitCounts)
        expect(t.rows[i]![t.headers.indexOf(`${u.label}选举单元数`)], u.label).toBe(u.units);
  });

  it('a rule set exports each rule with its value (a number as a number), severity and citation as the table lists them; a set the caller cannot read is refused', async () => {
    const screen = await api.gql<{
      ruleSets: {
        id: string;
        values: {
          code: string;
          label: string;
          value: string;
          valueType: string;
          citation: string;
        }[];
      }[];
    }>(`{ ruleSets { id values { code label value valueType citation } } }`, {}, { token: county });
    const set = screen.data!.ruleSets[0]!;
    const [ws] = await sheets(await download('rule-set.xlsx', county, { ruleSetId: set.id }));
    const t = table(ws!);
    const col = (h: string) => t.headers.indexOf(h);
    expect(t.rows.map((r) => [r[col('代码')], r[col('规则')], r[col('依据')]])).toEqual(
      set.values.map((v) => [v.code, v.label, v.citation]),
    );
    for (const [i, v] of set.values.entries()) {
      if (v.valueType === 'number') expect(t.rows[i]![col('数值')], v.code).toBe(Number(v.value));
      expect(t.rows[i]![col('违反时')], v.code).toMatch(/^(不予填报|须写情况说明)$/);
    }
    expectRefused(
      await download('rule-set.xlsx', county, { ruleSetId: 'RuleSet:999999' }),
      'a rule set that is not the county’s',
    );
  });
  it('a campaign’s tables export as its page lists them: election days, villages left out, key and difficult villages counted in the 合计, rule-set changes; a campaign the caller cannot see is refused', async () => {
    const campaignId = await campaignGid();
    const screen = await api.gql<{
      campaign: {
        electionDays: { region: { name: string }; day: string }[];
        exclusions: { village: { name: string } }[];
        risks: { village: { name: string }; level: string }[];
        ruleChanges: { reason: string }[];
      };
    }>(
      `query($id: ID!) { campaign(id: $id) { electionDays { region { name } day }
        exclusions { village { name } } risks { village { name } level } ruleChanges { reason } } }`,
      { id: campaignId },
      { token: county },
    );
    const c = screen.data!.campaign;
    const [days, excluded, risky, changes] = await sheets(
      await download('campaign-tables.xlsx', county, { campaignId }),
    );
    expect(days!.getCell('A1').text).toMatch(/导出时间/);
    expect(table(days!).rows.map((r) => [r[0], r[2]])).toEqual(
      c.electionDays.map((d) => [d.region.name, d.day]),
    );
    expect(table(excluded!).rows.map((r) => r[1])).toEqual(c.exclusions.map((x) => x.village.name));
    const shown = c.risks.filter((r) => r.level !== 'normal');
    const r = table(risky!);
    expect(r.rows.slice(0, -1).map((x) => x[0])).toEqual(shown.map((x) => x.village.name));
    expect(expectTotal(r, '重点村（是=1）')).toBe(shown.filter((x) => x.level === 'key').length);
    expect(expectTotal(r, '难点村（是=1）')).toBe(
      shown.filter((x) => x.level === 'difficult').length,
    );
    expect(table(changes!).rows.length).toBe(c.ruleChanges.length);
    expectRefused(
      await download('campaign-tables.xlsx', county, { campaignId: 'Campaign:999999' }),
      'a campaign that does not exist for the caller',
    );
  });
});
