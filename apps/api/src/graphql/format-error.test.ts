import { describe, expect, it } from 'vitest';
import { INTERNAL_MESSAGE, formatError } from './format-error.js';

describe('formatError', () => {
  it('masks an unexpected error: no message, no stack, no details', () => {
    const masked = formatError({
      message: 'relation "users" does not exist',
      path: ['me'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: at repo.ts:10'] },
    });
    expect(masked).toEqual({
      message: INTERNAL_MESSAGE,
      path: ['me'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('masks an error without a code', () => {
    expect(formatError({ message: 'boom' }).message).toBe(INTERNAL_MESSAGE);
  });

  it('keeps typed errors and their message, but drops anything else in extensions', () => {
    expect(
      formatError({
        message: '无权查看该区划',
        extensions: { code: 'FORBIDDEN', stacktrace: ['x'] },
      }),
    ).toEqual({ message: '无权查看该区划', extensions: { code: 'FORBIDDEN' } });
  });
});
