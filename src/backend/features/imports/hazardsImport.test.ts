import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiName, In, Out } from '../../../shared/api';
import { ledgerDefinitions } from '../../../shared/ledgers/definitions';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { usccSeries } from '../../../../tests/fixtures/uscc';

/** Every backend here stands at Monday 2026-06-15 09:00 (so 2026-06-16 is in the future). */
const now = '2026-06-15T09:00:00.000Z';

const nextUscc = usccSeries(960);
const plantUscc = nextUscc();
const millUscc = nextUscc();

interface Office {
  backend: TestBackend;
  call<N extends ApiName>(name: N, input: In<N>): Promise<Out<N>>;
  east: number;
  /** 化工 in 东山村, imported by its USCC. */
  plant: Out<'enterprises.create'>;
  /** 工贸-机械 in 西岭村, imported by its name. */
  mill: Out<'enterprises.create'>;
  /** An idle site in 东山村, imported by its name. */
  site: Out<'idleSites.create'>;
}

/** A town with the same villages, enterprises (names and USCCs) and idle site in every backend. */
async function openOffice(): Promise<Office> {
  const backend = await makeTestBackend();
  backend.clock.set(now);
  const token = (await backend.call('auth.login', { username: 'admin', password: 'Admin12345' }, null)).token;
  const call = <N extends ApiName>(name: N, input: In<N>) => backend.call(name, input, token);
  await call('settings.update', { orgName: '示例镇应急管理办公室', townName: '示例镇', preparer: null, reviewer: null, principal: null });
  const east = (await call('villages.create', { name: '东山村', kind: '村' })).id;
  const west = (await call('villages.create', { name: '西岭村', kind: '村' })).id;
  const plant = await call('enterprises.create', { name: '东山精细化工有限公司', uscc: plantUscc, villageId: east, industry: '化工', riskLevel: 'orange' });
  const mill = await call('enterprises.create', { name: '西岭五金厂', uscc: millUscc, villageId: west, industry: '工贸-机械', riskLevel: 'yellow' });
  const site = await call('idleSites.create', { name: '东山村旧砖厂', villageId: east, kind: '厂房', foundOn: '2026-03-01', finding: '无违法', disposal: '无需处置' });
  return { backend, call, east, plant, mill, site };
}

async function finish(office: Office, jobId: string): Promise<Out<'jobs.status'>> {
  for (;;) {
    const status = await office.call('jobs.status', { id: jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function openFile(office: Office, data: Buffer, fileName: string) {
  const { importId, jobId } = await office.call('imports.open', { entity: 'hazards', fileName, dataBase64: data.toString('base64') });
  expect((await finish(office, jobId)).state).toBe('done');
  return { importId, analysis: await office.call('imports.analysis', { importId }) };
}

async function run(office: Office, importId: string, mapping: (string | null)[]) {
  const { jobId } = await office.call('imports.start', { importId, mapping });
  return finish(office, jobId);
}

/** What a hazard looks like for comparing two registers. */
async function hazardFacts(office: Office) {
  const { items } = await office.call('hazards.list', { sortField: 'foundOn', sortOrder: 'ascend', pageSize: 100 });
  return items.map((h) => ({
    targetName: h.targetName,
    villageName: h.villageName,
    foundOn: h.foundOn,
    place: h.place,
    description: h.description,
    level: h.level,
    basis: h.basis,
    deadline: h.deadline,
    measures: h.measures,
    responsibleName: h.responsibleName,
    source: h.source,
    status: h.status,
    closedOn: h.closedOn,
  }));
}

const header = ['序号', '单位名称', '统一社会信用代码', '村/社区', '发现日期', '隐患部位', '隐患描述', '隐患等级', '依据', '整改期限', '整改措施', '整改责任人', '来源', '状态', '销号日期'];

let office: Office;
let registered: Out<'hazards.get'>;
beforeAll(async () => {
  office = await openOffice();
  const inspection = await office.call('inspections.create', {
    enterpriseId: office.plant.id,
    inspectedOn: '2026-06-10',
    kind: '执法',
    inspectors: '王强',
    hazards: [{ place: '配电房', description: '配电箱未接地', level: '重大', deadline: '2026-07-31' }],
  });
  [registered] = (await office.call('inspections.get', { id: inspection.id })).hazards;
});
afterAll(() => office.backend.dispose());

describe('imports (隐患)', () => {
  it('reads an office’s hazard register: units by USCC, name or idle site, dates in every form; reports bad rows by row and column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('隐患台账');
    sheet.mergeCells(1, 1, 1, header.length);
    sheet.getCell('A1').value = '示例镇隐患排查治理台账（2026年）';
    sheet.mergeCells(2, 1, 2, header.length);
    sheet.getCell('A2').value = '填报单位：示例镇应急管理办公室　　填报日期：2026年6月15日';
    sheet.getRow(3).values = header;
    const at = (rowNumber: number, values: Record<string, ExcelJS.CellValue>) => {
      sheet.getRow(rowNumber).values = header.map((name) => values[name] ?? null);
    };
    at(4, {
      序号: 1, 统一社会信用代码: plantUscc, 发现日期: '2026年5月8日', 隐患部位: '二号罐区', 隐患描述: '储罐区可燃气体报警器未定期检定', 隐患等级: '一般隐患',
      依据: 'GB 50493-2019 第3.0.1条', 整改期限: '2026.6.30', 整改措施: '送检报警器', 整改责任人: '陈工 13800138000',
    });
    at(5, { 序号: 2, 单位名称: ' 西岭五金厂 ', 发现日期: new Date(Date.UTC(2026, 4, 20)), 隐患部位: '冲压车间', 隐患描述: '冲床防护罩缺失', 隐患等级: '重大隐患', 整改期限: new Date(Date.UTC(2026, 6, 20)), 来源: '企业自查' });
    // Row 6 is blank: passed over.
    at(7, { 序号: 3, 单位名称: '东山村旧砖厂', '村/社区': '东山村', 发现日期: '2026-04-02', 隐患部位: '东侧仓房', 隐患描述: '违规存放桶装溶剂', 隐患等级: '一般', 整改期限: '2026-04-30', 来源: '群众举报', 状态: '已销号', 销号日期: '2026.5.10' });
    at(8, { 序号: 4, 单位名称: '不存在的工厂', 发现日期: '2026-06-01', 隐患部位: '车间', 隐患描述: '灭火器过期', 隐患等级: '一般', 整改期限: '2026-06-30' });
    at(9, { 序号: 5, 统一社会信用代码: plantUscc, 发现日期: '2026-06-01', 隐患部位: '仓库', 隐患描述: '仓库内堆放物料堵塞安全出口', 隐患等级: '一般', 整改期限: '2026-05-01' });
    at(10, { 序号: 6, 统一社会信用代码: plantUscc, 发现日期: '2026-06-16', 隐患部位: '仓库', 隐患描述: '明天发现的隐患', 隐患等级: '一般', 整改期限: '2026-06-30' });
    at(11, { 序号: 7, 统一社会信用代码: plantUscc, 发现日期: '2026-06-01', 隐患部位: '仓库', 隐患等级: '一般', 整改期限: '2026-06-30' });
    at(12, { 序号: 8, 统一社会信用代码: plantUscc, 发现日期: '2026-06-01', 隐患部位: '仓库', 隐患描述: '消防通道被占用', 隐患等级: '较大', 整改期限: '2026-06-30' });
    // Row 4 again, the unit by name this time: the same hazard twice in one file.
    at(13, { 序号: 9, 单位名称: '东山精细化工有限公司', 发现日期: '2026-05-08', 隐患部位: '二号罐区', 隐患描述: '储罐区可燃气体报警器未定期检定', 隐患等级: '一般', 整改期限: '2026-06-30' });
    // Registered before the import: skipped, never changed.
    at(14, { 序号: 10, 单位名称: '东山精细化工有限公司', 发现日期: '2026-06-10', 隐患部位: '配电房', 隐患描述: '配电箱未接地', 隐患等级: '重大', 整改期限: '2026-08-31' });
    at(15, { 序号: 11, 单位名称: '西岭五金厂', 发现日期: '2026-06-01', 隐患部位: '喷涂间', 隐患描述: '喷涂间未设置防爆电气', 隐患等级: '一般', 整改期限: '2026-06-30', 状态: '整改中' });
    at(16, { 序号: 12, 单位名称: '西岭五金厂', 发现日期: '2026-06-01', 隐患部位: '焊接区', 隐患描述: '焊机外壳未接地', 隐患等级: '一般', 整改期限: '2026-06-30', 状态: '已整改' });
    const data = Buffer.from(await workbook.xlsx.writeBuffer());

    const { importId, analysis } = await openFile(office, data, '隐患台账.xlsx');
    expect(analysis.headerRowNumber).toBe(3);
    expect(analysis.mapping).toEqual([null, 'unitName', 'uscc', 'village', 'foundOn', 'place', 'description', 'level', 'basis', 'deadline', 'measures', 'responsible', 'source', 'status', 'closedOn']);

    const before = (await office.call('hazards.list', {})).total;
    const preview = await office.call('imports.preview', { importId, mapping: analysis.mapping });
    expect(preview.problems).toEqual([
      { rowNumber: 8, column: '单位名称', message: '「不存在的工厂」不是已登记的企业或“四闲”场所，请先登记或改正名称' },
      { rowNumber: 9, column: '整改期限', message: '整改期限不能早于发现日期（2026-06-01）' },
      { rowNumber: 10, column: '发现日期', message: '发现日期不能晚于今天（2026-06-15）' },
      { rowNumber: 11, column: '隐患描述', message: '请填写隐患描述' },
      { rowNumber: 12, column: '隐患等级', message: '隐患等级「较大」无法识别，可填：一般、重大' },
      { rowNumber: 13, column: '隐患描述', message: '与第 4 行是同一隐患（单位、发现日期、隐患描述相同）' },
      { rowNumber: 15, column: '状态', message: '状态「整改中」不能导入：只能导入待整改或已销号的隐患；请按“待整改”导入，再在系统中登记整改进度' },
      { rowNumber: 16, column: '销号日期', message: '已销号的隐患须填写销号日期' },
    ]);
    expect(preview).toMatchObject({ total: 12, create: 3, skip: 1, invalid: 8, update: 0 });
    // The preview writes nothing.
    expect((await office.call('hazards.list', {})).total).toBe(before);

    const done = await run(office, importId, analysis.mapping);
    expect(done.message).toBe('导入完成：新增 3 条，更新 0 条，已存在跳过 1 条，有错误未导入 8 条');

    const facts = await hazardFacts(office);
    expect(facts).toEqual([
      {
        targetName: '东山村旧砖厂', villageName: '东山村', foundOn: '2026-04-02', place: '东侧仓房', description: '违规存放桶装溶剂', level: '一般', basis: null,
        deadline: '2026-04-30', measures: null, responsibleName: null, source: '举报', status: '已销号', closedOn: '2026-05-10',
      },
      {
        targetName: '东山精细化工有限公司', villageName: '东山村', foundOn: '2026-05-08', place: '二号罐区', description: '储罐区可燃气体报警器未定期检定', level: '一般',
        basis: 'GB 50493-2019 第3.0.1条', deadline: '2026-06-30', measures: '送检报警器', responsibleName: '陈工', source: '检查', status: '待整改', closedOn: null,
      },
      {
        targetName: '西岭五金厂', villageName: '西岭村', foundOn: '2026-05-20', place: '冲压车间', description: '冲床防护罩缺失', level: '重大', basis: null,
        deadline: '2026-07-20', measures: null, responsibleName: null, source: '自查', status: '待整改', closedOn: null,
      },
      {
        targetName: '东山精细化工有限公司', villageName: '东山村', foundOn: '2026-06-10', place: '配电房', description: '配电箱未接地', level: '重大', basis: null,
        deadline: '2026-07-31', measures: null, responsibleName: null, source: '检查', status: '待整改', closedOn: null,
      },
    ]);
    const { items } = await office.call('hazards.list', { sortField: 'foundOn', sortOrder: 'ascend' });
    // Imported without an inspection record, numbered in the year's sequence after the registered one.
    expect(items.map((h) => [h.number, h.inspectionId === null])).toEqual([
      ['2026-00004', true],
      ['2026-00002', true],
      ['2026-00003', true],
      [registered.number, false],
    ]);
    expect(items[1].responsiblePhone).toBe('13800138000');
    expect(items[0]).toMatchObject({ reinspectedOn: null, reinspectionPassed: null, overdue: false });
    const history = await office.call('hazards.history', { id: items[0].id });
    expect(history.map((step) => [step.fromStatus, step.toStatus, step.on])).toEqual([
      [null, '待整改', '2026-04-02'],
      ['待整改', '已销号', '2026-05-10'],
    ]);
    expect(history[1].remark).toContain('导入时已销号');
    // The registered hazard was left as it was (the file's later deadline was not taken).
    expect((await office.call('hazards.get', { id: registered.id })).updatedAt).toBe(registered.updatedAt);
    // The figures count the imported closure as rectified.
    const figures = await office.call('hazards.statistics', { from: '2026-01-01', to: '2026-12-31' });
    expect(figures).toMatchObject({ found: 4, rectified: 1 });
  });

  it('refuses a mapping that cannot tell whose hazards they are, and a 已销号 before it was found', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('隐患');
    sheet.addRow(['发现日期', '隐患部位', '隐患描述', '隐患等级', '整改期限']);
    sheet.addRow(['2026-06-01', '车间', '灭火器过期', '一般', '2026-06-30']);
    const { importId, analysis } = await openFile(office, Buffer.from(await workbook.xlsx.writeBuffer()), '隐患.xlsx');
    const preview = await office.call('imports.preview', { importId, mapping: analysis.mapping });
    expect(preview.mappingProblems).toEqual(['请为「单位名称」或「统一社会信用代码」至少对应一列，用来找到隐患所在的单位']);

    const closed = new ExcelJS.Workbook();
    const rows = closed.addWorksheet('隐患');
    rows.addRow(['单位', '发现日期', '部位', '隐患描述', '等级', '整改期限', '状态', '销号日期']);
    rows.addRow(['西岭五金厂', '2026-06-01', '车间', '灭火器过期', '一般', '2026-06-30', '待整改（逾期）', '2026-05-01']);
    rows.addRow(['西岭五金厂', '2026-06-01', '仓库', '货架未固定', '一般', '2026-06-30', '已销号', '2026-05-01']);
    rows.addRow(['西岭五金厂', '2026-06-01', '仓库', '叉车无证驾驶', '一般', '2026-06-30', '', '2026-06-16']);
    const second = await openFile(office, Buffer.from(await closed.xlsx.writeBuffer()), '隐患2.xlsx');
    const checked = await office.call('imports.preview', { importId: second.importId, mapping: second.analysis.mapping });
    expect(checked.problems).toEqual([
      { rowNumber: 2, column: '销号日期', message: '状态为待整改的隐患不应有销号日期' },
      { rowNumber: 3, column: '销号日期', message: '销号日期不能早于发现日期（2026-06-01）' },
      { rowNumber: 4, column: '销号日期', message: '销号日期不能晚于今天（2026-06-15）' },
    ]);
  });
});

describe('round trip', () => {
  it('the exported hazard register imports into another office and reproduces it', async () => {
    const other = await openOffice();
    try {
      const columns = ledgerDefinitions.hazards.columns.map((column) => column.key);
      const exported = async () => {
        const { jobId } = await office.call('exports.start', { ledger: 'hazards', filters: {}, columns });
        expect((await finish(office, jobId)).state).toBe('done');
        const file = await office.call('jobs.result', { id: jobId });
        return { data: Buffer.from(file.dataBase64, 'base64'), fileName: file.fileName };
      };
      const file = await exported();
      const { importId, analysis } = await openFile(other, file.data, file.fileName);
      const preview = await other.call('imports.preview', { importId, mapping: analysis.mapping });
      expect(preview.mappingProblems).toEqual([]);
      expect(preview.problems).toEqual([]);
      expect(preview).toMatchObject({ total: 4, create: 4, invalid: 0 });
      await run(other, importId, analysis.mapping);
      const facts = await hazardFacts(office);
      expect(facts).toHaveLength(4);
      expect(await hazardFacts(other)).toEqual(facts);

      // Imported again, everything is already registered.
      const again = await openFile(other, (await exported()).data, file.fileName);
      const twice = await other.call('imports.preview', { importId: again.importId, mapping: again.analysis.mapping });
      expect(twice).toMatchObject({ create: 0, invalid: 0, skip: 4 });
    } finally {
      other.backend.dispose();
    }
  });
});
