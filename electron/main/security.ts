import { app, type Session, type WebContents, type WebPreferences } from 'electron';
import { contentSecurityPolicy } from '../../src/shared/security';
import { filePathOfUrl, isInside, isSamePath, type ShellPaths } from './paths';

/**
 * The app's own pages and what they may load. The app is offline by design (DESIGN.md §4.8): every request
 * that is not one of our built files (or, in development, the electron-vite dev server) is cancelled.
 */
export interface AppOrigin {
  paths: ShellPaths;
  /** electron-vite dev server, only when running `electron-vite dev`. */
  devUrl: URL | null;
}

/** The webPreferences of every window of ours: isolated, sandboxed, no Node, only our preload. */
export function secureWebPreferences(paths: ShellPaths): WebPreferences {
  return {
    preload: paths.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** True when `url` is the renderer entry: our built index.html (any hash/query), or a dev-server page. */
export function isAppPageUrl(origin: AppOrigin, url: string): boolean {
  if (origin.devUrl) {
    try {
      return new URL(url).origin === origin.devUrl.origin;
    } catch {
      return false;
    }
  }
  const filePath = filePathOfUrl(url);
  return filePath !== null && isSamePath(filePath, origin.paths.rendererIndex);
}

/** True when a page of ours may fetch `url`: a built renderer file, devtools, inline data, or the dev server. */
export function isAllowedRequest(origin: AppOrigin, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case 'file:': {
      const filePath = filePathOfUrl(url);
      return filePath !== null && isInside(origin.paths.rendererDir, filePath);
    }
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'http:':
    case 'https:':
      return origin.devUrl !== null && parsed.origin === origin.devUrl.origin;
    case 'ws:':
    case 'wss:':
      // Vite's hot-reload socket, same host and port as the dev server.
      return origin.devUrl !== null && parsed.host === origin.devUrl.host;
    default:
      return false;
  }
}

/**
 * The shared CSP, loosened only under the dev server: @vitejs/plugin-react injects an inline refresh
 * preamble and Vite's client opens a WebSocket for hot reload. Built pages get the strict policy.
 */
export function cspFor(origin: AppOrigin): string {
  if (!origin.devUrl) return contentSecurityPolicy;
  const ws = `${origin.devUrl.protocol === 'https:' ? 'wss' : 'ws'}://${origin.devUrl.host}`;
  return contentSecurityPolicy
    .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${ws}`);
}

/** Request filter, CSP header and permission policy for the session every window of ours uses. */
export function hardenSession(session: Session, origin: AppOrigin): void {
  const csp = cspFor(origin);

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(origin, details.url);
    if (!allowed) console.warn(`[security] blocked request: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });

  // Chromium may not report headers for file:// on every platform, so index.html should also carry the
  // same policy in a <meta http-equiv="Content-Security-Policy"> tag; this covers every response that does.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAllowedRequest(origin, details.url) || details.url.startsWith('devtools:')) {
      callback({});
      return;
    }
    const responseHeaders = { ...(details.responseHeaders ?? {}) };
    for (const key of Object.keys(responseHeaders)) {
      if (key.toLowerCase() === 'content-security-policy') delete responseHeaders[key];
    }
    responseHeaders['Content-Security-Policy'] = [csp];
    callback({ responseHeaders });
  });

  // No camera, microphone, location, notifications, …: a ledger needs none. Writing plain text to the
  // clipboard (antd's "copy" buttons) is the one thing allowed, and only for our own pages.
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    callback(permission === 'clipboard-sanitized-write' && isAppPageUrl(origin, webContents.getURL()));
  });
  session.setPermissionCheckHandler((webContents, permission) => {
    return permission === 'clipboard-sanitized-write' && webContents !== null && isAppPageUrl(origin, webContents.getURL());
  });
}

/**
 * Navigation policy for every web contents the app creates (main window, print windows, devtools): no
 * navigation away from the app, no new windows, no <webview>.
 */
export function guardAllWebContents(origin: AppOrigin): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!isAppPageUrl(origin, event.url)) {
        console.warn(`[security] blocked navigation: ${event.url.slice(0, 200)}`);
        event.preventDefault();
      }
    });
    contents.on('will-redirect', (event) => {
      if (!isAppPageUrl(origin, event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/**
 * Which web contents may use the bridge. The main window may call everything; the hidden print windows
 * render the same renderer (print views load their data through the API) and may only call `api:invoke`.
 */
export type SenderRole = 'main' | 'print';
const senderRoles = new Map<number, SenderRole>();

export function trustWebContents(contents: WebContents, role: SenderRole): void {
  const id = contents.id;
  senderRoles.set(id, role);
  contents.once('destroyed', () => senderRoles.delete(id));
}

export function roleOf(contents: WebContents): SenderRole | null {
  return senderRoles.get(contents.id) ?? null;
}
