import type { Database } from '@huanjie/db';
import type { InsertedDemoCounty } from '@huanjie/db/demo';
import { DEMO_PASSWORD, generateDemoCounty, insertDemoCounty, seedDemo } from '@huanjie/db/demo';
import { createTestDatabase } from '@huanjie/db/testing';
import type { App } from '@huanjie/domain';
import type { RunningServer } from '../src/server.js';
import type { Clock } from '../src/shared/clock.js';
import { startServer } from '../src/server.js';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
  headers: Headers;
}

export interface Caller {
  token?: string;
  app?: App;
  cookie?: string;
  forwardedFor?: string;
}

/**
 * An API over HTTP on a loopback port with its own fresh database and a small demo county
 * (2 townships, 36 villages): what every API test talks to.
 */
export async function startTestApi(
  options: { villages?: number; fullDemo?: boolean; clock?: Clock } = {},
) {
  const database: Database = await createTestDatabase();
  const demoPlan = generateDemoCounty({ villages: options.villages ?? 36 });
  // fullDemo adds every module's demo data (campaign in progress, teams, results) via seedDemo.
  const demo: InsertedDemoCounty = options.fullDemo
    ? await seedDemo(database.db, { villages: options.villages ?? 36 })
    : await insertDemoCounty(database.db, demoPlan);
  const server: RunningServer = await startServer(
    // The tests stand in for the apps' proxy: their X-Forwarded-For names the client.
    { database, trustedProxies: ['loopback'], ...(options.clock ? { clock: options.clock } : {}) },
    { port: 0, host: '127.0.0.1' },
  );

  async function gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    caller: Caller = {},
  ): Promise<GqlResponse<T>> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
        ...(caller.app ? { 'x-huanjie-app': caller.app } : {}),
        ...(caller.cookie ? { cookie: caller.cookie } : {}),
        ...(caller.forwardedFor ? { 'x-forwarded-for': caller.forwardedFor } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GqlResponse<T>, 'status' | 'headers'>;
    return { ...body, status: response.status, headers: response.headers };
  }

  let addressCounter = 0;
  /** Signs in a demo user and returns the bearer token; each call comes from its own address. */
  async function login(username: string, app: App): Promise<string> {
    addressCounter += 1;
    const res = await gql<{ login: { __typename: string; token?: string; message?: string } }>(
      `mutation($u: String!, $p: String!, $a: App!) { login(username: $u, password: $p, app: $a) {
        __typename ... on LoginSuccess { token } ... on Error { message } } }`,
      { u: username, p: DEMO_PASSWORD, a: app },
      { forwardedFor: `10.0.0.${addressCounter}` },
    );
    const token = res.data?.login.token;
    if (!token)
      throw new Error(`login of ${username} failed: ${JSON.stringify(res.data ?? res.errors)}`);
    return token;
  }

  const regionGid = (key: string) => `Region:${String(mustGet(demo.regionIds, key))}`;

  return {
    database,
    demo,
    demoPlan,
    server,
    gql,
    login,
    regionGid,
    close: async () => {
      await server.stop();
      await database.close();
    },
  };
}

export type TestApi = Awaited<ReturnType<typeof startTestApi>>;

function mustGet<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`no demo key ${String(key)}`);
  return value;
}

export function errorCodes(res: GqlResponse<unknown>): (string | undefined)[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}

/**
 * How a caller outside a region is refused: FORBIDDEN from the API's own check, or NOT_FOUND where
 * row-level security hid the row (it does not exist for them). Both read here as 'refused'; any
 * other answer reads as its codes, so a failing assertion shows what came back.
 */
export function refusal(res: GqlResponse<unknown>): string {
  const codes = errorCodes(res);
  if (codes.length === 1 && (codes[0] === 'FORBIDDEN' || codes[0] === 'NOT_FOUND'))
    return 'refused';
  return codes.length > 0 ? codes.join(',') : 'answered';
}

/** The same for a mutation's result type: ForbiddenError or NotFoundError read as 'refused'. */
export function refusalType(typename: string | undefined): string {
  return typename === 'ForbiddenError' || typename === 'NotFoundError'
    ? 'refused'
    : String(typename);
}
