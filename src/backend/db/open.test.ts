import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, migrationsDir } from '../../../tests/fixtures/backend';
import { DbOpenError } from './errors';
import { loadMigrations } from './migrate';
import { dbFileName, openDb } from './open';

const dirs: string[] = [];
function tempDir(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function expectRefused(dataDir: string, code: DbOpenError['code']): void {
  let caught: unknown;
  try {
    openDb({ dataDir, migrationsDir }).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DbOpenError);
  expect((caught as DbOpenError).code).toBe(code);
  expect((caught as DbOpenError).message).toMatch(/[\u4e00-\u9fa5]/);
}

describe('openDb', () => {
  it('creates a database from empty with every migration, the pragmas and the schema version', () => {
    const dataDir = tempDir();
    const appDb = openDb({ dataDir, migrationsDir });
    const { schemaVersion } = loadMigrations(migrationsDir);
    expect(schemaVersion).toBeGreaterThan(0);
    expect(appDb.migrationsApplied).toBe(schemaVersion);
    expect(appDb.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(appDb.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(appDb.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(appDb.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(appDb.sqlite.pragma('user_version', { simple: true })).toBe(schemaVersion);
    const tables = appDb.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['villages', 'settings', '__drizzle_migrations']));
    appDb.close();

    const reopened = openDb({ dataDir, migrationsDir });
    expect(reopened.migrationsApplied).toBe(0);
    reopened.close();
  });

  it('refuses a database written by a newer app and leaves it byte-for-byte unchanged', () => {
    const dataDir = tempDir();
    openDb({ dataDir, migrationsDir }).close();
    const file = path.join(dataDir, dbFileName);
    const raw = new Database(file);
    raw.pragma(`user_version = ${loadMigrations(migrationsDir).schemaVersion + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = fs.readFileSync(file);
    expectRefused(dataDir, 'DB_NEWER');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database holding a migration this build does not know, even with an old user_version', () => {
    const dataDir = tempDir();
    openDb({ dataDir, migrationsDir }).close();
    const raw = new Database(path.join(dataDir, dbFileName));
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 1e9);
    raw.pragma('user_version = 1');
    raw.close();
    expectRefused(dataDir, 'DB_NEWER');
  });

  it('refuses a file that is not SQLite and leaves it unchanged', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, dbFileName);
    const garbage = Buffer.from('这不是数据库，只是一个文本文件。'.repeat(200));
    fs.writeFileSync(file, garbage);
    expectRefused(dataDir, 'DB_NOT_SQLITE');
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    expect(fs.readdirSync(dataDir)).toEqual([dbFileName]);
  });

  it('refuses a damaged SQLite file and leaves it unchanged', () => {
    const dataDir = tempDir();
    const appDb = openDb({ dataDir, migrationsDir });
    const insert = appDb.sqlite.prepare(
      "INSERT INTO villages (name, kind, created_at, updated_at) VALUES (?, '村', '2026-01-01', '2026-01-01')",
    );
    for (let i = 0; i < 400; i += 1) insert.run(`测试村${i}`.padEnd(60, '长'));
    appDb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    appDb.sqlite.pragma('journal_mode = DELETE');
    appDb.close();
    const file = path.join(dataDir, dbFileName);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the middle of the file, past the header page: b-tree pages become garbage.
    bytes.fill(0xa5, pageSize * 3, pageSize * 6);
    fs.writeFileSync(file, bytes);
    expectRefused(dataDir, 'DB_DAMAGED');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('ships migrations whose journal times only grow', () => {
    // applyMigrations skips every migration not newer than the last one applied, so a migration whose `when`
    // is not after its predecessor's (drizzle-kit stamps the wall clock; 0010 was stamped ahead) would never
    // reach an existing database.
    const times = loadMigrations(migrationsDir).migrations.map((migration) => migration.folderMillis);
    expect(times.every((time, i) => i === 0 || time > times[i - 1])).toBe(true);
  });

  it('upgrades a database written by an older build (fewer migrations), keeping its rows', () => {
    const dataDir = tempDir();
    const olderDir = tempDir();
    fs.cpSync(migrationsDir, olderDir, { recursive: true });
    const journalFile = path.join(olderDir, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    journal.entries = journal.entries.slice(0, 1);
    fs.writeFileSync(journalFile, JSON.stringify(journal));

    const older = openDb({ dataDir, migrationsDir: olderDir });
    expect(older.schemaVersion).toBe(1);
    older.sqlite
      .prepare("INSERT INTO villages (name, kind, created_at, updated_at) VALUES ('东山村', '村', '2025-01-01', '2025-01-01')")
      .run();
    older.close();

    const current = openDb({ dataDir, migrationsDir });
    const { schemaVersion } = loadMigrations(migrationsDir);
    expect(current.migrationsApplied).toBe(schemaVersion - 1);
    expect(current.sqlite.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(current.sqlite.prepare('SELECT name FROM villages').pluck().all()).toEqual(['东山村']);
    const tables = current.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['enterprises', 'users', 'audit_log', 'enterprises_fts']));
    current.close();
  });

  it('rolls every migration back when one fails', () => {
    const dataDir = tempDir();
    const brokenDir = tempDir();
    fs.cpSync(migrationsDir, brokenDir, { recursive: true });
    const journalFile = path.join(brokenDir, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_broken' });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(path.join(brokenDir, '9999_broken.sql'), 'CREATE TABLE ok_table (id integer);\n--> statement-breakpoint\nTHIS IS NOT SQL;');

    expect(() => openDb({ dataDir, migrationsDir: brokenDir })).toThrow(DbOpenError);
    const raw = new Database(path.join(dataDir, dbFileName), { readonly: true });
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    raw.close();
    expect(tables).not.toContain('villages');
    expect(tables).not.toContain('ok_table');
  });
});
