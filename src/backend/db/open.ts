import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DbOpenError } from './errors';
import { registerBigramFunction } from './bigramSearch';
import { applyMigrations, isWrittenByNewerApp, loadMigrations } from './migrate';
import { installStatementCache } from './statementCache';
import * as schema from './schema';

export const dbFileName = 'anjian.db';
const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

export type Drizzle = BetterSQLite3Database<typeof schema>;

export interface OpenDbOptions {
  /** Folder holding the database (created if missing). The shell passes app.getPath('userData'). */
  dataDir: string;
  /** drizzle-kit output folder (`resources/migrations`). */
  migrationsDir: string;
  /** Path of a better_sqlite3.node built for the running ABI (Electron's differs from Node's). */
  nativeBinding?: string;
}

export interface AppDb {
  sqlite: Database.Database;
  db: Drizzle;
  file: string;
  schemaVersion: number;
  /** Migrations applied while opening (0 when the database was current). */
  migrationsApplied: number;
  /** How it was opened, so a second connection (a backup's snapshot reader) or a reopen after a restore match it. */
  options: OpenDbOptions;
  close(): void;
}

/**
 * Opens (or creates) the app database, refusing — without writing a byte — any file that is not SQLite,
 * is damaged, or was written by a newer version of the app; then applies pending migrations atomically.
 */
export function openDb(options: OpenDbOptions): AppDb {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, dbFileName);
  const plan = loadMigrations(options.migrationsDir);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (existed) assertSqliteHeader(file);

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { nativeBinding: options.nativeBinding });
  } catch (error) {
    throw new DbOpenError('DB_DAMAGED', `无法打开数据库文件（${file}）：文件可能已损坏。`, file, { cause: error });
  }

  try {
    if (existed) assertHealthy(sqlite, file);
    if (existed && isWrittenByNewerApp(sqlite, plan)) {
      throw new DbOpenError(
        'DB_NEWER',
        `数据库（${file}）由更新版本的安监台账创建，当前版本无法打开。请安装最新版本后再试，数据未做任何改动。`,
        file,
      );
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    registerBigramFunction(sqlite);
    let migrationsApplied: number;
    try {
      migrationsApplied = applyMigrations(sqlite, plan);
    } catch (error) {
      throw new DbOpenError('DB_MIGRATION_FAILED', `数据库升级失败，已回滚，数据未改动：${(error as Error).message}`, file, {
        cause: error,
      });
    }
    installStatementCache(sqlite);
    const db = drizzle(sqlite, { schema });
    return {
      sqlite,
      db,
      file,
      schemaVersion: plan.schemaVersion,
      migrationsApplied,
      options,
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function assertSqliteHeader(file: string): void {
  const header = Buffer.alloc(sqliteHeader.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(sqliteHeader)) {
    throw new DbOpenError('DB_NOT_SQLITE', `文件（${file}）不是安监台账的数据库，已拒绝打开，文件未做任何改动。`, file);
  }
}

function assertHealthy(sqlite: Database.Database, file: string): void {
  let result: unknown;
  try {
    result = sqlite.pragma('quick_check', { simple: true });
  } catch (error) {
    throw new DbOpenError('DB_DAMAGED', `数据库（${file}）已损坏，已拒绝打开，文件未做任何改动。请从备份恢复。`, file, {
      cause: error,
    });
  }
  if (result !== 'ok') {
    throw new DbOpenError(
      'DB_DAMAGED',
      `数据库（${file}）完整性检查未通过（${String(result)}），已拒绝打开，文件未做任何改动。请从备份恢复。`,
      file,
    );
  }
}
