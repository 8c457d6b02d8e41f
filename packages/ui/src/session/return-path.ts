/** Where a sign-in returns to: the page the user opened before being sent to /login. */
export interface LoginState {
  from?: string;
}

/**
 * The in-app path to return to after signing in: a path of this app only (never another site,
 * never the login page itself), else "/".
 */
export function returnPath(state: unknown): string {
  const from = (state as LoginState | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return '/';
  if (from === '/login' || from.startsWith('/login?') || from.startsWith('/login/')) return '/';
  return from;
}
