import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createGate, MAX_SHEET_ROWS, readFirstSheet } from './sheet.js';

/**
 * Hand-built xlsx files, so that an entry can be a zip bomb (its sheet compressed from hundreds of
 * MB of repeated cells) or can lie about its size in the central directory.
 */

interface ZipEntry {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  size: number;
  /** What the central directory claims; the real size unless a test lies. */
  declaredSize?: number;
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function zip(entries: (ZipEntry & { crc: number })[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize ?? e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize ?? e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function small(name: string, text: string) {
  const bytes = Buffer.from(text);
  return { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

const ROW = (r: number) =>
  `<row r="${String(r)}"><c r="A${String(r)}" t="inlineStr"><is><t>王芳</t></is></c></row>`;
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

function workbook(sheet: ZipEntry & { crc: number }): Buffer {
  return zip([
    small(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    small(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    small(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    small(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    sheet,
  ]);
}

function sheetOf(rows: number) {
  return small(
    'xl/worksheets/sheet1.xml',
    SHEET_HEAD + Array.from({ length: rows }, (_, i) => ROW(i + 1)).join('') + SHEET_TAIL,
  );
}

/** A sheet of `megabytes` MB of identical cells, deflated as it is generated (never held whole). */
async function bombSheet(megabytes: number, declaredSize?: number) {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const cell = Buffer.from('<c r="A1" t="inlineStr"><is><t>王芳</t></is></c>');
  const chunk = Buffer.concat([
    Buffer.from('<row r="1">'),
    ...Array.from<Buffer>({ length: Math.floor((1024 * 1024) / cell.length) }).fill(cell),
    Buffer.from('</row>'),
  ]);
  deflate.write(SHEET_HEAD);
  let size = SHEET_HEAD.length + SHEET_TAIL.length;
  for (let i = 0; i < megabytes; i++) {
    deflate.write(chunk);
    size += chunk.length;
  }
  deflate.end(SHEET_TAIL);
  await done;
  // The crc is not checked by exceljs' zip reader, and computing it would cost seconds.
  return { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(out), size, declaredSize, crc: 0 };
}

const LIMITS = { maxBytes: 1024 * 1024, noun: '表格' };
const REFUSED = { ok: false, message: '表格解压后内容过大，请分批导入' };

describe('a compressed xlsx', () => {
  it('reads a hand-built workbook, so the bombs below differ from it only in their size', async () => {
    const result = await readFirstSheet(workbook(sheetOf(3)), LIMITS);
    expect(result).toEqual({
      ok: true,
      rows: [1, 2, 3].map((row) => ({ row, cells: ['王芳'] })),
    });
  });

  it('refuses a sheet that expands ~1000× to 300 MB before parsing it', async () => {
    const bomb = workbook(await bombSheet(300));
    expect(bomb.length).toBeLessThan(LIMITS.maxBytes);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    expect(await readFirstSheet(bomb, LIMITS)).toEqual(REFUSED);
    expect(performance.now() - started).toBeLessThan(200);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a bomb whose central directory understates its size, inflating at most the limit', async () => {
    const bomb = workbook(await bombSheet(60, 1000));
    const started = performance.now();
    expect(await readFirstSheet(bomb, LIMITS)).toEqual(REFUSED);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a sheet of more rows than any import takes', async () => {
    expect(await readFirstSheet(workbook(sheetOf(MAX_SHEET_ROWS + 1)), LIMITS)).toEqual({
      ok: false,
      message: `表格超过${String(MAX_SHEET_ROWS)}行，请分批导入`,
    });
  });
});

describe('one sheet parsed at a time', () => {
  it('lets the next wait for the lock and turns away one that waited too long', async () => {
    const gate = createGate();
    const first = await gate.acquire(0);
    const second = gate.acquire(1000);
    expect(await gate.acquire(10)).toBeNull();
    first?.();
    const release = await second;
    expect(release).toBeInstanceOf(Function);
    release?.();
    expect(await gate.acquire(0)).toBeInstanceOf(Function);
  });

  it('parses parallel uploads one after another, and refuses one that cannot wait', async () => {
    const content = workbook(sheetOf(4000));
    const results = await Promise.all([
      readFirstSheet(content, LIMITS),
      readFirstSheet(content, LIMITS),
      readFirstSheet(content, { ...LIMITS, queueWaitMs: 0 }),
    ]);
    expect(results.map((r) => (r.ok ? r.rows.length : r.message))).toEqual([
      4000,
      4000,
      '其他表格正在导入，请稍后重试',
    ]);
  });
});
