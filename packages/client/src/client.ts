import type { App } from '@huanjie/domain';
import {
  Client,
  cacheExchange,
  fetchExchange,
  mapExchange,
  subscriptionExchange,
} from '@urql/core';
import type { Client as WsClient } from 'graphql-ws';
import { hasErrorCode } from './errors.js';
import { socketOptions } from './socket.js';

export interface CreateClientOptions {
  app: App;
  /** Called when the API says the session is missing or expired; the app returns to its login page. */
  onUnauthenticated?: () => void;
  /** Called when the API refuses everything until a one-time password is replaced. */
  onPasswordChangeRequired?: () => void;
  /** Defaults to the same-origin `/graphql` that each app's Vite server proxies to the API. */
  url?: string;
}

export function createClient({
  app,
  onUnauthenticated,
  onPasswordChangeRequired,
  url = '/graphql',
}: CreateClientOptions): Client {
  // Subscriptions (live dashboards) run over a WebSocket on the same path. Browsers cannot set
  // headers on a WebSocket: the app travels in connectionParams, the session in its cookie.
  // graphql-ws loads with the first subscription, not in every app's first load.
  let ws: Promise<WsClient> | null = null;
  const loadWs = () =>
    (ws ??= import('graphql-ws').then(({ createClient: createWsClient }) =>
      createWsClient(
        socketOptions({
          url: new URL(url, window.location.href).href.replace(/^http/, 'ws'),
          app,
          onUnauthenticated,
        }),
      ),
    ));
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
          if (hasErrorCode(error, 'PASSWORD_CHANGE_REQUIRED')) onPasswordChangeRequired?.();
        },
      }),
      cacheExchange,
      fetchExchange,
      ...(typeof window === 'undefined'
        ? []
        : [
            subscriptionExchange({
              forwardSubscription: (request) => ({
                subscribe: (sink) => {
                  let stop: (() => void) | null = null;
                  let stopped = false;
                  loadWs().then(
                    (client) => {
                      if (!stopped)
                        stop = client.subscribe({ ...request, query: request.query ?? '' }, sink);
                    },
                    (error: unknown) => {
                      sink.error(error);
                    },
                  );
                  return {
                    unsubscribe: () => {
                      stopped = true;
                      stop?.();
                    },
                  };
                },
              }),
            }),
          ]),
    ],
  });
}
