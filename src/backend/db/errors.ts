/** Why a database file was refused. The file is never modified when one of these is thrown. */
export type DbOpenErrorCode = 'DB_NEWER' | 'DB_NOT_SQLITE' | 'DB_DAMAGED' | 'DB_MIGRATION_FAILED';

export class DbOpenError extends Error {
  constructor(
    readonly code: DbOpenErrorCode,
    message: string,
    readonly filePath: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbOpenError';
  }
}
