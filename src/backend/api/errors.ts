import { ErrorCode, type ApiError } from '../../shared/api/errors';

/** An expected failure a handler reports to the caller; the message is Chinese and shown as-is. */
export class AppError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.fieldErrors
      ? { code: this.code, message: this.message, fieldErrors: this.fieldErrors }
      : { code: this.code, message: this.message };
  }
}

export function notFound(what: string): AppError {
  return new AppError(ErrorCode.NotFound, `${what}不存在或已被删除`);
}

/** A uniqueness clash; when `field` is given the form shows the message under that field. */
export function conflict(message: string, field?: string): AppError {
  return new AppError(ErrorCode.Conflict, message, field ? { [field]: message } : undefined);
}

export function invalid(message: string, field?: string): AppError {
  return new AppError(ErrorCode.InvalidInput, message, field ? { [field]: message } : undefined);
}

/** True for SQLite's UNIQUE constraint failure (better-sqlite3 puts the extended code on `code`). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}
