import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

/** drizzle-kit's bookkeeping table; we keep its format so drizzle-kit's own tooling agrees with us. */
const migrationsTable = '__drizzle_migrations';

export interface MigrationPlan {
  migrations: ReturnType<typeof readMigrationFiles>;
  /** The schema version this build of the app writes: the number of migrations it ships. */
  schemaVersion: number;
}

export function loadMigrations(migrationsDir: string): MigrationPlan {
  const migrations = readMigrationFiles({ migrationsFolder: migrationsDir });
  return { migrations, schemaVersion: migrations.length };
}

/**
 * Tells whether the database was written by a newer app: its recorded schema version, or the migrations it
 * has applied, go beyond what this build knows. Read-only.
 */
export function isWrittenByNewerApp(sqlite: Database.Database, plan: MigrationPlan): boolean {
  const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
  if (userVersion > plan.schemaVersion) return true;
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(migrationsTable);
  if (!hasTable) return false;
  const known = new Set(plan.migrations.map((migration) => migration.hash));
  const applied = sqlite.prepare(`SELECT hash, created_at AS createdAt FROM ${migrationsTable}`).all() as {
    hash: string;
    createdAt: number;
  }[];
  const latestKnown = plan.migrations.at(-1)?.folderMillis ?? 0;
  return applied.some((row) => !known.has(row.hash) && Number(row.createdAt) > latestKnown);
}

/**
 * Applies every pending migration and records the schema version, all in one transaction: a failure
 * leaves the database exactly as it was.
 */
export function applyMigrations(sqlite: Database.Database, plan: MigrationPlan): number {
  let applied = 0;
  sqlite.transaction(() => {
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS ${migrationsTable} (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, created_at NUMERIC)`,
    );
    const last = sqlite.prepare(`SELECT created_at AS createdAt FROM ${migrationsTable} ORDER BY created_at DESC LIMIT 1`).get() as
      | { createdAt: number }
      | undefined;
    const record = sqlite.prepare(`INSERT INTO ${migrationsTable} (hash, created_at) VALUES (?, ?)`);
    for (const migration of plan.migrations) {
      if (last && Number(last.createdAt) >= migration.folderMillis) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) sqlite.exec(statement);
      }
      record.run(migration.hash, migration.folderMillis);
      applied += 1;
    }
    sqlite.pragma(`user_version = ${plan.schemaVersion}`);
  })();
  return applied;
}
