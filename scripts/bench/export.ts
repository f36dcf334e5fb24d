import fs from 'node:fs';
import { createBackend, type Backend } from '../../src/backend/app';
import { demoAdmin } from '../../src/backend/features/demo/create';
import { ledgerDefinitions } from '../../src/shared/ledgers/definitions';
import { makeTempDir } from '../../tests/fixtures/backend';
import type { BenchContext } from '../bench';
import { sample, summarize, type BenchRow } from './harness';

const targetMs = 5000;

/** One export the way the renderer runs it: start, poll jobs.status every 50 ms until done, fetch the file. */
async function exportOnce(backend: Backend, token: string): Promise<number> {
  const columns = ledgerDefinitions.enterprises.columns.map((column) => column.key);
  const started = await backend.call('exports.start', { ledger: 'enterprises', filters: {}, columns }, token);
  for (;;) {
    const status = await backend.call('jobs.status', { id: started.jobId }, token);
    if (status.state === 'done') break;
    if (status.state !== 'running') throw new Error(`export ended ${status.state}: ${status.message}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const result = await backend.call('jobs.result', { id: started.jobId }, token);
  return result.dataBase64.length;
}

/**
 * The whole 虎门-scale register (50,000 enterprises, every column) to Excel through exports.start and the job
 * API, as the 导出Excel button does. Runs on a copy of the large database, since the export writes its file
 * into the data folder (and logging in writes a session).
 */
export async function exportBench({ largeDataDir, resourcesDir }: BenchContext): Promise<BenchRow[]> {
  const dataDir = makeTempDir('anjian-bench-export-');
  fs.cpSync(largeDataDir, dataDir, { recursive: true });
  const backend = createBackend({ dataDir, resourcesDir, appVersion: 'bench' });
  try {
    const { token } = await backend.call('auth.login', { username: demoAdmin.username, password: demoAdmin.password });
    let bytes = 0;
    const durations = await sample(async () => {
      bytes = await exportOnce(backend, token);
    }, 3, 0);
    const row = summarize(`Excel export, 50,000 enterprises, all columns (${(bytes * 0.75 / 1024 / 1024).toFixed(1)} MB)`, durations, {
      target: `< ${targetMs / 1000} s`,
    });
    row.met = row.p95 < targetMs;
    return [row];
  } finally {
    backend.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
