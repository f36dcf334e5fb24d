/**
 * electron-builder `beforePack` hook (see electron-builder.yml): before each platform/arch is packed, make sure
 * native/electron/<os>-<arch>/better_sqlite3.node exists for that target by running scripts/native-electron.mjs
 * (a no-op when its stamp is current). Packaging stops with its message when the module cannot be obtained,
 * rather than shipping an installer whose database cannot open.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const script = path.join(import.meta.dirname, 'native-electron.mjs');

/** @param {{ arch: number, electronPlatformName: string }} context */
export default async function beforePack(context) {
  const { Arch } = require('builder-util');
  const arch = Arch[context.arch];
  const args = [script, '--arch', arch, '--platform', context.electronPlatformName];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) {
    throw new Error(`better-sqlite3 for Electron ${context.electronPlatformName}-${arch} is missing; see the [native-electron] messages above.`);
  }
}
