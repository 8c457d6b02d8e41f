import type { TextShape } from '@huanjie/domain';
import { hasRefusedChars, isIsoDate, refusedCharsMessage } from '@huanjie/domain';
import { z } from 'zod';
import { ValidationError } from './errors.js';

/** Parses service input; a failure is a ValidationError naming each field in Chinese. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
  }));
  throw new ValidationError(`${what}：${issues[0]?.message ?? '输入有误'}`, issues);
}

export const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .refine(isIsoDate, { message: `${label}格式应为 YYYY-MM-DD` });

/** A string holding nothing the input-text policy refuses (domain input-policy.ts). */
const policyText = (label: string, shape: TextShape) =>
  z.string().refine((s) => !hasRefusedChars(s, shape), {
    message: refusedCharsMessage(label),
    abort: true,
  });

/** A string kept as typed (not trimmed, may be empty): at most `max` characters, nothing refused. */
export const checkedString = (label: string, max: number, shape: TextShape = 'multiline') =>
  policyText(label, shape).max(max, { message: `${label}不能超过${max}字` });

/** Required text, trimmed: not empty, at most `max` characters, nothing the policy refuses. */
export const text = (label: string, max: number, shape: TextShape = 'multiline') =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(
      policyText(label, shape)
        .min(1, { message: `请填写${label}` })
        .max(max, { message: `${label}不能超过${max}字` }),
    );

/** Optional text, trimmed (empty reads as null): at most `max` characters, nothing refused. */
export const optionalText = (label: string, max: number, shape: TextShape = 'multiline') =>
  z
    .string()
    .nullish()
    .transform((s) => (s ?? '').trim())
    .pipe(policyText(label, shape).max(max, { message: `${label}不能超过${max}字` }))
    .transform((s) => (s === '' ? null : s));

/**
 * Free text as typed, trimmed (null and undefined read as empty): no character the input-text
 * policy refuses, at most `max` characters, and not empty when `required`. Every failing check is
 * reported.
 */
export const plainText = (
  label: string,
  { max, required, shape = 'multiline' }: { max: number; required: boolean; shape?: TextShape },
) =>
  z
    .string()
    .nullish()
    .transform((s) => (s ?? '').trim())
    .pipe(
      z
        .string()
        .refine((s) => !hasRefusedChars(s, shape), { message: refusedCharsMessage(label) })
        .refine((s) => !required || s !== '', { message: `请填写${label}` })
        .max(max, { message: `${label}不能超过${max}个字` }),
    );

/** A day that exists and is not after `today` (China). */
export const pastDate = (today: string, future: string) =>
  z
    .string()
    .refine(isIsoDate, { message: '日期格式应为YYYY-MM-DD', abort: true })
    .refine((d) => d <= today, { message: future, abort: true });
