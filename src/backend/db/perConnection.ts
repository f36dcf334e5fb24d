import type { AppDb } from './open';

/**
 * A value made once per open database and kept as long as it is: prepared statements, or the in-memory
 * registries of jobs and imports. Keyed by the `AppDb` because dispatch gives every call its own context copy,
 * while the AppDb is the one object all calls of a backend share.
 */
export function perConnection<T>(build: (appDb: AppDb) => T): (appDb: AppDb) => T {
  const made = new WeakMap<AppDb, T>();
  return (appDb) => {
    let value = made.get(appDb);
    if (value === undefined) {
      value = build(appDb);
      made.set(appDb, value);
    }
    return value;
  };
}
