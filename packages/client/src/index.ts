export { createClient, type CreateClientOptions } from './client.js';
export { errorCodeOf, hasErrorCode, type QueryErrorCode } from './errors.js';
export {
  graphql,
  readFragment,
  type FragmentOf,
  type ResultOf,
  type VariablesOf,
} from './graphql.js';
export {
  ChangePasswordMutation,
  useChangePassword,
  type ChangePasswordResult,
  LoginMutation,
  LogoutMutation,
  MeQuery,
  useLogin,
  useLogout,
  useMe,
  type LoginResult,
  type Me,
} from './session.js';
