import { auditLog, queryRows, workSummaryNarratives } from '@huanjie/db';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCampaign } from '../../../test/guidance-fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';

const HEADINGS = ['一、基本情况', '二、主要做法', '三、选举结果', '四、存在问题', '五、下步打算'];
const PERCENT = /(\d+(?:\.\d+)?)%（(\d+)\/(\d+)）/g;

interface Download {
  status: number;
  type: string | null;
  body: Buffer;
  ms: number;
}

async function download(
  api: TestApi,
  token: string,
  campaignId: string,
  regionId: string,
): Promise<Download> {
  const query = new URLSearchParams({ campaignId, regionId });
  const started = performance.now();
  const res = await fetch(`${api.server.url}/exports/work-summary.docx?${query.toString()}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body,
    ms: performance.now() - started,
  };
}

/** The paragraphs of word/document.xml as text, the way Word shows them. */
async function paragraphsOf(d: Download): Promise<string[]> {
  expect(d.status, d.body.toString('utf8').slice(0, 300)).toBe(200);
  expect(d.type).toMatch(/wordprocessingml/);
  const zip = await JSZip.loadAsync(d.body);
  const xml = await zip.file('word/document.xml')?.async('string');
  expect(xml).toBeDefined();
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...(xml ?? '').matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1] ?? '')).join(''),
  );
}

/**
 * Every "x%（a/b）" of the text, checked against a/b computed here with whole numbers and rounded
 * half up to the decimals the text shows (the default rule set's rounding).
 */
function checkPercentages(text: string): number {
  let n = 0;
  for (const m of text.matchAll(PERCENT)) {
    const [all, shown = '', a = '', b = ''] = m;
    const decimals = shown.split('.')[1]?.length ?? 0;
    const count = BigInt(a);
    const denominator = BigInt(b);
    expect(denominator > 0n, all).toBe(true);
    const scale = 100n * 10n ** BigInt(decimals);
    const scaled = (count * scale * 2n + denominator) / (2n * denominator);
    const int = scaled / 10n ** BigInt(decimals);
    const frac = scaled % 10n ** BigInt(decimals);
    const expected =
      decimals === 0 ? String(int) : `${String(int)}.${String(frac).padStart(decimals, '0')}`;
    expect(shown, `${all} in «${text.slice(Math.max(0, m.index - 30), m.index + 30)}»`).toBe(
      expected,
    );
    n += 1;
  }
  return n;
}

const DRAFT = `query($c: ID!, $r: ID!) { workSummaryDraft(campaignId: $c, regionId: $r) {
  title mayEdit sections { key heading paragraphs { kind key label text } } } }`;
const SAVE = `mutation($c: ID!, $r: ID!, $n: [WorkSummaryNarrativeInput!]!) {
  saveWorkSummaryNarratives(campaignId: $c, regionId: $r, narratives: $n) {
    __typename
    ... on WorkSummaryDraft { sections { paragraphs { kind key text } } }
    ... on Error { message }
    ... on ValidationError { issues { path message } }
  } }`;

interface SaveResult {
  saveWorkSummaryNarratives: {
    __typename: string;
    message?: string;
    issues?: { path: string[]; message: string }[];
    sections?: { paragraphs: { kind: string; key: string | null; text: string }[] }[];
  };
}

describe('工作总结 draft of the demo county', () => {
  let api: TestApi;
  let leader: string;
  let town01: string;
  let town02: string;
  let clerk: string;
  let campaignId: string;

  beforeAll(async () => {
    api = await startTestApi({ fullDemo: true });
    leader = await api.login('county.leader', 'county');
    town01 = await api.login('town01.coordinator', 'township');
    town02 = await api.login('town02.coordinator', 'township');
    clerk = await api.login('vil01001.clerk', 'village');
    const res = await api.gql<{ campaigns: { id: string }[] }>(
      '{ campaigns { id } }',
      {},
      { token: leader },
    );
    campaignId = res.data!.campaigns[0]!.id;
  });
  afterAll(async () => {
    await api.close();
  });

  it('the county leader downloads the county’s draft: five sections in order, every percentage its count over its denominator', async () => {
    const d = await download(api, leader, campaignId, api.regionGid('c'));
    const paragraphs = await paragraphsOf(d);
    const again = await download(api, leader, campaignId, api.regionGid('c'));
    console.warn(
      `work summary docx of the demo county: ${String(d.body.length)} bytes in ${d.ms.toFixed(0)} ms (again: ${again.ms.toFixed(0)} ms)`,
    );
    const headings = paragraphs.filter((p) => HEADINGS.includes(p));
    expect(headings).toEqual(HEADINGS);
    expect(paragraphs[0]).toMatch(/工作总结$/);
    const text = paragraphs.join('\n');
    const n = checkPercentages(text);
    expect(n, 'percentages with their count and denominator').toBeGreaterThanOrEqual(12);
    // figures the seeds report, each from the records
    for (const phrase of ['女性成员', '一次选举成功率', '参选率', '连任', '35岁及以下', '“一肩挑”'])
      expect(text).toContain(phrase);
    expect(text).toMatch(
      /比上届（[\d.]+%（\d+\/\d+））(提高|下降) [\d.]+ 个百分点|与上届（[\d.]+%（\d+\/\d+））持平/,
    );
    // no percentage without its count and denominator
    expect(text.replace(PERCENT, '')).not.toMatch(/\d%/);
    // an unwritten narrative shows where words are missing
    expect(text).toContain('【待补充：主要做法与经验】');
  });

  it('the query returns the same sections with narrative keys, and the figures are not editable', async () => {
    const res = await api.gql<{
      workSummaryDraft: {
        mayEdit: boolean;
        sections: {
          key: string;
          heading: string;
          paragraphs: { kind: string; key: string | null }[];
        }[];
      };
    }>(DRAFT, { c: campaignId, r: api.regionGid('t01') }, { token: town01 });
    expect(res.errors).toBeUndefined();
    const draft = res.data!.workSummaryDraft;
    expect(draft.mayEdit).toBe(true);
    expect(draft.sections.map((s) => s.heading)).toEqual(HEADINGS);
    const keys = draft.sections.flatMap((s) =>
      s.paragraphs.filter((p) => p.kind === 'narrative').map((p) => p.key),
    );
    expect(keys).toEqual([
      'profile',
      'leadership',
      'practices',
      'results',
      'problems',
      'next_steps',
    ]);
    expect(draft.sections.every((s) => s.paragraphs.some((p) => p.kind === 'figures'))).toBe(true);
  });

  it('a narrative the township saves appears in its docx, and the change is audited', async () => {
    const words = '镇党委召开专题会议研究部署换届工作，\n成立换届选举工作领导小组。';
    const res = await api.gql<SaveResult>(
      SAVE,
      { c: campaignId, r: api.regionGid('t01'), n: [{ key: 'leadership', text: words }] },
      { token: town01 },
    );
    const saved = res.data!.saveWorkSummaryNarratives;
    expect(saved.__typename, JSON.stringify(res)).toBe('WorkSummaryDraft');
    expect(
      saved.sections!.flatMap((s) => s.paragraphs).find((p) => p.key === 'leadership')?.text,
    ).toBe(words);
    const paragraphs = await paragraphsOf(
      await download(api, town01, campaignId, api.regionGid('t01')),
    );
    expect(paragraphs).toContain('镇党委召开专题会议研究部署换届工作，');
    expect(paragraphs).toContain('成立换届选举工作领导小组。');
    checkPercentages(paragraphs.join('\n'));
    const entries = await queryRows<{ n: number }>(
      api.database.db,
      sql`select count(*)::int as n from ${auditLog} where action = 'summary.narrative_save'`,
    );
    expect(entries[0]?.n).toBe(1);
    // the county's draft is the county's: the township's words are not in it
    const county = await paragraphsOf(await download(api, leader, campaignId, api.regionGid('c')));
    expect(county).not.toContain('成立换届选举工作领导小组。');
  });

  it('a user outside the region gets not found from the query and the download', async () => {
    for (const [token, region] of [
      [town02, 't01'],
      [clerk, 't01'],
      [town01, 'c'],
    ] as const) {
      const res = await api.gql(DRAFT, { c: campaignId, r: api.regionGid(region) }, { token });
      expect(res.data).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const d = await download(api, token, campaignId, api.regionGid(region));
      expect([403, 404]).toContain(d.status);
      expect(d.type).toMatch(/json/);
    }
    const saved = await api.gql<SaveResult>(
      SAVE,
      { c: campaignId, r: api.regionGid('t01'), n: [{ key: 'profile', text: '越权' }] },
      { token: town02 },
    );
    expect(saved.data!.saveWorkSummaryNarratives.__typename).toBe('NotFoundError');
    const leaderSave = await api.gql<SaveResult>(
      SAVE,
      { c: campaignId, r: api.regionGid('c'), n: [{ key: 'profile', text: '只读' }] },
      { token: leader },
    );
    expect(leaderSave.data!.saveWorkSummaryNarratives.__typename).toBe('ForbiddenError');
  });

  it('bad narrative input is refused with a Chinese message naming the paragraph, and nothing is written', async () => {
    const count = async () =>
      (
        await queryRows<{ n: number; a: number }>(
          api.database.db,
          sql`select (select count(*) from ${workSummaryNarratives})::int as n,
            (select count(*) from ${auditLog})::int as a`,
        )
      )[0];
    const before = await count();
    for (const [n, message] of [
      [[{ key: 'profile', text: '长'.repeat(2001) }], /基本情况补充说明不能超过2000字/],
      [[{ key: 'problems', text: '有\u0007控制字符' }], /存在问题补充/],
      [
        [
          { key: 'results', text: '好' },
          { key: 'next_steps', text: '坏\u0000' },
        ],
        /下步打算/,
      ],
      [[{ key: 'figures', text: '改数字' }], /没有这个段落/],
    ] as const) {
      const res = await api.gql<SaveResult>(
        SAVE,
        { c: campaignId, r: api.regionGid('t01'), n },
        { token: town01 },
      );
      const out = res.data!.saveWorkSummaryNarratives;
      expect(out.__typename, JSON.stringify(res)).toBe('ValidationError');
      expect(out.message).toMatch(message);
      expect(out.issues!.length).toBeGreaterThan(0);
    }
    expect(await count()).toEqual(before);
  });
});

describe('工作总结 draft of a county where nothing has been reported', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await ensureCampaign(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('says the results are not reported yet instead of printing 0 %', async () => {
    const leader = await api.login('county.leader', 'county');
    const res = await api.gql<{ campaigns: { id: string }[] }>(
      '{ campaigns { id } }',
      {},
      { token: leader },
    );
    const d = await download(api, leader, res.data!.campaigns[0]!.id, api.regionGid('c'));
    const paragraphs = await paragraphsOf(d);
    expect(paragraphs.filter((p) => HEADINGS.includes(p))).toEqual(HEADINGS);
    const text = paragraphs.join('\n');
    checkPercentages(text);
    expect(text).toMatch(/尚无村（社区）上报选举结果/);
    expect(text).not.toMatch(/(^|[^\d.])0(\.0+)?%/);
    expect(text.replace(PERCENT, '')).not.toMatch(/\d%/);
  });
});
