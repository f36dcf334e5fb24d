import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { Backend } from '../../src/backend/app';
import { ErrorCode, type ApiResult } from '../../src/shared/api/errors';
import { ipcChannels } from '../../src/shared/host-bridge';
import { openAttachment } from './attachments';
import { openFileDialog, openFolderDialog } from './dialogs';
import { printView, savePdf } from './print';
import { livePrintSession, printNotLoggedInMessage } from './printSession';
import { isAppPageUrl, roleOf, type AppOrigin, type SenderRole } from './security';

/**
 * The IPC side of the bridge: one handler per channel of `ipcChannels`, nothing else. Every call is checked to
 * come from the top frame of one of our own windows showing our own page; arguments are validated before use.
 * `api:invoke` forwards to the backend's single dispatch — no business rule lives here.
 */

const fileFilterSchema = z.object({
  name: z.string().max(100),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).min(1).max(20),
});
const openFileSchema = z.object({
  title: z.string().max(200).optional(),
  filters: z.array(fileFilterSchema).max(20).optional(),
  multiple: z.boolean().optional(),
});
const openFolderSchema = z.object({ title: z.string().max(200).optional() });
const printRequestSchema = z.object({
  route: z
    .string()
    .max(4000)
    .regex(/^\/print\//, '打印路由必须以 /print/ 开头'),
  landscape: z.boolean().optional(),
});
const savePdfSchema = printRequestSchema.extend({ defaultFileName: z.string().min(1).max(200) });

export interface IpcDeps {
  backend: Backend;
  origin: AppOrigin;
  /** The main window, parent of dialogs (null while it is being re-created). */
  mainWindow: () => BrowserWindow | null;
}

export function registerIpc(deps: IpcDeps): void {
  const { backend, origin } = deps;

  /** Which of our windows sent this call, or null if it is not one of ours (or not our page / top frame). */
  function senderRole(event: IpcMainInvokeEvent): SenderRole | null {
    const frame = event.senderFrame;
    const contents = event.sender;
    if (!frame || contents.isDestroyed()) return null;
    const role = roleOf(contents);
    if (!role) return null;
    // Top frame only: no iframe, and not a frame left over from a previous page.
    if (frame.parent !== null || frame.detached || frame.frameTreeNodeId !== contents.mainFrame.frameTreeNodeId) return null;
    return isAppPageUrl(origin, frame.url) ? role : null;
  }

  function requireMain(event: IpcMainInvokeEvent, channel: string): void {
    if (senderRole(event) !== 'main') {
      console.warn(`[ipc] refused ${channel} from ${event.senderFrame?.url ?? 'unknown frame'}`);
      throw new Error('拒绝访问：请求不是来自安监台账主窗口。');
    }
  }

  function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const result = schema.safeParse(value ?? {});
    if (!result.success) throw new Error(`${what}参数无效：${result.error.issues[0]?.message ?? ''}`);
    return result.data;
  }

  ipcMain.handle(ipcChannels.invoke, async (event, name: unknown, input: unknown, sessionToken: unknown): Promise<ApiResult<unknown>> => {
    if (senderRole(event) === null) {
      console.warn(`[ipc] refused api:invoke from ${event.senderFrame?.url ?? 'unknown frame'}`);
      return { ok: false, error: { code: ErrorCode.Forbidden, message: '拒绝访问：请求不是来自安监台账窗口。' } };
    }
    if (typeof name !== 'string' || name.length === 0 || name.length > 200) {
      return { ok: false, error: { code: ErrorCode.UnknownMethod, message: '调用的功能名称无效。' } };
    }
    return backend.dispatch(name, input, typeof sessionToken === 'string' ? sessionToken : null);
  });

  ipcMain.handle(ipcChannels.openFileDialog, async (event, options: unknown) => {
    requireMain(event, ipcChannels.openFileDialog);
    return openFileDialog(deps.mainWindow(), parse(openFileSchema, options, '打开文件'));
  });

  ipcMain.handle(ipcChannels.openFolderDialog, async (event, options: unknown) => {
    requireMain(event, ipcChannels.openFolderDialog);
    return openFolderDialog(deps.mainWindow(), parse(openFolderSchema, options, '选择文件夹'));
  });

  /** The caller's session, checked live through the backend, for the hidden print window (see print.ts). */
  const printSession = (sessionToken: unknown) =>
    livePrintSession((name, input, token) => backend.dispatch(name, input, token), sessionToken);

  ipcMain.handle(ipcChannels.print, async (event, request: unknown, sessionToken: unknown) => {
    requireMain(event, ipcChannels.print);
    const parsed = printRequestSchema.safeParse(request);
    if (!parsed.success) return { ok: false, error: `打印参数无效：${parsed.error.issues[0]?.message ?? ''}` };
    const session = await printSession(sessionToken);
    if (!session) return { ok: false, error: printNotLoggedInMessage };
    return printView(origin, deps.mainWindow(), parsed.data, session);
  });

  ipcMain.handle(ipcChannels.savePdf, async (event, request: unknown, sessionToken: unknown) => {
    requireMain(event, ipcChannels.savePdf);
    const parsed = parse(savePdfSchema, request, '导出 PDF ');
    const session = await printSession(sessionToken);
    if (!session) throw new Error(printNotLoggedInMessage);
    return savePdf(origin, deps.mainWindow(), parsed, session);
  });

  ipcMain.handle(ipcChannels.openAttachment, async (event, id: unknown, sessionToken: unknown) => {
    requireMain(event, ipcChannels.openAttachment);
    if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) return { ok: false, error: '附件编号无效' };
    return openAttachment(backend, id, typeof sessionToken === 'string' ? sessionToken : null);
  });
}

/** Removes the handlers (used when the app shuts down). */
export function unregisterIpc(): void {
  for (const channel of Object.values(ipcChannels)) ipcMain.removeHandler(channel);
}
