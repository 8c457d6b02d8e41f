import type { SQL } from 'drizzle-orm';
import { like } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Escapes LIKE wildcards so user text matches literally. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching every path in the subtree of `path` ("1.2." → "1.2.%"). */
export function subtreePattern(path: string): string {
  return `${likeLiteral(path)}%`;
}

/** The column holds a region path in the subtree of `path`. */
export function underPath(column: AnyPgColumn, path: string): SQL {
  return like(column, subtreePattern(path));
}
