import { chromium, type Browser } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../../tests/fixtures/backend';
import { chromiumLaunchOptions } from '../../tests/fixtures/chromium';
import { startWebHost, type WebHost } from '../../tests/fixtures/web-host';
import type { BenchContext } from '../bench';
import { rendererDir } from '../repo';

/** A web host on a copy of the large demo (suites share the original) and a Chromium to drive it. */
export interface BrowserBench {
  host: WebHost;
  browser: Browser;
  /** Closes the browser and stops the host, which removes the copy. */
  close(): Promise<void>;
}

/**
 * Starts what a suite that times the real UI needs, or says why this machine cannot run it (no Chromium, or the
 * renderer not built), so the suite reports a skipped row instead of failing the bench.
 */
export async function openBrowserBench(context: BenchContext, tempPrefix: string): Promise<BrowserBench | { skipped: string }> {
  let launchOptions: ReturnType<typeof chromiumLaunchOptions>;
  try {
    launchOptions = chromiumLaunchOptions();
  } catch {
    return { skipped: 'chromium not found' };
  }
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) return { skipped: 'renderer not built (npm run build)' };
  const dataDir = makeTempDir(tempPrefix);
  fs.cpSync(context.largeDataDir, dataDir, { recursive: true });
  const host = await startWebHost({ dataDir });
  const browser = await chromium.launch(launchOptions);
  return {
    host,
    browser,
    async close() {
      await browser.close();
      await host.stop();
    },
  };
}
