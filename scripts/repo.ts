import fs from 'node:fs';
import path from 'node:path';

/** Paths of the source checkout the scripts run from. */
export const repoRoot = path.resolve(import.meta.dirname, '..');
export const resourcesDir = path.join(repoRoot, 'resources');
export const rendererDir = path.join(repoRoot, 'out', 'renderer');

export function appVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
