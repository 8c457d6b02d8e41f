import type { App } from '@huanjie/domain';
import { useCallback } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from './graphql.js';

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!, $app: App!) {
    login(username: $username, password: $password, app: $app) {
      __typename
      ... on Error {
        code
        message
      }
      ... on LoginSuccess {
        user {
          id
          displayName
          mustChangePassword
        }
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
      ... on WrongAppError {
        expectedApp
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export type LoginResult = ResultOf<typeof LoginMutation>['login'];

/** Signs in to `app`; resolves to the typed union, or throws on a transport or server failure. */
export function useLogin(app: App) {
  const [state, execute] = useMutation(LoginMutation);
  const login = useCallback(
    async (username: string, password: string): Promise<LoginResult> => {
      const result = await execute({ username, password, app });
      if (!result.data) throw result.error ?? new Error('login returned no data');
      return result.data.login;
    },
    [execute, app],
  );
  return { login, fetching: state.fetching };
}

export function useLogout() {
  const [state, execute] = useMutation(LogoutMutation);
  const logout = useCallback(async (): Promise<void> => {
    await execute({});
  }, [execute]);
  return { logout, fetching: state.fetching };
}

export const MeQuery = graphql(`
  query Me {
    me {
      id
      username
      displayName
      role
      roleLabel
      mustChangePassword
      homeRegion {
        id
        name
        level
      }
    }
  }
`);

export type Me = ResultOf<typeof MeQuery>['me'];

/** The signed-in user; an UNAUTHENTICATED error also triggers the client's onUnauthenticated. */
export function useMe() {
  const [state] = useQuery({ query: MeQuery });
  return { me: state.data?.me ?? null, fetching: state.fetching, error: state.error ?? null };
}

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ... on PasswordChanged {
        endedSessions
      }
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
    }
  }
`);

export type ChangePasswordResult = ResultOf<typeof ChangePasswordMutation>['changePassword'];

/** Sets the signed-in user's password; resolves to the typed union, or throws on a transport failure. */
export function useChangePassword() {
  const [state, execute] = useMutation(ChangePasswordMutation);
  const change = useCallback(
    async (currentPassword: string, newPassword: string): Promise<ChangePasswordResult> => {
      const result = await execute({ currentPassword, newPassword });
      if (!result.data) throw result.error ?? new Error('changePassword returned no data');
      return result.data.changePassword;
    },
    [execute],
  );
  return { change, fetching: state.fetching };
}
