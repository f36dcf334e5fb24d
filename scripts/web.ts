/**
 * `npm run web -- [--data DIR] [--port N] [--clock "YYYY-MM-DD HH:mm"] [--no-auto-backup]`: serves the app to a browser on
 * 127.0.0.1 (for machines without Electron). The renderer must be built first; the npm script does that.
 * `--clock` starts the app's clock at that local time (it then runs on): to rehearse a given day, e.g. the
 * holiday rules of special-work filings in training, and for tests of today's board.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../src/backend/app';
import { clockStartingAt } from '../src/backend/api/context';
import { DbOpenError } from '../src/backend/db/errors';
import { scheduleAutoBackups } from '../src/backend/features/backup/service';
import { defaultDataDir } from '../src/backend/host/data-dir';
import { startHttpHost } from '../src/backend/host/http';
import { appVersion, rendererDir, resourcesDir } from './repo';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '5173' },
    clock: { type: 'string' },
    // The e2e tests start a host per test: an automatic backup 5 s in would only compete with what they drive.
    'no-auto-backup': { type: 'boolean', default: false },
  },
});
const dataDir = path.resolve(values.data ?? defaultDataDir());
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口无效：${values.port}`);
  process.exit(2);
}
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('界面尚未构建：请先运行 npm run build（npm run web 会自动构建）。');
  process.exit(2);
}

let clock;
if (values.clock !== undefined) {
  const start = new Date(values.clock.replace(' ', 'T'));
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(values.clock) || Number.isNaN(start.getTime())) {
    console.error(`--clock 应为本地时间 "YYYY-MM-DD HH:mm"：${values.clock}`);
    process.exit(2);
  }
  clock = clockStartingAt(start);
}

let backend;
try {
  backend = createBackend({ dataDir, resourcesDir, appVersion: appVersion(), clock });
} catch (error) {
  if (error instanceof DbOpenError) {
    console.error(error.message);
    process.exit(3);
  }
  throw error;
}

let host;
try {
  host = await startHttpHost({ backend, staticDir: rendererDir, port });
} catch (error) {
  backend.close();
  const code = (error as { code?: string }).code;
  console.error(code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请用 --port 指定其他端口。` : String(error));
  process.exit(4);
}

const stopAutoBackups = values['no-auto-backup'] ? () => undefined : scheduleAutoBackups(backend.ctx);

console.log(`安监台账（浏览器版）已启动，数据目录：${dataDir}`);
console.log(`请在本机浏览器中打开：${host.loginUrl}`);
// A line for tools (the e2e tests) to read the address from.
console.log(`ANJIAN_URL=${host.loginUrl}`);

const stop = async () => {
  stopAutoBackups();
  await host.close();
  backend.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
