import type { ClientOptions } from 'graphql-ws';

/**
 * The close codes the API ends a socket with (apps/api/src/graphql/subscriptions.ts): 4401 when
 * the socket has no session or its session ended (signed out, disabled, reset, expired), 4403
 * when the page or app is not one the API serves. Neither changes by trying again.
 */
export const SESSION_ENDED_CLOSE = 4401;
export const FORBIDDEN_CLOSE = 4403;

const closeCode = (event: unknown): number | null =>
  typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number'
    ? event.code
    : null;

/** Whether a closed or failed socket is worth opening again: not when the API refused it. */
export function socketWorthRetrying(event: unknown): boolean {
  const code = closeCode(event);
  return code !== SESSION_ENDED_CLOSE && code !== FORBIDDEN_CLOSE;
}

/**
 * The graphql-ws options of an app's socket: lazy, retried with backoff up to 30 s while the
 * network or the API is away, never once the API closed it for its session, which sends the user
 * to sign in as an HTTP UNAUTHENTICATED does.
 */
export function socketOptions({
  url,
  app,
  onUnauthenticated,
  retryBaseMs = 1000,
}: {
  url: string;
  app: string;
  onUnauthenticated?: () => void;
  retryBaseMs?: number;
}): ClientOptions {
  return {
    url,
    connectionParams: { app },
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: socketWorthRetrying,
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(30_000, retryBaseMs * 2 ** retries))),
    on: {
      closed: (event) => {
        if (closeCode(event) === SESSION_ENDED_CLOSE) onUnauthenticated?.();
      },
    },
  };
}
