/**
 * Error codes every API call can return. The renderer switches on `code`;
 * `message` is always Simplified Chinese and safe to show to staff.
 */
export const ErrorCode = {
  UnknownMethod: 'UNKNOWN_METHOD',
  InvalidInput: 'INVALID_INPUT',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A failed call. `fieldErrors` maps a dotted input path (e.g. `name`) to the message shown under that field. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string>;
}

/** What every transport (IPC, HTTP, in-process) returns for every call. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };
