import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { y: 2, z: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('drops undefined fields and writes dates as ISO strings', () => {
    expect(canonicalJson({ a: undefined, d: new Date('2026-01-02T03:04:05.678Z') })).toBe(
      '{"d":"2026-01-02T03:04:05.678Z"}',
    );
  });
});
