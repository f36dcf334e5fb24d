import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { installStatementCache } from './statementCache';

function database() {
  const sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES (\'a\'), (\'b\'), (\'c\')');
  installStatementCache(sqlite, 2);
  return sqlite;
}

describe('statement cache', () => {
  it('reuses a statement for the same SQL, with raw/pluck modes reset', () => {
    const sqlite = database();
    const first = sqlite.prepare('SELECT id, name FROM t ORDER BY id');
    expect(first.pluck().all()).toEqual([1, 2, 3]);
    const second = sqlite.prepare('SELECT id, name FROM t ORDER BY id');
    expect(second).toBe(first);
    expect(second.all()).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }]);
    expect(sqlite.prepare('SELECT id, name FROM t ORDER BY id').raw().all()).toEqual([[1, 'a'], [2, 'b'], [3, 'c']]);
    expect(sqlite.prepare('SELECT id, name FROM t ORDER BY id').get()).toEqual({ id: 1, name: 'a' });
  });

  it('hands out a fresh statement while the cached one is iterating', () => {
    const sqlite = database();
    const source = 'SELECT name FROM t ORDER BY id';
    const outer = sqlite.prepare(source);
    const seen: string[] = [];
    for (const row of outer.iterate() as Iterable<{ name: string }>) {
      const inner = sqlite.prepare(source);
      expect(inner).not.toBe(outer);
      seen.push(`${row.name}${(inner.all() as { name: string }[]).length}`);
    }
    expect(seen).toEqual(['a3', 'b3', 'c3']);
  });

  it('keeps only the most recently used statements', () => {
    const sqlite = database();
    const a = sqlite.prepare('SELECT 1');
    sqlite.prepare('SELECT 2');
    sqlite.prepare('SELECT 3');
    expect(sqlite.prepare('SELECT 1')).not.toBe(a);
    const write = sqlite.prepare('INSERT INTO t (name) VALUES (?)');
    write.run('d');
    expect(sqlite.prepare('INSERT INTO t (name) VALUES (?)')).toBe(write);
  });
});
