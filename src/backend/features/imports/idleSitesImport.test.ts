import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Out } from '../../../shared/api';
import { idleSiteLedger } from '../../../shared/ledgers/definitions';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';

let backend: TestBackend;
beforeAll(async () => {
  backend = await makeTestBackend({ loadDemo: true });
});
afterAll(() => backend.dispose());

async function finish(jobId: string): Promise<Out<'jobs.status'>> {
  for (;;) {
    const status = await backend.call('jobs.status', { id: jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function openFile(data: Buffer, fileName: string) {
  const { importId, jobId } = await backend.call('imports.open', { entity: 'idleSites', fileName, dataBase64: data.toString('base64') });
  expect((await finish(jobId)).state).toBe('done');
  return { importId, analysis: await backend.call('imports.analysis', { importId }) };
}

describe('imports (idle sites)', () => {
  it('imports a sweep sheet: dates in office forms, owner and phone in one cell, rules between finding and disposal checked per row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('排查表');
    sheet.mergeCells('A1:H1');
    sheet.getCell('A1').value = '东山村“四闲”场所排查登记表';
    sheet.addRow(['场所名称', '类型', '所属村（社区）', '户主/产权人及电话', '排查日期', '排查发现', '处置措施', '处置日期']);
    sheet.addRow(['导入测试闲置院落甲', '院落', '东山村', '王五 13800002222', '2026年2月3日', '无违法', '', '']);
    sheet.addRow(['导入测试闲置仓库乙', '仓库', '东山村委会', '', '2026.2.4', '非法储存', '取缔', 46062]);
    sheet.addRow(['导入测试闲置厂房丙', '厂房', '东山村', '', '2026-02-05', '非法生产', '', '']);
    sheet.addRow(['导入测试闲置场地丁', '场地', '东山村', '', '', '无违法', '', '']);
    const { importId, analysis } = await openFile(Buffer.from(await workbook.xlsx.writeBuffer()), '排查表.xlsx');
    expect(analysis.mapping).toEqual(['name', 'kind', 'village', 'owner', 'foundOn', 'finding', 'disposal', 'disposedOn']);
    const preview = await backend.call('imports.preview', { importId, mapping: analysis.mapping });
    expect(preview).toMatchObject({ total: 4, create: 2, invalid: 2 });
    expect(preview.problems.map((problem) => [problem.rowNumber, problem.column])).toEqual([
      [5, '处置措施'],
      [6, '排查日期'],
    ]);
    const { jobId } = await backend.call('imports.start', { importId, mapping: analysis.mapping, duplicates: 'skip' });
    expect((await finish(jobId)).message).toBe('导入完成：新增 2 条，更新 0 条，有错误未导入 2 条');
    const created = (await backend.call('idleSites.list', { q: '导入测试', pageSize: 10, sortField: 'name', sortOrder: 'ascend' })).items;
    expect(created.map((site) => [site.name, site.villageName, site.ownerName, site.ownerPhone, site.foundOn, site.finding, site.disposal, site.disposedOn])).toEqual([
      ['导入测试闲置仓库乙', '东山村', null, null, '2026-02-04', '非法储存', '取缔', '2026-02-09'],
      ['导入测试闲置院落甲', '东山村', '王五', '13800002222', '2026-02-03', '无违法', '无需处置', null],
    ]);
  });

  it('round trip: the exported 排查整治台账 (all columns) reads back onto the same sites as unchanged', async () => {
    const { jobId } = await backend.call('exports.start', { ledger: 'idleSites', columns: idleSiteLedger.columns.map((column) => column.key) });
    await finish(jobId);
    const file = await backend.call('jobs.result', { id: jobId });
    const { importId, analysis } = await openFile(Buffer.from(file.dataBase64, 'base64'), file.fileName);
    const total = (await backend.call('idleSites.list', { pageSize: 1 })).total;
    const preview = await backend.call('imports.preview', { importId, mapping: analysis.mapping, duplicates: 'update' });
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({ total, unchanged: total });
  });
});
