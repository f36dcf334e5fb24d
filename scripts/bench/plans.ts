import { createBackend } from '../../src/backend/app';
import { localToday } from '../../src/backend/api/context';
import { demoAdmin } from '../../src/backend/features/demo/create';
import type { ApiName, In } from '../../src/shared/api';
import type { BenchContext } from '../bench';
import { sample, summarize, type BenchRow } from './harness';

/**
 * Emergency plans and drills at 虎门 scale. The plans issue names no speed figure; these are figures to watch,
 * because plan due dates are computed on every read (they depend on today and the holiday calendar) rather
 * than stored: the register's first page, its 已逾期 filter, the reminders and a year's drill totals.
 */
export async function plansBench({ largeDataDir, resourcesDir }: BenchContext): Promise<BenchRow[]> {
  const backend = createBackend({ dataDir: largeDataDir, resourcesDir, appVersion: 'bench' });
  try {
    const { token } = await backend.call('auth.login', { username: demoAdmin.username, password: demoAdmin.password });
    const today = localToday(backend.ctx);
    const rows: BenchRow[] = [];
    const measure = async <N extends ApiName>(name: string, method: N, input: In<N>) => {
      const durations = await sample(async () => {
        const result = await backend.dispatch(method, input, token);
        if (!result.ok) throw new Error(result.error.message);
      }, 50);
      rows.push(summarize(name, durations, {}));
    };
    const { total } = await backend.call('plans.list', { pageSize: 1 }, token);
    const drills = await backend.call('drills.list', { pageSize: 1 }, token);
    const reminders = await backend.call('plans.reminders', {}, token);
    await measure(`plans.list p.1 of 50, default order (${total} plans)`, 'plans.list', { pageSize: 50 });
    await measure('plans.list p.1 of 50, 已逾期 sorted by next drill', 'plans.list', { pageSize: 50, due: 'overdue', sortField: 'nextDrill', sortOrder: 'ascend' });
    await measure(`plans.reminders 30 days (${reminders.items.length} items)`, 'plans.reminders', { days: 30 });
    const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    await measure(`drills.summary ${from} to ${today} (${drills.total} drills in all)`, 'drills.summary', { from, to: today });
    await measure('drills.list p.1 of 50, default order', 'drills.list', { pageSize: 50 });
    return rows;
  } finally {
    backend.close();
  }
}
