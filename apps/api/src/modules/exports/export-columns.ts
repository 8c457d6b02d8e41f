import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { AuthenticatedContext, Context } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import type { ExportColumn } from '../../xlsx/export-writer.js';

/** Column helpers shared by the table exports: a number (summed in 合计 unless told), text, a percentage. */
export const n = (key: string, header: string, sum = true): ExportColumn => ({
  key,
  header,
  kind: 'number',
  sum,
});

export const text = (key: string, header: string, width?: number): ExportColumn => ({
  key,
  header,
  kind: 'text',
  ...(width ? { width } : {}),
});

export const pct = (
  key: string,
  header: string,
  count: string,
  denominator: string,
): ExportColumn => ({
  key,
  header: `${header}（%）`,
  kind: 'percent',
  count,
  denominator,
});

/** A time as the screens show it, in China. */
export function chinaTime(at: Date | null): string | null {
  return at === null ? null : format(new TZDate(at, 'Asia/Shanghai'), 'yyyy-MM-dd HH:mm:ss');
}

/** The export route's context once it checked the caller is signed in (the services that ask for it). */
export function signedIn(ctx: Context): AuthenticatedContext {
  if (!ctx.actor || ctx.sessionId === null) throw new AppError('UNAUTHENTICATED', '请先登录');
  return ctx as AuthenticatedContext;
}
