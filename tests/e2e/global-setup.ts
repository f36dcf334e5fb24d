import path from 'node:path';
import { build } from 'esbuild';
import { bundledWebHostPath } from '../fixtures/web-host';

/**
 * Bundles `scripts/web.ts` (what `npm run web` runs) once per e2e run, so each test's host starts in under a second
 * instead of compiling the backend through tsx again (about half the start-up time of every test).
 */
export default async function globalSetup() {
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../scripts/web.ts')],
    outfile: bundledWebHostPath,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages stay in node_modules (better-sqlite3's native build, exceljs's own files).
    packages: 'external',
    logLevel: 'warning',
  });
  process.env.ANJIAN_E2E_BUNDLED_HOST = '1';
}
