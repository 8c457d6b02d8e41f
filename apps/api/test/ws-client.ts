import type { Client } from 'graphql-ws';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * A graphql-ws client for tests, authenticated with a bearer token for one app; `origin` makes it
 * open the socket as a browser page of that origin would.
 */
export function wsClient(
  httpUrl: string,
  token: string | null,
  app = 'county',
  origin?: string,
): Client {
  class PageSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, origin ? { headers: { origin } } : {});
    }
  }
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: origin ? PageSocket : WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}`, app } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

export interface Collected<T> {
  events: T[];
  errors: unknown[];
  /** Resolves once `n` events have arrived, or rejects after the timeout. */
  waitFor: (n: number, timeoutMs?: number) => Promise<T[]>;
  stop: () => void;
}

export function collect<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
): Collected<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.data) events.push(value.data);
        if (value.errors) errors.push(...value.errors);
        for (const w of waiters.splice(0)) w();
      },
      error: (error) => {
        errors.push(error);
        for (const w of waiters.splice(0)) w();
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    stop: unsubscribe,
    waitFor: async (n, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (events.length < n) {
        if (errors.length > 0) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`only ${events.length} of ${n} events arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
      return events;
    },
  };
}

/** Gives the server a moment to register a subscription before the test publishes. */
export const settle = () => new Promise((r) => setTimeout(r, 300));
