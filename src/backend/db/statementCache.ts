import type Database from 'better-sqlite3';

/**
 * Makes `prepare` reuse compiled statements, keyed by SQL text (least recently used dropped past `size`).
 * drizzle prepares its SQL on every call; compiling a joined, filtered query costs about as much as running
 * it on an indexed page, so reuse halves the cost of the fastest calls. A cached statement is handed out with
 * its modes reset, and never while busy (an open iterator), so callers cannot tell it from a fresh one.
 */
export function installStatementCache(sqlite: Database.Database, size = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = prepare(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
    }
    return statement;
  }) as typeof sqlite.prepare;
}
