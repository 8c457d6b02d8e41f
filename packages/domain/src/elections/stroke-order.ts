/**
 * 姓氏笔画 order for printed candidate lists: ICU's Chinese stroke collation. Note that ICU counts
 * some components as in the traditional standard (阝 three strokes, 艹 four), so a few surnames
 * such as 邓, 陈, 范 sort one stroke later than the mainland GB convention would put them.
 */
const collator = new Intl.Collator('zh-u-co-stroke');

export function compareByStrokes(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortByStrokes<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareByStrokes(name(a), name(b)));
}

/** Whether this runtime's ICU really has stroke collation (a small-ICU build falls back silently). */
export function hasStrokeCollation(): boolean {
  return collator.resolvedOptions().collation === 'stroke';
}
