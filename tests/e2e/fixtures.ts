import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { e2eAdmin, startWebHost, type WebHost } from '../fixtures/web-host';

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

/** Opens the app and logs in through the login screen (default: the administrator of `host.setup`). */
export async function loginThroughUi(page: Page, host: WebHost, username: string = e2eAdmin.username, password: string = e2eAdmin.password) {
  await page.goto(host.loginUrl);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('.ant-layout-header')).toContainText('示例镇应急管理办公室');
}

/** The antd form item (label + control + message) whose label is `label`. */
export function formItem(page: Page, label: string) {
  return page.locator('.ant-form-item').filter({ has: page.locator(`label[title="${label}"]`) });
}

/** The error message antd shows under the field labelled `label`. */
export function fieldError(page: Page, label: string) {
  return formItem(page, label).locator('.ant-form-item-explain-error');
}

/**
 * The login screen's error banner. Not `getByRole('alert')` alone: antd's toast messages (e.g. a fading
 * “设置完成”) also carry role=alert and would make the locator ambiguous.
 */
export function loginError(page: Page) {
  return page.locator('.ant-alert[role="alert"]');
}

/**
 * Picks the option containing `text` in the select labelled `label` (typing `query` first for a searched one).
 * The dropdown animates open and a searched list is replaced as the server answers each keystroke, so a click
 * can land on a list that is going away: the pick is retried until the select shows the choice, as a user would.
 */
export async function chooseOption(page: Page, scope: Locator, label: string, text: string, query?: string) {
  const input = scope.getByLabel(label, { exact: true });
  const select = input.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  const open = async () => {
    await input.click();
    if (query !== undefined) await input.fill(query);
  };
  await open();
  await expect(async () => {
    if (!(await options.first().isVisible())) await open();
    await options.filter({ hasText: text }).first().click({ timeout: 2000 });
    await expect(select).toContainText(text, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}
