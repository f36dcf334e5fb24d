import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Out } from '../../../shared/api';
import { filingLedger } from '../../../shared/ledgers/definitions';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';

let backend: TestBackend;
let chemical: Out<'enterprises.get'>;
let other: Out<'enterprises.get'>;

beforeAll(async () => {
  backend = await makeTestBackend({ loadDemo: true });
  const list = await backend.call('enterprises.list', { status: '在产', pageSize: 500 });
  chemical = await backend.call('enterprises.get', { id: list.items.find((e) => e.industry === '化工' || e.industry === '危化生产')!.id });
  other = await backend.call('enterprises.get', { id: list.items.find((e) => e.industry.startsWith('工贸'))!.id });
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
  const { importId, jobId } = await backend.call('imports.open', { entity: 'filings', fileName, dataBase64: data.toString('base64') });
  expect((await finish(jobId)).state).toBe('done');
  return { importId, analysis: await backend.call('imports.analysis', { importId }) };
}

const allDocuments = '施工方案、施工资质、应急处置措施、作业许可证、气体分析记录';

describe('imports (特殊作业报备登记台账)', () => {
  it('reads times in every form, keeps historic findings as warnings, numbers rows from the sequence and refuses broken rows', async () => {
    const existing = await backend.call('filings.create', {
      enterpriseId: chemical.id,
      kind: '动火',
      grade: '二级',
      place: '导入测试既有报备',
      content: '焊接',
      plannedStart: '2026-03-16 08:00',
      plannedEnd: '2026-03-16 12:00',
      leaderName: '王五',
      guardianName: '赵六',
      documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证', '气体分析记录'],
      warningReason: '测试',
    });
    const sequenceBefore = Number(existing.number.slice(5));

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('报备登记');
    sheet.mergeCells('A1:R1');
    sheet.getCell('A1').value = '2026年特殊作业报备登记表';
    sheet.addRow(['序号', '报备编号', '企业名称', '统一社会信用代码', '作业类别', '级别', '作业地点', '作业内容', '计划开始时间', '计划结束时间', '施工单位', '资质证书编号', '作业负责人及电话', '监护人', '作业人员', '已交材料', '状态', '实际完工']);
    const row = (values: Record<string, ExcelJS.CellValue>) => {
      const header = sheet.getRow(2).values as string[];
      sheet.addRow(header.slice(1).map((name) => values[name] ?? null));
    };
    const base = { 企业名称: chemical.name, 作业类别: '动火', 级别: '二级', 作业内容: '管线动火', 作业负责人及电话: '王建国 13800138000', 监护人: '李卫东' };
    row({ ...base, 序号: 1, 作业类别: '动火作业', 作业地点: '导入测试 1 号罐区', 计划开始时间: '2026-11-23 08:00', 计划结束时间: '2026/11/23 16:00', 施工单位: '安达机电', 资质证书编号: 'D244012345', 作业人员: '张三（T123）、李四', 已交材料: allDocuments });
    row({ ...base, 序号: 2, 报备编号: '2026-0300', 企业名称: '', 统一社会信用代码: other.uscc, 作业类别: '高处', 级别: 'Ⅱ级', 作业地点: '导入测试 厂房屋面', 计划开始时间: new Date(Date.UTC(2026, 0, 5, 9, 0)), 计划结束时间: 46027 + 17 / 24, 状态: '已完成', 实际完工: '2026年1月5日16时30分' });
    row({ ...base, 序号: 3, 作业地点: '导入测试 2 号罐区', 计划开始时间: '2026年11月24日8时', 计划结束时间: '2026年11月24日18时', 状态: '准予作业' });
    row({ ...base, 序号: 4, 企业名称: '不存在的公司', 作业地点: '导入测试 x', 计划开始时间: '2026-11-25 08:00', 计划结束时间: '2026-11-25 12:00' });
    row({ ...base, 序号: 5, 作业地点: '导入测试 y', 计划开始时间: '2026-11-25 12:00', 计划结束时间: '2026-11-25 08:00' });
    row({ ...base, 序号: 6, 作业地点: '导入测试 z', 计划开始时间: '明天上午', 计划结束时间: '2026-11-25' });
    row({ ...base, 序号: 7, 作业类别: '爆破', 作业地点: '导入测试 w', 计划开始时间: '2026-11-25 08:00', 计划结束时间: '2026-11-25 12:00' });
    row({ ...base, 序号: 8, 级别: '', 作业地点: '导入测试 v', 计划开始时间: '2026-11-26 08:00', 计划结束时间: '2026-11-26 12:00' });
    row({ ...base, 序号: 9, 报备编号: '2026-0300', 作业地点: '导入测试 u', 计划开始时间: '2026-11-27 08:00', 计划结束时间: '2026-11-27 12:00' });
    row({ ...base, 序号: 10, 报备编号: existing.number, 作业地点: '导入测试既有报备', 计划开始时间: '2026-03-16 08:00', 计划结束时间: '2026-03-16 12:00' });
    row({ ...base, 序号: 11, 作业类别: '受限空间', 级别: '一级', 作业地点: '导入测试 反应釜', 计划开始时间: '2026-11-28 08:00', 计划结束时间: '2026-11-28 12:00', 已交材料: '施工方案、作业票、无人机' });
    row({ ...base, 序号: 12, 作业类别: '受限空间', 级别: '一级', 作业地点: '导入测试 反应釜', 计划开始时间: '2026-11-28 08:00', 计划结束时间: '2026-11-28 12:00', 已交材料: '施工方案、作业票' });
    row({ ...base, 序号: 13, 作业类别: '受限空间', 级别: '/', 作业地点: '导入测试 反应釜', 计划开始时间: '2026-11-28 08:00', 计划结束时间: '2026-11-28 12:00' });

    const { importId, analysis } = await openFile(Buffer.from(await workbook.xlsx.writeBuffer()), '报备登记.xlsx');
    expect(analysis.headerRowNumber).toBe(2);
    expect(analysis.mapping).toEqual([
      null, 'number', 'enterpriseName', 'enterpriseUscc', 'kind', 'grade', 'place', 'content', 'plannedStart', 'plannedEnd',
      'contractor', 'contractorQualification', 'leader', 'guardianName', 'workers', 'documents', 'status', 'actualEnd',
    ]);

    const preview = await backend.call('imports.preview', { importId, mapping: analysis.mapping });
    expect(preview.problems).toEqual([
      { rowNumber: 6, column: '企业名称', message: '「不存在的公司」不是已登记的企业，请先登记该企业或改正名称' },
      { rowNumber: 7, column: '计划结束时间', message: '计划结束时间须晚于计划开始时间' },
      { rowNumber: 8, column: '计划开始时间', message: '「明天上午」不是可识别的时间（可写作 2026-11-23 08:00、2026/11/23 8:00 或 2026年11月23日8时）' },
      { rowNumber: 8, column: '计划结束时间', message: '「2026-11-25」只有日期，请写明时间（到分钟），可写作 2026-11-23 08:00、2026/11/23 8:00 或 2026年11月23日8时' },
      { rowNumber: 9, column: '作业类别', message: expect.stringContaining('作业类别「爆破」无法识别，可填：动火、受限空间') },
      { rowNumber: 10, column: '级别', message: '动火作业须选择级别（特级/一级/二级）' },
      { rowNumber: 11, column: '报备编号', message: '与第 4 行的报备编号相同' },
      { rowNumber: 13, column: '已交材料', message: expect.stringContaining('材料「无人机」无法识别') },
      { rowNumber: 15, column: '（整行）', message: '与第 14 行是同一作业（企业、类别、时间、地点相同）' },
    ]);
    expect(preview).toMatchObject({ total: 13, create: 4, skip: 1, invalid: 8, update: 0 });

    const done = await finish((await backend.call('imports.start', { importId, mapping: analysis.mapping })).jobId);
    expect(done.message).toBe('导入完成：新增 4 条，更新 0 条，已存在跳过 1 条，有错误未导入 8 条');

    const imported = (await backend.call('filings.list', { q: '导入测试', sortField: 'plannedStart', sortOrder: 'ascend', pageSize: 50 })).items.filter((f) => f.id !== existing.id);
    expect(imported.map((f) => [f.place, f.kind, f.grade, f.status, f.plannedStart, f.plannedEnd, f.actualEnd])).toEqual([
      ['导入测试 厂房屋面', '高处', 'Ⅱ级', '已完工', '2026-01-05 09:00', '2026-01-05 17:00', '2026-01-05 16:30'],
      ['导入测试 1 号罐区', '动火', '二级', '待审核', '2026-11-23 08:00', '2026-11-23 16:00', null],
      ['导入测试 2 号罐区', '动火', '二级', '准予作业', '2026-11-24 08:00', '2026-11-24 18:00', null],
      ['导入测试 反应釜', '受限空间', null, '待审核', '2026-11-28 08:00', '2026-11-28 12:00', null],
    ]);
    // The file's number is kept and moves the year's sequence past it; rows without one get the next number
    // when they are written (row 3 before the row numbered 2026-0300, row 5 after it).
    expect(imported[0].number).toBe('2026-0300');
    expect(imported[1].number).toBe(`2026-${String(sequenceBefore + 1).padStart(4, '0')}`);
    expect(imported[2].number).toBe('2026-0301');

    const first = await backend.call('filings.get', { id: imported[1].id });
    expect(first).toMatchObject({
      enterpriseId: chemical.id,
      contractor: '安达机电',
      contractorQualification: 'D244012345',
      leaderName: '王建国',
      leaderPhone: '13800138000',
      guardianName: '李卫东',
      workers: [
        { name: '张三', certificateNo: 'T123' },
        { name: '李四', certificateNo: null },
      ],
      documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证', '气体分析记录'],
      warnings: [],
      warningReason: null,
    });
    expect(await backend.call('filings.history', { id: first.id })).toMatchObject([{ action: 'create', fromStatus: null, toStatus: '待审核', remark: '从Excel导入', createdBy: '管理员' }]);

    // A historic record out of line with the rules (a 化工 enterprise's filing without its documents) is kept,
    // with the findings as warnings and the reason saying it was imported.
    const approved = await backend.call('filings.get', { id: imported[2].id });
    expect(approved.warnings.map((warning) => warning.code)).toEqual(['documents-missing']);
    expect(approved.warningReason).toBe('从Excel导入的历史记录，导入前未经本程序审核');
    expect(await backend.call('filings.history', { id: approved.id })).toMatchObject([{ action: 'create', toStatus: '准予作业', remark: '从Excel导入' }]);
    const completed = await backend.call('filings.get', { id: imported[0].id });
    expect(completed).toMatchObject({ enterpriseId: other.id, status: '已完工', actualEnd: '2026-01-05 16:30', heightM: null, grade: 'Ⅱ级' });
    expect((await backend.call('filings.get', { id: imported[3].id })).documents).toEqual(['施工方案', '作业许可证']);

    // The sequence moved past the file's number: the next filing made in the program does not clash with it.
    const next = await backend.call('filings.create', {
      enterpriseId: chemical.id,
      kind: '动土',
      place: '导入后新报备',
      content: '开挖',
      plannedStart: '2026-03-20 08:00',
      plannedEnd: '2026-03-20 12:00',
      leaderName: '王五',
      guardianName: '赵六',
      documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证'],
      warningReason: '测试',
    });
    expect(next.number).toBe('2026-0303'); // 0302 went to the 受限空间 row
  });

  it('round trip: the exported register (all columns) imports back as already registered, with no problems', async () => {
    const { jobId } = await backend.call('exports.start', { ledger: 'filings', filters: { q: '导入测试' }, columns: filingLedger.columns.map((column) => column.key) });
    await finish(jobId);
    const file = await backend.call('jobs.result', { id: jobId });
    const { importId, analysis } = await openFile(Buffer.from(file.dataBase64, 'base64'), file.fileName);
    expect(analysis.headerRowNumber).toBe(4);
    const total = (await backend.call('filings.list', { q: '导入测试', pageSize: 1 })).total;
    expect(total).toBe(5);
    const preview = await backend.call('imports.preview', { importId, mapping: analysis.mapping, duplicates: 'update' });
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({ total, skip: total, create: 0, update: 0, invalid: 0 });
  });

  it('refuses a mapping without the enterprise or the work leader', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('报备');
    sheet.addRow(['作业类别', '作业地点', '作业内容', '计划开始', '计划结束', '监护人']);
    sheet.addRow(['动火', '某处', '某事', '2026-11-23 08:00', '2026-11-23 12:00', '张三']);
    const { importId, analysis } = await openFile(Buffer.from(await workbook.xlsx.writeBuffer()), '报备.xlsx');
    const preview = await backend.call('imports.preview', { importId, mapping: analysis.mapping });
    expect(preview.mappingProblems).toEqual(['请为「企业名称」或「统一社会信用代码」至少对应一列，用来找到报备企业', '请为「作业负责人」或「作业负责人及电话」对应一列']);
  });
});
