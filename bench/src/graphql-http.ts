export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One GraphQL request over HTTP, as the apps send it (JSON POST, CSRF preflight header). */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  }
  return (await response.json()) as GraphQLResponse<T>;
}

export function appHeaders(app: 'village' | 'township' | 'county', token?: string) {
  return {
    'x-huanjie-app': app,
    'apollo-require-preflight': 'true',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/** Signs a demo user in through the login mutation and returns the bearer token. */
export async function signIn(
  graphqlUrl: string,
  username: string,
  password: string,
  app: 'village' | 'township' | 'county',
): Promise<string> {
  const result = await postGraphQL<{
    login: { __typename: string; token?: string; message?: string };
  }>(
    graphqlUrl,
    {
      query: `mutation ($u: String!, $p: String!, $app: App!) {
        login(username: $u, password: $p, app: $app) {
          __typename ... on LoginSuccess { token } ... on Error { message } } }`,
      variables: { u: username, p: password, app },
    },
    appHeaders(app),
  );
  const token = result.data?.login.token;
  if (!token) {
    throw new Error(
      `sign-in of ${username} failed: ${JSON.stringify(result.errors ?? result.data)}`,
    );
  }
  return token;
}
