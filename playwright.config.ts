import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/fixtures/chromium';

// The app runs in the office's zone (the web host is started with TZ=Asia/Shanghai, as is the browser): the tests
// compute “today” there too, or between 16:00 and 24:00 UTC they would expect yesterday.
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    locale: 'zh-CN',
    // The app turns antd's animations off for users who ask the system for less motion; tests ask too (less waiting).
    contextOptions: { reducedMotion: 'reduce' },
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 820 },
    // Recording a trace of every test doubled the suite's time on 2 cores; E2E_TRACE=1 turns it back on to debug a failure.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
});
