import type { ApiResult } from './api/errors';

/** A file-type filter for the open dialog, as Electron's dialog takes it. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Options for printing or saving one of the renderer's print views (`#/print/...`). */
export interface PrintRequest {
  /** Hash route of the print view, e.g. `/print/villages?kind=村`. */
  route: string;
  landscape?: boolean;
}

/**
 * What the Electron preload exposes as `window.api`. Only these functions cross the bridge: no raw
 * ipcRenderer, no Node. In a plain browser `window.api` is absent and the renderer falls back to HTTP.
 */
export interface HostBridge {
  kind: 'electron';
  /** Calls the backend's dispatch; `sessionToken` is the logged-in session (null before login). */
  invoke(name: string, input: unknown, sessionToken: string | null): Promise<ApiResult<unknown>>;
  openFileDialog(options: { title?: string; filters?: FileFilter[]; multiple?: boolean }): Promise<string[] | null>;
  openFolderDialog(options: { title?: string }): Promise<string | null>;
  /**
   * Opens the system print dialog for a print view rendered in a hidden window. `sessionToken` is the caller's
   * session (as for `invoke`): the hidden window has no sessionStorage of its own, so the shell hands it this
   * session after checking it is still live. Without a live session the call is refused with a Chinese error.
   * (Optional only for callers not yet passing it; they get that refusal.)
   */
  print(request: PrintRequest, sessionToken: string | null): Promise<{ ok: boolean; error?: string }>;
  /**
   * Renders a print view to PDF and asks where to save it; resolves to the saved path, or null if cancelled.
   * `sessionToken` as for `print`; rejects with a Chinese message when it is missing or no longer live.
   */
  savePdf(request: PrintRequest & { defaultFileName: string }, sessionToken: string | null): Promise<string | null>;
  /** Opens an attachment with the system viewer (the browser build downloads it instead). */
  openAttachment(id: number, sessionToken: string | null): Promise<{ ok: boolean; error?: string }>;
}

/**
 * The sessionStorage entry where the renderer keeps its logged-in session, as `JSON.stringify(Session)`
 * (`Session` from `./api/auth`). Shared because the Electron shell seeds it into its hidden print windows.
 */
export const rendererSessionStorageKey = 'anjian.session';

/** IPC channel names, shared by preload and main so they cannot drift apart. */
export const ipcChannels = {
  invoke: 'api:invoke',
  openFileDialog: 'host:open-file-dialog',
  openFolderDialog: 'host:open-folder-dialog',
  print: 'host:print',
  savePdf: 'host:save-pdf',
  openAttachment: 'host:open-attachment',
} as const;
