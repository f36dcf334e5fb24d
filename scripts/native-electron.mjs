#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI, apart from the Node build the tests use (DESIGN.md §4.7):
 * node_modules/better-sqlite3/build is never touched. The work happens in a temporary copy of the package.
 *
 *   node scripts/native-electron.mjs [--arch x64|arm64|ia32] [--platform linux|win32|darwin]
 *                                    [--electron-version 45.4.1] [--force]
 *
 * Output (both ignored by git, see .gitignore `native/`):
 *   native/electron/<os>-<arch>/better_sqlite3.node + stamp.json   one per packaging target; electron-builder
 *       picks it with `native/electron/${os}-${arch}/` (os: linux | win | mac, as electron-builder names them)
 *   native/electron/better_sqlite3.node + stamp.json               the copy `npm start` loads, written when
 *       the target is this machine's platform and arch
 *
 * Strategy: prebuild-install (downloads better-sqlite3's prebuilt binary for this Electron version), then
 * node-gyp against Electron's headers. Both need the network once; every step has a hard timeout so the
 * script fails fast and clearly instead of hanging. Exit codes: 0 ready, 1 failed, 2 bad arguments.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(import.meta.dirname, '..');
const modulesDir = path.join(repoRoot, 'node_modules');
const nativeRoot = path.join(repoRoot, 'native', 'electron');
const fileName = 'better_sqlite3.node';
const prebuildTimeoutMs = 120_000;
const compileTimeoutMs = 15 * 60_000;

/** electron-builder's `${os}` names. */
const osKeys = { linux: 'linux', win32: 'win', darwin: 'mac' };

function fail(message, code = 1) {
  console.error(`[native-electron] ${message}`);
  process.exit(code);
}

/** A failure reported after the temporary folder has been cleaned up. */
class Failure extends Error {}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

let args;
try {
  args = parseArgs({
    options: {
      arch: { type: 'string', default: process.arch },
      platform: { type: 'string', default: process.platform },
      'electron-version': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  fail(`参数无效 / bad arguments: ${error.message}`, 2);
}

const arch = args.arch;
const platform = args.platform;
if (!['x64', 'arm64', 'ia32', 'armv7l'].includes(arch)) fail(`不支持的架构 / unsupported --arch: ${arch}`, 2);
if (!(platform in osKeys)) fail(`不支持的平台 / unsupported --platform: ${platform}`, 2);

const bsqlDir = path.join(modulesDir, 'better-sqlite3');
if (!fs.existsSync(path.join(bsqlDir, 'package.json'))) fail('未安装 better-sqlite3，请先运行 npm ci。 better-sqlite3 is not installed: run `npm ci` first.');
const electronVersion = args['electron-version'] ?? readInstalledElectronVersion();
if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(electronVersion)) fail(`Electron 版本无效 / bad --electron-version: ${electronVersion}`, 2);
const betterSqlite3Version = readJson(path.join(bsqlDir, 'package.json')).version;

const stamp = { electron: electronVersion, betterSqlite3: betterSqlite3Version, platform, arch };
const targetDir = path.join(nativeRoot, `${osKeys[platform]}-${arch}`);
const isHostTarget = platform === process.platform && arch === process.arch;

function readInstalledElectronVersion() {
  const file = path.join(modulesDir, 'electron', 'package.json');
  if (!fs.existsSync(file)) fail('未安装 electron 包，请先运行 npm ci，或用 --electron-version 指定版本。 Package electron is not installed.');
  return readJson(file).version;
}

function stampMatches(dir) {
  try {
    const recorded = readJson(path.join(dir, 'stamp.json'));
    return (
      fs.statSync(path.join(dir, fileName)).size > 0 &&
      Object.entries(stamp).every(([key, value]) => recorded[key] === value)
    );
  } catch {
    return false;
  }
}

/** Copies the binding and its stamp into `dir`, each via a temporary name so a crash never leaves half a file. */
function install(binding, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, fileName);
  fs.copyFileSync(binding, `${target}.tmp`);
  fs.renameSync(`${target}.tmp`, target);
  const stampFile = path.join(dir, 'stamp.json');
  fs.writeFileSync(`${stampFile}.tmp`, `${JSON.stringify({ ...stamp, builtAt: new Date().toISOString() }, null, 2)}\n`);
  fs.renameSync(`${stampFile}.tmp`, stampFile);
}

/** The module ABI Electron `version` uses (node-abi knows it; the installed electron package records its own). */
function electronAbi(version) {
  try {
    const require = createRequire(path.join(modulesDir, 'noop.js'));
    return String(require('node-abi').getAbi(version, 'electron'));
  } catch {
    const abiFile = path.join(modulesDir, 'electron', 'abi_version');
    if (fs.existsSync(abiFile) && readJson(path.join(modulesDir, 'electron', 'package.json')).version === version) {
      return fs.readFileSync(abiFile, 'utf8').trim();
    }
    return null;
  }
}

/** A V8 addon exports `node_register_module_v<ABI>`; reject a binary built for another runtime (e.g. Node). */
function checkAbi(binding) {
  const abi = electronAbi(electronVersion);
  if (!abi) {
    console.warn(`[native-electron] 无法确定 Electron ${electronVersion} 的 ABI，跳过校验。 ABI unknown, not checked.`);
    return true;
  }
  const text = fs.readFileSync(binding).toString('latin1');
  const found = [...new Set(text.match(/node_register_module_v\d+/g) ?? [])];
  if (found.length === 0 || found.includes(`node_register_module_v${abi}`)) return true;
  console.error(`[native-electron] 生成的文件 ABI 不符（需要 v${abi}，实际 ${found.join(', ')}）。 Wrong ABI.`);
  return false;
}

/** The running build tool, killed with its children if this script is interrupted (it runs in its own group). */
let current = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) killTree(current.pid);
    process.exit(1);
  });
}

/** Runs a command with a hard timeout, killing its whole process tree on expiry. Resolves to true on exit 0. */
function run(label, command, commandArgs, options) {
  return new Promise((resolve) => {
    console.log(`[native-electron] ${label}: ${command} ${commandArgs.join(' ')}`);
    const child = spawn(command, commandArgs, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`[native-electron] ${label} 超时（${options.timeoutMs / 1000} 秒），已终止。 Timed out.`);
      killTree(child.pid);
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      current = null;
      console.error(`[native-electron] ${label} 无法启动：${error.message}`);
      resolve(false);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = null;
      if (!timedOut && code !== 0) console.error(`[native-electron] ${label} 失败（${signal ?? `exit ${code}`}）。`);
      resolve(!timedOut && code === 0);
    });
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

/**
 * Environment for the build tools. npm passes its config as npm_config_*; some of it (a `nodedir` pointing at
 * Node's own headers, a `target` or `runtime`) would silently produce a Node-ABI binary, so it is dropped.
 */
function buildEnv() {
  const env = { ...process.env };
  const dropped = /^npm_config_(nodedir|target|target_arch|runtime|arch|platform|disturl|dist_url|build_from_source|target_platform)$/i;
  for (const key of Object.keys(env)) if (dropped.test(key)) delete env[key];
  return env;
}

function findNodeGyp() {
  const candidates = [path.join(modulesDir, 'node-gyp', 'bin', 'node-gyp.js')];
  if (process.env.npm_execpath) candidates.push(path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

async function build() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anjian-bsql-electron-'));
  const pkgDir = path.join(workDir, 'better-sqlite3');
  try {
    // A private copy without the Node build: nothing below can write into node_modules/better-sqlite3.
    fs.cpSync(bsqlDir, pkgDir, {
      recursive: true,
      filter: (source) => path.relative(bsqlDir, source).split(path.sep)[0] !== 'build',
    });
    const built = path.join(pkgDir, 'build', 'Release', fileName);
    const env = buildEnv();
    const target = `Electron ${electronVersion} ${platform}-${arch}`;

    const prebuildBin = path.join(modulesDir, 'prebuild-install', 'bin.js');
    if (fs.existsSync(prebuildBin)) {
      const ok = await run(
        `下载预编译文件 / prebuild-install (${target})`,
        process.execPath,
        [prebuildBin, '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform, '--verbose'],
        { cwd: pkgDir, env, timeoutMs: prebuildTimeoutMs },
      );
      if (ok && fs.existsSync(built) && checkAbi(built)) return finish(built);
    } else {
      console.warn('[native-electron] 未找到 prebuild-install，改为本机编译。 prebuild-install not found.');
    }

    if (platform !== process.platform) {
      throw new Failure(`无法为 ${target} 获取 better-sqlite3：预编译文件下载失败，且不能跨平台编译。需要联网一次（github.com）。`);
    }
    const nodeGyp = findNodeGyp();
    if (!nodeGyp) throw new Failure(`无法为 ${target} 获取 better-sqlite3：预编译文件下载失败，且未找到 node-gyp。`);
    fs.rmSync(path.join(pkgDir, 'build'), { recursive: true, force: true });
    const ok = await run(
      `本机编译 / node-gyp (${target})`,
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: pkgDir, env, timeoutMs: compileTimeoutMs },
    );
    if (ok && fs.existsSync(built) && checkAbi(built)) return finish(built);
    throw new Failure(
      `无法为 ${target} 获取 better-sqlite3：预编译文件下载和本机编译都失败了（需联网一次以下载预编译文件或 Electron 头文件；` +
        `本机编译还需要 C++ 编译工具${arch !== process.arch ? '及交叉编译器' : ''}）。 ` +
        `Could not get better-sqlite3 for ${target}: both the prebuilt download and the node-gyp build failed.`,
    );
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function finish(binding) {
  install(binding, targetDir);
  console.log(`[native-electron] 已生成 / ready: ${path.relative(repoRoot, path.join(targetDir, fileName))}`);
  if (isHostTarget) {
    install(binding, nativeRoot);
    console.log(`[native-electron] 已生成 / ready: ${path.relative(repoRoot, path.join(nativeRoot, fileName))}`);
  }
}

if (!args.force && stampMatches(targetDir)) {
  if (isHostTarget && !stampMatches(nativeRoot)) install(path.join(targetDir, fileName), nativeRoot);
  console.log(`[native-electron] 已是最新 / up to date: better-sqlite3 ${betterSqlite3Version} for Electron ${electronVersion} ${platform}-${arch}`);
} else if (!args.force && isHostTarget && stampMatches(nativeRoot)) {
  // Built before the per-target folders existed (or the folder was deleted): reuse it.
  install(path.join(nativeRoot, fileName), targetDir);
  console.log(`[native-electron] 已是最新 / up to date: better-sqlite3 ${betterSqlite3Version} for Electron ${electronVersion} ${platform}-${arch}`);
} else {
  try {
    await build();
  } catch (error) {
    if (error instanceof Failure) fail(error.message);
    throw error;
  }
}
