import { app, BrowserWindow, dialog, Menu, screen, session } from 'electron';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createBackend, type Backend } from '../../src/backend/app';
import { scheduleAutoBackups } from '../../src/backend/features/backup/service';
import { DbOpenError } from '../../src/backend/db/errors';
import { registerIpc, unregisterIpc } from './ipc';
import { buildAppMenu } from './menu';
import { devServerUrl, resolvePaths, type ShellPaths } from './paths';
import { guardAllWebContents, hardenSession, secureWebPreferences, trustWebContents, type AppOrigin } from './security';

/**
 * Electron shell (DESIGN.md §1): lifecycle, one window, menu, and the IPC bridge to the backend's dispatch.
 * The data folder is Electron's userData (the browser host computes the same folder without Electron).
 */

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
/** Stops the automatic local backups (started once the database is open). */
let stopAutoBackups: (() => void) | null = null;

// Development and the Electron smoke tests (tests/electron) may point the app at a throw-away data folder.
// Set before the single-instance lock, which is taken per data folder. Ignored by the installed app.
if (!app.isPackaged && process.env.ANJIAN_DATA_DIR) app.setPath('userData', path.resolve(process.env.ANJIAN_DATA_DIR));

if (!app.requestSingleInstanceLock()) {
  // Another 安监台账 is running: it gets focused (see 'second-instance') and this one leaves at once.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopAutoBackups?.();
    unregisterIpc();
    backend?.close();
    backend = null;
  });
  if (process.platform === 'win32') app.setAppUserModelId('cn.anjian.ledger');
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail('安监台账无法启动', error instanceof Error ? (error.stack ?? error.message) : String(error)));
}

function start(): void {
  const paths = resolvePaths();
  const origin: AppOrigin = { paths, devUrl: devServerUrl() };
  const dataDir = app.getPath('userData');

  if (!origin.devUrl && !fs.existsSync(paths.rendererIndex)) {
    fail('安监台账无法启动', `界面文件缺失（${paths.rendererIndex}）。${app.isPackaged ? '请重新安装安监台账。' : '请先运行 npm run build。'}`);
    return;
  }
  if (!loadNativeBinding(paths)) return;

  try {
    backend = createBackend({
      dataDir,
      resourcesDir: paths.resourcesDir,
      nativeBinding: paths.nativeBinding,
      appVersion: app.getVersion(),
    });
  } catch (error) {
    if (error instanceof DbOpenError) {
      // The file was not touched (openDb refuses without writing); the user must decide what to do with it.
      fail('无法打开数据库', error.message);
      return;
    }
    throw error;
  }
  const openedBackend = backend;
  stopAutoBackups = scheduleAutoBackups(openedBackend.ctx);

  guardAllWebContents(origin);
  hardenSession(session.defaultSession, origin);
  registerIpc({ backend: openedBackend, origin, mainWindow: () => mainWindow });
  Menu.setApplicationMenu(buildAppMenu({ dataDir, mainWindow: () => mainWindow }));

  mainWindow = createMainWindow(origin);
}

function createMainWindow(origin: AppOrigin): BrowserWindow {
  const icon = path.join(app.getAppPath(), 'resources', 'icons', 'icon.png');
  const workArea = screen.getPrimaryDisplay().workAreaSize;
  const win = new BrowserWindow({
    title: '安监台账',
    width: Math.min(1440, workArea.width),
    height: Math.min(900, workArea.height),
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: '#f5f5f5',
    icon: !app.isPackaged && fs.existsSync(icon) ? icon : undefined,
    webPreferences: secureWebPreferences(origin.paths),
  });
  trustWebContents(win.webContents, 'main');
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const choice = dialog.showMessageBoxSync(win, {
      type: 'error',
      title: '界面异常',
      message: '安监台账的界面意外退出。',
      detail: `原因：${details.reason}。已保存的数据不受影响，可重新加载界面继续工作。`,
      buttons: ['重新加载', '退出'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0 && !win.isDestroyed()) win.webContents.reload();
    else app.quit();
  });

  const loading = origin.devUrl ? win.loadURL(origin.devUrl.href) : win.loadFile(origin.paths.rendererIndex);
  loading.catch((error: unknown) => {
    // A navigation superseded by another one (ERR_ABORTED) is not a failure to load.
    if (error instanceof Error && error.message.includes('ERR_ABORTED')) return;
    fail('安监台账无法启动', `界面加载失败：${error instanceof Error ? error.message : String(error)}`);
  });
  return win;
}

/**
 * Loads the Electron build of better-sqlite3 up front, so a missing or wrong-ABI module is reported as what
 * it is rather than as a damaged database (better-sqlite3 then reuses this loaded module).
 */
function loadNativeBinding(paths: ShellPaths): boolean {
  const hint = app.isPackaged
    ? '安装不完整，请重新安装安监台账。'
    : '请运行 npm start（会自动准备），或 node scripts/native-electron.mjs。';
  if (!fs.existsSync(paths.nativeBinding)) {
    fail('缺少数据库组件', `未找到为 Electron 编译的 better-sqlite3（${paths.nativeBinding}）。${hint}`);
    return false;
  }
  try {
    createRequire(import.meta.url)(paths.nativeBinding);
    return true;
  } catch (error) {
    fail('数据库组件无法加载', `${paths.nativeBinding}\n${error instanceof Error ? error.message : String(error)}\n${hint}`);
    return false;
  }
}

/** Shows a blocking error and ends the app with a non-zero code. Nothing is written to the data folder. */
function fail(title: string, message: string): void {
  console.error(`[main] ${title}: ${message}`);
  dialog.showErrorBox(title, message);
  backend?.close();
  backend = null;
  app.exit(1);
}
