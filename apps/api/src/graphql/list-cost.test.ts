import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefinitionNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { Kind, parse, validate, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from './apollo.js';
import { listCostLimit, QueryTooComplexError } from './list-cost.js';
import { schema } from './schema.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const CLIENT_SOURCES = [
  'apps/county/src',
  'apps/township/src',
  'apps/village/src',
  'packages/desktop/src',
  'packages/ui/src',
  'packages/client/src',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !f.name.endsWith('.d.ts'))
    .map((f) => join(f.parentPath, f.name));
}

/** Every operation the apps send (gql.tada `graphql(\`…\`)`), with the fragments it spreads. */
function clientOperations(): { name: string; document: DefinitionNode[] }[] {
  const definitions = CLIENT_SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir))).flatMap(
    (file) =>
      [...readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)].flatMap(
        (m) => parse(m[1]!).definitions,
      ),
  );
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const withFragments = (root: DefinitionNode): DefinitionNode[] => {
    const found = new Map<string, FragmentDefinitionNode>();
    const walk = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const f = fragments.get(spread.name.value);
          if (f && !found.has(f.name.value)) {
            found.set(f.name.value, f);
            walk(f);
          }
        },
      });
    walk(root);
    return [root, ...found.values()];
  };
  return definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => ({ name: d.name?.value ?? '?', document: withFragments(d) }));
}

function costErrors(document: DefinitionNode[], maxCost = QUERY_LIMITS.maxListCost) {
  return validate(schema, { kind: Kind.DOCUMENT, definitions: document }, [listCostLimit(maxCost)]);
}

describe('the cost of a query with its lists counted', () => {
  it('lets every query of the apps through', () => {
    const operations = clientOperations();
    expect(operations.length).toBeGreaterThan(50);
    const costs = operations.map(({ name, document }) => {
      const error = costErrors(document, 0)[0];
      return { name, cost: error instanceof QueryTooComplexError ? error.cost : 0 };
    });
    expect(costs.filter((c) => c.cost > QUERY_LIMITS.maxListCost)).toEqual([]);
  });
});
