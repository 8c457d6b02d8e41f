import { hasRefusedChars } from '@huanjie/domain';

/**
 * Characters no text input may carry (control characters, NUL above all; zero-width and bidi
 * controls): the domain's one input-text policy (input-policy.ts). Line breaks are allowed here;
 * single-line fields check with the shape 'line'.
 */
export function hasControlChars(value: string | null | undefined): boolean {
  return value != null && hasRefusedChars(value);
}
