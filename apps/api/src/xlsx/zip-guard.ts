import { inflateRawSync } from 'node:zlib';

/**
 * Checks what an xlsx (a zip) expands to before a parser opens it: a 300 KB file whose sheet
 * inflates to 300 MB must be refused while it is still 300 KB. The zip's central directory gives
 * each entry's sizes; since those can lie, every entry is also inflated with a hard output cap,
 * so the check holds for the bytes the parser would really see, and never holds more than the cap.
 */

export interface ZipLimits {
  /** The most the entries may expand to, all together. */
  maxUncompressedBytes: number;
  /** The most an entry may expand relative to its compressed size (xlsx is ~5–20×). */
  maxRatio: number;
  /** Entries smaller than this are not held to the ratio (a tiny repetitive file is normal). */
  ratioFloorBytes: number;
  maxEntries: number;
}

export type ZipCheck =
  | { ok: true; uncompressedBytes: number }
  | { ok: false; reason: 'not-zip' | 'too-large' | 'ratio' | 'entries' };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= earliest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

interface Entry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeader: number;
}

function centralDirectory(zip: Buffer): Entry[] | null {
  if (zip.length < 22) return null;
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) return null;
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localHeader: zip.readUInt32LE(at + 42),
    });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The entry's real inflated size, up to `cap` + 1 bytes; null when its data cannot be found. */
function inflatedSize(zip: Buffer, entry: Entry, cap: number): number | null {
  const local = entry.localHeader;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_SIGNATURE) return null;
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) return data.length;
  if (entry.method !== DEFLATED) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap + 1) }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return cap + 1;
    return null;
  }
}

export function checkZip(zip: Buffer, limits: ZipLimits): ZipCheck {
  const entries = centralDirectory(zip);
  if (!entries) return { ok: false, reason: 'not-zip' };
  if (entries.length > limits.maxEntries) return { ok: false, reason: 'entries' };
  const overRatio = (compressed: number, uncompressed: number) =>
    uncompressed > limits.ratioFloorBytes && uncompressed > compressed * limits.maxRatio;

  // What the directory declares: refuses the plain bomb without inflating anything.
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    if (declared > limits.maxUncompressedBytes) return { ok: false, reason: 'too-large' };
    if (overRatio(entry.compressedSize, entry.uncompressedSize))
      return { ok: false, reason: 'ratio' };
  }
  // What the data really inflates to: refuses a directory that understates it.
  let total = 0;
  for (const entry of entries) {
    const size = inflatedSize(zip, entry, limits.maxUncompressedBytes - total);
    if (size === null) return { ok: false, reason: 'not-zip' };
    total += size;
    if (total > limits.maxUncompressedBytes) return { ok: false, reason: 'too-large' };
    if (overRatio(entry.compressedSize, size)) return { ok: false, reason: 'ratio' };
  }
  return { ok: true, uncompressedBytes: total };
}
