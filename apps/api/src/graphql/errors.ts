import type { App, ErrorCode, Finding } from '@huanjie/domain';
import { GraphQLError } from 'graphql';

/**
 * Expected failures. Mutations return them as typed union members (the errors plugin);
 * queries raise them as GraphQL errors whose extensions.code is the same code.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface FieldIssue {
  /** Path of the input field, e.g. ["input", "username"]. */
  path: string[];
  message: string;
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super('VALIDATION', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = '无权访问该数据') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = '数据不存在或无权查看') {
    super('NOT_FOUND', message);
  }
}

export class ConflictError extends AppError {
  constructor(message = '数据已被他人修改，请刷新后重试') {
    super('CONFLICT', message);
  }
}

/** A submission refused by rule checks; carries every finding (errors and warnings). */
export class RuleViolationError extends AppError {
  constructor(
    message: string,
    readonly findings: Finding[],
  ) {
    super('VALIDATION', message);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message);
  }
}

export class WrongAppError extends AppError {
  constructor(
    message: string,
    /** The app this user should sign in to. */
    readonly expectedApp: App,
  ) {
    super('WRONG_APP', message);
  }
}

export class InvalidCredentialsError extends AppError {
  constructor() {
    super('UNAUTHENTICATED', '用户名或密码错误');
  }
}

/** For query fields: an AppError becomes a GraphQL error with a typed code. */
export function toGraphQLError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: error.code } });
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('请先登录', { extensions: { code: 'UNAUTHENTICATED' } });
}

/** For query resolvers: expected failures become typed GraphQL errors; anything else propagates. */
export function rethrowAsGraphQLError(error: unknown): never {
  throw error instanceof AppError ? toGraphQLError(error) : error;
}
