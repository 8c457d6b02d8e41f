/** Error codes the API returns as typed values; clients switch on these, never on message text. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'RATE_LIMITED',
  'WRONG_APP',
  /** Signed in with a one-time password: nothing but choosing a new password until that is done. */
  'PASSWORD_CHANGE_REQUIRED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
