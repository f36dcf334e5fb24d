import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Out } from '../../../shared/api';
import { tankLedger } from '../../../shared/ledgers/definitions';
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
  const { importId, jobId } = await backend.call('imports.open', { entity: 'tanks', fileName, dataBase64: data.toString('base64') });
  expect((await finish(jobId)).state).toBe('done');
  return { importId, analysis: await backend.call('imports.analysis', { importId }) };
}

async function run(importId: string, mapping: (string | null)[], duplicates: 'skip' | 'update' = 'skip') {
  const { jobId } = await backend.call('imports.start', { importId, mapping, duplicates });
  return finish(jobId);
}

describe('imports (tanks)', () => {
  it('matches owners by USCC or name, reads dates in the forms offices write them, and reports bad rows', async () => {
    const [hazardous] = (await backend.call('tanks.list', { category: '危化品企业储罐', pageSize: 1 })).items;
    const enterprise = await backend.call('enterprises.get', { id: hazardous.enterpriseId! });
    const [idle] = (await backend.call('tanks.list', { category: '四闲场所储罐', pageSize: 1 })).items;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('储罐');
    sheet.mergeCells('A1:I1');
    sheet.getCell('A1').value = '储罐排查登记表';
    sheet.addRow(['所属单位', '统一社会信用代码', '罐号', '储存介质', '设计容积(m³)', '储罐状态', '是否公开标识', '责任人及电话', '登记日期']);
    sheet.addRow([enterprise.name, '', 'N-01', '甲醇', '１００', '在用', '是', '张三 13800000001', '2026年2月3日']);
    sheet.addRow(['', enterprise.uscc, 'N-02', '甲醇', 50, '停用', '否', '', '2026.2.4']);
    sheet.addRow([idle.ownerName, '', 'N-03', '柴油', '20', '闲置', '√', '李四', 46059]); // Excel serial of 2026-02-06 (45658 is 2025-01-01)
    sheet.addRow(['不存在的公司', '', 'N-04', '柴油', '20', '', '', '', '']);
    sheet.addRow([enterprise.name, '', 'N-01', '甲醇', '100', '', '', '', '']);
    sheet.addRow([enterprise.name, '', 'N-05', '甲醇', '一百', '', '', '', '2026年2月30日']);
    sheet.addRow([enterprise.name, '', hazardous.code, '甲醇', '', '', '', '', '']);
    const { importId, analysis } = await openFile(Buffer.from(await workbook.xlsx.writeBuffer()), '储罐.xlsx');
    expect(analysis.headerRowNumber).toBe(2);
    expect(analysis.mapping).toEqual(['ownerName', 'ownerUscc', 'code', 'medium', 'designCapacityM3', 'status', 'publicLabel', 'responsible', 'registeredOn']);

    const preview = await backend.call('imports.preview', { importId, mapping: analysis.mapping });
    expect(preview).toMatchObject({ total: 7, create: 3, skip: 1, invalid: 3 });
    expect(preview.problems).toEqual([
      { rowNumber: 6, column: '所属单位', message: '「不存在的公司」不是已登记的企业或四闲场所，请先登记或改正名称' },
      { rowNumber: 7, column: '罐号', message: '与第 3 行是同一单位的同一罐号' },
      { rowNumber: 8, column: '设计容积(m³)', message: '「一百」不是数字' },
      { rowNumber: 8, column: '登记日期', message: '「2026年2月30日」不是存在的日期' },
    ]);

    const done = await run(importId, analysis.mapping);
    expect(done.message).toBe('导入完成：新增 3 条，更新 0 条，已存在跳过 1 条，有错误未导入 3 条');
    const created = (await backend.call('tanks.list', { q: 'N-0', pageSize: 10, sortField: 'code', sortOrder: 'ascend' })).items;
    expect(created.map((t) => [t.code, t.ownerName, t.designCapacityM3, t.status, t.publicLabel, t.responsibleName, t.responsiblePhone, t.registeredOn])).toEqual([
      ['N-01', enterprise.name, 100, '在用', true, '张三', '13800000001', '2026-02-03'],
      ['N-02', enterprise.name, 50, '停用', false, null, null, '2026-02-04'],
      ['N-03', idle.ownerName, 20, '闲置', true, '李四', null, '2026-02-06'],
    ]);
    // Each new tank's history starts with its registration.
    expect(await backend.call('tanks.statusHistory', { id: created[1].id })).toMatchObject([{ changedOn: '2026-02-04', toStatus: '停用', reason: '登记' }]);
  });

  it('round trip: the exported 储罐台账 (all columns) imports back onto the same tanks as unchanged', async () => {
    const { jobId } = await backend.call('exports.start', { ledger: 'tanks', columns: tankLedger.columns.map((column) => column.key) });
    await finish(jobId);
    const file = await backend.call('jobs.result', { id: jobId });
    const { importId, analysis } = await openFile(Buffer.from(file.dataBase64, 'base64'), file.fileName);
    expect(analysis.headerRowNumber).toBe(4);
    const total = (await backend.call('tanks.list', { pageSize: 1 })).total;
    const preview = await backend.call('imports.preview', { importId, mapping: analysis.mapping, duplicates: 'update' });
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({ total, unchanged: total, update: 0, create: 0, invalid: 0 });
  });
});
