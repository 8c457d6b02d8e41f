import { APPS, ERROR_CODES } from '@huanjie/domain';
import type { AppError } from '../shared/errors.js';
import type { Finding } from '@huanjie/domain';
import {
  ConflictError,
  ForbiddenError,
  RuleViolationError,
  InvalidCredentialsError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  WrongAppError,
} from '../shared/errors.js';
import type { FieldIssue } from '../shared/errors.js';
import { builder } from './builder.js';

export const AppEnum = builder.enumType('App', { values: APPS });

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
  [ConflictError, 'ConflictError'],
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
  fields: (t) => ({ expectedApp: t.field({ type: AppEnum, resolve: (e) => e.expectedApp }) }),
});

export const FindingSeverityEnum = builder.enumType('FindingSeverity', {
  values: ['error', 'warning'] as const,
});

/** A rule check's result: the rule, its legal basis, and what is wrong. */
export const RuleFinding = builder.objectRef<Finding>('RuleFinding').implement({
  fields: (t) => ({
    severity: t.field({ type: FindingSeverityEnum, resolve: (f) => f.severity }),
    rule: t.exposeString('rule'),
    citation: t.exposeString('citation'),
    message: t.exposeString('message'),
    path: t.stringList({ nullable: true, resolve: (f) => f.path ?? null }),
  }),
});

builder.objectType(RuleViolationError, {
  name: 'RuleViolationError',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof RuleViolationError,
  fields: (t) => ({ findings: t.field({ type: [RuleFinding], resolve: (e) => e.findings }) }),
});

/** The expected failures most mutations list in their `errors` option. */
export const MUTATION_ERRORS = [
  ValidationError,
  RuleViolationError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
];
