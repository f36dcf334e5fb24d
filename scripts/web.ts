/**
 * `npm run web -- [--data DIR] [--port N]`: serves the app to a browser on 127.0.0.1 (for machines without
 * Electron). The renderer must be built first; the npm script does that.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../src/backend/app';
import { DbOpenError } from '../src/backend/db/errors';
import { defaultDataDir } from '../src/backend/host/data-dir';
import { startHttpHost } from '../src/backend/host/http';
import { appVersion, rendererDir, resourcesDir } from './repo';

const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string', default: '5173' } },
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

let backend;
try {
  backend = createBackend({ dataDir, resourcesDir, appVersion: appVersion() });
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

console.log(`安监台账（浏览器版）已启动，数据目录：${dataDir}`);
console.log(`请在本机浏览器中打开：${host.loginUrl}`);
// A line for tools (the e2e tests) to read the address from.
console.log(`ANJIAN_URL=${host.loginUrl}`);

const stop = async () => {
  await host.close();
  backend.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
