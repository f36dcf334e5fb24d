import type Database from 'better-sqlite3';
import type { AppDb } from './open';

/**
 * A value made once per open database and kept as long as it is: prepared statements, or the in-memory
 * registries of jobs and imports. Keyed by the `AppDb` because dispatch gives every call its own context copy,
 * while the AppDb is the one object all calls of a backend share. A restore swaps the connection inside the
 * same AppDb: the value is then built again (statements of the closed connection are useless) unless
 * `survivesReopen` — the jobs registry must, or the restore job itself would be forgotten mid-run.
 */
export function perConnection<T>(build: (appDb: AppDb) => T, options: { survivesReopen?: boolean } = {}): (appDb: AppDb) => T {
  const made = new WeakMap<AppDb, { value: T; sqlite: Database.Database }>();
  return (appDb) => {
    let entry = made.get(appDb);
    if (entry === undefined || (!options.survivesReopen && entry.sqlite !== appDb.sqlite)) {
      entry = { value: build(appDb), sqlite: appDb.sqlite };
      made.set(appDb, entry);
    }
    return entry.value;
  };
}
