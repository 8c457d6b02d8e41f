import type { App, ErrorCode, Finding } from '@huanjie/domain';

/**
 * Expected failures, thrown by services. Mutations return them as typed union members (the errors
 * plugin, for the types a field lists); anywhere else they reach the client as a GraphQL error
 * whose extensions.code is the same code. This class is the one place that mapping happens:
 * graphql-js copies the `extensions` of whatever a resolver throws into the error it reports, over
 * HTTP and WebSocket alike, and formatError (graphql/format-error.ts) lets the code through.
 */
export class AppError extends Error {
  readonly extensions: { code: ErrorCode };

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
    this.extensions = { code };
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
