import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { GraphQLField, GraphQLNamedType } from 'graphql';
import { getNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import { appOfRole } from '@huanjie/domain';
import type { Role } from '@huanjie/domain';
import { queryRows } from '@huanjie/db';
import { sql } from 'drizzle-orm';
import { schema } from '../../src/graphql/schema.js';
import type { TestApi } from '../harness.js';
import { startTestApi } from '../harness.js';
import type { ArbitraryContext } from './arbitraries.js';
import { valueFor } from './arbitraries.js';

/** Auth bookkeeping that a refused login legitimately writes (throttling needs it). */
const BOOKKEEPING_TABLES = new Set(['login_attempts', 'sessions', '__drizzle_migrations']);
/** End the caller's own sessions; fuzzing them would only sign the fuzzer out. */
const SKIPPED_MUTATIONS = new Set(['logout', 'logoutEverywhere']);
const RUNS_PER_MUTATION = Number(process.env.HUANJIE_FUZZ_RUNS ?? 40);

const tally = {
  calls: 0,
  refused: 0,
  accepted: 0,
  mutations: 0,
  roles: new Set<string>(),
  inputs: new Set<string>(),
};

describe('bad input on every mutation: typed refusals, nothing half-written', () => {
  let api: TestApi;
  let callers: { username: string; role: Role; token: string }[];
  let ctx: ArbitraryContext;
  let tables: string[];

  beforeAll(async () => {
    api = await startTestApi({ fullDemo: true });
    const specs: [string, Role][] = [
      ['county.admin', 'county_admin'],
      ['town01.coordinator', 'township_coordinator'],
      ['vil01001.clerk', 'village_clerk'],
      ['town01.guide1', 'guidance_member'],
    ];
    callers = await Promise.all(
      specs.map(async ([username, role]) => ({
        username,
        role,
        token: await api.login(username, appOfRole(role)),
      })),
    );
    ctx = { idsByType: await discoverIds(api, callers[0]!.token) };
    process.stdout.write(
      `ids known to the fuzzer: ${[...ctx.idsByType].map(([type, list]) => `${type} ${list.length}`).join(', ')}\n`,
    );
    const rows = await queryRows<{ name: string }>(
      api.database.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    tables = rows
      .map((r) => r.name)
      .filter((t) => !BOOKKEEPING_TABLES.has(t))
      .sort();
  });
  afterAll(async () => {
    process.stdout.write(
      `fuzzed ${tally.mutations} mutations × ${tally.roles.size} roles: ${tally.calls} calls with ` +
        `${tally.inputs.size} distinct inputs, ` +
        `${tally.refused} refused with typed errors, ${tally.accepted} accepted\n`,
    );
    await api.close();
  });

  async function rowCounts(): Promise<Record<string, number>> {
    const union = tables
      .map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`)
      .join(' union all ');
    const rows = await queryRows<{ t: string; n: number }>(api.database.db, sql.raw(union));
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  }

  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {}).filter(
    (f) => !SKIPPED_MUTATIONS.has(f.name),
  );

  for (const field of mutations) {
    it(field.name, async () => {
      tally.mutations += 1;
      const document = mutationDocument(field);
      const args = fc.record(
        Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type, ctx)])),
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(args, fc.nat({ max: callers.length - 1 }), async (variables, who) => {
          const caller = callers[who]!;
          tally.calls += 1;
          tally.roles.add(caller.role);
          tally.inputs.add(
            createHash('sha1')
              .update(`${field.name} ${JSON.stringify(variables)}`)
              .digest('hex'),
          );
          const before = await rowCounts();
          const res = await api.gql<Record<string, { __typename?: string } | null>>(
            document,
            variables,
            {
              token: caller.token,
              app: appOfRole(caller.role),
            },
          );
          const codes = (res.errors ?? []).map((e) => e.extensions?.code);
          expect(codes, JSON.stringify(res.errors)).not.toContain('INTERNAL_SERVER_ERROR');
          expect(res.status, JSON.stringify(res.errors)).toBeLessThan(500);
          const typename = res.data?.[field.name]?.__typename ?? '';
          const refused = (res.errors?.length ?? 0) > 0 || typename.endsWith('Error');
          if (refused) {
            tally.refused += 1;
            expect(await rowCounts(), `${field.name} refused but wrote`).toEqual(before);
          } else {
            tally.accepted += 1;
          }
        }),
        { numRuns: RUNS_PER_MUTATION, endOnFailure: true },
      );
    });
  }
});

function mutationDocument(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/**
 * Ids that exist: the demo regions (inside and outside every scope) and every id the county admin's
 * queries without required arguments return, two levels deep (campaigns, rule sets, queues, …).
 */
async function discoverIds(api: TestApi, token: string): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  const add = (id: string) => {
    const type = /^[A-Za-z]+:/.test(id) ? (id.split(':')[0] ?? '') : 'plain';
    const list = ids.get(type) ?? [];
    if (!list.includes(id) && list.length < 30) list.push(id);
    ids.set(type, list);
  };
  for (const key of ['c', 't01', 't02', 't01v001', 't01v002', 't02v003', 't01v001g1'])
    add(api.regionGid(key));
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const selection = idSelection(getNamedType(field.type), 0);
    if (selection === null) continue;
    const res = await api.gql(`{ ${field.name}${selection} }`, {}, { token });
    collectIds(res.data, add);
  }
  return ids;
}

/** A selection of every `id` reachable through fields without required arguments. */
function idSelection(type: GraphQLNamedType, depth: number): string | null {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) || depth > 2) return null;
  const parts: string[] = [];
  for (const f of Object.values(type.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(f.type);
    if (f.name === 'id') parts.push('id');
    else if (isObjectType(named)) {
      const inner = idSelection(named, depth + 1);
      if (inner) parts.push(`${f.name}${inner}`);
    }
  }
  return parts.length > 0 ? ` { ${parts.join(' ')} }` : null;
}

function collectIds(value: unknown, add: (id: string) => void): void {
  if (Array.isArray(value))
    value.forEach((v) => {
      collectIds(v, add);
    });
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string') add(v);
      else collectIds(v, add);
    }
  }
}
