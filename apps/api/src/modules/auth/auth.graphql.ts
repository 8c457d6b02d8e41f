import { ROLES, ROLE_INFO } from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { AppEnum } from '../../graphql/error-types.js';
import {
  InvalidCredentialsError,
  RateLimitedError,
  ValidationError,
  WrongAppError,
} from '../../shared/errors.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import * as auth from './auth.service.js';

export const RoleEnum = builder.enumType('Role', { values: ROLES });

export const User = builder.drizzleNode('users', {
  name: 'User',
  id: { column: (u) => u.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: RoleEnum, select: { columns: { role: true } }, resolve: (u) => u.role }),
    roleLabel: t.string({
      select: { columns: { role: true } },
      resolve: (u) => ROLE_INFO[u.role].label.zh,
    }),
    mustChangePassword: t.boolean({
      description:
        'Signed in with a one-time password: a new password must be set before anything else',
      select: { columns: { mustChangePassword: true } },
      resolve: (u) => u.mustChangePassword,
    }),
    homeRegion: t.field({
      type: RegionCrumb,
      description: 'The region the user belongs to (it may lie outside what they can browse)',
      select: { with: { region: { columns: { id: true, name: true, level: true } } } },
      resolve: (u) => u.region,
    }),
  }),
});

const LoginSuccess = builder.objectRef<auth.LoginResult>('LoginSuccess').implement({
  fields: (t) => ({
    token: t.exposeString('token', {
      description: 'A bearer token for scripts; browsers also receive it as an httpOnly cookie',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.drizzleField({
      type: 'users',
      resolve: (query, result, _args, ctx) => auth.user(ctx, query(), result.userId),
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.withAuth({ account: true }).drizzleField({
    type: 'users',
    description: 'The signed-in user (also while a one-time password waits to be changed)',
    skipTypeScopes: true,
    resolve: (query, _root, _args, ctx) => auth.me(ctx, query()),
  }),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginSuccess,
    description: 'Signs in to one of the three apps; the role must belong to that app',
    skipTypeScopes: true,
    errors: {
      types: [ValidationError, InvalidCredentialsError, RateLimitedError, WrongAppError],
      directResult: true,
    },
    args: {
      username: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
      app: t.arg({ type: AppEnum, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await auth.login(ctx, args);
      await ctx.adoptSession(result.token, args.app);
      return result;
    },
  }),
  logout: t.withAuth({ account: true }).boolean({
    skipTypeScopes: true,
    description: 'Ends the current session; its token stops working at once',
    resolve: async (_root, _args, ctx) => {
      await auth.logout(ctx);
      return true;
    },
  }),
  logoutEverywhere: t.withAuth({ account: true }).int({
    skipTypeScopes: true,
    description:
      'Ends every session of the signed-in user, in every app and on every device (this one too); returns how many ended',
    resolve: (_root, _args, ctx) => auth.logoutEverywhere(ctx),
  }),
}));
