import { app, BrowserWindow, dialog } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PrintRequest } from '../../src/shared/host-bridge';
import { secureWebPreferences, trustWebContents, type AppOrigin } from './security';

/**
 * Printing and PDF export of the renderer's print views (DESIGN.md §4.6). A print view is an ordinary route
 * (`#/print/<ledger>?filters`) rendered in a hidden window of its own; when its data is loaded and laid out it
 * sets `document.body.dataset.printReady = '1'` (or `'error'`, with a Chinese `data-print-error` message).
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
export async function printView(origin: AppOrigin, parent: BrowserWindow | null, request: PrintRequest): Promise<PrintResult> {
  let win: BrowserWindow | null = null;
  try {
    win = await openPrintView(origin, request);
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
): Promise<string | null> {
  let pdf: Buffer;
  let win: BrowserWindow | null = null;
  try {
    win = await openPrintView(origin, request);
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

/** Loads the print route in a hidden, sandboxed window and waits until the view says it is ready. */
async function openPrintView(origin: AppOrigin, request: PrintRequest): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    show: false,
    width: 1123,
    height: 794,
    title: '安监台账 · 打印',
    webPreferences: secureWebPreferences(origin.paths),
  });
  trustWebContents(win.webContents, 'print');
  try {
    if (origin.devUrl) {
      const url = new URL(origin.devUrl.href);
      url.hash = request.route;
      await win.loadURL(url.href);
    } else {
      await win.loadFile(origin.paths.rendererIndex, { hash: request.route });
    }
    await waitForPrintReady(win);
    return win;
  } catch (error) {
    if (!win.isDestroyed()) win.destroy();
    throw error;
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
