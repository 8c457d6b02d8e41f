import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { PothosValidationError } from '@pothos/core';
import type { Context } from '../context.js';
import { logError } from '../logger.js';
import { formatError } from './format-error.js';
import { listCostLimit } from './list-cost.js';
import { schema } from './schema.js';

/** Limits against abusive queries; the schema's deepest real query is about 6 levels. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 3000,
  maxCost: 20_000,
  /**
   * The cost with each list counted as its expected size (list-cost.ts): the apps' costliest
   * query (VillageChecklist) is ~29 000; one `electionUnits` with candidates, people and results
   * ~41 000 (passes), two of them aliased are refused.
   */
  maxListCost: 60_000,
};

const logUnexpectedErrors: ApolloServerPlugin<Context> = {
  requestDidStart: () =>
    Promise.resolve({
      didEncounterErrors: ({ errors, contextValue }) => {
        for (const error of errors) {
          const code: unknown = error.extensions.code;
          const invalidInput = unwrapResolverError(error) instanceof PothosValidationError;
          if (!invalidInput && (code === undefined || code === 'INTERNAL_SERVER_ERROR')) {
            logError('graphql.unexpected', {
              requestId: contextValue.requestId,
              path: error.path,
              message: error.message,
              stack: error.originalError?.stack,
            });
          }
        }
        return Promise.resolve();
      },
    }),
};

/** The query limits (graphql-armor's and the list cost), for HTTP and WebSocket alike. */
export function queryProtection() {
  const armor = new ApolloArmor({
    // depth counts fields, not fragment spreads: pages build their documents from shared fragments
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, flattenFragments: true },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return {
    ...protection,
    validationRules: [...protection.validationRules, listCostLimit(QUERY_LIMITS.maxListCost)],
  };
}

export function createApolloServer(options: { plugins?: ApolloServerPlugin<Context>[] } = {}) {
  const protection = queryProtection();
  return new ApolloServer<Context>({
    schema,
    ...protection,
    plugins: [
      ...protection.plugins,
      logUnexpectedErrors,
      // No HTTP cache hints are used (every answer is per user); without this default plugin Apollo
      // no longer wraps every field resolver to collect them (~5% of the API's CPU on the overview).
      ApolloServerPluginCacheControlDisabled(),
      ...(options.plugins ?? []),
    ],
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown: it stops the server, then closes the database.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    introspection: process.env.NODE_ENV !== 'production',
    formatError,
  });
}
