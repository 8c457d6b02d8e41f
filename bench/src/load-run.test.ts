import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorResponse, runLoadSpec } from './load-run.js';

/** A GraphQL endpoint that answers each body with what the body asks for, always with HTTP 200. */
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const ask = (JSON.parse(body) as { answer?: string }).answer ?? 'ok';
    if (ask === 'errors') res.end('{"errors":[{"message":"boom"}],"data":null}');
    else if (ask === 'refusal')
      res.end('{"data":{"submitResult":{"__typename":"RuleViolationError","message":"须说明"}}}');
    else res.end('{"data":{"submitResult":{"__typename":"ElectionUnit","id":"1"}}}');
  });
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/graphql`;
});
afterAll(() => {
  server.close();
});

const http = (bodies: string[], extra: { once?: boolean; seconds?: number } = {}) =>
  runLoadSpec({
    kind: 'http',
    url,
    connections: 2,
    warmupSeconds: 0,
    seconds: extra.seconds ?? 1,
    headers: {},
    bodies,
    ...(extra.once ? { once: true } : {}),
  });

describe('the load generator', () => {
  it('counts a GraphQL error or a typed refusal in a 200 response as an error', async () => {
    expect(isErrorResponse(200, '{"data":{"x":{"__typename":"ElectionUnit"}}}')).toBe(false);
    expect(isErrorResponse(200, '{"errors":[{"message":"x"}]}')).toBe(true);
    expect(isErrorResponse(200, '{"data":{"x":{"__typename":"ForbiddenError"}}}')).toBe(true);
    expect(isErrorResponse(502, '')).toBe(true);
    // a field named errors inside data (the guidance board's summary) is not an error
    expect(isErrorResponse(200, '{"data":{"b":{"summary":{"errors":0,"warnings":1}}}}')).toBe(
      false,
    );

    const refused = await http([JSON.stringify({ answer: 'refusal' })]);
    expect(refused.rps).toBeGreaterThan(0);
    expect(refused.errors).toBe(Math.round(refused.rps * 1));
    const failed = await http([JSON.stringify({ answer: 'errors' })]);
    expect(failed.errors).toBeGreaterThan(0);
    const fine = await http([JSON.stringify({ answer: 'ok' })]);
    expect(fine.errors).toBe(0);
  });

  it('sends each body of a first-submission pool once and stops when the pool runs out, never wrapping', async () => {
    const bodies = Array.from({ length: 50 }, () => JSON.stringify({ answer: 'ok' }));
    const outcome = await http(bodies, { once: true, seconds: 5 });
    expect(outcome.requests_sent).toBe(50);
    expect(outcome.pool_exhausted).toBe(true);
    expect(outcome.measured_s).toBeLessThan(5);
    expect(outcome.errors).toBe(0);
  });
});
