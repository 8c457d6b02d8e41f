import { describe, expect, it } from 'vitest';
import { readEnv } from './env.js';

describe('readEnv: the audit chain key', () => {
  it('is required in production', () => {
    expect(() => readEnv({ NODE_ENV: 'production' })).toThrow(/AUDIT_CHAIN_KEY/);
    const key = 'k'.repeat(32);
    expect(readEnv({ NODE_ENV: 'production', AUDIT_CHAIN_KEY: key }).AUDIT_CHAIN_KEY).toBe(key);
  });

  it('is optional elsewhere, and never short', () => {
    expect(readEnv({}).AUDIT_CHAIN_KEY).toBeUndefined();
    expect(() => readEnv({ AUDIT_CHAIN_KEY: 'short' })).toThrow(/AUDIT_CHAIN_KEY/);
  });
});
