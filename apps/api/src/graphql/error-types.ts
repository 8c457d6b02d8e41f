import { ERROR_CODES } from '@huanjie/domain';
import type { AppError } from './errors.js';
import {
  ForbiddenError,
  InvalidCredentialsError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  WrongAppError,
} from './errors.js';
import type { FieldIssue } from './errors.js';
import { builder } from './builder.js';

export const ErrorCodeEnum = builder.enumType('ErrorCode', { values: ERROR_CODES });

const ErrorInterface = builder.interfaceRef<AppError>('Error').implement({
  description: 'An expected failure; clients switch on __typename or code, never on the message',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    message: t.exposeString('message'),
  }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>('FieldIssue').implement({
  fields: (t) => ({
    path: t.exposeStringList('path'),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ValidationError,
  fields: (t) => ({ issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }) }),
});

for (const [cls, name] of [
  [ForbiddenError, 'ForbiddenError'],
  [NotFoundError, 'NotFoundError'],
  [InvalidCredentialsError, 'InvalidCredentialsError'],
] as const) {
  builder.objectType(cls, {
    name,
    interfaces: [ErrorInterface],
    isTypeOf: (e) => e instanceof cls,
    fields: () => ({}),
  });
}

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof RateLimitedError,
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});

builder.objectType(WrongAppError, {
  name: 'WrongAppError',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof WrongAppError,
  fields: (t) => ({ expectedApp: t.exposeString('expectedApp') }),
});
