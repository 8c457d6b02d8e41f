import type { App } from '@huanjie/domain';
import { Client, cacheExchange, fetchExchange, mapExchange } from '@urql/core';
import { hasErrorCode } from './errors.js';

export interface CreateClientOptions {
  app: App;
  /** Called when the API says the session is missing or expired; the app returns to its login page. */
  onUnauthenticated?: () => void;
  /** Defaults to the same-origin `/graphql` that each app's Vite server proxies to the API. */
  url?: string;
}

export function createClient({
  app,
  onUnauthenticated,
  url = '/graphql',
}: CreateClientOptions): Client {
  return new Client({
    url,
    // Apollo's CSRF prevention refuses GET queries and requests without a preflight-forcing header.
    preferGetMethod: false,
    fetchOptions: {
      credentials: 'same-origin',
      headers: { 'x-huanjie-app': app, 'apollo-require-preflight': 'true' },
    },
    exchanges: [
      mapExchange({
        onError(error) {
          if (hasErrorCode(error, 'UNAUTHENTICATED')) onUnauthenticated?.();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
