import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiName, In, Out } from '../../../shared/api';
import type { EnterpriseFields } from '../../../shared/api/enterprises';
import { defaultColumnKeys } from '../../../shared/ledgers/definitions';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { usccSeries } from '../../../../tests/fixtures/uscc';
import { chineseDate } from './service';

/** Tuesday 2026-10-20, after 国庆 2026: the due dates below are hand-counted from it (as in plans/service.test). */
const now = '2026-10-20T09:00:00.000Z';

const nextUscc = usccSeries(700);

let backend: TestBackend;
let east: Out<'villages.create'>;
let west: Out<'villages.create'>;
/** 危化生产 in 东山村: a listed unit (files within 20 working days, drills half-yearly, 评审意见 required). */
let chem: Out<'enterprises.create'>;
/** 工贸-机械 in 西岭村: not listed. */
let trade: Out<'enterprises.create'>;
const plans: Record<'town' | 'department' | 'village' | 'chemGeneral' | 'chemSite' | 'tradeGeneral', Out<'plans.create'>> = {} as never;
const filings: Out<'planFilings.create'>[] = [];

let token: string;
const call = <N extends ApiName>(name: N, input: In<N>) => backend.call(name, input, token);

beforeAll(async () => {
  backend = await makeTestBackend();
  backend.clock.set(now);
  // Moving the clock months ahead ends the set-up session: log in again at the new time.
  token = (await backend.call('auth.login', { username: 'admin', password: 'Admin12345' }, null)).token;
  await call('settings.update', { orgName: '示例镇应急管理办公室', townName: '示例镇', preparer: '李丽芳', reviewer: '赵敏', principal: '陈国华' });
  east = await call('villages.create', { name: '东山村', kind: '村' });
  west = await call('villages.create', { name: '西岭村', kind: '村' });
  const enterprise = (name: string, overrides: Partial<EnterpriseFields>) =>
    call('enterprises.create', { name, uscc: nextUscc(), villageId: east.id, industry: '化工', riskLevel: 'orange', ...overrides });
  chem = await enterprise('预案测试危化公司', { industry: '危化生产' });
  trade = await enterprise('预案测试机械厂', { industry: '工贸-机械', villageId: west.id });

  // Created out of the register's order on purpose: it groups by owner type, then unit, then plan name.
  plans.chemGeneral = await call('plans.create', {
    ownerType: 'enterprise',
    enterpriseId: chem.id,
    kind: '综合预案',
    name: '生产安全事故综合应急预案',
    version: 'V1.0',
    docNo: '危化安〔2026〕3号',
    issuedOn: '2026-09-28',
    reviewKind: '评审',
    reviewOn: '2026-09-20',
    reviewExperts: 3,
    reviewResult: '通过',
    signatory: '张总',
  });
  plans.chemSite = await call('plans.create', {
    ownerType: 'enterprise',
    enterpriseId: chem.id,
    kind: '现场处置方案',
    name: '储罐泄漏现场处置方案',
    version: '2026版',
    issuedOn: '2026-01-10',
    filingDept: '区应急管理局',
    filingOn: '2026-01-20',
    filingNumber: '区备〔2026〕7号',
  });
  plans.tradeGeneral = await call('plans.create', { ownerType: 'enterprise', enterpriseId: trade.id, kind: '综合预案', name: '生产安全事故综合应急预案', version: '1', issuedOn: '2025-11-10' });
  plans.village = await call('plans.create', { ownerType: 'village', villageId: east.id, kind: '专项预案', name: '东山村防汛应急预案', version: '1', issuedOn: '2026-05-01' });
  plans.department = await call('plans.create', { ownerType: 'department', department: '镇城建办', kind: '部门预案', name: '城建办燃气事故应急预案', version: '1', issuedOn: '2025-06-01' });
  plans.town = await call('plans.create', { ownerType: 'town', kind: '总体预案', name: '突发事件总体应急预案', version: '2025版', issuedOn: '2025-03-01' });

  // 备案 desk, received out of order: refused (June), waiting with materials missing (10-09), accepted (10-12).
  filings.push(await call('planFilings.create', { planId: plans.chemGeneral.id, receivedOn: '2026-10-09', submitter: '王经理', submitterPhone: '13800138000', materials: ['应急预案备案申报表', '应急预案电子文档'] }));
  const complete = ['应急预案备案申报表', '应急预案电子文档', '风险评估结果', '应急资源调查清单'] as const;
  const accepted = await call('planFilings.create', { planId: plans.tradeGeneral.id, receivedOn: '2026-10-12', submitter: '钱厂长', materials: [...complete] });
  filings.push(await call('planFilings.decide', { id: accepted.id, result: '已备案', checkedOn: '2026-10-14' }));
  const refused = await call('planFilings.create', { planId: plans.village.id, receivedOn: '2026-06-01', materials: ['应急预案备案申报表'] });
  filings.push(await call('planFilings.decide', { id: refused.id, result: '不予备案', checkedOn: '2026-06-03' }));

  // Drills, also out of order: the register reads earliest first.
  const drill = (fields: Partial<In<'drills.create'>>) =>
    call('drills.create', { ownerType: 'town', name: '演练', heldOn: '2026-04-15', scope: '综合演练', form: '实战演练', organiser: '镇应急办', participants: 10, ...fields } as In<'drills.create'>);
  await drill({
      planId: plans.chemGeneral.id,
      name: '罐区火灾综合演练',
      heldOn: '2026-10-10',
      organiser: '预案测试危化公司',
      place: '一号罐区',
      participants: 45,
      fireBrigade: true,
      summary: '模拟储罐起火，启动应急响应',
      evaluation: '达到预期目标',
  });
  await drill({ name: '镇防汛桌面推演', heldOn: '2026-04-15', scope: '专项演练', form: '桌面推演', participants: 30 });
  await drill({ ownerType: 'village', villageId: east.id, name: '东山村人员疏散演练', heldOn: '2026-07-01', organiser: '东山村村委会', participants: 120 });
  await drill({ ownerType: 'enterprise', enterpriseId: trade.id, name: '机械伤害现场处置演练', heldOn: '2026-09-05', scope: '现场处置演练', organiser: '预案测试机械厂', participants: 15 });
});
afterAll(() => backend.dispose());

describe('应急预案管理台账 (ledgers.data, plans)', () => {
  it('groups plans by owner type, unit and name, with their filing and next due dates', async () => {
    const data = await call('ledgers.data', { ledger: 'plans' });
    expect(data).toMatchObject({
      title: '示例镇应急预案管理台账',
      orgName: '示例镇应急管理办公室',
      date: chineseDate(backend.clock.now()),
      orientation: 'landscape',
      filterSummary: '范围：全部',
      signatures: { preparer: '李丽芳', reviewer: '赵敏', principal: '陈国华' },
    });
    expect(data.columns.map((column) => column.header)).toEqual([
      '所属单位类型',
      '所属单位',
      '所属村/社区',
      '预案名称',
      '类别',
      '版本',
      '发布日期',
      '备案日期',
      '备案编号',
      '下次评估',
      '下次演练',
      '状态',
    ]);
    expect(data.columns.map((column) => column.key)).toEqual(defaultColumnKeys('plans'));
    // 镇, 部门, 村, then the enterprises by name (机械厂 before 危化公司 in pinyin), each unit's plans by name.
    expect(data.rows.map((row) => [row[1], row[3]])).toEqual([
      ['示例镇', '突发事件总体应急预案'],
      ['镇城建办', '城建办燃气事故应急预案'],
      ['东山村', '东山村防汛应急预案'],
      ['预案测试机械厂', '生产安全事故综合应急预案'],
      ['预案测试危化公司', '储罐泄漏现场处置方案'],
      ['预案测试危化公司', '生产安全事故综合应急预案'],
    ]);
    // Drilled 10-10, so the half-yearly drill falls due 2027-04-10; not yet filed (the filing waits to be checked).
    expect(data.rows[5]).toEqual(['企业', '预案测试危化公司', '东山村', '生产安全事故综合应急预案', '综合预案', 'V1.0', '2026-09-28', null, null, '2029-09-28', '2027-04-10', '现行']);
    // Accepting the 备案 recorded it on the plan's version, under the office's number.
    expect(data.rows[3].slice(6, 9)).toEqual(['2025-11-10', '2026-10-14', '2026-001']);
    expect(data.rows[0].slice(0, 3)).toEqual(['镇（街道）', '示例镇', null]);

    // The list's own order, when handed over, wins.
    const byIssue = await call('ledgers.data', { ledger: 'plans', sortField: 'issuedOn', sortOrder: 'ascend', columns: ['issuedOn'] });
    expect(byIssue.rows.map((row) => row[0])).toEqual(['2025-03-01', '2025-06-01', '2025-11-10', '2026-01-10', '2026-05-01', '2026-09-28']);
  });

  it('prints the other columns on request, and names every filter in the summary line', async () => {
    const all = await call('ledgers.data', {
      ledger: 'plans',
      filters: { ownerType: 'enterprise', villageId: east.id },
      columns: ['name', 'docNo', 'review', 'signatory', 'filingDept', 'dueState', 'drillCount'],
    });
    expect(all.filterSummary).toBe('筛选条件：所属单位类型：企业；所属村/社区：东山村');
    expect(all.columns.map((column) => column.header)).toEqual(['预案名称', '文号', '评审（论证）', '签署人', '备案部门', '到期情况', '演练次数']);
    expect(all.rows).toEqual([
      // Half-yearly 现场处置方案 issued 01-10 and never drilled: due 07-10, overdue.
      ['储罐泄漏现场处置方案', null, null, null, '区应急管理局', '演练已逾期', 0],
      // Its 备案 was received (the office has yet to check it), so the enterprise's filing duty is met.
      ['生产安全事故综合应急预案', '危化安〔2026〕3号', '2026-09-20 通过', '张总', null, null, 1],
    ]);

    const narrowed = await call('ledgers.data', {
      ledger: 'plans',
      filters: { ownerType: 'enterprise', kind: '综合预案', villageId: west.id, status: '现行', due: 'due', q: '综合' },
      columns: ['ownerName', 'dueState'],
    });
    expect(narrowed.filterSummary).toBe('筛选条件：所属单位类型：企业；类别：综合预案；所属村/社区：西岭村；状态：现行；到期情况：即将到期或逾期；关键词：“综合”');
    // Yearly drill of a plan issued 2025-11-10: due 2026-11-10, 21 days ahead.
    expect(narrowed.rows).toEqual([['预案测试机械厂', '演练即将到期']]);

    const overdue = await call('ledgers.data', { ledger: 'plans', filters: { due: 'overdue', enterpriseId: chem.id }, columns: ['name'] });
    expect(overdue.filterSummary).toBe(`筛选条件：企业：${chem.name}；到期情况：已逾期`);
    expect(overdue.rows).toEqual([['储罐泄漏现场处置方案']]);
  });

  it('refuses a column the ledger does not have', async () => {
    const result = await backend.dispatch('ledgers.data', { ledger: 'plans', columns: ['name', 'password'] }, token);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fieldErrors: { columns: '台账中没有这些列：password' } } });
  });
});

describe('应急预案备案登记表 (ledgers.data, planFilings)', () => {
  it('lists the filings received, first received first, with what is missing and the check deadline', async () => {
    const data = await call('ledgers.data', { ledger: 'planFilings' });
    expect(data).toMatchObject({ title: '示例镇应急预案备案登记表', orientation: 'landscape', filterSummary: '范围：全部' });
    expect(data.columns.map((column) => column.header)).toEqual(['收到日期', '备案单位', '预案名称', '类别', '版本', '报送人及电话', '缺少材料', '核对期限', '核对日期', '结果', '备案编号']);
    expect(data.columns.map((column) => column.key)).toEqual(defaultColumnKeys('planFilings'));
    expect(data.rows.map((row) => row[0])).toEqual(['2026-06-01', '2026-10-09', '2026-10-12']);
    // 5 working days after Friday 10-09: 10-10 (worked Saturday), 10-12, 10-13, 10-14, 10-15.
    expect(data.rows[1]).toEqual([
      '2026-10-09',
      '预案测试危化公司',
      '生产安全事故综合应急预案',
      '综合预案',
      'V1.0',
      '王经理 13800138000',
      '应急预案评审意见、风险评估结果、应急资源调查清单',
      '2026-10-15',
      null,
      '待核对',
      null,
    ]);
    expect(data.rows[2].slice(1, 2)).toEqual(['预案测试机械厂']);
    expect(data.rows[2].slice(6)).toEqual(['齐全', filings[1].checkDeadline.date, '2026-10-14', '已备案', '2026-001']);
    expect(data.rows[0].slice(9)).toEqual(['不予备案', null]);

    const latestFirst = await call('ledgers.data', { ledger: 'planFilings', sortOrder: 'descend', columns: ['receivedOn'] });
    expect(latestFirst.rows).toEqual([['2026-10-12'], ['2026-10-09'], ['2026-06-01']]);
  });

  it('names the result and the period received, and prints the materials and the note on request', async () => {
    const data = await call('ledgers.data', {
      ledger: 'planFilings',
      filters: { status: '不予备案', from: '2026-01-01', to: '2026-06-30' },
      columns: ['ownerName', 'materials', 'resultNote', 'issuedOn'],
    });
    expect(data.filterSummary).toBe('筛选条件：结果：不予备案；收到日期：2026-01-01 至 2026-06-30');
    expect(data.columns.map((column) => column.header)).toEqual(['备案单位', '提交材料', '说明', '发布日期']);
    expect(data.rows).toEqual([['东山村', '应急预案备案申报表', '需补齐：应急预案电子文档、风险评估结果、应急资源调查清单', '2026-05-01']]);

    const byPlan = await call('ledgers.data', { ledger: 'planFilings', filters: { planId: plans.chemGeneral.id, from: '2026-10-01' }, columns: ['planName'] });
    expect(byPlan.filterSummary).toBe('筛选条件：预案：生产安全事故综合应急预案；收到日期：2026-10-01 至 …');
    expect(byPlan.rows).toEqual([['生产安全事故综合应急预案']]);

    const result = await backend.dispatch('ledgers.data', { ledger: 'planFilings', columns: ['receivedOn', 'secret'] }, token);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fieldErrors: { columns: '台账中没有这些列：secret' } } });
  });
});

describe('应急演练记录台账 (ledgers.data, drills)', () => {
  it('lists the drills earliest first, with the plan drilled and whether the fire brigade took part', async () => {
    const data = await call('ledgers.data', { ledger: 'drills' });
    expect(data).toMatchObject({ title: '示例镇应急演练记录台账', orientation: 'landscape', filterSummary: '范围：全部' });
    expect(data.columns.map((column) => column.header)).toEqual(['演练日期', '所属单位', '所属村/社区', '演练名称', '演练预案', '类型', '形式', '参与人数', '消防参与', '评估结论']);
    expect(data.columns.map((column) => column.key)).toEqual(defaultColumnKeys('drills'));
    expect(data.rows.map((row) => row[0])).toEqual(['2026-04-15', '2026-07-01', '2026-09-05', '2026-10-10']);
    expect(data.rows[3]).toEqual(['2026-10-10', '预案测试危化公司', '东山村', '罐区火灾综合演练', '生产安全事故综合应急预案', '综合演练', '实战演练', 45, '是', '达到预期目标']);
    expect(data.rows[0]).toEqual(['2026-04-15', '示例镇', null, '镇防汛桌面推演', null, '专项演练', '桌面推演', 30, '否', null]);

    const extra = await call('ledgers.data', { ledger: 'drills', filters: { fireBrigade: true }, columns: ['organiser', 'place', 'summary'] });
    expect(extra.filterSummary).toBe('筛选条件：仅消防参与');
    expect(extra.columns.map((column) => column.header)).toEqual(['组织单位', '地点', '演练情况']);
    expect(extra.rows).toEqual([['预案测试危化公司', '一号罐区', '模拟储罐起火，启动应急响应']]);

    const byParticipants = await call('ledgers.data', { ledger: 'drills', sortField: 'participants', sortOrder: 'descend', columns: ['participants'] });
    expect(byParticipants.rows).toEqual([[120], [45], [30], [15]]);
  });

  it('names every filter in the summary line and keeps only the matching drills', async () => {
    const data = await call('ledgers.data', {
      ledger: 'drills',
      filters: { villageId: east.id, from: '2026-06-01', to: '2026-12-31', scope: '综合演练', form: '实战演练' },
      columns: ['name'],
    });
    expect(data.filterSummary).toBe('筛选条件：所属村/社区：东山村；日期：2026-06-01 至 2026-12-31；类型：综合演练；形式：实战演练');
    expect(data.rows).toEqual([['东山村人员疏散演练'], ['罐区火灾综合演练']]);

    const unevaluated = await call('ledgers.data', { ledger: 'drills', filters: { ownerType: 'enterprise', unevaluated: true, to: '2026-09-30' }, columns: ['name'] });
    expect(unevaluated.filterSummary).toBe('筛选条件：所属单位类型：企业；日期：… 至 2026-09-30；仅未评估');
    expect(unevaluated.rows).toEqual([['机械伤害现场处置演练']]);

    const byPlan = await call('ledgers.data', { ledger: 'drills', filters: { planId: plans.chemGeneral.id, fireBrigade: false }, columns: ['name'] });
    expect(byPlan.filterSummary).toBe('筛选条件：演练预案：生产安全事故综合应急预案；仅无消防参与');
    expect(byPlan.rows).toEqual([]);

    const result = await backend.dispatch('ledgers.data', { ledger: 'drills', columns: ['heldOn', 'password'] }, token);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fieldErrors: { columns: '台账中没有这些列：password' } } });
  });

  it('exports the register to Excel with real dates and numbers', async () => {
    const { jobId } = await call('exports.start', { ledger: 'drills', filters: { from: '2026-04-01' } });
    for (;;) {
      const status = await call('jobs.status', { id: jobId });
      if (status.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const file = await call('jobs.result', { id: jobId });
    expect(file.fileName).toBe('示例镇应急演练记录台账-20261020.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(file.dataBase64, 'base64')).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('应急演练记录台账');
    expect(sheet.getCell('A1').value).toBe('示例镇应急演练记录台账');
    expect(sheet.getCell('A3').value).toBe('筛选条件：日期：2026-04-01 至 …');
    expect(sheet.getRow(4).values).toEqual([undefined, '序号', '演练日期', '所属单位', '所属村/社区', '演练名称', '演练预案', '类型', '形式', '参与人数', '消防参与', '评估结论']);
    expect(sheet.rowCount).toBe(4 + 4);
    expect(sheet.getCell('B5').value).toEqual(new Date(Date.UTC(2026, 3, 15)));
    expect(sheet.getCell('B5').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(8).values).toEqual([
      undefined,
      4,
      new Date(Date.UTC(2026, 9, 10)),
      '预案测试危化公司',
      '东山村',
      '罐区火灾综合演练',
      '生产安全事故综合应急预案',
      '综合演练',
      '实战演练',
      45,
      '是',
      '达到预期目标',
    ]);
    // Empty cells stay empty (no “null” text): the town's drill has no village and no plan.
    expect(sheet.getCell('D5').value).toBeNull();
    expect(sheet.getCell('F5').value).toBeNull();
  });
});
