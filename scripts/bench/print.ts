import { demoAdmin } from '../../src/backend/features/demo/create';
import type { In } from '../../src/shared/api';
import { industries, riskLevels } from '../../src/shared/domain/enterprise';
import type { WebHost } from '../../tests/fixtures/web-host';
import type { BenchContext } from '../bench';
import { openBrowserBench } from './browserBench';
import { summarize, type BenchRow } from './harness';

type Filters = In<'enterprises.list'>;

const runs = 3;
const wanted = { min: 4_500, max: 6_000, ideal: 5_000 };

/** A row that says why the figure is missing, without failing the bench (no `met`). */
function skipped(reason: string): BenchRow {
  return { name: `print 5,000-row ledger to PDF — skipped: ${reason}`, runs: 0, median: Number.NaN, p95: Number.NaN };
}

/** The single-value filter whose row count is closest to 5,000 (a village, an industry or a risk level). */
async function pickFilter(host: WebHost, session: string): Promise<{ filters: Filters; total: number } | null> {
  const villages = await host.call('villages.options', {}, session);
  const candidates: Filters[] = [
    ...villages.map((village) => ({ villageId: village.id })),
    ...industries.map((industry) => ({ industry })),
    ...riskLevels.map((riskLevel) => ({ riskLevel })),
  ];
  let best: { filters: Filters; total: number } | null = null;
  for (const filters of candidates) {
    const { total } = await host.call('enterprises.list', { ...filters, pageSize: 1 }, session);
    if (total < wanted.min || total > wanted.max) continue;
    if (!best || Math.abs(total - wanted.ideal) < Math.abs(best.total - wanted.ideal)) best = { filters, total };
  }
  return best;
}

/**
 * Prints a ~5,000-row enterprise ledger to PDF the way the e2e test does: the web host on a copy of the large
 * demo database (the suites share the original), Chromium logged in through the login form, then timed from
 * navigating to the print route until page.pdf() returns.
 */
export async function printBench(context: BenchContext): Promise<BenchRow[]> {
  const bench = await openBrowserBench(context, 'anjian-bench-print-');
  if ('skipped' in bench) return [skipped(bench.skipped)];
  const { host, browser } = bench;
  try {
    const session = await host.login(demoAdmin.username, demoAdmin.password);
    const choice = await pickFilter(host, session);
    if (!choice) return [skipped(`no single filter gives ${wanted.min}–${wanted.max} rows`)];

    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 820 } });
    await page.goto(host.loginUrl);
    await page.getByLabel('用户名').fill(demoAdmin.username);
    await page.getByLabel('密码').fill(demoAdmin.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('.ant-layout-header').waitFor();

    const query = new URLSearchParams(Object.entries(choice.filters).map(([key, value]): [string, string] => [key, String(value)])).toString();
    const url = `${host.origin}/#/print/enterprises?${query}`;
    const durations: number[] = [];
    let pages = 0;
    for (let i = 0; i < runs; i += 1) {
      // Leave the app first so each run loads the page, fetches the ledger and lays it out from scratch.
      await page.goto('about:blank');
      const started = performance.now();
      await page.goto(url);
      await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      durations.push(performance.now() - started);
      // Page objects, not the /Pages tree nodes (Skia nests those, so one /Count is not the total).
      pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
    }
    durations.sort((a, b) => a - b);
    const row = summarize(`print ${choice.total.toLocaleString('en-US')}-row enterprise ledger to PDF (${pages} pages)`, durations, {
      target: '< 10 s',
    });
    row.met = row.p95 < 10_000;
    return [row];
  } finally {
    await bench.close();
  }
}
