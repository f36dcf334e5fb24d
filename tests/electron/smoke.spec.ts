import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import type { HostBridge } from '../../src/shared/host-bridge';
import { makeTempDir } from '../fixtures/backend';
import { e2eAdmin } from '../fixtures/web-host';

/**
 * Smoke tests of the real Electron shell (DESIGN.md §2): window, preload bridge, IPC to the backend, and a
 * data folder that survives a restart. They need the Electron binary and the Electron build of better-sqlite3,
 * which cannot be fetched on our CI machines; there they skip with the reason (this suite is not in npm test).
 */

const repoRoot = path.resolve(import.meta.dirname, '../..');
const electronDir = path.join(repoRoot, 'node_modules', 'electron');
const nativeBinding = path.join(repoRoot, 'native', 'electron', 'better_sqlite3.node');
const builtMain = path.join(repoRoot, 'out', 'main', 'index.js');

/** The Electron executable, found the way the electron package (and scripts/start-electron.mjs) finds it. */
function findElectron(): { binary: string } | { missing: string } {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    return { missing: `Electron binary not installed (${path.relative(repoRoot, pathFile)} is missing; it is downloaded on first use)` };
  }
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist');
  const binary = path.join(distDir, relative);
  if (!relative || !fs.existsSync(binary)) return { missing: `Electron binary not found at ${binary}` };
  return { binary };
}

function skipReason(): string | null {
  const electronFound = findElectron();
  if ('missing' in electronFound) return `${electronFound.missing}: Electron smoke tests run only where Electron is installed`;
  if (!fs.existsSync(nativeBinding)) {
    return `${path.relative(repoRoot, nativeBinding)} is missing: run \`npm run native:electron\` to build better-sqlite3 for Electron`;
  }
  return null;
}

/** Starts the built app (package.json `main`) on `dataDir`, as `npm start` would, and returns its first window. */
async function launch(dataDir: string): Promise<{ app: ElectronApplication; window: Page }> {
  const found = findElectron();
  if ('missing' in found) throw new Error(found.missing);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // Run the built files as the app, never as plain Node nor against a dev server.
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.ELECTRON_RENDERER_URL;
  env.ANJIAN_DATA_DIR = dataDir;
  const app = await electron.launch({
    executablePath: found.binary,
    // Chromium refuses to start as root without --no-sandbox (containers); a normal user keeps the sandbox.
    args: process.getuid?.() === 0 ? ['.', '--no-sandbox'] : ['.'],
    cwd: repoRoot,
    env,
  });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window };
}

/** Logged in, the app opens on its home page, 工作台. */
async function expectHome(window: Page) {
  await expect(window.locator('.ant-layout-header')).toContainText('示例镇应急管理办公室');
  await expect(window.locator('.ant-menu-item-selected')).toContainText('工作台');
  await expect(window).toHaveURL(/#\/workbench$/);
}

/** 村/社区 through the sidebar: the demo town has 30. */
async function openVillages(window: Page) {
  await window.getByRole('menuitem', { name: /村\/社区/ }).click();
  await expect(window.getByText('共 30 个')).toBeVisible();
}

/** Requests the app sent beyond loopback and local files; must stay empty (DESIGN.md §4.8). */
function watchExternalRequests(app: ElectronApplication): string[] {
  const external: string[] = [];
  app.context().on('request', (request) => {
    const url = new URL(request.url());
    const local = ['file:', 'data:', 'blob:', 'devtools:', 'chrome-extension:'].includes(url.protocol);
    if (!local && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') external.push(request.url());
  });
  return external;
}

test.describe('Electron shell', () => {
  const reason = skipReason();
  test.skip(reason !== null, reason ?? '');
  test.describe.configure({ mode: 'serial' });

  let dataDir: string;
  let app: ElectronApplication | undefined;
  let window: Page;
  let external: string[] = [];

  test.beforeAll(async () => {
    if (!fs.existsSync(builtMain)) throw new Error('The app is not built: run `npm run test:electron` (it builds first) or `npm run build`.');
    dataDir = makeTempDir('anjian-electron-');
    ({ app, window } = await launch(dataDir));
    external = watchExternalRequests(app);
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the first window shows the first-run screen', async () => {
    await expect(window.getByText('欢迎使用安监台账')).toBeVisible();
    expect(await window.title()).toContain('安监台账');
  });

  test('first run with the demo town creates the administrator and opens on the workbench', async () => {
    await window.getByLabel('填报单位').fill('示例镇应急管理办公室');
    await window.getByLabel('镇/街道名称').fill('示例镇');
    await expect(window.getByLabel('用户名')).toHaveValue(e2eAdmin.username);
    await window.getByLabel('姓名').fill(e2eAdmin.displayName);
    await window.getByLabel('密码', { exact: true }).fill(e2eAdmin.password);
    await window.getByLabel('确认密码').fill(e2eAdmin.password);
    await window.getByLabel('载入演示数据').check();
    await window.getByRole('button', { name: '开始使用' }).click();
    await expectHome(window);
    await expect(window.locator('.ant-layout-header')).toContainText(`${e2eAdmin.displayName}管理员`);
    await openVillages(window);
  });

  test('the renderer has no Node, only window.api', async () => {
    const seen = await window.evaluate(() => {
      const page = globalThis as unknown as Record<string, unknown> & { api?: HostBridge };
      return {
        kind: page.api?.kind,
        require: typeof page.require,
        process: typeof page.process,
        module: typeof page.module,
        Buffer: typeof page.Buffer,
        apiKeys: page.api ? Object.keys(page.api).sort() : null,
      };
    });
    expect(seen).toEqual({
      kind: 'electron',
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      apiKeys: ['invoke', 'kind', 'openAttachment', 'openFileDialog', 'openFolderDialog', 'print', 'savePdf'],
    });
  });

  test('window.api.invoke reaches the backend over IPC', async () => {
    const result = await window.evaluate(async () => {
      const { api } = globalThis as unknown as { api: HostBridge };
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      const session = JSON.parse(storage.getItem('anjian.session') ?? 'null') as { token: string } | null;
      return api.invoke('villages.list', {}, session?.token ?? null);
    });
    expect(result).toMatchObject({ ok: true, data: { total: 30 } });
    const unknown = await window.evaluate(async () => {
      const { api } = globalThis as unknown as { api: HostBridge };
      return api.invoke('villages.explode', {}, null);
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  test('after a restart on the same data folder the app asks to log in instead of the first run', async () => {
    expect(external, 'the app must not reach beyond 127.0.0.1').toEqual([]);
    await app?.close();
    app = undefined;
    ({ app, window } = await launch(dataDir));
    external = watchExternalRequests(app);
    // A new window has no session (it lives in sessionStorage), so the office's login screen comes first.
    await expect(window.getByRole('button', { name: '登录' })).toBeVisible();
    await expect(window.getByText('示例镇应急管理办公室')).toBeVisible();
    await expect(window.getByText('欢迎使用安监台账')).toHaveCount(0);
    await window.getByLabel('用户名').fill(e2eAdmin.username);
    await window.getByLabel('密码').fill(e2eAdmin.password);
    await window.getByRole('button', { name: '登录' }).click();
    await expectHome(window);
    await openVillages(window);
    expect(external, 'the app must not reach beyond 127.0.0.1').toEqual([]);
  });
});
