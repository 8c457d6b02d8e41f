import type { Relations } from '@huanjie/db';
import { relations } from '@huanjie/db';
import type { Role } from '@huanjie/domain';
import { isWithinAny } from '@huanjie/domain';
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { GraphQLError } from 'graphql';
import type { AuthenticatedContext, Context } from '../context.js';
import { ForbiddenError } from '../shared/errors.js';
import { globalId, parseGlobalId } from '../shared/ids.js';

export interface AuthScopes {
  /** Any signed-in user who has no pending password change. */
  session: boolean;
  /** Any signed-in user, even one who must still replace a one-time password. */
  account: boolean;
  /** A signed-in user with one of these roles. */
  roles: readonly Role[];
  /** The object's region path lies in the caller's scope. */
  inScope: string;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  AuthContexts: {
    session: AuthenticatedContext;
    account: AuthenticatedContext;
    roles: AuthenticatedContext;
  };
  DrizzleRelations: Relations;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
  };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      session: ctx.actor !== null && !ctx.passwordChangeRequired,
      account: ctx.actor !== null,
      roles: (allowed) =>
        ctx.actor !== null && !ctx.passwordChangeRequired && allowed.includes(ctx.actor.role),
      inScope: (path) => ctx.actor !== null && isWithinAny(path, ctx.actor.scopeRoots),
    }),
    // Denials are typed: UNAUTHENTICATED without a session, FORBIDDEN with one. A GraphQLError,
    // not an AppError: a field that lists ForbiddenError among its results still fails here.
    unauthorizedError: (_parent, ctx) => {
      if (ctx.actor === null) {
        return new GraphQLError('请先登录', { extensions: { code: 'UNAUTHENTICATED' } });
      }
      if (ctx.passwordChangeRequired) {
        return new GraphQLError('请先设置新密码（首次登录或密码已重置）', {
          extensions: { code: 'PASSWORD_CHANGE_REQUIRED' },
        });
      }
      return new GraphQLError(new ForbiddenError().message, { extensions: { code: 'FORBIDDEN' } });
    },
  },
  relay: {
    // node/nodes would load any object by id, around every scoped root field: left out.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: (typename, id) => globalId(typename, Number(id)),
    decodeGlobalID: (value) => {
      const parsed = parseGlobalId(value);
      if (!parsed) {
        throw new GraphQLError(`无效的编号：${value.slice(0, 40)}`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      return parsed;
    },
  },
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
  },
  errors: { defaultTypes: [] },
});

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string with time zone',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) {
      throw new GraphQLError('时间格式无效', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return date;
  },
});

// Authorization is on by default: every root field needs a session unless it opts out
// with skipTypeScopes (see PUBLIC_ROOT_FIELDS in root-fields.ts).
builder.queryType({ authScopes: { session: true } });
builder.mutationType({ authScopes: { session: true } });
builder.subscriptionType({ authScopes: { session: true } });
