import fc from 'fast-check';
import type { GraphQLInputType, GraphQLNamedInputType } from 'graphql';
import { isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';

/** Values an attacker or a broken client might send: edges of every kind, not just valid input. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u200b\u200e\u202e',
  '😀👨‍👩‍👧‍👦',
  '𠀀𪚥',
  "'; drop table regions; --",
  '%_\\',
  '<script>alert(1)</script>',
  'Region:1',
  'a'.repeat(10_000),
  '中'.repeat(100_001),
];

const NASTY_NUMBERS = [
  0,
  -1,
  1,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  1.5,
  1e308,
];

const WRONG_TYPES: unknown[] = [true, 'abc', 3.25, { nested: 1 }, [1, 2], -7];

export interface ArbitraryContext {
  /** Ids that exist, both inside and outside the caller's scope, by type name ("Region", …). */
  idsByType: Map<string, string[]>;
}

export function valueFor(
  type: GraphQLInputType,
  ctx: ArbitraryContext,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    // Sometimes send null for a required value: the server must refuse it cleanly.
    return fc.oneof(
      { weight: 9, arbitrary: valueFor(type.ofType, ctx, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  if (isListType(type)) {
    return fc.oneof(
      fc.array(valueFor(type.ofType, ctx, depth + 1), { maxLength: depth > 1 ? 2 : 6 }),
      fc.constant(null),
      fc.constant('not a list'),
    );
  }
  return namedValue(type, ctx, depth);
}

function namedValue(
  type: GraphQLNamedInputType,
  ctx: ArbitraryContext,
  depth: number,
): fc.Arbitrary<unknown> {
  const wrong = fc.constantFrom(...WRONG_TYPES);
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
      { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', '', 'county ') },
      { weight: 1, arbitrary: wrong },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(type.getFields());
    const record = Object.fromEntries(
      fields.map((f) => [f.name, valueFor(f.type, ctx, depth + 1)]),
    );
    return fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record(record, {
          requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
        }),
      },
      { weight: 2, arbitrary: fc.record(record, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.record({ ...record, unexpectedField: fc.string() }) },
      { weight: 1, arbitrary: wrong },
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
      case 'Float':
        return fc.oneof(
          { weight: 5, arbitrary: fc.integer({ min: -1000, max: 100_000 }) },
          { weight: 3, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
          { weight: 1, arbitrary: wrong },
        );
      case 'Boolean':
        return fc.oneof({ weight: 8, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrong });
      case 'ID': {
        const known = [...ctx.idsByType.values()].flat();
        return fc.oneof(
          {
            weight: 6,
            arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.constant('Region:1'),
          },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              'Region:0',
              'Region:99999999',
              'Region:-1',
              'Region:abc',
              'User:1',
              'x',
              '',
            ),
          },
          { weight: 1, arbitrary: wrong },
        );
      }
      case 'DateTime':
      case 'Date':
        return fc.oneof(
          {
            weight: 5,
            arbitrary: fc
              .date({
                min: new Date('1900-01-01'),
                max: new Date('2100-01-01'),
                noInvalidDate: true,
              })
              .map((d) => (type.name === 'Date' ? d.toISOString().slice(0, 10) : d.toISOString())),
          },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              '2026-02-30',
              '2026-13-01',
              'yesterday',
              '',
              '0000-00-00',
              '99999-01-01',
            ),
          },
          { weight: 1, arbitrary: wrong },
        );
      default:
        // String and any custom string scalar
        return fc.oneof(
          { weight: 5, arbitrary: fc.string({ maxLength: 30 }) },
          { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
          { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
          { weight: 1, arbitrary: wrong },
        );
    }
  }
  return fc.constant(null);
}
