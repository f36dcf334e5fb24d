#!/usr/bin/env node
/**
 * `npm start` (after `electron-vite build`): runs the built app in Electron.
 *   1. finds the Electron binary, downloading it once if needed (hard 120 s limit);
 *   2. makes sure better-sqlite3 is built for Electron's ABI (scripts/native-electron.mjs, kept apart from the
 *      Node build the tests use);
 *   3. starts Electron on this folder (package.json `main` = out/main/index.js) and forwards its exit code.
 * Never hangs: every step that could wait on the network has a timeout. `--verbose` shows the tools' output.
 * Extra arguments after `--` go to Electron (`npm start -- --some-switch`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const repoRoot = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(repoRoot, 'node_modules', 'electron');
const downloadTimeoutMs = 120_000;
const nativeTimeoutMs = 20 * 60_000;

const verbose = process.argv.includes('--verbose');
const electronArgs = process.argv.slice(2).filter((arg) => arg !== '--verbose' && arg !== '--');

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

/** Path of the Electron executable if it is present, else null (same lookup as the electron package). */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  if (!relative) return null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative) : path.join(electronDir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

/**
 * Runs a Node script with a hard timeout (killing it and its children on expiry). Its output is shown only
 * with --verbose, except lines the script marks for the user (`[native-electron] …`).
 */
function runNode(script, args, timeoutMs, showLine) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    const stop = () => killTree(child.pid);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        if (verbose || showLine(line)) console.error(line);
      });
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    const done = (ok) => {
      clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(ok);
    };
    child.on('error', () => done(false));
    child.on('exit', (code) => done(!timedOut && code === 0));
  });
}

function killTree(pid) {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

// 0. The build this script runs must exist (npm start builds it first).
if (!fs.existsSync(path.join(repoRoot, 'out', 'main', 'index.js')) || !fs.existsSync(path.join(repoRoot, 'out', 'preload', 'index.cjs'))) {
  fail('程序尚未构建：请先运行 npm run build（npm start 会自动构建）。 The app is not built: run `npm run build` first.');
}

// 1. Electron itself.
let binary = electronBinary();
if (!binary && fs.existsSync(path.join(electronDir, 'install.js'))) {
  console.error('正在下载 Electron（仅首次需要，最多等待 2 分钟）… Downloading Electron (first run only)…');
  await runNode(path.join(electronDir, 'install.js'), [], downloadTimeoutMs, () => false);
  binary = electronBinary();
}
if (!binary) {
  fail(
    '无法获取 Electron 程序（需联网下载一次），请改用 npm run web 在浏览器中使用本程序。 ' +
      'Electron binary unavailable on this machine: run `npm run web` to use the app in a browser instead.',
  );
}

// 2. better-sqlite3 for Electron's ABI.
const nativeOk = await runNode(path.join(repoRoot, 'scripts', 'native-electron.mjs'), [], nativeTimeoutMs, (line) =>
  line.startsWith('[native-electron]'),
);
if (!nativeOk) {
  fail(
    '无法准备 Electron 版的数据库组件 better-sqlite3（需联网下载一次，详见上方说明），请改用 npm run web 在浏览器中使用本程序。 ' +
      'Could not build better-sqlite3 for Electron: run `npm run web` to use the app in a browser instead.',
  );
}

// 3. Run the app. The built files are loaded, never a dev server; Electron must not run as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
delete env.ELECTRON_RENDERER_URL;
const app = spawn(binary, ['.', ...electronArgs], { cwd: repoRoot, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('error', (error) => fail(`无法启动 Electron：${error.message}。 Could not start Electron.`));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
