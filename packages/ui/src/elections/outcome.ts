/** A mutation's union result as one line for the user, or null when it worked. */
export function outcomeMessage(result: {
  __typename: string;
  message?: string;
  issues?: readonly { message: string }[];
  findings?: readonly { severity: string; message: string }[];
}): string | null {
  if (!result.__typename.endsWith('Error')) return null;
  const details = [
    ...(result.issues?.map((i) => i.message) ?? []),
    ...(result.findings?.filter((f) => f.severity === 'error').map((f) => f.message) ?? []),
  ].filter((m) => m !== result.message);
  return [result.message ?? result.__typename, ...details].join('；');
}

export function codeOf(
  error:
    | { graphQLErrors: readonly { extensions: Record<string, unknown> }[]; networkError?: unknown }
    | undefined,
): string {
  if (!error) return 'UNKNOWN';
  if (error.networkError) return 'NETWORK';
  const code = error.graphQLErrors[0]?.extensions['code'];
  return typeof code === 'string' ? code : 'UNKNOWN';
}
