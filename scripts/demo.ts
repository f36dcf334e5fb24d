/** `npm run demo -- --data DIR --scale small|town|large`: builds the fictional 示例镇 in a data folder. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDemoDatabase, demoAdmin } from '../src/backend/features/demo/create';
import { demoScales, type DemoScale } from '../src/backend/features/demo/service';
import { appVersion, resourcesDir } from './repo';

const { values } = parseArgs({ options: { data: { type: 'string' }, scale: { type: 'string', default: 'small' } } });
if (!values.data) {
  console.error('用法：npm run demo -- --data 数据目录 [--scale small|town|large]');
  process.exit(2);
}
if (!demoScales.includes(values.scale as DemoScale)) {
  console.error(`规模无效：${values.scale}（可选 ${demoScales.join(' / ')}）`);
  process.exit(2);
}
const started = performance.now();
const summary = await createDemoDatabase({
  dataDir: path.resolve(values.data),
  resourcesDir,
  appVersion: appVersion(),
  scale: values.scale as DemoScale,
});
console.log(`管理员账户：${demoAdmin.username}，初始密码：${demoAdmin.password}（登录后请在“账户”中修改）`);
console.log(
  `演示数据已生成（${summary.scale}）：村/社区 ${summary.villages} 个，网格员 ${summary.gridWorkers} 名，企业 ${summary.enterprises} 家，四闲场所 ${summary.idleSites} 处，储罐 ${summary.tanks} 个，特殊作业报备 ${summary.filings} 份，应急预案 ${summary.plans} 个，演练 ${summary.drills} 次，检查 ${summary.inspections} 次，隐患 ${summary.hazards} 条，责令限期整改指令书 ${summary.orders} 份，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒，数据目录 ${path.resolve(values.data)}`,
);
