/**
 * Root fields anyone may call without a session. Every other root field requires one (the
 * type-level scope on Query and Mutation), and test/scope.test.ts must hold a scope probe for it:
 * a new root field that is in neither list fails the tests.
 */
export const PUBLIC_ROOT_FIELDS: readonly string[] = ['Mutation.login'];
