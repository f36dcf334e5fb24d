import { app } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the shell finds its files. The main bundle is `out/main/index.js` (ES module), so the preload and the
 * renderer sit next to it under `out/`, both in a checkout and inside the packaged app.asar.
 *
 * - dev (a checkout, `npm start` / `electron-vite dev`): resources and the Electron build of better-sqlite3 live
 *   in the repo (`resources/`, `native/electron/`), and `app.getAppPath()` is the repo root.
 * - packaged: electron-builder copies them as extraResources next to app.asar (see electron-builder.yml), i.e.
 *   under `process.resourcesPath`, outside the archive so the native module can be loaded.
 */
export interface ShellPaths {
  /** Folder with `migrations/` and `maps/`, handed to the backend. */
  resourcesDir: string;
  /** better_sqlite3.node built for Electron's ABI (never the Node build used by the tests). */
  nativeBinding: string;
  /** Built renderer entry (`out/renderer/index.html`). */
  rendererIndex: string;
  /** Folder of the built renderer; the only folder file:// requests may read from. */
  rendererDir: string;
  /** Sandboxed preload, emitted as CommonJS (`out/preload/index.cjs`). */
  preload: string;
}

const outMainDir = import.meta.dirname;

export function resolvePaths(): ShellPaths {
  const rendererIndex = path.join(outMainDir, '..', 'renderer', 'index.html');
  const packaged = app.isPackaged;
  const resourcesDir = packaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources');
  const nativeBinding = packaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  return {
    resourcesDir,
    nativeBinding,
    rendererIndex,
    rendererDir: path.dirname(rendererIndex),
    preload: path.join(outMainDir, '..', 'preload', 'index.cjs'),
  };
}

/**
 * The electron-vite dev server (`ELECTRON_RENDERER_URL`, set by `electron-vite dev` only). Ignored in a
 * packaged app so an environment variable can never point the installed program at a web page.
 */
export function devServerUrl(): URL | null {
  const raw = process.env.ELECTRON_RENDERER_URL;
  if (!raw || app.isPackaged) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** True when `filePath` is `dir` or inside it (case-insensitive on Windows, via path.relative). */
export function isInside(dir: string, filePath: string): boolean {
  const relative = path.relative(dir, filePath);
  if (relative === '') return true;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** File-system path of a file: URL, ignoring query and hash; null for any other URL. */
export function filePathOfUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:') return null;
    parsed.hash = '';
    parsed.search = '';
    return fileURLToPath(parsed);
  } catch {
    return null;
  }
}

/** True when both name the same file (case-insensitive on Windows, via path.relative). */
export function isSamePath(a: string, b: string): boolean {
  return path.relative(a, b) === '';
}
