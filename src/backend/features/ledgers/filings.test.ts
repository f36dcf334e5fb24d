import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { In, Out } from '../../../shared/api';
import { defaultColumnKeys } from '../../../shared/ledgers/definitions';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { chineseDate, managedGradeOf } from './service';

/** Marks this file's filings, so demo filings (if the demo has any) never count in a filter. */
const marker = '台账测试';

let backend: TestBackend;
let chemical: Out<'enterprises.get'>;
let other: Out<'enterprises.get'>;
const created: Out<'filings.create'>[] = [];

function draft(enterprise: { id: number }, overrides: Partial<In<'filings.create'>>): In<'filings.create'> {
  return {
    enterpriseId: enterprise.id,
    kind: '动火',
    grade: '二级',
    place: `一号罐区东侧管廊（${marker}）`,
    content: '更换泵出口法兰，气割旧螺栓',
    plannedStart: '2026-03-17 08:00',
    plannedEnd: '2026-03-17 16:00',
    contractor: '东莞市安达机电安装有限公司',
    contractorQualification: 'D244012345',
    leaderName: '王建国',
    leaderPhone: '13800138000',
    guardianName: '李卫东',
    workers: [
      { name: '张三', certificateNo: 'T440101199001011234' },
      { name: '李四', certificateNo: null },
    ],
    riskIdentification: '可燃气体残留、火花飞溅',
    measures: '清洗置换，气体分析合格，配灭火器两具',
    documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证', '气体分析记录'],
    warningReason: '测试：已核实',
    ...overrides,
  };
}

beforeAll(async () => {
  backend = await makeTestBackend({ loadDemo: true });
  await backend.call('settings.update', { orgName: '示例镇应急管理办公室', townName: '示例镇', preparer: '李丽芳', reviewer: '赵敏', principal: '陈国华' });
  const list = await backend.call('enterprises.list', { status: '在产', pageSize: 500 });
  const chemicalItem = list.items.find((e) => ['危化生产', '化工'].includes(e.industry))!;
  const otherItem = list.items.find((e) => !['危化生产', '危化经营(带储存)', '化工', '医药'].includes(e.industry) && e.villageId !== chemicalItem.villageId)!;
  chemical = await backend.call('enterprises.get', { id: chemicalItem.id });
  other = await backend.call('enterprises.get', { id: otherItem.id });
  // Out of order on purpose: the register sorts by planned start, earliest first.
  created.push(await backend.call('filings.create', draft(chemical, { plannedStart: '2026-03-18 08:00', plannedEnd: '2026-03-18 12:00' })));
  created.push(await backend.call('filings.create', draft(chemical, {})));
  created.push(
    await backend.call('filings.create', draft(other, { kind: '高处', grade: null, heightM: 8, heightClass: 'A', plannedStart: '2026-03-19 09:00', plannedEnd: '2026-03-19 17:00', documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证'] })),
  );
  // 2026-04-05 is 清明节: 二级 切割 that day is managed as 一级 (a warning, with the reason given).
  created.push(await backend.call('filings.create', draft(chemical, { kind: '切割', plannedStart: '2026-04-05 09:00', plannedEnd: '2026-04-05 15:00' })));
});
afterAll(() => backend.dispose());

describe('特殊作业报备登记台账 (ledgers.data, filings)', () => {
  it('prints every filing under the filters, earliest planned start first, with the default columns', async () => {
    const data = await backend.call('ledgers.data', { ledger: 'filings', filters: { q: marker } });
    expect(data).toMatchObject({
      title: '示例镇特殊作业报备登记台账',
      orgName: '示例镇应急管理办公室',
      date: chineseDate(backend.clock.now()),
      orientation: 'landscape',
      filterSummary: `筛选条件：关键词：“${marker}”`,
      signatures: { preparer: '李丽芳', reviewer: '赵敏', principal: '陈国华' },
    });
    expect(data.columns.map((column) => column.header)).toEqual(['报备编号', '企业名称', '所在村/社区', '作业类别', '级别', '作业地点', '计划开始', '计划结束', '作业负责人', '监护人', '现场核查日期', '状态']);
    expect(data.columns.map((column) => column.key)).toEqual(defaultColumnKeys('filings'));
    const starts = data.rows.map((row) => row[6]);
    expect(starts).toEqual(['2026-03-17 08:00', '2026-03-18 08:00', '2026-03-19 09:00', '2026-04-05 09:00']);
    expect(data.rows[0]).toEqual([created[1].number, chemical.name, chemical.villageName, '动火', '二级', created[1].place, '2026-03-17 08:00', '2026-03-17 16:00', '王建国', '李卫东', null, '待审核']);
    // 高处 has its grade computed from the height; kinds without a grade print a dash.
    expect(data.rows[2].slice(3, 5)).toEqual(['高处', 'Ⅱ级']);

    // The list's own order, when handed over, wins.
    const latestFirst = await backend.call('ledgers.data', { ledger: 'filings', filters: { q: marker }, sortField: 'plannedStart', sortOrder: 'descend' });
    expect(latestFirst.rows.map((row) => row[6])).toEqual([...starts].reverse());
  });

  it('names every filter in the summary line in Chinese and keeps only the matching rows', async () => {
    const data = await backend.call('ledgers.data', {
      ledger: 'filings',
      filters: { q: marker, kind: '动火', status: '待审核', villageId: chemical.villageId, from: '2026-03-17', to: '2026-03-17' },
      columns: ['content', 'number', 'actualEnd'],
    });
    expect(data.filterSummary).toBe(`筛选条件：作业类别：动火；状态：待审核；所在村/社区：${chemical.villageName}；日期：2026-03-17 至 2026-03-17；关键词：“${marker}”`);
    // Chosen columns print as asked (the print URL puts them in the ledger's order).
    expect(data.columns.map((column) => column.header)).toEqual(['作业内容', '报备编号', '实际完工']);
    expect(data.rows).toEqual([['更换泵出口法兰，气割旧螺栓', created[1].number, null]]);

    const byEnterprise = await backend.call('ledgers.data', { ledger: 'filings', filters: { q: marker, enterpriseId: other.id, from: '2026-03-01' } });
    expect(byEnterprise.filterSummary).toBe(`筛选条件：企业：${other.name}；日期：2026-03-01 至 …；关键词：“${marker}”`);
    expect(byEnterprise.rows.map((row) => row[0])).toEqual([created[2].number]);

    const kindOnly = await backend.call('ledgers.data', { ledger: 'filings', filters: { kind: '高处', q: marker } });
    expect(kindOnly.rows).toHaveLength(1);
  });

  it('exports the register to Excel with real date-times', async () => {
    const { jobId } = await backend.call('exports.start', { ledger: 'filings', filters: { q: marker } });
    for (;;) {
      const status = await backend.call('jobs.status', { id: jobId });
      if (status.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const file = await backend.call('jobs.result', { id: jobId });
    expect(file.fileName).toBe('示例镇特殊作业报备登记台账-20260315.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(file.dataBase64, 'base64')).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('示例镇特殊作业报备登记台账');
    expect(sheet.getRow(4).values).toEqual([undefined, '序号', '报备编号', '企业名称', '所在村/社区', '作业类别', '级别', '作业地点', '计划开始', '计划结束', '作业负责人', '监护人', '现场核查日期', '状态']);
    expect(sheet.getCell('H5').value).toEqual(new Date(Date.UTC(2026, 2, 17, 8, 0)));
    expect(sheet.getCell('H5').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.rowCount).toBe(4 + 4);
    // Wide enough that Excel shows the date-time rather than ####.
    expect(sheet.getColumn(8).width).toBeGreaterThanOrEqual(16);
  });
});

describe('报备审核表 (ledgers.filingSheet)', () => {
  it('carries the facts, the checklist with what was brought, the history and the office’s names', async () => {
    const [, filing] = created;
    await backend.call('filings.transition', { id: filing.id, action: 'passReview', remark: '材料齐全' });
    await backend.call('filings.transition', { id: filing.id, action: 'siteCheck', siteCheckOn: '2026-03-15', siteCheckInspectors: '赵敏、钱进', siteCheckPassed: true, remark: '现场措施落实' });
    const sheet = await backend.call('ledgers.filingSheet', { id: filing.id });
    expect(sheet).toMatchObject({
      title: '示例镇特殊作业报备审核表',
      orgName: '示例镇应急管理办公室',
      date: '2026年3月15日',
      managedGrade: null,
      signatures: { preparer: '李丽芳', reviewer: '赵敏', principal: '陈国华' },
      filing: { number: filing.number, status: '准予作业', siteCheckOn: '2026-03-15', siteCheckInspectors: '赵敏、钱进', siteCheckPassed: true, siteCheckRemark: '现场措施落实' },
    });
    expect(sheet.requiredDocuments).toEqual([
      { name: '施工方案', submitted: true },
      { name: '施工资质', submitted: true },
      { name: '应急处置措施', submitted: true },
      { name: '作业许可证', submitted: true },
      { name: '气体分析记录', submitted: true },
    ]);
    expect(sheet.extraDocuments).toEqual([]);
    expect(sheet.history.map((step) => [step.actionLabel, step.fromStatus, step.toStatus, step.remark, step.createdBy])).toEqual([
      ['登记报备', null, '待审核', null, '管理员'],
      ['审核通过', '待审核', '待现场核查', '材料齐全', '管理员'],
      ['现场核查', '待现场核查', '准予作业', '现场措施落实', '管理员'],
    ]);
  });

  it('names the managed grade of a hot work on a holiday, and unticks what was not brought', async () => {
    const holiday = await backend.call(
      'filings.create',
      draft(other, { kind: '动火', grade: '二级', plannedStart: '2026-04-05 09:00', plannedEnd: '2026-04-05 15:00', documents: ['施工方案', '施工资质', '吊装方案'], warningReason: '节日抢修' }),
    );
    const sheet = await backend.call('ledgers.filingSheet', { id: holiday.id });
    expect(sheet.filing.warnings.map((warning) => warning.code)).toContain('hot-work-upgraded');
    expect(sheet.managedGrade).toBe('一级');
    expect(sheet.filing.warningReason).toBe('节日抢修');
    expect(sheet.requiredDocuments.filter((document) => !document.submitted).map((document) => document.name)).toEqual(['应急处置措施', '作业许可证', '气体分析记录']);
    expect(sheet.extraDocuments).toEqual(['吊装方案']);
    expect(managedGradeOf({ grade: '特级', warnings: [{ code: 'hot-work-upgraded' }] })).toBe('特级');
    expect(managedGradeOf({ grade: '二级', warnings: [{ code: 'holiday-work' }] })).toBeNull();
  });

  it('says in Chinese when the filing does not exist; a 只读 user may print', async () => {
    expect(await backend.dispatch('ledgers.filingSheet', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '该报备不存在或已被删除' } });
    const token = await backend.loginAs('readonly');
    expect(await backend.dispatch('ledgers.filingSheet', { id: created[0].id }, token)).toMatchObject({ ok: true });
  });
});
