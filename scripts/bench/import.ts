import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { createBackend, type Backend } from '../../src/backend/app';
import { demoAdmin } from '../../src/backend/features/demo/create';
import { usccCheckChar } from '../../src/shared/domain/uscc';
import { makeTempDir } from '../../tests/fixtures/backend';
import type { BenchContext } from '../bench';
import { sample, summarize, type BenchRow } from './harness';

const rowCount = 10_000;
const targetMs = 5000;

/** Enterprises' USCCs from a series no demo code uses (its bodies start with 91441900 + 统一 series digits). */
function uscc(n: number): string {
  const body = `9344190${String(n).padStart(10, '0')}`;
  return body + usccCheckChar(body);
}

/** An office ledger of `rowCount` new enterprises as an .xlsx: title rows, then the usual columns. */
async function ledgerFile(villageNames: string[], series: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业台账');
  sheet.mergeCells('A1:J1');
  sheet.getCell('A1').value = '示例镇企业安全生产台账';
  sheet.addRow(['序号', '企业名称', '统一社会信用代码', '所属村（社区）', '地址', '行业类别', '风险等级', '主要负责人及电话', '从业人员数', '经营状态']);
  const industries = ['工贸-机械', '工贸-轻工', '化工', '其他', '工贸-纺织'];
  const risks = ['低', '一般', '较大', '重大'];
  for (let i = 0; i < rowCount; i += 1) {
    const village = villageNames[i % villageNames.length];
    sheet.addRow([
      i + 1,
      `导入测试${series}号${i}五金制品有限公司`,
      uscc(series * 100_000 + i),
      village,
      `${village}工业路${i}号`,
      industries[i % industries.length],
      risks[i % 7 === 0 ? 3 : i % 4],
      `张${i % 100} 138${String(i).padStart(8, '0')}`,
      String(10 + (i % 300)),
      '在产',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function waitFor(backend: Backend, token: string, jobId: string) {
  for (;;) {
    const status = await backend.call('jobs.status', { id: jobId }, token);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One import the way the wizard runs it: upload and read, analysis, then the import job and its report. */
async function importOnce(backend: Backend, token: string, data: Buffer): Promise<void> {
  const opened = await backend.call('imports.open', { entity: 'enterprises', fileName: '企业台账.xlsx', dataBase64: data.toString('base64') }, token);
  const read = await waitFor(backend, token, opened.jobId);
  if (read.state !== 'done') throw new Error(`reading failed: ${read.message}`);
  const { mapping } = await backend.call('imports.analysis', { importId: opened.importId }, token);
  const started = await backend.call('imports.start', { importId: opened.importId, mapping, duplicates: 'skip' }, token);
  const done = await waitFor(backend, token, started.jobId);
  if (done.state !== 'done' || !done.message.startsWith(`导入完成：新增 ${rowCount} 条`)) throw new Error(`import ended ${done.state}: ${done.message}`);
  await backend.call('jobs.result', { id: started.jobId }, token);
  await backend.call('imports.close', { importId: opened.importId }, token);
}

/**
 * A 10,000-row office ledger (.xlsx) imported into a copy of the large database (50,000 enterprises already
 * there, so every USCC is checked against them): parse, validate, insert in one transaction with audit rows,
 * and the import report. Each run imports a fresh file of new enterprises.
 */
export async function importBench({ largeDataDir, resourcesDir }: BenchContext): Promise<BenchRow[]> {
  const dataDir = makeTempDir('anjian-bench-import-');
  fs.cpSync(largeDataDir, dataDir, { recursive: true });
  const backend = createBackend({ dataDir, resourcesDir, appVersion: 'bench' });
  try {
    const { token } = await backend.call('auth.login', { username: demoAdmin.username, password: demoAdmin.password });
    const villageNames = (await backend.call('villages.list', { pageSize: 100 }, token)).items.map((village) => village.name);
    const runs = 3;
    const files = await Promise.all(Array.from({ length: runs }, (_, series) => ledgerFile(villageNames, series + 1)));
    let run = 0;
    const durations = await sample(() => importOnce(backend, token, files[run++]), runs, 0);
    const megabytes = (files[0].length / 1024 / 1024).toFixed(1);
    const row = summarize(`Excel import, ${rowCount.toLocaleString('en')} rows (${megabytes} MB .xlsx) into 50,000`, durations, { target: `< ${targetMs / 1000} s` });
    row.met = row.p95 < targetMs;
    return [row];
  } finally {
    backend.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
