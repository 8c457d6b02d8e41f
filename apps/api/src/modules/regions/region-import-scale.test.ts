import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@huanjie/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';
import { REGION_COLUMNS } from './region-sheet.js';

/**
 * How long a county's list takes to check and import. By default a county of 2,000 villages under
 * 50 townships; REGION_IMPORT_VILLAGES=20000 REGION_IMPORT_TOWNSHIPS=500 measures the worst case
 * the issue names (a province's 20,000 villages imported as one county), which takes longer than
 * the default run should.
 */
const VILLAGES = Number(process.env.REGION_IMPORT_VILLAGES ?? 2000);
const TOWNSHIPS = Number(
  process.env.REGION_IMPORT_TOWNSHIPS ?? Math.max(1, Math.round(VILLAGES / 40)),
);

const IMPORT = `mutation($i: ImportRegionsInput!) { importRegions(input: $i) {
  __typename ... on Error { message }
  ... on RegionImportReport { committed preview total created updated unchanged rejected
    rows(onlyChanged: true) { row status issues { message } } }
} }`;

async function bigList(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('区划');
  sheet.addRow(['某县行政区划']);
  sheet.addRow(REGION_COLUMNS.map((c) => c.header));
  let made = 0;
  for (let t = 0; t < TOWNSHIPS; t++) {
    // township codes 530923 + 3 digits (001–999) + 000; village codes + 3 digits per township
    const township = `530923${String(t + 1).padStart(3, '0')}`;
    sheet.addRow([
      `${township}000`,
      `规模${String(t + 1)}镇`,
      t % 3 === 0 ? '乡' : '镇',
      '530923000000',
    ]);
    const share = Math.floor(VILLAGES / TOWNSHIPS) + (t < VILLAGES % TOWNSHIPS ? 1 : 0);
    for (let v = 0; v < share; v++, made++) {
      sheet.addRow([
        `${township}${String(200 + v).padStart(3, '0')}`,
        `规模${String(t + 1)}镇${String(v + 1)}村`,
        v % 10 === 0 ? '社区' : '行政村',
        `${township}000`,
        300 + (made % 500),
        1200 + (made % 2000),
        4 + (made % 8),
      ]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe(`a county list of ${String(VILLAGES)} villages under ${String(TOWNSHIPS)} townships`, () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    // a small stored county (codes 530923101…, 530923102…) beside which the list is imported
    api = await startTestApi({ villages: 2 });
    admin = await api.login('county.admin', 'county');
  });
  afterAll(() => api.close());

  it(
    'is checked and imported within the time a county admin waits',
    { timeout: 600_000 },
    async () => {
      const content = await bigList();
      const call = async (dryRun: boolean) => {
        const started = performance.now();
        const res = await api.gql<{
          importRegions: {
            __typename: string;
            committed: boolean;
            created: number;
            rejected: number;
            unchanged: number;
            rows: unknown[];
          };
        }>(
          IMPORT,
          { i: { countyId: api.regionGid('c'), contentBase64: content, dryRun } },
          { token: admin },
        );
        expect(res.errors).toBeUndefined();
        return { report: res.data!.importRegions, ms: Math.round(performance.now() - started) };
      };
      const check = await call(true);
      expect(check.report, JSON.stringify(check.report.rows.slice(0, 3))).toMatchObject({
        rejected: 0,
        committed: false,
      });
      const imported = await call(false);
      expect(imported.report).toMatchObject({ committed: true, rejected: 0 });
      const again = await call(false);
      expect(again.report).toMatchObject({ committed: true, created: 0, rows: [] });
      const [stored] = await queryRows<{ n: number }>(
        api.database.db,
        sql`select count(*)::int as n from regions where code like '530923%' and level in ('village', 'community') and length(code) = 12`,
      );
      expect(stored?.n).toBeGreaterThanOrEqual(VILLAGES);
      const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
      console.warn(
        `region import, ${engine}, ${String(VILLAGES)} villages / ${String(TOWNSHIPS)} townships (file ${String(Math.round((content.length * 3) / 4 / 1024))} KB): check ${String(check.ms)} ms, import ${String(imported.ms)} ms, re-import unchanged ${String(again.ms)} ms`,
      );
    },
  );
});
