import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Out } from '../../../shared/api';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { authenticate } from '../auth/service';
import { jobFilesDir as exportsDir } from '../jobs/service';
import { startExport, xlsxMimeType } from './service';

let backend: TestBackend;
beforeAll(async () => {
  backend = await makeTestBackend({ loadDemo: true });
  // What a run killed mid-export leaves behind; the first export of the next run clears it.
  fs.mkdirSync(exportsDir(backend), { recursive: true });
  fs.writeFileSync(`${exportsDir(backend)}/stale.xlsx`, 'partial');
});
afterAll(() => backend.dispose());

/** Polls the job the way the renderer does until it leaves 'running'. */
async function finish(jobId: string, token?: string): Promise<Out<'jobs.status'>> {
  for (;;) {
    const status = await backend.call('jobs.status', { id: jobId }, token);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function exportWorkbook(request: Parameters<typeof backend.call<'exports.start'>>[1]) {
  const { jobId } = await backend.call('exports.start', request);
  const status = await finish(jobId);
  expect(status).toMatchObject({ state: 'done', resultReady: true });
  const result = await backend.call('jobs.result', { id: jobId });
  const workbook = new ExcelJS.Workbook();
  // A fresh ArrayBuffer of exactly the file's bytes (ExcelJS types `load` against ArrayBuffer).
  await workbook.xlsx.load(new Uint8Array(Buffer.from(result.dataBase64, 'base64')).buffer);
  return { result, sheet: workbook.worksheets[0], jobId };
}

const leftoverFiles = () => (fs.existsSync(exportsDir(backend)) ? fs.readdirSync(exportsDir(backend)) : []);

describe('exports.start (Excel)', () => {
  it('writes the whole enterprise ledger: title block, frozen bordered header, 序号, one row per enterprise, real dates', async () => {
    const all = await backend.call('enterprises.list', { pageSize: 500 });
    const columns = ['name', 'uscc', 'riskLevel', 'employees', 'updatedAt'];
    const { result, sheet, jobId } = await exportWorkbook({ ledger: 'enterprises', columns });

    expect(result.fileName).toBe('示例镇企业基本信息台账-20260315.xlsx');
    expect(result.mimeType).toBe(xlsxMimeType);
    expect(sheet.getCell('A1').value).toBe('示例镇企业基本信息台账');
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(sheet.getCell('A2').value).toBe('填报单位：示例镇应急管理办公室    填报日期：2026年3月15日');
    expect(sheet.getCell('A3').value).toBe('范围：全部');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:F1', 'A2:F2', 'A3:F3']));
    expect(sheet.getRow(4).values).toEqual([undefined, '序号', '企业名称', '统一社会信用代码', '风险等级', '从业人员', '最后修改']);
    expect(sheet.getCell('B4').font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.columnCount).toBe(6);
    expect(sheet.getColumn(2).width).toBe(26);
    expect(sheet.rowCount).toBe(all.total + 4);
    expect(all.total).toBe(500);

    const dataRows = Array.from({ length: all.total }, (_, i) => sheet.getRow(i + 5));
    expect(dataRows.map((row) => row.getCell(1).value)).toEqual(Array.from({ length: all.total }, (_, i) => i + 1));
    const usccs = dataRows.map((row) => row.getCell(3).value);
    expect(new Set(usccs).size).toBe(all.total);
    expect(new Set(usccs)).toEqual(new Set(all.items.map((e) => e.uscc)));
    expect(dataRows.every((row) => typeof row.getCell(5).value === 'number' || row.getCell(5).value === null)).toBe(true);
    expect(new Set(dataRows.map((row) => row.getCell(4).value))).toEqual(new Set(['重大风险（红）', '较大风险（橙）', '一般风险（黄）', '低风险（蓝）']));
    const date = dataRows[0].getCell(6);
    expect(date.value).toBeInstanceOf(Date);
    expect(date.numFmt).toBe('yyyy-mm-dd');

    // The result is fetched once: the job is gone and its file deleted.
    expect(await backend.dispatch('jobs.status', { id: jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(leftoverFiles()).toEqual([]);
  });

  it('exports exactly what the filtered list shows, in its order, with the filter named under the title', async () => {
    const list = await backend.call('enterprises.list', { riskLevel: 'red', sortField: 'name', sortOrder: 'ascend', pageSize: 500 });
    const { sheet } = await exportWorkbook({ ledger: 'enterprises', filters: { riskLevel: 'red' }, sortField: 'name', sortOrder: 'ascend' });
    expect(sheet.getCell('A3').value).toBe('筛选条件：风险等级：重大风险（红）');
    expect(sheet.rowCount).toBe(list.total + 4);
    expect(Array.from({ length: list.total }, (_, i) => sheet.getRow(i + 5).getCell(2).value)).toEqual(list.items.map((e) => e.name));
  });

  it('exports the village 一览表 with numbers as numbers', async () => {
    const { sheet, result } = await exportWorkbook({ ledger: 'villages', sortField: 'code', sortOrder: 'ascend' });
    expect(result.fileName).toBe('示例镇村（社区）一览表-20260315.xlsx');
    expect(sheet.rowCount).toBe(30 + 4);
    expect(sheet.getRow(5).getCell(2).value).toBe('东山村');
    expect(typeof sheet.getRow(5).getCell(5).value).toBe('number');
  });

  it('exports the 网格员名册 filtered by village, with enterprise counts as numbers', async () => {
    const workers = (await backend.call('gridWorkers.list', { pageSize: 500 })).items;
    const village = { id: workers[0].villageIds[0], name: workers[0].villageNames[0] };
    const list = await backend.call('gridWorkers.list', { villageId: village.id, pageSize: 500 });
    const { sheet, result } = await exportWorkbook({ ledger: 'gridWorkers', filters: { villageId: village.id } });
    expect(result.fileName).toBe('示例镇网格员名册-20260315.xlsx');
    expect(sheet.getCell('A1').value).toBe('示例镇网格员名册');
    expect(sheet.getCell('A3').value).toBe(`筛选条件：负责村/社区：${village.name}`);
    expect(sheet.getRow(4).values).toEqual([undefined, '序号', '姓名', '类别', '联系电话', '负责村/社区', '负责企业数']);
    expect(sheet.rowCount).toBe(list.total + 4);
    const dataRows = Array.from({ length: list.total }, (_, i) => sheet.getRow(i + 5));
    expect(dataRows.map((row) => row.getCell(2).value)).toEqual(list.items.map((worker) => worker.name));
    expect(dataRows.map((row) => row.getCell(5).value)).toEqual(list.items.map((worker) => worker.villageNames.join('、')));
    expect(dataRows.map((row) => row.getCell(6).value)).toEqual(list.items.map((worker) => worker.enterpriseCount));
    expect(dataRows.every((row) => typeof row.getCell(6).value === 'number')).toBe(true);
  });

  it('refuses an unknown column before starting a job', async () => {
    const result = await backend.dispatch('exports.start', { ledger: 'enterprises', columns: ['name', 'password'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fieldErrors: { columns: '台账中没有这些列：password' } } });
  });

  it('stops when cancelled part-way through and leaves no file', async () => {
    const user = authenticate(backend.ctx, backend.adminToken);
    const { jobId } = startExport({ ...backend.ctx, user, sessionToken: backend.adminToken }, { ledger: 'enterprises', filters: {} }, { chunkSize: 5 });
    let status = await backend.call('jobs.status', { id: jobId });
    while (status.state === 'running' && status.done === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      status = await backend.call('jobs.status', { id: jobId });
    }
    expect(status).toMatchObject({ state: 'running', total: 500 });
    expect(status.done).toBeGreaterThan(0);
    expect(status.done).toBeLessThan(500);

    const cancelled = await backend.call('jobs.cancel', { id: jobId });
    expect(cancelled).toMatchObject({ state: 'cancelled', message: '已取消', resultReady: false });
    expect(await backend.call('jobs.status', { id: jobId })).toMatchObject({ state: 'cancelled' });
    expect(await backend.dispatch('jobs.result', { id: jobId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(leftoverFiles()).toEqual([]);
  });

  it('lets a 只读 user (leaders) export, and keeps each job to the user who started it', async () => {
    const leader = await backend.loginAs('readonly');
    const { jobId } = await backend.call('exports.start', { ledger: 'villages' }, leader);
    expect(await finish(jobId, leader)).toMatchObject({ state: 'done' });

    const other = await backend.loginAs('staff');
    for (const name of ['jobs.status', 'jobs.result', 'jobs.cancel'] as const) {
      expect(await backend.dispatch(name, { id: jobId }, other)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await backend.dispatch(name, { id: jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    // Closing the dialog without saving discards the result and its file.
    expect(await backend.call('jobs.cancel', { id: jobId }, leader)).toMatchObject({ state: 'done', resultReady: false });
    expect(leftoverFiles()).toEqual([]);
  });
});
