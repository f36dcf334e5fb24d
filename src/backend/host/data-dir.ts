import os from 'node:os';
import path from 'node:path';

export const productName = '安监台账';

/**
 * The folder Electron's `app.getPath('userData')` resolves to for this product, computed without Electron so
 * the browser host and the scripts use the same data as the desktop app by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', productName);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), productName);
}
