import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from './harness.js';
import { errorCodes, startTestApi } from './harness.js';

describe('limits against abuse, and what errors reveal', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = await api.login('county.admin', 'county');
  });
  afterAll(() => api.close());

  it('answers /healthz with the database in use', async () => {
    const res = await fetch(`${api.server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    });
  });

  it('refuses a query nested deeper than the limit, running none of it', async () => {
    let selection = 'id';
    for (let i = 0; i < 12; i++) selection = `children { ${selection} }`;
    const res = await api.gql(
      `query($id: ID!) { region(id: $id) { ${selection} } }`,
      { id: api.regionGid('c') },
      {
        token,
      },
    );
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('counts depth through fragments: a page built from shared fragments passes, a deep chain does not', async () => {
    const fragments = (levels: number) =>
      Array.from({ length: levels }, (_, i) =>
        i === levels - 1
          ? `fragment F${i} on Region { id }`
          : `fragment F${i} on Region { children { ...F${i + 1} } }`,
      ).join(' ');
    const shallow = await api.gql(
      `query($id: ID!) { region(id: $id) { ...F0 } } ${fragments(4)}`,
      { id: api.regionGid('c') },
      { token },
    );
    expect(shallow.errors).toBeUndefined();
    const deep = await api.gql(
      `query($id: ID!) { region(id: $id) { ...F0 } } ${fragments(13)}`,
      { id: api.regionGid('c') },
      { token },
    );
    expect(deep.data ?? null).toBeNull();
    expect(deep.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses a query with too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await api.gql(`{ ${aliases} }`, {}, { token });
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses aliases of a county’s election units with their lists before running any', async () => {
    const unit = `electionUnits(regionId: $r) { id track
      candidates { id postLabel person { id name gender birthDate age educationLabel } vetting { department result } }
      knownPersons { id name gender birthDate }
      result { id status revision meetings { heldOn entitled } } }`;
    const aliases = Array.from({ length: 15 }, (_, i) => `u${String(i)}: ${unit}`).join(' ');
    const started = performance.now();
    const res = await api.gql(
      `query($r: ID!) { ${aliases} }`,
      { r: api.regionGid('c') },
      { token },
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.data ?? null).toBeNull();
    expect(errorCodes(res)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(res.errors?.[0]?.message).toMatch(/^查询过于复杂（估计代价\d+，上限\d+）/);
    const one = await api.gql(`query($r: ID!) { ${unit} }`, { r: api.regionGid('c') }, { token });
    expect(one.errors).toBeUndefined();
  });

  it('does not accept batched requests', async () => {
    const res = await fetch(`${api.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('refuses GET requests without the preflight header (CSRF)', async () => {
    const res = await fetch(
      `${api.server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`,
    );
    expect(res.status).toBe(400);
  });

  it('answers a malformed id with a typed input error, not an internal one', async () => {
    const res = await api.gql('{ region(id: "Region:abc") { id } }', {}, { token });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const wrongType = await api.gql('{ region(id: "User:1") { id } }', {}, { token });
    expect(errorCodes(wrongType)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers NOT_FOUND for a region that does not exist', async () => {
    const res = await api.gql('{ region(id: "Region:999999") { id } }', {}, { token });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });

  it('never sends a stack trace, and does not suggest field names', async () => {
    const res = await api.gql('{ me { usernam } }', {}, { token });
    expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const text = JSON.stringify(res.errors);
    expect(text).not.toMatch(/stacktrace|at .*\.ts:\d+/i);
    expect(text).not.toMatch(/Did you mean/);
  });

  it('does not suggest enum values, in a literal or in a variable', async () => {
    const LOGIN_APP = (app: string) =>
      `mutation { login(username: "x", password: "y", app: ${app}) { __typename } }`;
    const literal = await api.gql(LOGIN_APP('villag'));
    expect(errorCodes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const variable = await api.gql(
      'mutation($a: App!) { login(username: "x", password: "y", app: $a) { __typename } }',
      { a: 'villag' },
    );
    expect(errorCodes(variable)).toEqual(['BAD_USER_INPUT']);
    const nested = await api.gql(LOGIN_APP('"village"'));
    for (const res of [literal, variable, nested]) {
      expect(res.errors?.length).toBeGreaterThan(0);
      const text = JSON.stringify(res.errors);
      expect(text).not.toMatch(/Did you mean|township|county/);
    }
  });
});
