import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiName, In, Out } from '../../../shared/api';
import { defaultColumnKeys, governancePlanSummary } from '../../../shared/ledgers/definitions';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { usccSeries } from '../../../../tests/fixtures/uscc';
import { chineseDate } from './service';

/** Monday 2026-06-15: 逾期 and the notice's overdue days are counted from it. */
const now = '2026-06-15T09:00:00.000Z';
const nextUscc = usccSeries(950);

let backend: TestBackend;
let token: string;
const call = <N extends ApiName>(name: N, input: In<N>) => backend.call(name, input, token);

let east: Out<'villages.create'>;
let west: Out<'villages.create'>;
let plant: Out<'enterprises.create'>;
let mill: Out<'enterprises.create'>;
let site: Out<'idleSites.create'>;
/** The plant's three hazards of 06-10 (A 一般, B 一般 and past due, C 重大), the mill's D and E (both closed), the site's 举报. */
const hz = {} as Record<'a' | 'b' | 'c' | 'd' | 'e' | 'report', Out<'hazards.get'>>;
let order: Out<'orders.create'>;

const found = (overrides: Partial<In<'inspections.create'>['hazards'] extends (infer H)[] | undefined ? H : never>) => ({
  place: '二号罐区',
  description: '储罐区可燃气体报警器未定期检定',
  level: '一般' as const,
  basis: 'GB 50493-2019 第3.0.1条',
  deadline: '2026-06-30',
  ...overrides,
});

async function inspect(target: { enterpriseId?: number; idleSiteId?: number }, inspectedOn: string, hazards: ReturnType<typeof found>[]) {
  const inspection = await call('inspections.create', { ...target, inspectedOn, kind: '执法', inspectors: '王强、李明', hazards });
  return (await call('inspections.get', { id: inspection.id })).hazards;
}

/** Rectified and closed by a passed 复查. */
async function close(hazard: Out<'hazards.get'>, rectifiedOn: string, reinspectedOn: string) {
  await call('hazards.transition', { id: hazard.id, action: 'submitForReview', on: rectifiedOn, remark: '已整改' });
  return call('hazards.transition', { id: hazard.id, action: 'reinspect', on: reinspectedOn, passed: true, reinspector: '王强' });
}

/** hazards.update needs the found facts again with the major-hazard ones. */
const updateOf = (hazard: Out<'hazards.get'>, extra: Partial<In<'hazards.update'>>): In<'hazards.update'> => ({
  id: hazard.id,
  place: hazard.place,
  description: hazard.description,
  level: hazard.level,
  basis: hazard.basis,
  deadline: hazard.deadline,
  measures: hazard.measures,
  responsibleName: hazard.responsibleName,
  ...extra,
});

const plan = {
  planTargets: '一个月内完成配电系统改造',
  planMethods: '更换配电箱并可靠接地',
  planFunds: '企业自筹 5 万元',
  planOrganisation: '设备部，负责人陈工',
  planTimeline: '2026-07-31 前完成',
  planSafety: '整改期间停用该配电箱，配备灭火器',
};

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

  // Entered out of the registers' order on purpose: they read by 发现日期.
  [hz.a, hz.b, hz.c] = await inspect({ enterpriseId: plant.id }, '2026-06-10', [
    found({ responsibleName: '陈工' }),
    found({ place: '仓库', description: '仓库内堆放物料堵塞安全出口', basis: null, deadline: '2026-06-12' }),
    found({ place: '配电房', description: '配电箱未接地', level: '重大', basis: 'GB 50054-2011 第5.2.1条', deadline: '2026-07-31' }),
  ]);
  [hz.d] = await inspect({ enterpriseId: mill.id }, '2026-05-20', [found({ place: '冲压车间', description: '冲床防护罩缺失', deadline: '2026-06-01' })]);
  [hz.e] = await inspect({ enterpriseId: mill.id }, '2026-03-01', [found({ place: '喷涂间', description: '喷涂间未设置防爆电气', level: '重大', deadline: '2026-04-30' })]);
  hz.report = await call('hazards.create', {
    idleSiteId: site.id,
    source: '举报',
    foundOn: '2026-04-02',
    place: '东侧仓房',
    description: '违规存放桶装溶剂约 20 桶',
    level: '重大',
    deadline: '2026-05-31',
  });
  hz.d = await close(hz.d, '2026-05-30', '2026-06-03');
  hz.e = await close(hz.e, '2026-04-08', '2026-04-10');
  const { planFunds: _funds, ...fiveParts } = plan;
  hz.report = await call(
    'hazards.update',
    updateOf(hz.report, {
      ...fiveParts,
      listedAuthority: '区安委办',
      listedDocNo: '区安办督〔2026〕5号',
      listedOn: '2026-04-05',
      assignedUnit: '东山村委会',
      assignedDeadline: '2026-05-20',
    }),
  );
  hz.c = await call('hazards.update', updateOf(hz.c, plan));

  order = await call('orders.create', {
    hazardIds: [hz.a.id, hz.b.id, hz.c.id],
    issuedOn: '2026-06-11',
    deadline: '2026-06-30',
    officers: '王强（执法证 44190001）、李明（执法证 44190002）',
    content: '依据《中华人民共和国安全生产法》第四十一条。',
  });
  hz.a = await close(hz.a, '2026-06-12', '2026-06-13');
});
afterAll(() => backend.dispose());

describe('隐患排查治理台账 (ledgers.data, hazards)', () => {
  it('lists every hazard earliest found first, with 逾期 in the status and the closure dates', async () => {
    const data = await call('ledgers.data', { ledger: 'hazards' });
    expect(data).toMatchObject({
      title: '示例镇隐患排查治理台账',
      orgName: '示例镇应急管理办公室',
      date: chineseDate(backend.clock.now()),
      orientation: 'landscape',
      filterSummary: '范围：全部',
      signatures: { preparer: '李丽芳', reviewer: '赵敏', principal: '陈国华' },
    });
    expect(data.columns.map((column) => column.header)).toEqual(['编号', '发现日期', '单位', '村/社区', '部位', '隐患描述', '等级', '责任人', '整改期限', '状态', '销号日期']);
    expect(data.columns.map((column) => column.key)).toEqual(defaultColumnKeys('hazards'));
    expect(data.rows.map((row) => [row[1], row[2], row[4]])).toEqual([
      ['2026-03-01', '西岭五金厂', '喷涂间'],
      ['2026-04-02', '东山村旧砖厂', '东侧仓房'],
      ['2026-05-20', '西岭五金厂', '冲压车间'],
      ['2026-06-10', '东山精细化工有限公司', '二号罐区'],
      ['2026-06-10', '东山精细化工有限公司', '仓库'],
      ['2026-06-10', '东山精细化工有限公司', '配电房'],
    ]);
    expect(data.rows[3]).toEqual([hz.a.number, '2026-06-10', '东山精细化工有限公司', '东山村', '二号罐区', '储罐区可燃气体报警器未定期检定', '一般', '陈工', '2026-06-30', '已销号', '2026-06-13']);
    // Past its deadline (06-12) and open: 逾期 beside the status.
    expect(data.rows[4].slice(6)).toEqual(['一般', null, '2026-06-12', '待整改（逾期）', null]);
    expect(data.rows[1].slice(3, 4)).toEqual(['东山村']);

    const extra = await call('ledgers.data', { ledger: 'hazards', filters: { orderId: order.id }, columns: ['basis', 'orderNumber', 'source', 'reinspectedOn', 'measures'] });
    expect(extra.filterSummary).toBe(`筛选条件：指令书：${order.number}`);
    expect(extra.columns.map((column) => column.header)).toEqual(['依据', '指令书编号', '来源', '复查日期', '整改措施']);
    expect(extra.rows).toEqual([
      ['GB 50493-2019 第3.0.1条', order.number, '检查', '2026-06-13', null],
      [null, order.number, '检查', null, null],
      ['GB 50054-2011 第5.2.1条', order.number, '检查', null, null],
    ]);

    const byDeadline = await call('ledgers.data', { ledger: 'hazards', sortField: 'deadline', sortOrder: 'descend', columns: ['deadline'] });
    expect(byDeadline.rows.map((row) => row[0])).toEqual(['2026-07-31', '2026-06-30', '2026-06-12', '2026-06-01', '2026-05-31', '2026-04-30']);
  });

  it('names every filter in the summary line and keeps only the matching hazards', async () => {
    const narrowed = await call('ledgers.data', {
      ledger: 'hazards',
      filters: { level: '一般', status: '待整改', overdue: true, villageId: east.id, industry: '化工', from: '2026-06-01', to: '2026-06-30', q: '仓库' },
      columns: ['description'],
    });
    expect(narrowed.filterSummary).toBe('筛选条件：等级：一般；状态：待整改；仅逾期未整改；村/社区：东山村；行业领域：化工；发现日期：2026-06-01 至 2026-06-30；关键词：“仓库”');
    expect(narrowed.rows).toEqual([['仓库内堆放物料堵塞安全出口']]);

    const bySource = await call('ledgers.data', { ledger: 'hazards', filters: { source: '举报', idleSiteId: site.id }, columns: ['targetName'] });
    expect(bySource.filterSummary).toBe('筛选条件：来源：举报；四闲场所：东山村旧砖厂');
    expect(bySource.rows).toEqual([['东山村旧砖厂']]);

    const byInspection = await call('ledgers.data', { ledger: 'hazards', filters: { enterpriseId: mill.id, inspectionId: hz.d.inspectionId!, to: '2026-05-31' }, columns: ['place'] });
    expect(byInspection.filterSummary).toBe('筛选条件：企业：西岭五金厂；检查：西岭五金厂 2026-05-20；发现日期：… 至 2026-05-31');
    expect(byInspection.rows).toEqual([['冲压车间']]);

    const unordered = await call('ledgers.data', { ledger: 'hazards', filters: { withoutOrder: true, status: '已销号' }, columns: ['place'] });
    expect(unordered.filterSummary).toBe('筛选条件：状态：已销号；仅未下达指令书');
    expect(unordered.rows).toEqual([['喷涂间'], ['冲压车间']]);

    const result = await backend.dispatch('ledgers.data', { ledger: 'hazards', columns: ['number', 'password'] }, token);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fieldErrors: { columns: '台账中没有这些列：password' } } });
  });

  it('exports the register to Excel with real dates, its filter line and 逾期 in the status', async () => {
    const { jobId } = await call('exports.start', { ledger: 'hazards', filters: { villageId: east.id } });
    for (;;) {
      const status = await call('jobs.status', { id: jobId });
      if (status.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const file = await call('jobs.result', { id: jobId });
    expect(file.fileName).toBe('示例镇隐患排查治理台账-20260615.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(file.dataBase64, 'base64')).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('隐患排查治理台账');
    expect(sheet.getCell('A1').value).toBe('示例镇隐患排查治理台账');
    expect(sheet.getCell('A3').value).toBe('筛选条件：村/社区：东山村');
    expect(sheet.getRow(4).values).toEqual([undefined, '序号', '编号', '发现日期', '单位', '村/社区', '部位', '隐患描述', '等级', '责任人', '整改期限', '状态', '销号日期']);
    expect(sheet.rowCount).toBe(4 + 4);
    expect(sheet.getCell('C5').value).toEqual(new Date(Date.UTC(2026, 3, 2)));
    expect(sheet.getCell('C5').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(7).values).toEqual([
      undefined,
      3,
      hz.b.number,
      new Date(Date.UTC(2026, 5, 10)),
      '东山精细化工有限公司',
      '东山村',
      '仓库',
      '仓库内堆放物料堵塞安全出口',
      '一般',
      null,
      new Date(Date.UTC(2026, 5, 12)),
      '待整改（逾期）',
      // ExcelJS ends the row at its last value: the empty 销号日期 is not there.
    ].map((value) => (value === null ? undefined : value)));
    expect(sheet.getCell('L6').value).toEqual(new Date(Date.UTC(2026, 5, 13)));
  });
});

describe('重大隐患挂牌督办台账 (ledgers.data, majorHazards)', () => {
  it('lists only the 重大 hazards with their supervision, 交办 and how complete the 治理方案 is', async () => {
    const data = await call('ledgers.data', { ledger: 'majorHazards' });
    expect(data).toMatchObject({ title: '示例镇重大隐患挂牌督办台账', orientation: 'landscape', filterSummary: '范围：全部' });
    expect(data.columns.map((column) => column.header)).toEqual([
      '单位', '村/社区', '隐患描述', '发现日期', '挂牌督办单位', '督办文号', '挂牌日期', '交办单位', '交办期限', '整改期限', '治理方案', '状态', '销号日期',
    ]);
    expect(data.columns.map((column) => column.key)).toEqual(defaultColumnKeys('majorHazards'));
    expect(data.rows).toEqual([
      ['西岭五金厂', '西岭村', '喷涂间未设置防爆电气', '2026-03-01', null, null, null, null, null, '2026-04-30', '未制定', '已销号', '2026-04-10'],
      ['东山村旧砖厂', '东山村', '违规存放桶装溶剂约 20 桶', '2026-04-02', '区安委办', '区安办督〔2026〕5号', '2026-04-05', '东山村委会', '2026-05-20', '2026-05-31', '缺：经费物资', '待整改（逾期）', null],
      ['东山精细化工有限公司', '东山村', '配电箱未接地', '2026-06-10', null, null, null, null, null, '2026-07-31', '六项齐全', '待整改', null],
    ]);
  });

  it('sums up the 治理方案 in a few characters per missing part', () => {
    const none = { planTargets: null, planMethods: null, planFunds: null, planOrganisation: null, planTimeline: null, planSafety: null };
    expect(governancePlanSummary(none)).toBe('未制定');
    expect(governancePlanSummary({ ...none, planTargets: '一个月内完成', planMethods: '更换', planFunds: '  ' })).toBe('缺：经费物资、机构人员、时限要求、安全措施和预案');
    expect(governancePlanSummary(plan)).toBe('六项齐全');
  });

  it('keeps to 重大 whatever level the filters carry, and leaves 等级 out of the summary', async () => {
    const data = await call('ledgers.data', { ledger: 'majorHazards', filters: { level: '一般', villageId: east.id, status: '待整改' }, columns: ['place', 'fundsWan', 'responsibleName'] });
    expect(data.filterSummary).toBe('筛选条件：状态：待整改；村/社区：东山村');
    expect(data.columns.map((column) => column.header)).toEqual(['部位', '整改资金(万元)', '责任人']);
    expect(data.rows).toEqual([
      ['东侧仓房', null, null],
      ['配电房', null, null],
    ]);
    const overdue = await call('ledgers.data', { ledger: 'majorHazards', filters: { overdue: true }, columns: ['number'] });
    expect(overdue.filterSummary).toBe('筛选条件：仅逾期未整改');
    expect(overdue.rows).toEqual([[hz.report.number]]);
  });
});

describe('责令限期整改指令书 and 整改复查意见书 (ledgers.orderSheet)', () => {
  it('gives the order with its hazards, the issuing office and the dates as the documents write them', async () => {
    const sheet = await call('ledgers.orderSheet', { id: order.id });
    expect(sheet).toMatchObject({
      title: '责令限期整改指令书',
      orgName: '示例镇应急管理办公室',
      townName: '示例镇',
      issuedOnText: '2026年6月11日',
      deadlineText: '2026年6月30日',
      reviewedOnText: null,
      date: '2026年6月15日',
    });
    expect(sheet.order).toMatchObject({
      number: '示例镇应急责改〔2026〕第1号',
      targetName: '东山精细化工有限公司',
      officers: '王强（执法证 44190001）、李明（执法证 44190002）',
      content: '依据《中华人民共和国安全生产法》第四十一条。',
      hazardCount: 3,
      closedCount: 1,
      reviewNumber: null,
    });
    expect(sheet.order.hazards.map((hazard) => [hazard.place, hazard.description, hazard.basis, hazard.status])).toEqual([
      ['二号罐区', '储罐区可燃气体报警器未定期检定', 'GB 50493-2019 第3.0.1条', '已销号'],
      ['仓库', '仓库内堆放物料堵塞安全出口', null, '待整改'],
      ['配电房', '配电箱未接地', 'GB 50054-2011 第5.2.1条', '待整改'],
    ]);
  });

  it('carries the review once recorded, and refuses an order that does not exist', async () => {
    await call('orders.review', { id: order.id, reviewedOn: '2026-06-14', opinion: '第 1 项已整改完毕，予以销号；第 2、3 项未整改，继续限期整改。' });
    const sheet = await call('ledgers.orderSheet', { id: order.id });
    expect(sheet.reviewedOnText).toBe('2026年6月14日');
    expect(sheet.order).toMatchObject({ reviewNumber: '示例镇应急责改〔2026〕第1号（复查）', reviewOpinion: '第 1 项已整改完毕，予以销号；第 2、3 项未整改，继续限期整改。' });
    const missing = await backend.dispatch('ledgers.orderSheet', { id: 9999 }, token);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('重大隐患通报 (ledgers.majorHazardNotice)', () => {
  it('lists the open 重大 hazards, the most overdue first, with the counts of its opening sentence', async () => {
    const notice = await call('ledgers.majorHazardNotice', {});
    expect(notice).toMatchObject({
      title: '示例镇重大事故隐患情况通报',
      orgName: '示例镇应急管理办公室',
      townName: '示例镇',
      villageName: null,
      asOf: '2026-06-15',
      date: '2026年6月15日',
      // Open: the 举报 (15 days past 05-31) and the plant's C (due 07-31, not listed); E was closed 04-10.
      counts: { open: 2, overdue: 1, unlisted: 1, closedThisYear: 1 },
    });
    expect(notice.hazards.map((hazard) => [hazard.number, hazard.targetName, hazard.listedAuthority, hazard.assignedUnit, hazard.deadline, hazard.overdueDays, hazard.governancePlan])).toEqual([
      [hz.report.number, '东山村旧砖厂', '区安委办', '东山村委会', '2026-05-31', 15, '缺：经费物资'],
      [hz.c.number, '东山精细化工有限公司', null, null, '2026-07-31', 0, '六项齐全'],
    ]);
  });

  it('limits itself to one village on request', async () => {
    const west_ = await call('ledgers.majorHazardNotice', { villageId: west.id });
    expect(west_).toMatchObject({ villageName: '西岭村', hazards: [], counts: { open: 0, overdue: 0, unlisted: 0, closedThisYear: 1 } });
    const east_ = await call('ledgers.majorHazardNotice', { villageId: east.id });
    expect(east_.counts).toEqual({ open: 2, overdue: 1, unlisted: 1, closedThisYear: 0 });
  });
});
