import { isIsoDate } from '@huanjie/domain';
import { z } from 'zod';
import { ValidationError } from './errors.js';
import { hasControlChars } from './text.js';

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

export const text = (label: string, max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { message: `请填写${label}` })
        .max(max, { message: `${label}不能超过${max}字` }),
    );

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .nullish()
    .transform((s) => (s ?? '').trim())
    .pipe(z.string().max(max, { message: `${label}不能超过${max}字` }))
    .transform((s) => (s === '' ? null : s));

/**
 * Free text as typed, trimmed (null and undefined read as empty): no control characters, at most
 * `max` characters, and not empty when `required`. Every failing check is reported.
 */
export const plainText = (label: string, { max, required }: { max: number; required: boolean }) =>
  z
    .string()
    .nullish()
    .transform((s) => (s ?? '').trim())
    .pipe(
      z
        .string()
        .refine((s) => !hasControlChars(s), { message: `${label}含有无效字符` })
        .refine((s) => !required || s !== '', { message: `请填写${label}` })
        .max(max, { message: `${label}不能超过${max}个字` }),
    );

/** A day that exists and is not after `today` (China). */
export const pastDate = (today: string, future: string) =>
  z
    .string()
    .refine(isIsoDate, { message: '日期格式应为YYYY-MM-DD', abort: true })
    .refine((d) => d <= today, { message: future, abort: true });
