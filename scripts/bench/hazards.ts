import { createBackend } from '../../src/backend/app';
import { localToday } from '../../src/backend/api/context';
import { demoAdmin } from '../../src/backend/features/demo/create';
import type { ApiName, In } from '../../src/shared/api';
import { addDays } from '../../src/shared/domain/holidays';
import type { BenchContext } from '../bench';
import { sample, summarize, type BenchRow } from './harness';

/**
 * 隐患排查治理 at 虎门 scale (about 300,000 hazards over the year ending today), issue 8 part 10: the hazard list
 * with filters, p95 under 30 ms (each row is a first page of 50 and its total, as the list page asks), and the
 * statistics for a year, under 200 ms, for the whole town and for one village.
 */
export async function hazardsBench({ largeDataDir, resourcesDir }: BenchContext): Promise<BenchRow[]> {
  const backend = createBackend({ dataDir: largeDataDir, resourcesDir, appVersion: 'bench' });
  try {
    const { token } = await backend.call('auth.login', { username: demoAdmin.username, password: demoAdmin.password });
    const villages = await backend.call('villages.options', {}, token);
    // The busiest village (the industrial-park community), where a filter narrows least.
    const counts = backend.ctx.appDb.sqlite
      .prepare('SELECT village_id AS id, count(*) AS n FROM enterprises WHERE deleted_at IS NULL GROUP BY village_id ORDER BY n DESC')
      .all() as { id: number; n: number }[];
    const village = villages.find((option) => option.id === counts[0].id) ?? villages[0];
    const today = localToday(backend.ctx);
    const yearAgo = addDays(today, -364);
    const quarterAgo = addDays(today, -90);
    const rows: BenchRow[] = [];
    const measure = async <N extends ApiName>(name: string, method: N, input: In<N>, targetMs: number) => {
      const durations = await sample(async () => {
        const result = await backend.dispatch(method, input, token);
        if (!result.ok) throw new Error(result.error.message);
      }, 100);
      const row = summarize(name, durations, { target: `p95 < ${targetMs} ms` });
      row.met = row.p95 < targetMs;
      rows.push(row);
    };
    const list = async (label: string, filters: In<'hazards.list'>) => {
      const { total } = await backend.call('hazards.list', { ...filters, pageSize: 1 }, token);
      await measure(`hazards.list p.1 of 50, ${label} (${total})`, 'hazards.list', { ...filters, pageSize: 50 }, 30);
    };

    const { total } = await backend.call('hazards.list', { pageSize: 1 }, token);
    await list(`default order, of ${total} hazards`, {});
    await list('level 重大', { level: '重大' });
    await list(`status 整改中, village ${village.name}`, { status: '整改中', villageId: village.id });
    await list(`status 已销号, village ${village.name}`, { status: '已销号', villageId: village.id });
    await list('overdue', { overdue: true });
    await list('search 配电箱', { q: '配电箱' });
    await list('search 灭火', { q: '灭火' });
    await list(`search 灭火, village ${village.name}`, { q: '灭火', villageId: village.id });
    await list(`industry 化工, ${quarterAgo} to ${today}`, { industry: '化工', from: quarterAgo, to: today });
    await measure(`hazards.statistics ${yearAgo} to ${today}, whole town`, 'hazards.statistics', { from: yearAgo, to: today }, 200);
    await measure(`hazards.statistics ${yearAgo} to ${today}, village ${village.name}`, 'hazards.statistics', { from: yearAgo, to: today, villageId: village.id }, 200);
    return rows;
  } finally {
    backend.close();
  }
}
