import { defineConfig } from '@playwright/test';
import path from 'node:path';

/**
 * Electron smoke tests (`npm run test:electron`, which builds first). They drive the real Electron shell, so
 * they run only where an Electron binary exists; elsewhere they skip themselves with the reason. Not part of
 * `npm test`. Paths here are relative to this file, hence the resolves.
 */
export default defineConfig({
  testDir: path.resolve(import.meta.dirname),
  outputDir: path.resolve(import.meta.dirname, '../../test-results/electron'),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // One Electron at a time: the app takes a single-instance lock and the tests share one data folder.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
});
