import { createBackend } from '../../src/backend/app';
import { demoAdmin } from '../../src/backend/features/demo/create';
import type { ApiName, In } from '../../src/shared/api';
import type { BenchContext } from '../bench';
import { sample, summarize, type BenchRow } from './harness';

/**
 * The tank registry at 虎门 scale (about 5,000 tanks, 1,000 idle sites): list pages under filters, and the
 * summary as of today and as of an earlier date (which reads each tank's status history).
 */
export async function tanksBench({ largeDataDir, resourcesDir }: BenchContext): Promise<BenchRow[]> {
  const backend = createBackend({ dataDir: largeDataDir, resourcesDir, appVersion: 'bench' });
  try {
    const { token } = await backend.call('auth.login', { username: demoAdmin.username, password: demoAdmin.password });
    const [village] = await backend.call('villages.options', {}, token);
    const rows: BenchRow[] = [];
    const measure = async <N extends ApiName>(name: string, method: N, input: In<N>, targetMs: number) => {
      const durations = await sample(async () => {
        const result = await backend.dispatch(method, input, token);
        if (!result.ok) throw new Error(result.error.message);
      }, 300);
      const row = summarize(name, durations, { target: `p95 < ${targetMs} ms` });
      row.met = row.p95 < targetMs;
      rows.push(row);
    };
    await measure('tanks.list p.1 of 50, default (ledger) order', 'tanks.list', { pageSize: 50 }, 30);
    await measure('tanks.list p.1 of 50, category + village', 'tanks.list', { pageSize: 50, category: '危化品企业储罐', villageId: village.id }, 30);
    await measure('tanks.list p.1 of 50, 无专人盯靠, by code', 'tanks.list', { pageSize: 50, hasResponsible: false, sortField: 'code', sortOrder: 'ascend' }, 30);
    await measure('tanks.list search 甲醇', 'tanks.list', { pageSize: 50, q: '甲醇' }, 30);
    await measure('tanks.summary, whole town, today', 'tanks.summary', {}, 50);
    await measure('tanks.summary, one village, as of 2026-06-30', 'tanks.summary', { villageId: village.id, asOf: '2026-06-30' }, 50);
    // A date before the latest status change: every tank's status is read from its history.
    const { changedOn } = backend.ctx.appDb.sqlite.prepare('SELECT max(changed_on) AS changedOn FROM tank_status_changes').get() as { changedOn: string };
    const dayBefore = new Date(Date.parse(`${changedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await measure(`tanks.summary, whole town, as of ${dayBefore} (from history)`, 'tanks.summary', { asOf: dayBefore }, 50);
    return rows;
  } finally {
    backend.close();
  }
}
