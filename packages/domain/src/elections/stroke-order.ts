import cnchar from 'cnchar';
import order from 'cnchar-order';

/**
 * 姓氏笔画 order for posted candidate lists, as the mainland convention counts strokes (the
 * 《通用规范汉字表》 / GB 13000.1 笔顺规范 forms that 人大 and 民政 lists use): by the stroke count of the
 * surname's first character, then by its strokes in writing order, each as one of the five basic
 * forms 横 竖 撇 点 折; then the same for the following characters; a shorter name first.
 *
 * The counts and stroke orders are the `cnchar-order` tables (mainland forms: 阝 two strokes, 艹 three,
 * so 邓 has 4 and 陈 7). ICU's `zh-u-co-stroke` counts such components as the traditional standard
 * does and puts 邓 after 叶; it only breaks ties here (two different characters written with the
 * same strokes, e.g. 人 入 八) and orders characters the tables do not hold.
 *
 * Server-side: this subpath (`@huanjie/domain/stroke-order`) carries the stroke tables, so the
 * browser bundles, which import the package root, do not.
 */
cnchar.use(order);

const icu = new Intl.Collator('zh-u-co-stroke');

/** cnchar-order's stroke letters, by the basic form each belongs to (GB 13000.1 笔顺规范). */
const BASIC_FORM: Record<string, 1 | 2 | 3 | 4 | 5> = {
  j: 1, // 横
  i: 1, // 提 counts as 横
  f: 2, // 竖
  g: 2, // 竖钩 counts as 竖
  s: 3, // 撇
  k: 4, // 点
  d: 4, // 左点
  l: 4, // 捺 counts as 点
};
const FOLD = 5; // every stroke with a turn (横折, 竖弯钩, 横撇弯钩 …) is 折

/** The basic forms of a character's strokes in writing order ("1" 横 … "5" 折); null if unknown. */
export function strokeForms(char: string): string | null {
  const [letters] = cnchar.stroke(char, 'order') as (string | null | undefined)[];
  if (typeof letters !== 'string' || letters.length === 0) return null;
  return Array.from(letters, (l) => BASIC_FORM[l] ?? FOLD).join('');
}

/** A character's stroke count as the mainland counts it; null if the tables do not hold it. */
export function strokeCount(char: string): number | null {
  return strokeForms(char)?.length ?? null;
}

const keys = new Map<string, string | null>();
function keyOf(char: string): string | null {
  let key = keys.get(char);
  if (key === undefined) {
    key = strokeForms(char);
    keys.set(char, key);
  }
  return key;
}

function compareChars(a: string, b: string): number {
  const ka = keyOf(a);
  const kb = keyOf(b);
  if (ka !== null && kb !== null) {
    if (ka.length !== kb.length) return ka.length - kb.length;
    if (ka !== kb) return ka < kb ? -1 : 1;
  }
  return icu.compare(a, b);
}

export function compareByStrokes(a: string, b: string): number {
  const ca = Array.from(a.trim());
  const cb = Array.from(b.trim());
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i] as string;
    const y = cb[i] as string;
    if (x === y) continue;
    const diff = compareChars(x, y);
    if (diff !== 0) return diff;
  }
  return ca.length - cb.length;
}

export function sortByStrokes<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareByStrokes(name(a), name(b)));
}

/** Whether this runtime's ICU has stroke collation (the tie-breaker; a small-ICU build falls back). */
export function hasStrokeCollation(): boolean {
  return icu.resolvedOptions().collation === 'stroke';
}
