function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The same sheet submitted again for the same state of the result (a retry after a lost answer)
 * gets the same key, so the server stores it once; a changed sheet, or one submitted after the
 * township returned it, gets a new one.
 */
export function submissionKey(unitId: string, resultState: string, sheet: unknown): string {
  const text = `${unitId}|${resultState}|${JSON.stringify(sheet)}`;
  return `r-${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x12345678)}${fnv1a(text, 0x9e3779b9)}${fnv1a(text, 0x7f4a7c15)}`;
}
