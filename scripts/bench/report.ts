import { createBackend } from '../../src/backend/app';
import { localToday } from '../../src/backend/api/context';
import { demoAdmin } from '../../src/backend/features/demo/create';
import type { In } from '../../src/shared/api';
import type { BenchContext } from '../bench';
import { sample, summarize, type BenchRow } from './harness';

/**
 * 工作汇报 at 虎门 scale: `report.generate` through the dispatch for the whole town, for the year holding the
 * demo's records (the large demo is generated relative to the real clock, so the current year), p95 under 2 s,
 * and for the current quarter (no target), and the workbench's summary (no target). Each report computes every figure three times (the period, the one
 * before and the same one last year), the per-village table and the monthly counts.
 */
export async function reportBench({ largeDataDir, resourcesDir }: BenchContext): Promise<BenchRow[]> {
  const backend = createBackend({ dataDir: largeDataDir, resourcesDir, appVersion: 'bench' });
  try {
    const { token } = await backend.call('auth.login', { username: demoAdmin.username, password: demoAdmin.password });
    const today = localToday(backend.ctx);
    const year = Number(today.slice(0, 4));
    const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
    const rows: BenchRow[] = [];
    const measure = async (name: string, input: In<'report.generate'>, targetMs?: number) => {
      // The figures must be non-zero, or the timing says nothing about the real work.
      const report = await backend.call('report.generate', input, token);
      const value = (key: string) => report.figures.find((figure) => figure.key === key)?.value ?? 0;
      for (const key of ['inspections', 'hazardsFound', 'tanksTotal', 'filingsTotal', 'drills']) {
        if (!value(key)) throw new Error(`report bench: ${name} has ${key} = ${value(key)}; the demo's records lie elsewhere`);
      }
      const durations = await sample(async () => {
        const result = await backend.dispatch('report.generate', input, token);
        if (!result.ok) throw new Error(result.error.message);
      }, 5, 1);
      const label = `${name} (${value('inspections')} inspections, ${value('hazardsFound')} hazards)`;
      const row = summarize(label, durations, targetMs === undefined ? {} : { target: `p95 < ${targetMs} ms` });
      if (targetMs !== undefined) row.met = row.p95 < targetMs;
      rows.push(row);
    };
    await measure(`report.generate ${year}年, whole town`, { kind: 'year', year }, 2000);
    await measure(`report.generate ${year} Q${quarter}, whole town`, { kind: 'quarter', year, index: quarter });
    // The home page opens on every start: no target in the issue, measured so a slow one shows.
    const durations = await sample(async () => {
      const result = await backend.dispatch('workbench.summary', {}, token);
      if (!result.ok) throw new Error(result.error.message);
    }, 5, 1);
    rows.push(summarize('workbench.summary (the home page), whole town', durations, {}));
    return rows;
  } finally {
    backend.close();
  }
}
