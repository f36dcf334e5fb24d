import type { Page } from '@playwright/test';
import type { SpecialWorkDocument } from '../../src/shared/domain/specialWork';
import { usccCheckChar } from '../../src/shared/domain/uscc';
import { startWebHost } from '../fixtures/web-host';
import { chooseOption, expect, fieldError, loginThroughUi, test } from './fixtures';

/** 国庆节 2026, 09:00 in the office: the app's and the browser's clocks both start here. */
const holidayMorning = '2026-10-01 09:00';

function uscc(n: number): string {
  const first17 = `91441900MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

const dropdownOption = (page: Page) => page.locator('.ant-select-dropdown:visible .ant-select-item-option');

/** A host whose clock starts on the holiday morning, set up with one village and two enterprises. */
async function holidayHost(page: Page) {
  const host = await startWebHost({ clock: holidayMorning });
  await host.setup();
  // The browser's clock stands at the same moment (timers keep running, so the UI still animates and debounces).
  await page.clock.setFixedTime(new Date('2026-10-01T09:00:00+08:00'));
  const village = await host.call('villages.create', { name: '东山村', kind: '村' });
  const base = { villageId: village.id, riskLevel: 'orange' as const };
  const plant = await host.call('enterprises.create', { ...base, name: '东山精细化工有限公司', uscc: uscc(11), industry: '化工' });
  const mill = await host.call('enterprises.create', { ...base, name: '西岭五金制品厂', uscc: uscc(12), industry: '工贸-机械' });
  return { host, plant, mill };
}

/** Types a date-time into the antd picker labelled `label` and confirms it. */
async function pickDateTime(page: Page, label: string, value: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

async function fillFiling(page: Page, fields: { enterprise: string; place: string; content: string; start: string; end: string }) {
  await chooseOption(page, page.locator('form[id="filing-form"]'), '报备企业', fields.enterprise, fields.enterprise.slice(0, 4));
  await page.getByLabel('作业地点').fill(fields.place);
  await page.getByLabel('作业内容').fill(fields.content);
  await pickDateTime(page, '计划开始时间', fields.start);
  await pickDateTime(page, '计划结束时间', fields.end);
  await page.getByLabel('作业负责人').fill('陈志强');
  await page.getByLabel('监护人').fill('黄惠玲');
}

const ruleCheck = (page: Page) => page.locator('.filing-rule-check');

test('file a 动火 on 国庆节: missing documents block, the holiday warning needs a reason; attach files, review, site check, today’s board, 报备审核表', async ({
  page,
}, testInfo) => {
  test.slow();
  const { host, plant } = await holidayHost(page);
  try {
    await loginThroughUi(page, host);
    await page.getByRole('menuitem', { name: /特殊作业报备/ }).click();
    await expect(page.getByText('今天 2026-10-01（星期四）')).toBeVisible();
    await expect(page.locator('.filing-day-card').first().getByText('国庆节')).toBeVisible();

    await page.getByText('登记台账').click();
    await expect(page.getByText('暂无报备，点击“新增报备”登记')).toBeVisible();
    await page.keyboard.press('Control+n');
    await expect(page.getByText('新增特殊作业报备')).toBeVisible();
    await fillFiling(page, { enterprise: plant.name, place: '二号罐区 T-203', content: '更换进料管线法兰并焊接', start: '2026-10-01 10:00', end: '2026-10-01 16:00' });
    await page.getByRole('radio', { name: '二级' }).check();

    // Bad input: only three of the five documents a 化工 enterprise's 动火 needs; saving is refused.
    for (const document of ['施工方案', '施工资质', '应急处置措施']) await page.getByRole('checkbox', { name: new RegExp(document) }).check();
    await expect(ruleCheck(page).locator('.ant-alert-error')).toContainText('缺少材料：作业许可证、气体分析记录');
    await expect(ruleCheck(page).locator('.ant-alert-warning')).toContainText('国庆节（2026-10-01）');
    await expect(ruleCheck(page).locator('.ant-alert-warning')).toContainText('按一级动火管理（二级 → 一级）');
    await page.getByRole('button', { name: '提交报备' }).click();
    await expect(fieldError(page, '已提交的材料')).toContainText('缺少材料');
    expect((await host.call('filings.list', {})).total).toBe(0);

    // All documents: the error goes, the holiday warning stays and asks for a reason.
    for (const document of ['作业许可证', '气体分析记录']) await page.getByRole('checkbox', { name: new RegExp(document) }).check();
    await expect(ruleCheck(page).locator('.ant-alert-error')).toHaveCount(0);
    await page.getByRole('button', { name: '提交报备' }).click();
    await expect(fieldError(page, '继续报备的理由')).toContainText('请填写继续的理由');
    await page.getByLabel('继续报备的理由').fill('节日停产检修，已按一级动火审批并落实视频监控');
    await page.screenshot({ path: testInfo.outputPath('filing-form.png'), fullPage: true });
    await page.getByRole('button', { name: '提交报备' }).click();

    await expect(page.getByRole('heading', { name: '报备 2026-0001' })).toBeVisible();
    await expect(page.locator('.ant-tag').filter({ hasText: '待审核' })).toBeVisible();
    const filing = (await host.call('filings.list', {})).items[0];
    expect(filing).toMatchObject({ number: '2026-0001', status: '待审核', warningCount: 1 });

    // Attach the documents' scans.
    await page.getByRole('tab', { name: '附件' }).click();
    const attachments = page.getByRole('tabpanel', { name: '附件' });
    await attachments.locator('input[type=file]').setInputFiles({ name: '施工方案.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 plan') });
    await expect(attachments.locator('tr.ant-table-row').filter({ hasText: '施工方案.pdf' })).toBeVisible();

    // 审核通过, then the site check: the inspectors are required.
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('dialog').getByLabel('审核意见').fill('材料齐全');
    await page.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
    await expect(page.locator('.ant-tag').filter({ hasText: '待现场核查' })).toBeVisible();
    await page.getByRole('button', { name: '现场核查' }).click();
    const check = page.getByRole('dialog');
    await check.getByRole('button', { name: '现场核查' }).click();
    await expect(check.locator('.ant-form-item-explain-error')).toContainText('请填写核查人员');
    await check.getByLabel('核查人员').fill('王志强、李惠玲');
    await check.getByLabel('核查意见').fill('动火点 10 m 内无可燃物，气体分析合格');
    await check.getByRole('button', { name: '现场核查' }).click();
    await expect(page.locator('.ant-tag').filter({ hasText: '准予作业' })).toBeVisible();
    await page.getByRole('tab', { name: '审核与流程记录' }).click();
    const history = page.locator('.filing-history');
    await expect(history).toContainText('登记报备');
    await expect(history).toContainText('审核通过');
    await expect(history).toContainText('现场核查');
    await expect(history).toContainText('待现场核查 → 准予作业');
    await page.screenshot({ path: testInfo.outputPath('filing-detail.png'), fullPage: true });

    // Today's board lists it as approved, with its warning.
    await page.getByRole('menuitem', { name: /特殊作业报备/ }).click();
    const today = page.locator('.filing-day-card').first();
    await expect(today.locator('tr.ant-table-row').filter({ hasText: '2026-0001' })).toContainText('准予作业');
    await expect(today.locator('tr.ant-table-row').filter({ hasText: '2026-0001' })).toContainText('提醒 1');
    await expect(page.getByText('没有未批先干或超时未关闭的作业')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('filing-board.png'), fullPage: true });

    // The 报备审核表 of the filing.
    await page.goto(`${host.origin}/#/print/filing/${filing.id}`);
    await expect(page.locator('body')).toContainText('特殊作业报备审核表');
    await expect(page.locator('body')).toContainText('2026-0001');
    await expect(page.locator('body')).toContainText('王志强、李惠玲');
  } finally {
    await host.stop();
  }
});

test('reject a filing with a reason; a filing started without approval is flagged on the board', async ({ page }, testInfo) => {
  const { host, mill } = await holidayHost(page);
  try {
    const base = {
      enterpriseId: mill.id,
      kind: '切割' as const,
      grade: '二级',
      place: '成品仓库',
      content: '拆除旧货架',
      leaderName: '陈志强',
      guardianName: '黄惠玲',
      documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证', '气体分析记录'] as SpecialWorkDocument[],
      warningReason: '节日期间抢修',
    };
    const late = await host.call('filings.create', { ...base, plannedStart: '2026-10-01 08:00', plannedEnd: '2026-10-01 12:00' });
    const other = await host.call('filings.create', { ...base, place: '二号车间', plannedStart: '2026-10-02 08:00', plannedEnd: '2026-10-02 12:00' });
    await loginThroughUi(page, host);
    await page.getByRole('menuitem', { name: /特殊作业报备/ }).click();
    const alert = page.locator('.ant-alert-error').filter({ hasText: '未批先干风险' });
    await expect(alert).toContainText('1 项作业已到计划开始时间但尚未准予作业');
    await expect(alert).toContainText(late.number);
    await expect(page.locator('.filing-day-card').nth(1).locator('tr.ant-table-row')).toHaveCount(1);

    await page.goto(`${host.origin}/#/filings/${other.id}`);
    await page.getByRole('button', { name: '驳回' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '驳回' }).click();
    await expect(dialog.locator('.ant-form-item-explain-error')).toContainText('请填写驳回理由');
    await dialog.getByLabel('驳回理由').fill('作业地点与施工方案不符，请重新报备');
    await dialog.getByRole('button', { name: '驳回' }).click();
    await expect(page.locator('.ant-tag').filter({ hasText: '驳回' })).toBeVisible();
    await expect(page.getByText('驳回：作业地点与施工方案不符，请重新报备')).toBeVisible();
    await expect(page.getByRole('button', { name: '现场核查' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('filing-rejected.png') });

    // Rejected works leave the board; the register still lists them under their status.
    await page.getByRole('menuitem', { name: /特殊作业报备/ }).click();
    await expect(page.locator('.filing-day-card').nth(1).locator('tr.ant-table-row')).toHaveCount(0);
    await page.getByText('登记台账').click();
    await page.getByLabel('状态').click();
    await dropdownOption(page).filter({ hasText: '驳回' }).click();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
    await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toContainText(other.number);
  } finally {
    await host.stop();
  }
});

test('a 只读 user sees the board and a filing but no 新增报备 and no workflow buttons', async ({ page }) => {
  const { host, plant } = await holidayHost(page);
  try {
    const filing = await host.call('filings.create', {
      enterpriseId: plant.id,
      kind: '吊装',
      loadT: 30,
      place: '三号仓库',
      content: '设备吊装就位',
      plannedStart: '2026-10-08 09:00',
      plannedEnd: '2026-10-08 11:00',
      leaderName: '陈志强',
      guardianName: '黄惠玲',
      documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证'],
    });
    expect(filing.grade).toBe('三级');
    await host.call('users.create', { username: 'leader', displayName: '赵领导', role: 'readonly', password: 'Leader12345' });
    await loginThroughUi(page, host, 'leader', 'Leader12345');
    await page.getByRole('menuitem', { name: /特殊作业报备/ }).click();
    await page.getByText('登记台账').click();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
    await expect(page.getByRole('button', { name: /新增报备/ })).toHaveCount(0);
    await page.locator('.ant-table-tbody tr.ant-table-row').click();
    await expect(page.getByRole('heading', { name: `报备 ${filing.number}` })).toBeVisible();
    await expect(page.getByRole('button', { name: '审核通过' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '驳回' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

