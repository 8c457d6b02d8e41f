import type { CombinedError } from '@urql/core';

/**
 * Codes the API puts in `extensions.code` of GraphQL errors on queries: our own
 * (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND) and Apollo's (BAD_USER_INPUT for a malformed id).
 */
export type QueryErrorCode =
  'UNAUTHENTICATED' | 'PASSWORD_CHANGE_REQUIRED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';

/** The first `extensions.code` of a combined error; 'NETWORK' when the request itself failed. */
export function errorCodeOf(error: CombinedError): string {
  if (error.networkError) return 'NETWORK';
  const code = error.graphQLErrors
    .map((e) => e.extensions['code'])
    .find((c) => typeof c === 'string');
  return code ?? 'UNKNOWN';
}

export function hasErrorCode(error: CombinedError, code: QueryErrorCode): boolean {
  return error.graphQLErrors.some((e) => e.extensions['code'] === code);
}
