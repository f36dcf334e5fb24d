import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { In, Out } from '../../../shared/api';
import type { Enterprise } from '../../../shared/api/enterprises';
import { distanceMeters, fromWgs84, type LngLat } from '../../../shared/domain/geo/datum';
import { usccCheckChar } from '../../../shared/domain/uscc';
import { enterpriseLedger } from '../../../shared/ledgers/definitions';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { authenticate } from '../auth/service';
import { jobFilesDir } from '../jobs/service';
import { startImport } from './service';

const fixturesDir = path.resolve(import.meta.dirname, '../../../../tests/fixtures/imports');

/** A valid USCC (correct check character) from a number, so tests never collide with the demo's. */
export function validUscc(n: number): string {
  const body = `9144190${String(n).padStart(10, '0')}`;
  return body + usccCheckChar(body);
}

async function finish(backend: TestBackend, jobId: string, token?: string): Promise<Out<'jobs.status'>> {
  for (;;) {
    const status = await backend.call('jobs.status', { id: jobId }, token);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function xlsxBytes(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('企业台账'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Uploads a file and waits for it to be read; returns the import id, or the failed job's status. */
async function open(backend: TestBackend, data: Buffer, fileName: string, token?: string) {
  const { importId, jobId } = await backend.call('imports.open', { entity: 'enterprises', fileName, dataBase64: data.toString('base64') }, token);
  const status = await finish(backend, jobId, token);
  return { importId, status };
}

async function importAll(backend: TestBackend, importId: string, mapping: (string | null)[], duplicates: 'skip' | 'update' = 'skip') {
  const { jobId } = await backend.call('imports.start', { importId, mapping, duplicates });
  const status = await finish(backend, jobId);
  const report = status.resultReady ? await backend.call('jobs.result', { id: jobId }) : null;
  return { status, report };
}

async function reportSheet(report: Out<'jobs.result'>) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.from(report.dataBase64, 'base64')).buffer);
  return workbook.worksheets[0];
}

/** Every enterprise in USCC order, page by page (a page holds at most 500). */
async function allEnterprises(backend: TestBackend): Promise<Enterprise[]> {
  const items: Enterprise[] = [];
  for (let page = 1; ; page += 1) {
    const result = await backend.call('enterprises.list', { page, pageSize: 500, sortField: 'uscc', sortOrder: 'ascend' });
    items.push(...result.items);
    if (items.length >= result.total) return items;
  }
}

const enterpriseCount = async (backend: TestBackend) => (await backend.call('enterprises.list', { pageSize: 1 })).total;

let backend: TestBackend;
let villageNames: string[];
beforeAll(async () => {
  backend = await makeTestBackend({ loadDemo: true });
  villageNames = (await backend.call('villages.list', { pageSize: 100, sortField: 'code', sortOrder: 'ascend' })).items.map((v) => v.name);
});
afterAll(() => backend.dispose());

/**
 * An office's own ledger as such files really are: a two-row merged title, a header with its own wording,
 * blank rows, full-width digits, numbers stored as text, dates in three forms (a column the enterprise record
 * does not keep: it must simply not get in the way), and some bad rows.
 */
async function messyLedger(): Promise<Buffer> {
  return xlsxBytes((sheet) => {
    sheet.mergeCells('A1:K1');
    sheet.getCell('A1').value = '示例镇企业安全生产基本情况台账（2025年度）';
    sheet.mergeCells('A2:K2');
    sheet.getCell('A2').value = '填报单位：示例镇应急办    填报时间：2025年12月';
    sheet.addRow(['序号', '企业名称', '统一社会信用代码', '所属村（社区）', '行业类别', '风险等级', '从业人员数', '成立日期', '主要负责人', '联系电话', '是否重点监管']);
    const fullWidth = (text: string) => text.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const wrongCheck = validUscc(5).slice(0, 17) + (validUscc(5).endsWith('0') ? '1' : '0');
    sheet.addRow([1, '甲塑胶制品有限公司', fullWidth(validUscc(1)), villageNames[0], '工贸-轻工', '一般', '１２０', '2021年5月20日', '张三', '13800000001', '是']);
    sheet.addRow([]);
    sheet.addRow([2, '乙五金厂', validUscc(2), villageNames[1], '机械', '低', '35人', '2021.5.20', '李四', '0769-88881234', '否']);
    sheet.addRow([3, '丙化工有限公司', validUscc(3), villageNames[2], '化工', '红', 80, new Date(Date.UTC(2021, 4, 20)), '王五', '13900000003', '√']);
    sheet.addRow([4, '丁印刷厂', wrongCheck, villageNames[0], '工贸-轻工', '一般', '12', 44336, '', '', '']);
    sheet.addRow([5, '戊家具厂', '91441900MA4', villageNames[0], '工贸-轻工', '一般', '12', '', '', '', '']);
    sheet.addRow([6, '己纺织厂', validUscc(6), '不存在村', '纺织', '一般', '约50', '', '', '12345', '']);
    sheet.addRow([]);
    sheet.addRow([7, '庚重复公司', validUscc(1), villageNames[0], '工贸-轻工', '一般', '', '', '', '', '']);
    sheet.addRow([8, '辛电子厂', validUscc(8), villageNames[3], '工贸-机械', '紫', '', '', '', '', '']);
    sheet.getCell('H5').numFmt = 'yyyy-mm-dd';
  });
}

describe('imports (enterprises)', () => {
  it('finds the header below a merged two-row title and maps columns from their synonyms', async () => {
    const { importId, status } = await open(backend, await messyLedger(), '企业台账.xlsx');
    expect(status).toMatchObject({ state: 'done' });
    const analysis = await backend.call('imports.analysis', { importId });
    expect(analysis).toMatchObject({ fileName: '企业台账.xlsx', sheetName: '企业台账', headerRowNumber: 3, dataRowCount: 8 });
    expect(analysis.columns.map((column) => column.header)).toEqual([
      '序号', '企业名称', '统一社会信用代码', '所属村（社区）', '行业类别', '风险等级', '从业人员数', '成立日期', '主要负责人', '联系电话', '是否重点监管',
    ]);
    expect(analysis.mapping).toEqual([null, 'name', 'uscc', 'village', 'industry', 'riskLevel', 'employees', null, 'principalName', 'principalPhone', 'keySupervised']);
    expect(analysis.columns[1].samples).toEqual(['甲塑胶制品有限公司', '乙五金厂', '丙化工有限公司']);
  });

  it('imports the good rows and reports each bad one exactly, by row and column', async () => {
    const before = await enterpriseCount(backend);
    const { importId } = await open(backend, await messyLedger(), '企业台账.xlsx');
    const { mapping } = await backend.call('imports.analysis', { importId });
    const preview = await backend.call('imports.preview', { importId, mapping });
    expect(preview).toMatchObject({ mappingProblems: [], total: 8, create: 3, update: 0, skip: 0, invalid: 5, problemsTruncated: false });
    expect(preview.problems).toEqual([
      { rowNumber: 8, column: '统一社会信用代码', message: expect.stringContaining('校验位') },
      { rowNumber: 9, column: '统一社会信用代码', message: '统一社会信用代码应为 18 位，当前为 11 位' },
      { rowNumber: 10, column: '从业人员数', message: '「约50」不是数字' },
      { rowNumber: 10, column: '所属村（社区）', message: '村/社区「不存在村」不存在，请先在“村/社区”中添加或改正名称' },
      { rowNumber: 10, column: '联系电话', message: expect.stringMatching(/电话/) },
      { rowNumber: 12, column: '统一社会信用代码', message: '与第 4 行的统一社会信用代码重复' },
      { rowNumber: 13, column: '风险等级', message: '风险等级「紫」无法识别，可填：重大、较大、一般、低（或 红、橙、黄、蓝）' },
    ]);
    expect(await enterpriseCount(backend)).toBe(before); // the preview writes nothing

    const { status, report } = await importAll(backend, importId, mapping);
    expect(status).toMatchObject({ state: 'done', message: '导入完成：新增 3 条，更新 0 条，有错误未导入 5 条', resultReady: true });
    expect(await enterpriseCount(backend)).toBe(before + 3);
    const imported = (await backend.call('enterprises.list', { q: '甲塑胶制品' })).items[0];
    expect(imported).toMatchObject({
      name: '甲塑胶制品有限公司',
      uscc: validUscc(1),
      villageName: villageNames[0],
      industry: '工贸-轻工',
      riskLevel: 'yellow',
      employees: 120,
      principalName: '张三',
      principalPhone: '13800000001',
      keySupervised: true,
      standardization: '未定级',
      status: '在产',
    });
    expect((await backend.call('enterprises.list', { q: '乙五金厂' })).items[0]).toMatchObject({ industry: '工贸-机械', riskLevel: 'blue', employees: 35, principalPhone: '0769-88881234', keySupervised: false });
    expect((await backend.call('enterprises.list', { q: '丙化工' })).items[0]).toMatchObject({ industry: '化工', riskLevel: 'red', employees: 80, keySupervised: true });
    // Each imported record has its own 变更记录 entry, by the importing user.
    const trail = await backend.call('audit.forRecord', { entity: 'enterprise', entityId: imported.id });
    expect(trail.items.map((entry) => [entry.action, entry.userName])).toEqual([['create', '管理员']]);

    // The report: the file's own header and every non-blank row as it was, plus 导入结果.
    const sheet = await reportSheet(report!);
    expect(report!.fileName).toBe('企业台账-导入报告-20260315.xlsx');
    expect(sheet.getRow(1).values).toEqual([undefined, '原行号', '序号', '企业名称', '统一社会信用代码', '所属村（社区）', '行业类别', '风险等级', '从业人员数', '成立日期', '主要负责人', '联系电话', '是否重点监管', '导入结果']);
    expect(sheet.rowCount).toBe(1 + 8);
    const results = Array.from({ length: 8 }, (_, i) => [sheet.getRow(i + 2).getCell(1).value, sheet.getRow(i + 2).getCell(13).value]);
    expect(results).toEqual([
      [4, '已新增'],
      [6, '已新增'],
      [7, '已新增'],
      [8, expect.stringMatching(/^未导入：【统一社会信用代码】.*校验位/)],
      [9, '未导入：【统一社会信用代码】统一社会信用代码应为 18 位，当前为 11 位'],
      [10, expect.stringMatching(/^未导入：【从业人员数】「约50」不是数字；【所属村（社区）】村\/社区「不存在村」不存在.*；【联系电话】/)],
      [12, '未导入：【统一社会信用代码】与第 4 行的统一社会信用代码重复'],
      [13, '未导入：【风险等级】风险等级「紫」无法识别，可填：重大、较大、一般、低（或 红、橙、黄、蓝）'],
    ]);
    // The date column comes back as a date.
    expect(sheet.getRow(2).getCell(9).value).toBe('2021年5月20日');
    expect(sheet.getRow(4).getCell(9).value).toEqual(new Date(Date.UTC(2021, 4, 20)));
  });

  it.each([
    ['enterprises-gbk.csv', 'GBK'],
    ['enterprises-utf8-bom.csv', 'UTF-8 with BOM'],
  ])('reads CSV saved by Excel (%s, %s): quotes, a combined 负责人及电话 column, 村委会 for the village', async (fileName) => {
    const local = await makeTestBackend({ loadDemo: true });
    try {
      const { importId, status } = await open(local, fs.readFileSync(path.join(fixturesDir, fileName)), fileName);
      expect(status).toMatchObject({ state: 'done' });
      const analysis = await local.call('imports.analysis', { importId });
      expect(analysis).toMatchObject({ headerRowNumber: 1, dataRowCount: 3 });
      expect(analysis.mapping).toEqual(['name', 'uscc', 'village', 'industry', 'riskLevel', 'principal', 'status', 'notes']);
      const { status: done } = await importAll(local, importId, analysis.mapping);
      expect(done.message).toBe('导入完成：新增 3 条，更新 0 条，有错误未导入 0 条');
      const find = async (name: string) => (await local.call('enterprises.list', { q: name })).items[0];
      expect(await find('东山五金制品厂')).toMatchObject({
        name: '东山五金制品厂（普通合伙）',
        uscc: '91441900000000101J',
        villageName: '东山村',
        industry: '工贸-机械',
        riskLevel: 'orange',
        principalName: '陈大文',
        principalPhone: '13800000101',
        notes: '含逗号,和"引号"',
      });
      expect(await find('西岭纸品')).toMatchObject({ riskLevel: 'blue', principalName: '林小梅', principalPhone: '0769-22223333', status: '停产' });
      expect(await find('南塘塑料厂')).toMatchObject({ villageName: '南塘村', riskLevel: 'yellow', principalName: null, status: '停产' });
    } finally {
      local.dispose();
    }
  });

  it('refuses what is not a spreadsheet, old .xls, and files without a recognisable header, with a clear message', async () => {
    const cases: [Buffer, string, string | RegExp][] = [
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), '照片.png', '「照片.png」不是 Excel（.xlsx）或 CSV 文件，无法导入'],
      [Buffer.from('PK\x03\x04 definitely not a zip archive'), '台账.xlsx', '无法读取该 Excel 文件：文件已损坏，或不是 .xlsx 格式'],
      [Buffer.from('just some words'), '台账.xlsx', '「台账.xlsx」不是有效的 Excel 文件（文件已损坏或只是改了扩展名）'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '旧台账.xls', /旧版 Excel 文件（\.xls）.*另存为/],
      [Buffer.alloc(0), '空.csv', '文件是空的，没有可导入的内容'],
      [Buffer.from('姓名,年龄\r\n张三,30\r\n'), '名单.csv', /没有找到表头：至少需要两个可识别的列名/],
      [Buffer.from('企业名称,统一社会信用代码\r\n'), '空表.csv', '表头（第 1 行）下面没有数据'],
    ];
    const before = await enterpriseCount(backend);
    for (const [data, fileName, message] of cases) {
      const { importId, status } = await open(backend, data, fileName);
      expect(status.state, fileName).toBe('failed');
      expect(status.message, fileName).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
      expect(await backend.dispatch('imports.analysis', { importId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await enterpriseCount(backend)).toBe(before);
  });

  it('names mapping problems and refuses to start with them', async () => {
    const { importId } = await open(backend, await messyLedger(), '企业台账.xlsx');
    const { mapping } = await backend.call('imports.analysis', { importId });
    const withoutRisk = mapping.map((key) => (key === 'riskLevel' ? null : key));
    const twice = mapping.map((key, index) => (index === 0 ? 'name' : key));
    const both = mapping.map((key, index) => (index === 7 ? 'principal' : key));
    expect((await backend.call('imports.preview', { importId, mapping: withoutRisk })).mappingProblems).toEqual(['必填字段「风险等级」没有对应的列']);
    expect((await backend.call('imports.preview', { importId, mapping: twice })).mappingProblems).toEqual(['「企业名称」对应了多个列，每个字段只能对应一列']);
    expect((await backend.call('imports.preview', { importId, mapping: both })).mappingProblems).toEqual([
      '「主要负责人及电话」与「主要负责人」「主要负责人电话」不能同时对应，请只保留一种',
    ]);
    expect(await backend.dispatch('imports.start', { importId, mapping: withoutRisk })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '必填字段「风险等级」没有对应的列' },
    });
  });

  it('skips or updates enterprises already registered; an update keeps what the file does not say', async () => {
    const local = await makeTestBackend({ loadDemo: true });
    try {
      const [first, second] = (await local.call('enterprises.list', { pageSize: 2, sortField: 'name', sortOrder: 'ascend' })).items;
      const file = await xlsxBytes((sheet) => {
        sheet.addRow(['企业名称', '统一社会信用代码', '所属村/社区', '行业领域', '风险等级', '从业人员']);
        sheet.addRow([first.name, first.uscc, first.villageName, first.industry, '重大', 999]);
        sheet.addRow([second.name, second.uscc, second.villageName, second.industry, riskWord[second.riskLevel], second.employees]);
      });
      const { importId } = await open(local, file, 'x.xlsx');
      const { mapping } = await local.call('imports.analysis', { importId });
      expect(await local.call('imports.preview', { importId, mapping })).toMatchObject({ total: 2, create: 0, skip: 2, invalid: 0 });
      expect(await local.call('imports.preview', { importId, mapping, duplicates: 'update' })).toMatchObject({ total: 2, update: 1, unchanged: 1 });

      const { status, report } = await importAll(local, importId, mapping, 'update');
      expect(status.message).toBe('导入完成：新增 0 条，更新 1 条，无变化 1 条，有错误未导入 0 条');
      const updated = await local.call('enterprises.get', { id: first.id });
      expect(updated).toMatchObject({ riskLevel: 'red', employees: 999, principalName: first.principalName, address: first.address, gridWorkerId: first.gridWorkerId });
      expect(await local.call('enterprises.get', { id: second.id })).toEqual(second);
      const trail = await local.call('audit.forRecord', { entity: 'enterprise', entityId: first.id });
      expect(trail.items[0]).toMatchObject({ action: 'update' });
      const sheet = await reportSheet(report!);
      expect(sheet.getRow(2).getCell(8).value).toBe(`已更新（更新已登记的「${first.name}」）`);
      expect(sheet.getRow(3).getCell(8).value).toBe(`无变化（与已登记的「${second.name}」相同）`);
    } finally {
      local.dispose();
    }
  });

  it("moves 经纬度 read off AMap (GCJ-02) or Baidu (BD-09) to WGS84, as the user states the file's system", async () => {
    // A WGS84 point in 虎门; the file holds it as AMap and Baidu show it, ~500 m away.
    const truth: LngLat = [113.672345, 22.812345];
    const gcj = fromWgs84(truth, 'GCJ02');
    const bd = fromWgs84(truth, 'BD09');
    expect(distanceMeters(truth, gcj)).toBeGreaterThan(300);
    // Its own town: the import reports it leaves behind must not meet the cancel test's check of the job folder.
    const local = await makeTestBackend();
    onTestFinished(() => local.dispose());
    await local.call('villages.create', { name: '东山村', kind: '村' });
    const row = (n: number, [lng, lat]: LngLat) => [`坐标企业${n}`, validUscc(40_000 + n), '东山村', '其他', '低', lng, lat];
    const header = ['企业名称', '统一社会信用代码', '所属村/社区', '行业领域', '风险等级', '经度', '纬度'];
    const imported = async (fileRows: unknown[][], coordinateSystem: 'WGS84' | 'GCJ02' | 'BD09') => {
      const { importId } = await open(local, await xlsxBytes((sheet) => [header, ...fileRows].forEach((cells) => sheet.addRow(cells))), 'points.xlsx');
      const { mapping } = await local.call('imports.analysis', { importId });
      expect(mapping.slice(5)).toEqual(['longitude', 'latitude']);
      const { jobId } = await local.call('imports.start', { importId, mapping, coordinateSystem });
      expect((await finish(local, jobId)).message).toMatch(/^导入完成：新增 \d+ 条/);
    };
    const stored = async (n: number) => {
      const found = (await local.call('enterprises.list', { q: `坐标企业${n}`, pageSize: 1 })).items[0];
      return [found.longitude, found.latitude] as LngLat;
    };

    await imported([row(1, gcj)], 'GCJ02');
    await imported([row(2, bd)], 'BD09');
    await imported([row(3, truth)], 'WGS84');
    for (const n of [1, 2, 3]) {
      const point = await stored(n);
      expect(distanceMeters(point, truth), `企业${n}`).toBeLessThan(0.5);
      // Rounded to the 6 decimals the forms store.
      expect(point.map((value) => Number(value.toFixed(6)))).toEqual(point);
    }

    // A system the app does not know is refused by name, before any row is read.
    const { importId } = await open(local, await xlsxBytes((sheet) => [header, row(4, truth)].forEach((cells) => sheet.addRow(cells))), 'points.xlsx');
    const { mapping } = await local.call('imports.analysis', { importId });
    const refused = await local.dispatch('imports.preview', { importId, mapping, coordinateSystem: 'CGCS2000' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fieldErrors: { coordinateSystem: '请选择文件中经纬度的坐标系' } } });
  });

  it('a cancelled import changes nothing and leaves no file', async () => {
    const before = await enterpriseCount(backend);
    const file = await xlsxBytes((sheet) => {
      sheet.addRow(['企业名称', '统一社会信用代码', '所属村/社区', '行业领域', '风险等级']);
      for (let i = 0; i < 200; i += 1) sheet.addRow([`取消测试企业${i}`, validUscc(10_000 + i), villageNames[i % 5], '其他', '低']);
    });
    const { importId } = await open(backend, file, 'cancel.xlsx');
    const { mapping } = await backend.call('imports.analysis', { importId });
    const user = authenticate(backend.ctx, backend.adminToken);
    const { jobId } = startImport({ ...backend.ctx, user, sessionToken: backend.adminToken }, { importId, mapping, duplicates: 'skip', coordinateSystem: 'WGS84' }, { chunkSize: 5 });
    let status = await backend.call('jobs.status', { id: jobId });
    while (status.state === 'running' && status.done === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      status = await backend.call('jobs.status', { id: jobId });
    }
    expect(status.done).toBeGreaterThan(0);
    expect(status.done).toBeLessThan(200);
    expect(await backend.call('jobs.cancel', { id: jobId })).toMatchObject({ state: 'cancelled', resultReady: false });
    expect(await enterpriseCount(backend)).toBe(before);
    expect((await backend.call('enterprises.list', { q: '取消测试企业' })).total).toBe(0);
    expect(fs.existsSync(jobFilesDir(backend)) ? fs.readdirSync(jobFilesDir(backend)) : []).toEqual([]);
  });

  it('only 管理员/工作人员 import; an import belongs to the user who opened it', async () => {
    const readonly = await backend.loginAs('readonly', 'leader-imports');
    const data = (await messyLedger()).toString('base64');
    expect(await backend.dispatch('imports.open', { entity: 'enterprises', fileName: 'a.xlsx', dataBase64: data }, readonly)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const staff = await backend.loginAs('staff', 'staff-imports');
    const { importId } = await open(backend, Buffer.from(data, 'base64'), 'a.xlsx', staff);
    expect(await backend.call('imports.analysis', { importId }, staff)).toMatchObject({ dataRowCount: 8 });
    expect(await backend.dispatch('imports.analysis', { importId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await backend.call('imports.close', { importId }, staff);
    expect(await backend.dispatch('imports.analysis', { importId }, staff)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

const riskWord = { red: '重大', orange: '较大', yellow: '一般', blue: '低' } as const;

/** The fields the form edits, with the village and grid worker by name (ids differ between databases). */
function comparable(enterprise: Enterprise) {
  const { id: _id, createdAt: _c, updatedAt: _u, villageId: _v, gridWorkerId: _g, ...rest } = enterprise;
  return rest;
}

describe('export → import round trip', () => {
  it('importing the exported 企业基本信息台账 (all columns) into another database gives back the same enterprises', async () => {
    const { jobId } = await backend.call('exports.start', { ledger: 'enterprises', columns: enterpriseLedger.columns.map((column) => column.key) });
    await finish(backend, jobId);
    const exported = await backend.call('jobs.result', { id: jobId });
    const original = await allEnterprises(backend);
    expect(original.length).toBeGreaterThan(400);

    const target = await makeTestBackend();
    try {
      // Same villages and grid workers (by name) as the source office.
      const villageIds = new Map<number, number>();
      for (const village of (await backend.call('villages.list', { pageSize: 100 })).items) {
        const { id, createdAt: _c, updatedAt: _u, enterpriseCount: _e, ...fields } = village as typeof village & { enterpriseCount?: number };
        villageIds.set(id, (await target.call('villages.create', fields as In<'villages.create'>)).id);
      }
      for (const worker of (await backend.call('gridWorkers.list', { pageSize: 500 })).items) {
        await target.call('gridWorkers.create', { name: worker.name, kind: worker.kind, phone: worker.phone, notes: worker.notes, villageIds: worker.villageIds.map((id) => villageIds.get(id)!) });
      }
      const { importId, status } = await open(target, Buffer.from(exported.dataBase64, 'base64'), exported.fileName);
      expect(status.state).toBe('done');
      const analysis = await target.call('imports.analysis', { importId });
      expect(analysis.headerRowNumber).toBe(4); // below the title, 填报单位 and filter lines
      const { status: done } = await importAll(target, importId, analysis.mapping);
      expect(done.message).toBe(`导入完成：新增 ${original.length} 条，更新 0 条，有错误未导入 0 条`);
      const imported = await allEnterprises(target);
      expect(imported.map(comparable)).toEqual(original.map(comparable));
    } finally {
      target.dispose();
    }
  });
});
