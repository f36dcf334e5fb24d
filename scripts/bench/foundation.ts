import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../src/backend/app';
import { openDb } from '../../src/backend/db/open';
import { demoAdmin } from '../../src/backend/features/demo/create';
import { makeTempDir } from '../../tests/fixtures/backend';
import type { BenchContext } from '../bench';
import { sample, sampleInterleaved, summarize, type BenchRow } from './harness';

/** Foundation figures: opening the database, and the villages list through dispatch vs raw SQL. */
export async function foundationBench({ largeDataDir, resourcesDir }: BenchContext): Promise<BenchRow[]> {
  const migrationsDir = path.join(resourcesDir, 'migrations');
  const rows: BenchRow[] = [];

  const emptyDirs: string[] = [];
  const fresh = await sample(
    () => {
      const dir = makeTempDir('anjian-bench-open-');
      emptyDirs.push(dir);
      openDb({ dataDir: dir, migrationsDir }).close();
    },
    30,
    3,
  );
  for (const dir of emptyDirs) fs.rmSync(dir, { recursive: true, force: true });
  rows.push(summarize('open + migrate, empty database', fresh));

  const existing = await sample(() => openDb({ dataDir: largeDataDir, migrationsDir }).close(), 30, 3);
  rows.push(summarize('open large database (checks, no migration)', existing));

  const backend = createBackend({ dataDir: largeDataDir, resourcesDir, appVersion: 'bench' });
  const raw = new Database(path.join(largeDataDir, 'anjian.db'), { readonly: true });
  try {
    const { token } = await backend.call('auth.login', { username: demoAdmin.username, password: demoAdmin.password });
    const input = { page: 1, pageSize: 20, sortField: 'code', sortOrder: 'ascend' } as const;
    const pageQuery = raw.prepare(
      'SELECT * FROM villages WHERE deleted_at IS NULL ORDER BY code ASC, id ASC LIMIT 20 OFFSET 0',
    );
    const countQuery = raw.prepare('SELECT count(*) FROM villages WHERE deleted_at IS NULL');
    const [viaDispatch, rawRuns] = await sampleInterleaved(
      async () => {
        const result = await backend.dispatch('villages.list', input, token);
        if (!result.ok) throw new Error(result.error.message);
      },
      () => {
        pageQuery.all();
        countQuery.get();
      },
      2000,
    );
    rows.push(summarize('villages.list page of 20 via dispatch', viaDispatch, { rawMedian: summarize('', rawRuns).median }));
  } finally {
    raw.close();
    backend.close();
  }
  return rows;
}
