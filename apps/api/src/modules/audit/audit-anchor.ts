import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Db } from '@huanjie/db';
import { logError } from '../../logger.js';
import * as repo from './audit.repo.js';

/**
 * Anchors: the heads (chain, seq, hash) of the audit chains, appended now and then to a file
 * outside the database. A database writer who deletes the newest entries, or rewrites an entry
 * and recomputes the chain after it, leaves a head that no longer matches an anchor.
 * One JSON object per line: {"chain":"1.","seq":42,"hash":"…","at":"2026-…"}.
 */
export interface Anchor {
  chain: string;
  seq: number;
  hash: string;
  at: string;
}

/** Per chain: anchored seq → hash. */
export type AnchorMap = Map<string, Map<number, string>>;

/**
 * Where anchors go when AUDIT_ANCHOR_FILE is unset: beside the embedded database's directory
 * (not in it), one file per database: .data/pglite → .data/pglite.audit-anchors.jsonl.
 */
export function defaultAnchorFile(pgliteDataDir: string): string {
  return `${resolve(pgliteDataDir)}.audit-anchors.jsonl`;
}

/** The anchor file in use: AUDIT_ANCHOR_FILE, else the default for PGlite, else none. */
export function auditAnchorFile(
  env: { AUDIT_ANCHOR_FILE?: string | undefined; DATABASE_URL?: string | undefined },
  pgliteDataDir: string,
): string | undefined {
  if (env.AUDIT_ANCHOR_FILE) return env.AUDIT_ANCHOR_FILE;
  return env.DATABASE_URL ? undefined : defaultAnchorFile(pgliteDataDir);
}

/** Appends the heads that moved since the last call; returns how many were written. */
export function createAnchorWriter(db: Db, file: string, now: () => Date = () => new Date()) {
  const written = new Map<string, number>();
  return async function anchorHeads(): Promise<number> {
    const lines: string[] = [];
    for (const head of await repo.chainHeads(db)) {
      if (written.get(head.chain) === head.seq) continue;
      const anchor: Anchor = { ...head, at: now().toISOString() };
      lines.push(`${JSON.stringify(anchor)}\n`);
      written.set(head.chain, head.seq);
    }
    if (lines.length === 0) return 0;
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, lines.join(''), { encoding: 'utf8', flag: 'a' });
    return lines.length;
  };
}

/** Anchors the heads every intervalMs (and once at start); stop() writes a last anchor. */
export function startAuditAnchoring(db: Db, file: string, intervalMs: number) {
  const anchorHeads = createAnchorWriter(db, file);
  let running = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => anchorHeads())
      .then(
        () => undefined,
        (error: unknown) => {
          logError('audit.anchor_failed', { file, error: String(error) });
        },
      );
    return running;
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await tick();
    },
  };
}

/**
 * Reads an anchor file. A missing file is no anchors; a line that does not parse is an error,
 * except an unterminated last line (a write cut short by a crash), which is skipped.
 */
export async function readAnchors(file: string): Promise<AnchorMap> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const anchors: AnchorMap = new Map();
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const anchor = parseAnchor(line);
    if (anchor === undefined) {
      if (index === lines.length - 1) return;
      throw new Error(`${file}:${index + 1}: not an audit anchor`);
    }
    let chain = anchors.get(anchor.chain);
    if (!chain) {
      chain = new Map<number, string>();
      anchors.set(anchor.chain, chain);
    }
    const earlier = chain.get(anchor.seq);
    if (earlier !== undefined && earlier !== anchor.hash) {
      throw new Error(
        `${file}:${index + 1}: chain ${anchor.chain} entry ${anchor.seq} anchored twice with different hashes`,
      );
    }
    chain.set(anchor.seq, anchor.hash);
  });
  return anchors;
}

function parseAnchor(line: string): Anchor | undefined {
  try {
    const value = JSON.parse(line) as Partial<Anchor>;
    if (
      typeof value.chain === 'string' &&
      Number.isInteger(value.seq) &&
      typeof value.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(value.hash)
    ) {
      return value as Anchor;
    }
  } catch {
    // not JSON
  }
  return undefined;
}
