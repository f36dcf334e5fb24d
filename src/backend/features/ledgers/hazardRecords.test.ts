import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiName, In, Out } from '../../../shared/api';
import { defaultColumnKeys } from '../../../shared/ledgers/definitions';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { usccSeries } from '../../../../tests/fixtures/uscc';
import { chineseDate } from './service';

/** Monday 2026-06-15. */
const now = '2026-06-15T09:00:00.000Z';
const nextUscc = usccSeries(970);

let backend: TestBackend;
let token: string;
const call = <N extends ApiName>(name: N, input: In<N>) => backend.call(name, input, token);

let east: Out<'villages.create'>;
let west: Out<'villages.create'>;
let plant: Out<'enterprises.create'>;
let mill: Out<'enterprises.create'>;
let site: Out<'idleSites.create'>;
/** The mill's order (第1号, reviewed, its one hazard closed) and the plant's (第2号, one of three closed). */
let millOrder: Out<'orders.create'>;
let plantOrder: Out<'orders.create'>;

const plantOfficers = '王强（执法证 44190001）、李明（执法证 44190002）';
const millOfficers = '周敏（执法证 44190003）';

const found = (place: string, description: string, overrides: { level?: '一般' | '重大'; deadline?: string } = {}) => ({
  place,
  description,
  level: overrides.level ?? ('一般' as const),
  deadline: overrides.deadline ?? '2026-06-30',
});

async function exportWorkbook(request: In<'exports.start'>) {
  const { jobId } = await call('exports.start', request);
  for (;;) {
    const status = await call('jobs.status', { id: jobId });
    if (status.state !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const file = await call('jobs.result', { id: jobId });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.from(file.dataBase64, 'base64')).buffer);
  return { fileName: file.fileName, sheet: workbook.worksheets[0] };
}

/** Rectified and closed by a passed 复查. */
async function close(hazardId: number, rectifiedOn: string, reinspectedOn: string) {
  await call('hazards.transition', { id: hazardId, action: 'submitForReview', on: rectifiedOn, remark: '已整改' });
  await call('hazards.transition', { id: hazardId, action: 'reinspect', on: reinspectedOn, passed: true, reinspector: '王强' });
}

beforeAll(async () => {
  backend = await makeTestBackend();
  backend.clock.set(now);
  token = (await backend.call('auth.login', { username: 'admin', password: 'Admin12345' }, null)).token;
  await call('settings.update', { orgName: '示例镇应急管理办公室', townName: '示例镇', preparer: '李丽芳', reviewer: '赵敏', principal: '陈国华' });
  east = await call('villages.create', { name: '东山村', kind: '村' });
  west = await call('villages.create', { name: '西岭村', kind: '村' });
  plant = await call('enterprises.create', { name: '东山精细化工有限公司', uscc: nextUscc(), villageId: east.id, industry: '化工', riskLevel: 'orange' });
  mill = await call('enterprises.create', { name: '西岭五金厂', uscc: nextUscc(), villageId: west.id, industry: '工贸-机械', riskLevel: 'yellow' });
  site = await call('idleSites.create', { name: '东山村旧砖厂', villageId: east.id, kind: '厂房', foundOn: '2026-03-01', finding: '非法储存', disposal: '贴封条', disposedOn: '2026-03-02' });

  // Entered out of the registers' order on purpose: they read by date and by number.
  const plantVisit = await call('inspections.create', {
    enterpriseId: plant.id,
    inspectedOn: '2026-06-10',
    kind: '执法',
    inspectors: '王强、李明',
    items: '动火作业管理、可燃气体报警、安全出口',
    notes: '企业主要负责人陪同检查',
    hazards: [
      found('二号罐区', '储罐区可燃气体报警器未定期检定'),
      found('仓库', '仓库内堆放物料堵塞安全出口'),
      found('配电房', '配电箱未接地', { level: '重大', deadline: '2026-07-31' }),
    ],
  });
  await call('inspections.create', { idleSiteId: site.id, inspectedOn: '2026-04-02', kind: '专项', inspectors: '张伟', items: '“四闲”场所排查', hazards: [] });
  const millVisit = await call('inspections.create', {
    enterpriseId: mill.id,
    inspectedOn: '2026-05-20',
    kind: '日常',
    inspectors: '周敏',
    hazards: [found('冲压车间', '冲床防护罩缺失', { deadline: '2026-06-01' })],
  });
  const plantHazards = (await call('inspections.get', { id: plantVisit.id })).hazards;
  const [millHazard] = (await call('inspections.get', { id: millVisit.id })).hazards;

  millOrder = await call('orders.create', { hazardIds: [millHazard.id], issuedOn: '2026-05-21', deadline: '2026-06-01', officers: millOfficers, content: '立即加装冲床防护罩。' });
  plantOrder = await call('orders.create', { hazardIds: plantHazards.map((hazard) => hazard.id), issuedOn: '2026-06-11', deadline: '2026-06-30', officers: plantOfficers });
  await close(millHazard.id, '2026-05-30', '2026-06-03');
  await call('orders.review', { id: millOrder.id, reviewedOn: '2026-06-03', opinion: '所列隐患已整改完毕，符合要求。' });
  await close(plantHazards[0].id, '2026-06-12', '2026-06-13');
});
afterAll(() => backend.dispose());

describe('隐患排查检查记录台账 (ledgers.data, inspections)', () => {
  it('lists every inspection earliest first, with its kind spelt out and what it found and closed', async () => {
    const data = await call('ledgers.data', { ledger: 'inspections' });
    expect(data).toMatchObject({
      title: '示例镇隐患排查检查记录台账',
      orgName: '示例镇应急管理办公室',
      date: chineseDate(backend.clock.now()),
      orientation: 'landscape',
      filterSummary: '范围：全部',
      signatures: { preparer: '李丽芳', reviewer: '赵敏', principal: '陈国华' },
    });
    expect(data.columns.map((column) => column.header)).toEqual(['检查日期', '被检查单位', '村/社区', '检查类型', '检查人员', '检查项目', '发现隐患', '其中重大', '已销号', '备注']);
    expect(data.columns.map((column) => column.key)).toEqual(defaultColumnKeys('inspections'));
    expect(data.rows).toEqual([
      ['2026-04-02', '东山村旧砖厂', '东山村', '专项检查', '张伟', '“四闲”场所排查', 0, 0, 0, null],
      ['2026-05-20', '西岭五金厂', '西岭村', '日常检查', '周敏', null, 1, 0, 1, null],
      ['2026-06-10', '东山精细化工有限公司', '东山村', '执法检查', '王强、李明', '动火作业管理、可燃气体报警、安全出口', 3, 1, 1, '企业主要负责人陪同检查'],
    ]);

    const extra = await call('ledgers.data', { ledger: 'inspections', columns: ['targetName', 'industry', 'createdBy'] });
    expect(extra.columns.map((column) => column.header)).toEqual(['被检查单位', '行业领域', '录入人']);
    expect(extra.rows).toEqual([
      ['东山村旧砖厂', null, '管理员'],
      ['西岭五金厂', '工贸-机械', '管理员'],
      ['东山精细化工有限公司', '化工', '管理员'],
    ]);
  });

  it('prints what the list shows: its filters, named in the summary line, and its order when handed over', async () => {
    const filters = { kind: '执法' as const, villageId: east.id, from: '2026-06-01', to: '2026-06-30' };
    const narrowed = await call('ledgers.data', { ledger: 'inspections', filters, columns: ['inspectedOn', 'targetName'] });
    expect(narrowed.filterSummary).toBe('筛选条件：检查类型：执法检查；村/社区：东山村；检查日期：2026-06-01 至 2026-06-30');
    expect(narrowed.rows).toEqual([['2026-06-10', '东山精细化工有限公司']]);
    const listed = await call('inspections.list', { ...filters, page: 1, pageSize: 20 });
    expect(listed.items.map((item) => [item.inspectedOn, item.targetName])).toEqual(narrowed.rows);

    const bySite = await call('ledgers.data', { ledger: 'inspections', filters: { idleSiteId: site.id }, columns: ['targetName'] });
    expect(bySite.filterSummary).toBe('筛选条件：四闲场所：东山村旧砖厂');
    expect(bySite.rows).toEqual([['东山村旧砖厂']]);
    const byText = await call('ledgers.data', { ledger: 'inspections', filters: { enterpriseId: mill.id, q: '周敏' }, columns: ['inspectors'] });
    expect(byText.filterSummary).toBe('筛选条件：企业：西岭五金厂；关键词：“周敏”');
    expect(byText.rows).toEqual([['周敏']]);

    // The list's default is newest first; handed over, the register follows it, row for row.
    const newestFirst = await call('ledgers.data', { ledger: 'inspections', sortField: 'inspectedOn', sortOrder: 'descend', columns: ['inspectedOn'] });
    const page = await call('inspections.list', { page: 1, pageSize: 20 });
    expect(newestFirst.rows.map((row) => row[0])).toEqual(['2026-06-10', '2026-05-20', '2026-04-02']);
    expect(page.items.map((item) => item.inspectedOn)).toEqual(newestFirst.rows.map((row) => row[0]));
  });

  it('exports the register to Excel with real dates, counts as numbers and its filter line', async () => {
    const { fileName, sheet } = await exportWorkbook({ ledger: 'inspections', filters: { villageId: east.id } });
    expect(fileName).toBe('示例镇隐患排查检查记录台账-20260615.xlsx');
    expect(sheet.name).toBe('隐患排查检查记录台账');
    expect(sheet.getCell('A1').value).toBe('示例镇隐患排查检查记录台账');
    expect(sheet.getCell('A3').value).toBe('筛选条件：村/社区：东山村');
    expect(sheet.getRow(4).values).toEqual([undefined, '序号', '检查日期', '被检查单位', '村/社区', '检查类型', '检查人员', '检查项目', '发现隐患', '其中重大', '已销号', '备注']);
    expect(sheet.rowCount).toBe(4 + 2);
    expect(sheet.getRow(5).values).toEqual([undefined, 1, new Date(Date.UTC(2026, 3, 2)), '东山村旧砖厂', '东山村', '专项检查', '张伟', '“四闲”场所排查', 0, 0, 0]);
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      2,
      new Date(Date.UTC(2026, 5, 10)),
      '东山精细化工有限公司',
      '东山村',
      '执法检查',
      '王强、李明',
      '动火作业管理、可燃气体报警、安全出口',
      3,
      1,
      1,
      '企业主要负责人陪同检查',
    ]);
    expect(sheet.getCell('B5').numFmt).toBe('yyyy-mm-dd');
  });
});

describe('责令限期整改指令书台账 (ledgers.data, orders)', () => {
  it('lists every order in number order with its hazards, deadline, officers and review', async () => {
    const data = await call('ledgers.data', { ledger: 'orders' });
    expect(data).toMatchObject({ title: '示例镇责令限期整改指令书台账', orientation: 'landscape', filterSummary: '范围：全部' });
    expect(data.columns.map((column) => column.header)).toEqual(['文书编号', '下达日期', '被责令单位', '村/社区', '隐患条数', '整改期限', '执法人员', '已销号', '复查日期']);
    expect(data.columns.map((column) => column.key)).toEqual(defaultColumnKeys('orders'));
    expect(data.rows).toEqual([
      ['示例镇应急责改〔2026〕第1号', '2026-05-21', '西岭五金厂', '西岭村', 1, '2026-06-01', millOfficers, 1, '2026-06-03'],
      ['示例镇应急责改〔2026〕第2号', '2026-06-11', '东山精细化工有限公司', '东山村', 3, '2026-06-30', plantOfficers, 1, null],
    ]);

    const extra = await call('ledgers.data', { ledger: 'orders', columns: ['content', 'reviewNumber', 'reviewOpinion', 'createdBy'] });
    expect(extra.columns.map((column) => column.header)).toEqual(['指令内容', '复查意见书编号', '复查意见', '录入人']);
    expect(extra.rows).toEqual([
      ['立即加装冲床防护罩。', '示例镇应急责改〔2026〕第1号（复查）', '所列隐患已整改完毕，符合要求。', '管理员'],
      [null, null, null, '管理员'],
    ]);
  });

  it('prints what the list shows: its filters, named in the summary line, and its order when handed over', async () => {
    const open = await call('ledgers.data', { ledger: 'orders', filters: { open: true }, columns: ['number'] });
    expect(open.filterSummary).toBe('筛选条件：仅隐患未全部销号');
    expect(open.rows).toEqual([[plantOrder.number]]);
    expect((await call('orders.list', { open: true, page: 1, pageSize: 20 })).items.map((order) => [order.number])).toEqual(open.rows);
    const overdue = await call('ledgers.data', { ledger: 'orders', filters: { overdue: true }, columns: ['number'] });
    expect(overdue.filterSummary).toBe('筛选条件：仅已逾期');
    expect((await call('orders.list', { overdue: true, page: 1, pageSize: 20 })).items.map((order) => [order.number])).toEqual(overdue.rows);

    const narrowed = await call('ledgers.data', { ledger: 'orders', filters: { villageId: west.id, enterpriseId: mill.id, from: '2026-05-01', q: '周敏' }, columns: ['number'] });
    expect(narrowed.filterSummary).toBe('筛选条件：村/社区：西岭村；企业：西岭五金厂；下达日期：2026-05-01 至 …；关键词：“周敏”');
    expect(narrowed.rows).toEqual([[millOrder.number]]);
    const none = await call('ledgers.data', { ledger: 'orders', filters: { to: '2026-05-20' }, columns: ['number'] });
    expect(none.filterSummary).toBe('筛选条件：下达日期：… 至 2026-05-20');
    expect(none.rows).toEqual([]);

    const newestFirst = await call('ledgers.data', { ledger: 'orders', sortField: 'issuedOn', sortOrder: 'descend', columns: ['number'] });
    expect(newestFirst.rows).toEqual([[plantOrder.number], [millOrder.number]]);
    expect((await call('orders.list', { page: 1, pageSize: 20 })).items.map((order) => [order.number])).toEqual(newestFirst.rows);
  });

  it('exports the register to Excel with real dates and counts as numbers', async () => {
    const { fileName, sheet } = await exportWorkbook({ ledger: 'orders', filters: { open: true }, columns: ['number', 'issuedOn', 'targetName', 'hazardCount', 'deadline', 'officers', 'closedCount'] });
    expect(fileName).toBe('示例镇责令限期整改指令书台账-20260615.xlsx');
    expect(sheet.name).toBe('责令限期整改指令书台账');
    expect(sheet.getCell('A3').value).toBe('筛选条件：仅隐患未全部销号');
    expect(sheet.getRow(4).values).toEqual([undefined, '序号', '文书编号', '下达日期', '被责令单位', '隐患条数', '整改期限', '执法人员', '已销号']);
    expect(sheet.rowCount).toBe(4 + 1);
    expect(sheet.getRow(5).values).toEqual([undefined, 1, plantOrder.number, new Date(Date.UTC(2026, 5, 11)), '东山精细化工有限公司', 3, new Date(Date.UTC(2026, 5, 30)), plantOfficers, 1]);
  });
});
