import { createClient } from 'graphql-ws';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { socketOptions } from './socket.js';

/**
 * A stand-in for the API's socket: it answers each connection_init by closing with `code`, or by
 * dropping the connection when `code` is null (the network or the API away).
 */
async function refusingServer(code: number | null) {
  const wss = new WebSocketServer({ port: 0, handleProtocols: () => 'graphql-transport-ws' });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const server = { attempts: 0, wss };
  wss.on('connection', (socket) => {
    server.attempts += 1;
    socket.on('message', () => {
      if (code === null) socket.terminate();
      else socket.close(code, 'refused');
    });
  });
  return server;
}

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const wss of servers.splice(0)) {
    for (const c of wss.clients) c.terminate();
    await new Promise((resolve) => { wss.close(resolve); });
  }
});

async function subscribeAgainst(code: number | null) {
  const server = await refusingServer(code);
  servers.push(server.wss);
  let signIns = 0;
  const client = createClient({
    ...socketOptions({
      url: `ws://127.0.0.1:${String((server.wss.address() as AddressInfo).port)}`,
      app: 'village',
      onUnauthenticated: () => (signIns += 1),
      retryBaseMs: 10,
    }),
    webSocketImpl: WebSocket,
  });
  let failed = false;
  client.subscribe(
    { query: 'subscription { campaignEvents(campaignId: "1") { kind } }' },
    { next: () => undefined, error: () => (failed = true), complete: () => undefined },
  );
  return { server, client, signIns: () => signIns, failed: () => failed };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the app socket', () => {
  it('does not reopen a socket closed for an ended session, and sends the user to sign in', async () => {
    const s = await subscribeAgainst(4401);
    await expect.poll(s.failed).toBe(true);
    await wait(300); // some thirty retries' worth at 10 ms
    expect(s.server.attempts).toBe(1);
    expect(s.signIns()).toBe(1);
    await s.client.dispose();
  });

  it('does not reopen a socket the API refused for its page or app, nor sends to sign in', async () => {
    const s = await subscribeAgainst(4403);
    await expect.poll(s.failed).toBe(true);
    await wait(300);
    expect(s.server.attempts).toBe(1);
    expect(s.signIns()).toBe(0);
    await s.client.dispose();
  });

  it('keeps reopening a socket the network dropped', async () => {
    const s = await subscribeAgainst(null);
    await expect.poll(() => s.server.attempts).toBeGreaterThanOrEqual(3);
    expect(s.failed()).toBe(false);
    expect(s.signIns()).toBe(0);
    // a connection attempt under way when disposed rejects with its close: nothing to see
    await Promise.resolve(s.client.dispose()).catch(() => undefined);
  });
});
