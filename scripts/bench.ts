/**
 * `npm run bench`: builds a `large` demo database in a temp folder and prints a table of figures (median and
 * p95 per operation, and where it applies the same work on raw better-sqlite3 and the ratio). Each feature
 * adds its rows as a suite below; name suites to run only those. Exits non-zero when a row misses its target.
 */
import fs from 'node:fs';
import { createDemoDatabase } from '../src/backend/features/demo/create';
import { makeTempDir } from '../tests/fixtures/backend';
import { backupBench } from './bench/backup';
import { enterprisesBench } from './bench/enterprises';
import { exportBench } from './bench/export';
import { filingsBench } from './bench/filings';
import { plansBench } from './bench/plans';
import { foundationBench } from './bench/foundation';
import { importBench } from './bench/import';
import { mapsBench } from './bench/maps';
import { formatTable, type BenchRow } from './bench/harness';
import { hazardsBench } from './bench/hazards';
import { printBench } from './bench/print';
import { reportBench } from './bench/report';
import { tanksBench } from './bench/tanks';
import { appVersion, resourcesDir } from './repo';

export interface BenchContext {
  /** A data folder holding the `large` demo database; suites must not modify it. */
  largeDataDir: string;
  resourcesDir: string;
}

const suites: { name: string; run: (context: BenchContext) => Promise<BenchRow[]> }[] = [
  { name: 'foundation', run: foundationBench },
  { name: 'enterprises', run: enterprisesBench },
  { name: 'export', run: exportBench },
  { name: 'print', run: printBench },
  { name: 'import', run: importBench },
  { name: 'tanks', run: tanksBench },
  { name: 'filings', run: filingsBench },
  { name: 'plans', run: plansBench },
  { name: 'hazards', run: hazardsBench },
  { name: 'backup', run: backupBench },
  { name: 'maps', run: mapsBench },
  { name: 'report', run: reportBench },
];

/** `npm run bench -- import export` runs only those suites. */
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !suites.some((suite) => suite.name === name));
if (unknown.length > 0) throw new Error(`unknown bench suites: ${unknown.join(', ')} (have: ${suites.map((suite) => suite.name).join(', ')})`);

const largeDataDir = makeTempDir('anjian-bench-large-');
try {
  const started = performance.now();
  const summary = await createDemoDatabase({ dataDir: largeDataDir, resourcesDir, appVersion: appVersion(), scale: 'large' });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `large demo database built in ${seconds.toFixed(1)} s (${summary.villages} villages, ${summary.gridWorkers} grid workers, ${summary.enterprises} enterprises, ${summary.idleSites} idle sites, ${summary.tanks} tanks, ${summary.filings} filings, ${summary.plans} plans, ${summary.drills} drills, ${summary.inspections} inspections, ${summary.hazards} hazards, ${summary.orders} orders)`,
  );

  const rows: BenchRow[] = [];
  for (const suite of suites.filter((candidate) => chosen.length === 0 || chosen.includes(candidate.name))) {
    process.stdout.write(`running ${suite.name}…\n`);
    rows.push(...(await suite.run({ largeDataDir, resourcesDir })));
  }
  console.log(`\n${formatTable(rows)}`);
  if (rows.some((row) => row.met === false)) process.exitCode = 1;
} finally {
  fs.rmSync(largeDataDir, { recursive: true, force: true });
}
