import { createBackend } from '../../src/backend/app';
import { localToday } from '../../src/backend/api/context';
import { demoAdmin } from '../../src/backend/features/demo/create';
import type { ApiName, In } from '../../src/shared/api';
import { addDays } from '../../src/shared/domain/holidays';
import type { BenchContext } from '../bench';
import { sample, summarize, type BenchRow } from './harness';

/**
 * Special-work filings at 虎门 scale (about 50,000 filings over the year ending a few days after today): today's
 * board (part 9 of the filings issue: under 50 ms), the register's first page in its default order, searched and
 * filtered by village, and the calendar for the last whole month. Only the board has a target; the others are
 * figures to watch.
 */
export async function filingsBench({ largeDataDir, resourcesDir }: BenchContext): Promise<BenchRow[]> {
  const backend = createBackend({ dataDir: largeDataDir, resourcesDir, appVersion: 'bench' });
  try {
    const { token } = await backend.call('auth.login', { username: demoAdmin.username, password: demoAdmin.password });
    const [village] = await backend.call('villages.options', {}, token);
    const today = localToday(backend.ctx);
    const rows: BenchRow[] = [];
    const measure = async <N extends ApiName>(name: string, method: N, input: In<N>, targetMs?: number) => {
      const durations = await sample(async () => {
        const result = await backend.dispatch(method, input, token);
        if (!result.ok) throw new Error(result.error.message);
      }, 200);
      const row = summarize(name, durations, targetMs === undefined ? {} : { target: `p95 < ${targetMs} ms` });
      if (targetMs !== undefined) row.met = row.p95 < targetMs;
      rows.push(row);
    };

    const board = await backend.call('filings.board', {}, token);
    const { total } = await backend.call('filings.list', { pageSize: 1 }, token);
    await measure(
      `filings.board, today (${board.today.items.length} + ${board.tomorrow.items.length} tomorrow, ${board.pastWindow.length + board.unapprovedStarted.length} flagged; ${total} filings)`,
      'filings.board',
      {},
      50,
    );
    await measure('filings.list p.1 of 50, default order (planned start)', 'filings.list', { pageSize: 50 });
    await measure('filings.list p.1 of 50, search 焊接', 'filings.list', { pageSize: 50, q: '焊接' });
    await measure(`filings.list p.1 of 50, village ${village.name}`, 'filings.list', { pageSize: 50, villageId: village.id });
    // The last whole month: every day of it has its works (the current one has only days up to a few after today).
    const to = addDays(`${today.slice(0, 7)}-01`, -1);
    const from = `${to.slice(0, 7)}-01`;
    const month = await backend.call('filings.calendar', { from, to }, token);
    await measure(`filings.calendar ${from.slice(0, 7)} (${month.length} rows)`, 'filings.calendar', { from, to });
    return rows;
  } finally {
    backend.close();
  }
}
