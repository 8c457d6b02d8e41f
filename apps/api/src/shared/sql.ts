import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Escapes LIKE wildcards so user text matches literally. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching every path in the subtree of `path` ("1.2." → "1.2.%"). */
export function subtreePattern(path: string): string {
  return `${likeLiteral(path)}%`;
}

/**
 * The column holds a region path in the subtree of `path`. starts_with, not LIKE: under row-level
 * security a condition may use an index only when its function is leakproof, and LIKE is not, so
 * `path like '1.2.%'` read every row of the table the policy let through (a township's villages:
 * a scan of the province's regions), where starts_with reads the path index.
 */
export function underPath(column: AnyPgColumn, path: string): SQL {
  return sql`starts_with(${column}, ${path})`;
}
