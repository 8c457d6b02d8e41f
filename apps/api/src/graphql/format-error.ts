import { unwrapResolverError } from '@apollo/server/errors';
import { PothosValidationError } from '@pothos/core';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { QueryTooComplexError } from './list-cost.js';

/** Codes a client may see as they are; anything else is masked as an internal error. */
const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'RATE_LIMITED',
  'WRONG_APP',
  'PASSWORD_CHANGE_REQUIRED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
]);

export const INTERNAL_MESSAGE = '服务器内部错误，请稍后重试';

/**
 * graphql-js ends some messages with "Did you mean …?": field names (graphql-armor blocks those in
 * validation) but also enum values, in validation and in variable coercion. The schema is not
 * introspectable in production, so no message names what the caller did not.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [\s\S]*$/, '');
}

/** Never lets a stack trace or an unexpected error's message reach a client. */
export function formatError(
  formatted: GraphQLFormattedError,
  error?: unknown,
): GraphQLFormattedError {
  // Pothos rejects malformed input (e.g. an id of the wrong type) before any resolver runs.
  if (unwrapResolverError(error) instanceof PothosValidationError) {
    return {
      message: `输入无效：${withoutSuggestions(formatted.message)}`,
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  // Apollo reports every validation error as GRAPHQL_VALIDATION_FAILED; this one has its own code
  const tooComplex =
    error instanceof GraphQLError && error.originalError instanceof QueryTooComplexError;
  const code = tooComplex
    ? 'QUERY_TOO_COMPLEX'
    : typeof formatted.extensions?.code === 'string'
      ? formatted.extensions.code
      : '';
  if (CLIENT_CODES.has(code)) {
    return {
      message: withoutSuggestions(formatted.message),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code },
    };
  }
  return {
    message: INTERNAL_MESSAGE,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
