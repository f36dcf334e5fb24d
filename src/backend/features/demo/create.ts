import { createBackend } from '../../app';
import { loadDemoData, type DemoScale, type DemoSummary } from './service';

/** The administrator of a database made by `npm run demo` (printed by the script; change it after logging in). */
export const demoAdmin = { username: 'admin', displayName: '系统管理员', password: 'anjian2026' } as const;

/**
 * Creates (or fills an empty) data folder with the demo town, the office settings and the first-run flag,
 * as the first-run screen would. Used by `npm run demo`, the bench and tests.
 */
export async function createDemoDatabase(options: {
  dataDir: string;
  resourcesDir: string;
  appVersion: string;
  scale: DemoScale;
}): Promise<DemoSummary> {
  const backend = createBackend(options);
  try {
    await backend.call('system.setup', { orgName: '示例镇应急管理办公室', townName: '示例镇', loadDemo: false, admin: demoAdmin });
    return loadDemoData(backend.ctx, { scale: options.scale });
  } finally {
    backend.close();
  }
}
