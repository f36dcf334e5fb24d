import { app, BrowserWindow, dialog } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Session } from '../../src/shared/api/auth';
import type { PrintRequest } from '../../src/shared/host-bridge';
import { sessionSeedScript } from './printSession';
import { secureWebPreferences, trustWebContents, type AppOrigin } from './security';

/**
 * Printing and PDF export of the renderer's print views (DESIGN.md §4.6). A print view is an ordinary route
 * (`#/print/<ledger>?filters`) rendered in a hidden window of its own; when its data is loaded and laid out it
 * sets `document.body.dataset.printReady = '1'` (or `'error'`, with a Chinese `data-print-error` message).
 * The view loads its data through the API as the caller, whose live session (checked by ipc.ts) is handed to the
 * hidden window first: see `openPrintView`.
 */

const readyTimeoutMs = 30_000;
const pollIntervalMs = 150;

export interface PrintResult {
  ok: boolean;
  /** Chinese message when printing failed; absent when the user cancelled the print dialog. */
  error?: string;
}

export class PrintViewError extends Error {
  override name = 'PrintViewError';
}

/** Opens the system print dialog for a print view. Never throws: failures come back as `{ ok: false, error }`. */
export async function printView(
  origin: AppOrigin,
  parent: BrowserWindow | null,
  request: PrintRequest,
  session: Session,
): Promise<PrintResult> {
  let win: BrowserWindow | null = null;
  try {
    win = await openPrintView(origin, request, session);
    const contents = win.webContents;
    return await new Promise<PrintResult>((resolve) => {
      contents.print({ silent: false, printBackground: true, landscape: request.landscape ?? false }, (success, failureReason) => {
        if (success) resolve({ ok: true });
        else if (/cancel/i.test(failureReason)) resolve({ ok: false });
        else resolve({ ok: false, error: `打印失败：${failureReason || '未知原因'}` });
      });
    });
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  } finally {
    if (win && !win.isDestroyed()) win.destroy();
    if (parent && !parent.isDestroyed()) parent.focus();
  }
}

/**
 * Renders a print view to an A4 PDF, then asks where to save it. Resolves to the saved path, or null when the
 * user cancels the save dialog; rejects with a Chinese message when rendering or writing fails.
 */
export async function savePdf(
  origin: AppOrigin,
  parent: BrowserWindow | null,
  request: PrintRequest & { defaultFileName: string },
  session: Session,
): Promise<string | null> {
  let pdf: Buffer;
  let win: BrowserWindow | null = null;
  try {
    win = await openPrintView(origin, request, session);
    pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      landscape: request.landscape ?? false,
      printBackground: true,
      preferCSSPageSize: true,
    });
  } catch (error) {
    throw new PrintViewError(messageOf(error));
  } finally {
    if (win && !win.isDestroyed()) win.destroy();
  }

  const saveOptions = {
    title: '保存为 PDF',
    buttonLabel: '保存',
    defaultPath: path.join(app.getPath('documents'), pdfFileName(request.defaultFileName)),
    filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
  };
  const choice = parent ? await dialog.showSaveDialog(parent, saveOptions) : await dialog.showSaveDialog(saveOptions);
  if (choice.canceled || !choice.filePath) return null;
  const target = path.extname(choice.filePath).toLowerCase() === '.pdf' ? choice.filePath : `${choice.filePath}.pdf`;
  try {
    // Write beside the target and rename, so an interrupted save never leaves a truncated PDF behind.
    const partial = `${target}.${process.pid}.part`;
    await fs.writeFile(partial, pdf);
    await fs.rename(partial, target);
  } catch (error) {
    throw new PrintViewError(`无法保存 PDF 文件（${target}）：${(error as Error).message}`);
  }
  return target;
}

/**
 * Loads the print route in a hidden, sandboxed window, logged in as `session`, and waits until the view says it
 * is ready.
 *
 * The renderer reads its session from sessionStorage, which belongs to one window, so the new window is handed
 * the caller's session before the print route runs: it first loads our own page on a neutral URL (no session
 * there, so the app just shows its login screen, never displayed), `sessionSeedScript` writes the session into
 * that page's sessionStorage, then the window navigates to the print route. sessionStorage is kept per window and
 * origin across navigations, so the print view starts logged in; it is gone when the window is destroyed.
 * Chosen over the alternatives because the token never appears in a URL (which can end up in a print job's
 * title), on disk, or in a renderer process's command line (`additionalArguments` would put it there, readable
 * by other programs on the machine), and because it needs no extra IPC channel or preload code.
 */
async function openPrintView(origin: AppOrigin, request: PrintRequest, session: Session): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    show: false,
    width: 1123,
    height: 794,
    title: '安监台账 · 打印',
    webPreferences: secureWebPreferences(origin.paths),
  });
  trustWebContents(win.webContents, 'print');
  try {
    // The neutral page differs from the print route in its query string, not only in its hash: a hash-only change
    // would be a same-document navigation, and the already running app would keep its logged-out state.
    await loadAppPage(win, origin, '/', handoffQuery);
    const seeded = (await win.webContents.executeJavaScript(sessionSeedScript(session))) as unknown;
    if (seeded !== true) throw new PrintViewError('无法把登录状态交给打印页面，请重试。');
    await loadAppPage(win, origin, request.route, null);
    await waitForPrintReady(win);
    return win;
  } catch (error) {
    if (!win.isDestroyed()) win.destroy();
    throw error;
  }
}

/** Query of the neutral page a print window loads first (harmless: the app ignores the query string). */
const handoffQuery = { handoff: '1' };

/** Loads our renderer page at hash route `route`, with `query` in its URL when given. */
async function loadAppPage(win: BrowserWindow, origin: AppOrigin, route: string, query: Record<string, string> | null): Promise<void> {
  if (origin.devUrl) {
    const url = new URL(origin.devUrl.href);
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    url.hash = route;
    await win.loadURL(url.href);
  } else {
    await win.loadFile(origin.paths.rendererIndex, { hash: route, ...(query ? { query } : {}) });
  }
}

async function waitForPrintReady(win: BrowserWindow): Promise<void> {
  const deadline = Date.now() + readyTimeoutMs;
  const probe = `(() => { const b = document.body; return b ? [b.dataset.printReady || '', b.dataset.printError || ''] : ['', '']; })()`;
  while (Date.now() < deadline) {
    if (win.isDestroyed() || win.webContents.isCrashed()) throw new PrintViewError('打印页面意外关闭，请重试。');
    const [state, message] = (await win.webContents.executeJavaScript(probe)) as [string, string];
    if (state === '1') return;
    if (state === 'error') throw new PrintViewError(message || '打印页面加载数据失败。');
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
  }
  throw new PrintViewError('打印页面准备超时（30 秒），请缩小筛选范围后重试。');
}

/** A safe file name for the save dialog: no path parts or characters Windows refuses, always `.pdf`. */
function pdfFileName(requested: string): string {
  const base = Array.from(path.basename(String(requested)), (ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  const name = base.replace(/\.pdf$/i, '') || '台账';
  return `${name.slice(0, 120)}.pdf`;
}

function messageOf(error: unknown): string {
  if (error instanceof PrintViewError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `无法生成打印页面：${detail}`;
}
