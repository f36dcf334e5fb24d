import { test as base, expect } from '@playwright/test';
import { startWebHost, type WebHost } from '../fixtures/web-host';

interface Fixtures {
  /** A fresh app (own data folder, own port) for this test. */
  host: WebHost;
  /** Requests the page tried to send anywhere but 127.0.0.1; the test fails if any remain. */
  externalRequests: string[];
}

export const test = base.extend<Fixtures>({
  host: async ({}, use) => {
    const host = await startWebHost();
    await use(host);
    await host.stop();
  },
  externalRequests: async ({}, use) => {
    await use([]);
  },
  // Every page is fenced to loopback: anything else is recorded, aborted, and fails the test afterwards.
  context: async ({ context, externalRequests }, use) => {
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      externalRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    await use(context);
  },
  page: async ({ page, externalRequests }, use) => {
    await use(page);
    expect(externalRequests, 'the app must not reach beyond 127.0.0.1').toEqual([]);
  },
});

export { expect };
