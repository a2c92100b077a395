// AppError is for failures that must abort a request but are not bugs (e.g. a failed
// authorisation deep in a call chain). Codes are stable: they are used in tests, logs and i18n.
export type AppErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid_input'
  | 'conflict'
  | 'rate_limited'
  | 'csrf'
  | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export const httpStatusOf = (code: AppErrorCode): number =>
  ({
    not_found: 404,
    forbidden: 403,
    unauthenticated: 401,
    invalid_input: 400,
    conflict: 409,
    rate_limited: 429,
    csrf: 403,
    unavailable: 503,
  })[code];
