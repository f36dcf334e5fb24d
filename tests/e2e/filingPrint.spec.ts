import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { In } from '../../src/shared/api';
import type { WebHost } from '../fixtures/web-host';
import { expect, loginThroughUi, test } from './fixtures';

/** Marks this spec's filings, so the demo's own filings (if any) never count. */
const marker = '打印测试';

/** A 化工 enterprise in production (GB 30871 binds it: a complete filing has no warnings). */
async function chemicalEnterprise(host: WebHost) {
  const list = await host.call('enterprises.list', { status: '在产', industry: '化工', pageSize: 1 });
  return list.items[0];
}

function filing(enterpriseId: number, overrides: Partial<In<'filings.create'>> = {}): In<'filings.create'> {
  return {
    enterpriseId,
    kind: '动火',
    grade: '二级',
    place: `二号罐区泵房（${marker}）`,
    content: '更换泵出口法兰，气割旧螺栓后焊接新法兰',
    plannedStart: '2026-11-24 08:00',
    plannedEnd: '2026-11-24 16:00',
    contractor: '东莞市安达机电安装有限公司',
    contractorQualification: 'D244012345',
    leaderName: '王建国',
    leaderPhone: '13800138000',
    guardianName: '李卫东',
    workers: [
      { name: '张三', certificateNo: 'T440101199001011234' },
      { name: '李四', certificateNo: 'T440101199202022345' },
    ],
    riskIdentification: '管线内可燃物料残留；火花飞溅引燃周边可燃物；高温灼烫',
    measures: '管线清洗置换并加盲板隔离；动火前 30 分钟内气体分析合格；清理周边 10 米内可燃物，配灭火器两具；专人监护',
    documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证', '气体分析记录'],
    warningReason: '已核实',
    ...overrides,
  };
}

const compact = (text: string) => text.replace(/\s+/g, '');

test('打印中心 prints the 特殊作业报备登记台账 with a kind filter; the PDF holds exactly the matching filings', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  await host.setup({ loadDemo: true });
  const enterprise = await chemicalEnterprise(host);
  const later = await host.call('filings.create', filing(enterprise.id, { plannedStart: '2026-11-25 08:00', plannedEnd: '2026-11-25 12:00' }));
  const earlier = await host.call('filings.create', filing(enterprise.id));
  const height = await host.call(
    'filings.create',
    filing(enterprise.id, { kind: '高处', grade: null, heightM: 12, heightClass: 'A', place: `一号厂房屋面（${marker}）`, documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证'] }),
  );

  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: '打印中心' }).click();
  await page.getByRole('radio', { name: /特殊作业报备登记台账/ }).check();
  await page.getByRole('combobox', { name: '作业类别' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="动火"]').click();
  await page.getByLabel('关键词').fill(marker);
  await page.getByRole('button', { name: '预览' }).click();

  await expect(page).toHaveURL(/#\/print\/filings\?/);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1', { timeout: 30_000 });
  await expect(page.locator('.print-title')).toHaveText('示例镇特殊作业报备登记台账');
  await expect(page.locator('.print-filter')).toContainText(`筛选条件：作业类别：动火；关键词：“${marker}”`);
  await expect(page.locator('.print-sheet')).toHaveClass(/print-landscape/);
  // Earliest planned start first.
  await expect(page.locator('.print-table tbody tr')).toHaveCount(2);
  await expect(page.locator('.print-table tbody tr').first()).toContainText(earlier.number);

  const pdfPath = testInfo.outputPath('filing-register.pdf');
  fs.writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+/);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const expected of ['示例镇特殊作业报备登记台账', '作业类别：动火', '报备编号', '计划开始', '监护人', earlier.number, later.number, '2026-11-24', '待审核']) {
    expect(compact(text)).toContain(compact(expected));
  }
  expect(compact(text)).toContain(compact(enterprise.name));
  expect(text).not.toContain(height.number);
  expect(text.indexOf(earlier.number)).toBeLessThan(text.indexOf(later.number));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, testInfo.outputPath('register')]);
});

test('the 报备审核表 of one filing: facts, ticks, warnings, site check, history and signature boxes on one A4 portrait page', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  await host.setup({ loadDemo: true });
  await host.call('settings.update', { orgName: '示例镇应急管理办公室', townName: '示例镇', preparer: '李丽芳', reviewer: '赵敏', principal: '陈国华' });
  const enterprise = await chemicalEnterprise(host);
  // 2026-10-03 is in the 国庆节 holiday: a 二级 动火 that day is managed as 一级 (a warning with its reason).
  const created = await host.call(
    'filings.create',
    filing(enterprise.id, { plannedStart: '2026-10-03 08:00', plannedEnd: '2026-10-03 15:30', warningReason: '节日期间停产检修，须在复产前完成' }),
  );
  await host.call('filings.transition', { id: created.id, action: 'passReview', remark: '材料齐全，同意现场核查' });
  await host.call('filings.transition', {
    id: created.id,
    action: 'siteCheck',
    siteCheckOn: '2026-10-02',
    siteCheckInspectors: '赵敏、钱进',
    siteCheckPassed: true,
    remark: '隔离、置换、消防器材落实到位，同意作业',
  });
  // Its window is past: the whole life of a filing, so the history is as long as a typical one gets.
  await host.call('filings.transition', { id: created.id, action: 'markOverdue', remark: '计划时间已过未报完工' });
  await host.call('filings.transition', { id: created.id, action: 'complete', remark: '现场已清理，无遗留火种，复查合格' });

  await loginThroughUi(page, host);
  await page.goto(`${host.origin}/#/print/filing/${created.id}`);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1', { timeout: 30_000 });
  const sheet = page.locator('.filing-sheet');
  await expect(sheet.locator('.print-title')).toHaveText('示例镇特殊作业报备审核表');
  await expect(sheet).toContainText(`报备编号：${created.number}（已完工）`);
  await expect(sheet).toContainText('二级，按一级管理');
  await expect(sheet).toContainText('☑ 施工方案');
  await expect(sheet).toContainText('☑ 气体分析记录');
  await expect(sheet).toContainText('☑ 合格');
  await expect(sheet).toContainText('☐ 不合格');
  await expect(sheet).toContainText('继续报备的理由：节日期间停产检修，须在复产前完成');
  await expect(sheet.locator('.filing-sheet-history tbody tr')).toHaveCount(5);
  await expect(sheet).toContainText('现场已清理，无遗留火种，复查合格');
  await expect(sheet.locator('.filing-sheet-signatures td')).toHaveText([/经办人（签字）：\s*李丽芳/, /审核人（签字）：\s*赵敏/, /负责人（签字）：\s*陈国华/]);
  await page.screenshot({ path: testInfo.outputPath('sheet-screen.png'), fullPage: true });

  const pdfPath = testInfo.outputPath('filing-sheet.pdf');
  fs.writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+/); // A4 portrait
  expect(info).toMatch(/^Pages:\s+1$/m); // a typical filing fits one page
  const text = compact(execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
  for (const expected of [
    '示例镇特殊作业报备审核表',
    created.number,
    enterprise.name,
    '作业类别动火',
    '2026-10-0308:00至2026-10-0315:30（共7小时30分钟）',
    '张三（证书T440101199001011234）',
    '☑施工方案',
    '☑应急处置措施',
    '☑合格',
    '☐不合格',
    '核查日期2026-10-02',
    '核查人员赵敏、钱进',
    '登记报备',
    '审核通过',
    '现场核查',
    '标记逾期未完工',
    '完工复查',
    '经办人（签字）：李丽芳',
    '日期：年月日',
    `报备编号${created.number}第1页/共1页`,
  ]) {
    expect(text, expected).toContain(compact(expected));
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, testInfo.outputPath('sheet')]);
});

test('a 报备审核表 for a filing that does not exist says so in Chinese and reports the error to the print window', async ({ page, host }) => {
  await host.setup({ loadDemo: false });
  await loginThroughUi(page, host);
  await page.goto(`${host.origin}/#/print/filing/999999`);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', 'error', { timeout: 30_000 });
  await expect(page.locator('body')).toHaveAttribute('data-print-error', '该报备不存在或已被删除');
  await expect(page.getByText('无法生成报备审核表')).toBeVisible();

  await page.goto(`${host.origin}/#/print/filing/abc`);
  await expect(page.locator('body')).toHaveAttribute('data-print-error', '「abc」不是有效的报备，请从报备详情页重新打印。');
});
