import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiName, In, Out } from '../../../shared/api';
import { ledgerDefinitions } from '../../../shared/ledgers/definitions';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { usccSeries } from '../../../../tests/fixtures/uscc';

/** Every backend here stands at Tuesday 2026-10-20 09:00 (so 2026-10-21 is in the future). */
const now = '2026-10-20T09:00:00.000Z';

const nextUscc = usccSeries(700);

interface Office {
  backend: TestBackend;
  call<N extends ApiName>(name: N, input: In<N>): Promise<Out<N>>;
  village: number;
  /** 危化生产, imported by its USCC. */
  chem: Out<'enterprises.create'>;
  /** 工贸-机械, imported by its name. */
  trade: Out<'enterprises.create'>;
}

const chemUscc = nextUscc();
const tradeUscc = nextUscc();

/** A town with 南塘村 and 东山村 and the same two enterprises (same names and USCCs) in every backend. */
async function openOffice(): Promise<Office> {
  const backend = await makeTestBackend();
  backend.clock.set(now);
  // The setup session began months before `now`: sign in again on the day the office works.
  const token = (await backend.call('auth.login', { username: 'admin', password: 'Admin12345' }, null)).token;
  const call = <N extends ApiName>(name: N, input: In<N>) => backend.call(name, input, token);
  const village = (await call('villages.create', { name: '南塘村', kind: '村' })).id;
  await call('villages.create', { name: '东山村', kind: '村' });
  const chem = await call('enterprises.create', { name: '导入测试危化公司', uscc: chemUscc, villageId: village, industry: '危化生产', riskLevel: 'orange' });
  const trade = await call('enterprises.create', { name: '导入测试机械厂', uscc: tradeUscc, villageId: village, industry: '工贸-机械', riskLevel: 'blue' });
  return { backend, call, village, chem, trade };
}

async function finish(office: Office, jobId: string): Promise<Out<'jobs.status'>> {
  for (;;) {
    const status = await office.call('jobs.status', { id: jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function openFile(office: Office, entity: 'plans' | 'drills', data: Buffer, fileName: string) {
  const { importId, jobId } = await office.call('imports.open', { entity, fileName, dataBase64: data.toString('base64') });
  expect((await finish(office, jobId)).state).toBe('done');
  return { importId, analysis: await office.call('imports.analysis', { importId }) };
}

async function run(office: Office, importId: string, mapping: (string | null)[]) {
  const { jobId } = await office.call('imports.start', { importId, mapping });
  return finish(office, jobId);
}

/** A sheet with a merged title over `header`, rows written by column name. */
function sheetWith(title: string, header: string[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.getCell('A1').value = title;
  sheet.getRow(2).values = header;
  const at = (rowNumber: number, values: Record<string, ExcelJS.CellValue>) => {
    sheet.getRow(rowNumber).values = header.map((name) => values[name] ?? null);
  };
  return { workbook, at, data: async () => Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** What a plan looks like for comparing two registers. */
function planFacts(plan: Out<'plans.get'>) {
  return {
    ownerType: plan.ownerType,
    ownerName: plan.ownerName,
    name: plan.name,
    kind: plan.kind,
    status: plan.status,
    lastEvaluatedOn: plan.lastEvaluatedOn,
    version: plan.current.version,
    docNo: plan.current.docNo,
    issuedOn: plan.current.issuedOn,
    reviewOn: plan.current.reviewOn,
    reviewResult: plan.current.reviewResult,
    signatory: plan.current.signatory,
    filingDept: plan.current.filingDept,
    filingOn: plan.current.filingOn,
    filingNumber: plan.current.filingNumber,
  };
}

async function allPlanFacts(office: Office) {
  const { items } = await office.call('plans.list', { sortField: 'name', sortOrder: 'ascend', pageSize: 500 });
  return Promise.all(items.map(async (row) => planFacts(await office.call('plans.get', { id: row.id }))));
}

function drillFacts(drill: Out<'drills.get'>) {
  const { id: _id, planId: _p, enterpriseId: _e, villageId: _v, ownerVillageId: _ov, createdAt: _c, updatedAt: _u, createdBy: _b, ...facts } = drill;
  return facts;
}

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.backend.dispose());

const planHeader = [
  '序号', '所属单位类型', '单位名称', '统一社会信用代码', '预案名称', '预案类别', '版本号', '文号', '发布日期', '评审方式', '评审日期',
  '评审专家人数', '评审结论', '签署人', '备案部门', '备案日期', '备案编号', '最近评估日期', '状态', '备注',
];

describe('imports (应急预案)', () => {
  it('reads an office’s plan register: owners of every type, dates in every form, short kinds; reports bad rows by row and column', async () => {
    const registered = await office.call('plans.create', {
      ownerType: 'enterprise',
      enterpriseId: office.trade.id,
      kind: '现场处置方案',
      name: '触电现场处置方案',
      version: 'V1.0',
      issuedOn: '2023-05-01',
    });
    const { at, data } = sheetWith('示例镇应急预案管理台账', planHeader);
    at(4, {
      序号: 1, 所属单位类型: '企业', 统一社会信用代码: chemUscc, 预案名称: '生产安全事故综合应急预案', 预案类别: '综合', 版本号: 'V2.0',
      文号: '危化安〔2024〕3号', 发布日期: '2024年3月5日', 评审方式: '专家评审', 评审日期: '2024.2.20', 评审专家人数: '3人', 评审结论: '通过',
      签署人: '张总', 备案部门: '区应急管理局', 备案日期: new Date(Date.UTC(2024, 2, 20)), 备案编号: 'BA-2024-01', 最近评估日期: '2025-12-01', 状态: '有效',
    });
    // Row 5 is blank: passed over.
    at(6, { 序号: 2, 单位名称: office.trade.name, 预案名称: '机械伤害专项应急预案', 预案类别: '专项', 发布日期: '2024.3.5', 备注: '车间主任负责' });
    at(7, { 序号: 3, 所属单位类型: '村', 单位名称: '南塘村委会', 预案名称: '南塘村防汛总体应急预案', 预案类别: '总体', 发布日期: new Date(Date.UTC(2024, 2, 5)) });
    at(8, { 序号: 4, 所属单位类型: '镇', 预案名称: '突发事件总体应急预案', 预案类别: '总体预案', 版本号: '2025版', 文号: '示府〔2025〕1号', 发布日期: '2025-01-10' });
    at(9, { 序号: 5, 所属单位类型: '部门', 单位名称: '镇城建办', 预案名称: '建设工程安全事故应急预案', 预案类别: '部门预案', 发布日期: '2025-02-01' });
    // No type and a name nothing registered matches: a 部门预案 can only be a department's.
    at(10, { 序号: 6, 单位名称: '镇安监办', 预案名称: '危化品事故部门应急预案', 预案类别: '部门', 发布日期: '2025-02-02' });
    at(11, { 序号: 7, 所属单位类型: '企业', 单位名称: '不存在的公司', 预案名称: '综合应急预案', 预案类别: '综合', 发布日期: '2024-01-01' });
    at(12, { 序号: 8, 所属单位类型: '村', 单位名称: '南塘村', 预案名称: '南塘村综合应急预案', 预案类别: '综合预案', 发布日期: '2024-01-01' });
    at(13, { 序号: 9, 统一社会信用代码: chemUscc, 预案名称: '明天的预案', 预案类别: '专项', 发布日期: '2026-10-21' });
    at(14, { 序号: 10, 统一社会信用代码: chemUscc, 预案名称: '坏日期预案', 预案类别: '专项', 发布日期: '2024年2月30日' });
    at(15, { 序号: 11, 统一社会信用代码: chemUscc, 预案名称: '', 预案类别: '专项', 发布日期: '2024-01-01' });
    at(16, { 序号: 12, 统一社会信用代码: chemUscc, 预案名称: '生产安全事故综合应急预案', 预案类别: '综合', 发布日期: '2024-03-05' });
    at(17, { 序号: 13, 单位名称: office.trade.name, 预案名称: '触电现场处置方案', 预案类别: '现场处置', 发布日期: '2023-05-01' });
    at(18, { 序号: 14, 单位名称: '某某协会', 预案名称: '协会预案', 预案类别: '专项', 发布日期: '2024-01-01' });
    at(19, { 序号: 15, 统一社会信用代码: chemUscc, 预案名称: '评审不通过的预案', 预案类别: '专项', 发布日期: '2024-01-01', 评审日期: '2023-12-01', 评审结论: '不通过', 备案日期: '2024-01-05' });

    const { importId, analysis } = await openFile(office, 'plans', await data(), '应急预案台账.xlsx');
    expect(analysis.headerRowNumber).toBe(2);
    expect(analysis.mapping).toEqual([
      null, 'ownerType', 'ownerName', 'ownerUscc', 'name', 'kind', 'version', 'docNo', 'issuedOn', 'reviewKind', 'reviewOn',
      'reviewExperts', 'reviewResult', 'signatory', 'filingDept', 'filingOn', 'filingNumber', 'lastEvaluatedOn', 'status', 'notes',
    ]);

    const before = (await office.call('plans.list', {})).total;
    const preview = await office.call('imports.preview', { importId, mapping: analysis.mapping });
    expect(preview.problems).toEqual([
      { rowNumber: 11, column: '单位名称', message: '「不存在的公司」不是已登记的企业，请先登记该企业或改正名称' },
      { rowNumber: 12, column: '预案类别', message: '村（社区）的预案类别应为总体预案、专项预案' },
      { rowNumber: 13, column: '发布日期', message: '发布日期不能晚于今天（2026-10-20）' },
      { rowNumber: 14, column: '发布日期', message: '「2024年2月30日」不是存在的日期' },
      { rowNumber: 15, column: '预案名称', message: '请填写预案名称' },
      { rowNumber: 16, column: '预案名称', message: '与第 4 行是同一单位的同名预案' },
      { rowNumber: 18, column: '所属单位类型', message: expect.stringContaining('「某某协会」不是已登记的企业或村/社区，无法判断所属单位类型') },
      { rowNumber: 19, column: '评审结论', message: '评审不通过的预案不能发布；请修改后重新评审' },
      { rowNumber: 19, column: '备案部门', message: '已填写备案日期，请填写备案部门' },
    ]);
    expect(preview).toMatchObject({ total: 15, create: 6, skip: 1, invalid: 8, update: 0 });
    // The preview writes nothing.
    expect((await office.call('plans.list', {})).total).toBe(before);

    const done = await run(office, importId, analysis.mapping);
    expect(done.message).toBe('导入完成：新增 6 条，更新 0 条，已存在跳过 1 条，有错误未导入 8 条');

    const plans = await allPlanFacts(office);
    const byName = (name: string) => plans.find((plan) => plan.name === name);
    expect(byName('生产安全事故综合应急预案')).toEqual({
      ownerType: 'enterprise', ownerName: '导入测试危化公司', name: '生产安全事故综合应急预案', kind: '综合预案', status: '现行', lastEvaluatedOn: '2025-12-01',
      version: 'V2.0', docNo: '危化安〔2024〕3号', issuedOn: '2024-03-05', reviewOn: '2024-02-20', reviewResult: '通过', signatory: '张总',
      filingDept: '区应急管理局', filingOn: '2024-03-20', filingNumber: 'BA-2024-01',
    });
    expect(byName('机械伤害专项应急预案')).toMatchObject({ ownerType: 'enterprise', ownerName: '导入测试机械厂', kind: '专项预案', version: 'V1.0', issuedOn: '2024-03-05' });
    expect(byName('南塘村防汛总体应急预案')).toMatchObject({ ownerType: 'village', ownerName: '南塘村', kind: '总体预案', issuedOn: '2024-03-05' });
    expect(byName('突发事件总体应急预案')).toMatchObject({ ownerType: 'town', ownerName: '示例镇', version: '2025版', docNo: '示府〔2025〕1号', issuedOn: '2025-01-10' });
    expect(byName('建设工程安全事故应急预案')).toMatchObject({ ownerType: 'department', ownerName: '镇城建办', kind: '部门预案' });
    expect(byName('危化品事故部门应急预案')).toMatchObject({ ownerType: 'department', ownerName: '镇安监办', kind: '部门预案' });
    expect(plans.filter((plan) => plan.name === '触电现场处置方案')).toHaveLength(1);

    const chemPlan = (await office.call('plans.list', { enterpriseId: office.chem.id })).items.find((plan) => plan.name === '生产安全事故综合应急预案')!;
    const full = await office.call('plans.get', { id: chemPlan.id });
    expect(full.current).toMatchObject({ reviewKind: '评审', reviewExperts: 3, createdBy: '管理员' });
    expect(full.versions).toHaveLength(1);
    const machine = (await office.call('plans.list', { enterpriseId: office.trade.id })).items.find((plan) => plan.name === '机械伤害专项应急预案')!;
    expect((await office.call('plans.get', { id: machine.id })).notes).toBe('车间主任负责');
    // The registered plan was left as it was.
    expect((await office.call('plans.get', { id: registered.id })).updatedAt).toBe(registered.updatedAt);
  });

  it('refuses a mapping that cannot tell whose plans they are', async () => {
    const { at, data } = sheetWith('预案', ['预案名称', '预案类别', '发布日期']);
    at(3, { 预案名称: '某预案', 预案类别: '专项', 发布日期: '2024-01-01' });
    const { importId, analysis } = await openFile(office, 'plans', await data(), '预案.xlsx');
    const preview = await office.call('imports.preview', { importId, mapping: analysis.mapping });
    expect(preview.mappingProblems).toEqual(['请为「所属单位」「统一社会信用代码」或「所属单位类型」至少对应一列，用来确定预案属于哪个单位']);
  });
});

const drillHeader = ['演练日期', '演练名称', '所属单位类型', '所属单位', '统一社会信用代码', '演练预案', '演练类型', '演练形式', '组织单位', '演练地点', '参与人数', '消防参与', '演练情况', '评估结论'];

describe('imports (应急演练)', () => {
  it('matches the plan drilled by name, reads 35人 and √, and reports unknown plans', async () => {
    const registered = await office.call('drills.create', {
      ownerType: 'enterprise',
      enterpriseId: office.trade.id,
      name: '已登记的演练',
      heldOn: '2026-03-01',
      scope: '专项演练',
      form: '实战演练',
      organiser: '导入测试机械厂',
      participants: 12,
    });
    const { at, data } = sheetWith('2026年应急演练记录', drillHeader);
    at(3, {
      演练日期: '2026年4月15日', 演练名称: '仓库火灾综合演练', 所属单位类型: '企业', 统一社会信用代码: chemUscc, 演练预案: '生产安全事故综合应急预案', 演练类型: '综合',
      演练形式: '实战', 演练地点: '1号仓库', 参与人数: '35人', 消防参与: '√', 演练情况: '疏散员工，消防中队协同灭火', 评估结论: '达到预期效果',
    });
    at(4, { 演练日期: '2026.5.10', 演练名称: '防汛桌面推演', 所属单位类型: '村', 所属单位: '南塘村', 演练预案: '南塘村防汛总体应急预案', 演练形式: '桌面演练', 组织单位: '南塘村委会', 参与人数: 20, 消防参与: '否' });
    at(5, { 演练日期: new Date(Date.UTC(2026, 5, 1)), 演练名称: '镇综合应急演练', 所属单位类型: '镇', 演练类型: '综合演练', 演练形式: '实战演练', 组织单位: '镇应急办', 参与人数: '２００人' });
    // No owner: the plan's name is the town's only one of that name, so the plan says whose drill it is.
    at(6, { 演练日期: '2026-06-20', 演练名称: '机械伤害专项演练', 演练预案: '机械伤害专项应急预案', 演练类型: '专项', 演练形式: '实战', 参与人数: '15 人' });
    at(7, { 演练日期: '2026-07-01', 演练名称: '不知哪个预案', 所属单位: office.chem.name, 演练预案: '不存在的预案', 演练类型: '专项', 演练形式: '实战', 参与人数: 10 });
    at(8, { 演练日期: '2026-10-21', 演练名称: '明天的演练', 所属单位: office.chem.name, 演练类型: '专项', 演练形式: '实战', 参与人数: 10 });
    at(9, { 演练日期: '2026-03-01', 演练名称: '已登记的演练', 所属单位: office.trade.name, 演练类型: '专项', 演练形式: '实战', 参与人数: 12 });
    at(10, { 演练日期: '2026-04-15', 演练名称: '仓库火灾综合演练', 统一社会信用代码: chemUscc, 演练类型: '综合', 演练形式: '实战', 参与人数: 35 });
    at(11, { 演练日期: '2026-08-01', 演练名称: '人数不对', 所属单位: office.chem.name, 演练类型: '专项', 演练形式: '实战', 参与人数: '很多' });
    at(12, { 演练日期: '2026-08-02', 演练名称: '形式不对', 所属单位: office.chem.name, 演练类型: '专项', 演练形式: '口头', 参与人数: 5 });

    const { importId, analysis } = await openFile(office, 'drills', await data(), '演练记录.xlsx');
    expect(analysis.headerRowNumber).toBe(2);
    expect(analysis.mapping).toEqual(['heldOn', 'name', 'ownerType', 'ownerName', 'ownerUscc', 'plan', 'scope', 'form', 'organiser', 'place', 'participants', 'fireBrigade', 'summary', 'evaluation']);
    const preview = await office.call('imports.preview', { importId, mapping: analysis.mapping });
    expect(preview.problems).toEqual([
      { rowNumber: 7, column: '演练预案', message: '导入测试危化公司没有名为「不存在的预案」的预案，请先登记该预案或改正名称' },
      { rowNumber: 8, column: '演练日期', message: '演练日期不能晚于今天（2026-10-20）' },
      { rowNumber: 10, column: '演练名称', message: '与第 3 行是同一单位同一天的同名演练' },
      { rowNumber: 11, column: '参与人数', message: '「很多」不是数字' },
      { rowNumber: 12, column: '演练形式', message: '演练形式「口头」无法识别，可填：实战演练、桌面推演' },
    ]);
    expect(preview).toMatchObject({ total: 10, create: 4, skip: 1, invalid: 5 });

    const done = await run(office, importId, analysis.mapping);
    expect(done.message).toBe('导入完成：新增 4 条，更新 0 条，已存在跳过 1 条，有错误未导入 5 条');
    const items = (await office.call('drills.list', { sortField: 'heldOn', sortOrder: 'ascend', pageSize: 50 })).items.filter((drill) => drill.id !== registered.id);
    expect(items.map((drill) => [drill.heldOn, drill.ownerType, drill.ownerName, drill.planName, drill.scope, drill.form, drill.organiser, drill.participants, drill.fireBrigade])).toEqual([
      ['2026-04-15', 'enterprise', '导入测试危化公司', '生产安全事故综合应急预案', '综合演练', '实战演练', '导入测试危化公司', 35, true],
      ['2026-05-10', 'village', '南塘村', '南塘村防汛总体应急预案', '综合演练', '桌面推演', '南塘村委会', 20, false],
      ['2026-06-01', 'town', '示例镇', null, '综合演练', '实战演练', '镇应急办', 200, false],
      ['2026-06-20', 'enterprise', '导入测试机械厂', '机械伤害专项应急预案', '专项演练', '实战演练', '导入测试机械厂', 15, false],
    ]);
    expect(items[0]).toMatchObject({ place: '1号仓库', summary: '疏散员工，消防中队协同灭火', evaluation: '达到预期效果' });
    // The drill counts for its plan: the plan's next drill follows it.
    const plan = await office.call('plans.get', { id: items[0].planId! });
    expect(plan.due.lastDrillOn).toBe('2026-04-15');
  });
});

describe('round trip', () => {
  it('the exported plan and drill registers import into another office and reproduce them', async () => {
    const other = await openOffice();
    try {
      for (const ledger of ['plans', 'drills'] as const) {
        const columns = ledgerDefinitions[ledger].columns.map((column) => column.key);
        const { jobId } = await office.call('exports.start', { ledger, filters: {}, columns } as In<'exports.start'>);
        expect((await finish(office, jobId)).state).toBe('done');
        const file = await office.call('jobs.result', { id: jobId });
        const { importId, analysis } = await openFile(other, ledger, Buffer.from(file.dataBase64, 'base64'), file.fileName);
        const preview = await other.call('imports.preview', { importId, mapping: analysis.mapping });
        expect(preview.problems).toEqual([]);
        expect(preview.mappingProblems).toEqual([]);
        expect(preview).toMatchObject({ create: preview.total, invalid: 0 });
        await run(other, importId, analysis.mapping);
      }
      const plans = await allPlanFacts(office);
      expect(plans).toHaveLength(7);
      expect(await allPlanFacts(other)).toEqual(plans);
      const drills = async (o: Office) => (await o.call('drills.list', { sortField: 'heldOn', sortOrder: 'ascend', pageSize: 50 })).items.map(drillFacts);
      const registeredDrills = await drills(office);
      expect(registeredDrills).toHaveLength(5);
      expect(await drills(other)).toEqual(registeredDrills);

      // Imported again, everything is already registered.
      const { jobId } = await office.call('exports.start', { ledger: 'plans', filters: {}, columns: ledgerDefinitions.plans.columns.map((column) => column.key) } as In<'exports.start'>);
      await finish(office, jobId);
      const file = await office.call('jobs.result', { id: jobId });
      const { importId, analysis } = await openFile(other, 'plans', Buffer.from(file.dataBase64, 'base64'), file.fileName);
      const again = await other.call('imports.preview', { importId, mapping: analysis.mapping });
      expect(again).toMatchObject({ create: 0, invalid: 0, skip: again.total });
    } finally {
      other.backend.dispose();
    }
  });
});
