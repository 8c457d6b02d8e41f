/** Control characters (NUL above all) that PostgreSQL text refuses or that no form should carry. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControlChars(value: string | null | undefined): boolean {
  return value != null && CONTROL.test(value);
}
