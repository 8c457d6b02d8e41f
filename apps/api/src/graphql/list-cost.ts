import type {
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  SelectionSetNode,
  ValidationContext,
  ASTVisitor,
} from 'graphql';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  typeFromAST,
} from 'graphql';

/**
 * What a query costs once its lists are counted: graphql-armor's cost limit adds up fields as if
 * every list held one item, so 15 aliases of a county's `electionUnits` with candidates and people
 * passed while they loaded tens of thousands of rows. Here a field's selection counts once per
 * item its list is expected to hold, and the whole document is refused before anything runs.
 */

/** Items a list is expected to hold, for the lists that grow with a region's size. */
export const LIST_SIZES: Record<string, number> = {
  'Query.electionUnits': 50,
  'Query.resultQueue': 50,
  'ElectionUnit.candidates': 20,
  'ElectionUnit.formalListInStrokeOrder': 15,
  'ElectionUnit.knownPersons': 50,
};

/** Any other list. */
export const DEFAULT_LIST_SIZE = 10;

export class QueryTooComplexError extends GraphQLError {
  constructor(
    readonly cost: number,
    readonly maxCost: number,
  ) {
    super(`查询过于复杂（估计代价${String(cost)}，上限${String(maxCost)}），请缩小范围或分次查询`);
  }
}

function listSize(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): number {
  if (!isListType(getNullableType(field.type))) return 1;
  return LIST_SIZES[`${parent.name}.${field.name}`] ?? DEFAULT_LIST_SIZE;
}

function selectionCost(
  context: ValidationContext,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  fragmentsOnPath: Set<string>,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const field =
        isObjectType(parent) || isInterfaceType(parent)
          ? parent.getFields()[selection.name.value]
          : undefined;
      // unknown fields are the other rules' to report
      if (!field) continue;
      const type = getNamedType(field.type);
      const inner =
        selection.selectionSet && isCompositeType(type)
          ? selectionCost(context, type, selection.selectionSet, fragmentsOnPath)
          : 0;
      cost += 1 + listSize(parent, field) * inner;
      continue;
    }
    let fragment:
      | { typeCondition?: FragmentDefinitionNode['typeCondition']; selectionSet: SelectionSetNode }
      | undefined;
    let name: string | undefined;
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      name = selection.name.value;
      // a cycle is the other rules' to report
      if (fragmentsOnPath.has(name)) continue;
      fragment = context.getFragment(name) ?? undefined;
    } else {
      fragment = selection;
    }
    if (!fragment) continue;
    const condition = fragment.typeCondition
      ? typeFromAST(context.getSchema(), fragment.typeCondition)
      : parent;
    const on = condition && isCompositeType(condition) ? condition : parent;
    if (name) fragmentsOnPath.add(name);
    cost += selectionCost(context, on, fragment.selectionSet, fragmentsOnPath);
    if (name) fragmentsOnPath.delete(name);
  }
  return cost;
}

/** The estimated cost of each operation in a document. */
export function operationCosts(context: ValidationContext): number[] {
  const schema = context.getSchema();
  const costs: number[] = [];
  for (const definition of context.getDocument().definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(definition.operation);
    if (!root) continue;
    costs.push(selectionCost(context, root, definition.selectionSet, new Set()));
  }
  return costs;
}

/** A validation rule refusing any operation whose estimated cost is over `maxCost`. */
export function listCostLimit(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Document: {
      leave() {
        const cost = Math.max(0, ...operationCosts(context));
        if (cost > maxCost) context.reportError(new QueryTooComplexError(cost, maxCost));
      },
    },
  });
}
