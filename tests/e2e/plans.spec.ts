import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { usccCheckChar } from '../../src/shared/domain/uscc';
import { startWebHost } from '../fixtures/web-host';
import { chooseOption, expect, fieldError, loginThroughUi, test } from './fixtures';

/** Tuesday 2026-10-20 09:00 in the office, after 国庆 (10-01..10-07, Saturday 10-10 worked). */
const officeMorning = '2026-10-20 09:00';

function uscc(n: number): string {
  const first17 = `91441900MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

async function planHost(page: Page) {
  const host = await startWebHost({ clock: officeMorning });
  await host.setup();
  await page.clock.setFixedTime(new Date('2026-10-20T09:00:00+08:00'));
  const village = await host.call('villages.create', { name: '东山村', kind: '村' });
  const plant = await host.call('enterprises.create', { name: '东山危化储运有限公司', uscc: uscc(31), villageId: village.id, industry: '危化生产', riskLevel: 'red' });
  // Issued in January and never drilled: its half-yearly drill was due 2026-07-10.
  const onSite = await host.call('plans.create', { ownerType: 'enterprise', enterpriseId: plant.id, kind: '现场处置方案', name: '储罐泄漏现场处置方案', version: 'V1.0', issuedOn: '2026-01-10', filingDept: '区应急管理局', filingOn: '2026-01-20' });
  return { host, plant, onSite };
}

/** Types a date into the picker labelled `label` inside `scope` and confirms it. */
async function pickDate(scope: Locator, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

const dialog = (page: Page) => page.getByRole('dialog');
const reminderRows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

test('register a plan (a review after the issue refused), record and accept its 备案, add a drill, the reminders follow, print the 应急预案管理台账', async ({ page }, testInfo) => {
  test.slow();
  const { host, plant, onSite } = await planHost(page);
  try {
    await loginThroughUi(page, host);
    await page.getByRole('menuitem', { name: /应急预案与演练/ }).click();
    await expect(page.getByText('储罐泄漏现场处置方案')).toBeVisible();

    // The reminders before: the on-site plan's drill is overdue (due 2026-07-10, 102 days ago).
    await page.getByText('到期提醒', { exact: true }).click();
    await expect(reminderRows(page)).toHaveCount(1);
    await expect(reminderRows(page).first()).toContainText('已逾期 102 天');
    await expect(reminderRows(page).first()).toContainText('预案演练');

    // Register a plan through the form; Ctrl+N opens it.
    await page.getByText('预案台账', { exact: true }).click();
    await expect(page.getByRole('link', { name: '储罐泄漏现场处置方案' })).toBeVisible();
    // The shortcut is live once the page knows the user may write (the same moment the button shows).
    await expect(page.getByRole('button', { name: /新增预案/ })).toBeVisible();
    await page.keyboard.press('Control+n');
    await expect(dialog(page)).toContainText('新增应急预案');
    await chooseOption(page, dialog(page), '所属企业', plant.name, '东山危化');
    await dialog(page).getByLabel('预案名称').fill('生产安全事故综合应急预案');
    await chooseOption(page, dialog(page), '预案类别', '综合预案');
    await pickDate(dialog(page), '发布日期', '2026-09-28');
    await dialog(page).getByLabel('签署人').fill('陈伟明');
    // Bad input: the review dated after the issue is refused under its field, and nothing is saved.
    await chooseOption(page, dialog(page), '评审/论证', '评审');
    await pickDate(dialog(page), '评审日期', '2026-09-29');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await expect(fieldError(page, '评审日期')).toContainText('评审日期不能晚于发布日期');
    expect((await host.call('plans.list', {})).total).toBe(1);
    await pickDate(dialog(page), '评审日期', '2026-09-20');
    await dialog(page).getByLabel('专家人数').fill('5');
    await dialog(page).getByRole('button', { name: '保存' }).click();

    // The record: 20 working days from 09-28 across 国庆 end on 10-30.
    await expect(page.getByRole('heading', { name: '生产安全事故综合应急预案' })).toBeVisible();
    await expect(page.getByText('第二十六条、第三十三条所列单位')).toBeVisible();
    await expect(page.locator('.plan-due-cards')).toContainText('2026-10-30 还有 10 天');
    await expect(page.locator('.plan-due-cards')).toContainText('2029-09-28');
    await expect(page.locator('.plan-due-cards')).toContainText('2027-03-28');
    await page.screenshot({ path: testInfo.outputPath('plan-detail.png'), fullPage: true });

    // 登记备案 with two materials missing: the check cannot accept it.
    await page.getByRole('button', { name: '登记备案' }).click();
    await expect(dialog(page)).toContainText('登记收到的预案备案');
    for (const material of ['应急预案备案申报表', '应急预案评审意见', '应急预案电子文档']) await dialog(page).getByRole('checkbox', { name: material }).check();
    await dialog(page).getByLabel('报送人').fill('王经理');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await expect(dialog(page)).toHaveCount(0);
    await expect(page.locator('.plan-due-cards')).toContainText('已报送，待核对');
    await page.getByRole('tab', { name: '备案登记' }).click();
    const filingRow = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '2026-10-20' });
    await expect(filingRow).toContainText('缺 2 项');
    // 5 working days from 10-20 end on 10-27.
    await expect(filingRow).toContainText('2026-10-27 还有 7 天');
    await filingRow.getByRole('button', { name: '核对' }).click();
    await expect(dialog(page)).toContainText('缺少：风险评估结果、应急资源调查清单');
    await expect(dialog(page).getByRole('radio', { name: /予以备案/ })).toBeDisabled();
    await dialog(page).getByRole('button', { name: '取消' }).click();

    // The office's check is now what is due; the unit's own filing is met.
    await page.getByRole('link', { name: '返回' }).click();
    await page.getByText('到期提醒', { exact: true }).click();
    await expect(reminderRows(page)).toHaveCount(2);
    await expect(reminderRows(page).filter({ hasText: '备案核对' })).toContainText('还有 7 天');
    await expect(reminderRows(page).filter({ hasText: '预案备案' })).toHaveCount(0);

    // The missing materials arrive: 修改 the registration, then 予以备案 issues the number.
    await page.getByText('备案登记', { exact: true }).click();
    const deskRow = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '生产安全事故综合应急预案' });
    await deskRow.getByRole('button', { name: '修改' }).click();
    for (const material of ['风险评估结果', '应急资源调查清单']) await dialog(page).getByRole('checkbox', { name: material }).check();
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await expect(deskRow).toContainText('齐全');
    await deskRow.getByRole('button', { name: '核对' }).click();
    await dialog(page).getByRole('radio', { name: /予以备案/ }).check();
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await expect(deskRow).toContainText('已备案 2026-001');
    const accepted = await host.call('plans.list', { q: '综合应急预案' });
    expect(accepted.items[0]).toMatchObject({ filingNumber: '2026-001', filingOn: '2026-10-20' });

    // A drill of the on-site plan clears its overdue reminder.
    await page.goto(`${host.origin}/#/plans/${onSite.id}`);
    await page.getByRole('button', { name: '新增演练' }).click();
    await expect(dialog(page).getByLabel('演练名称')).toHaveValue('储罐泄漏现场处置方案演练');
    await dialog(page).getByLabel('参与人数').fill('0');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await expect(fieldError(page, '参与人数')).toContainText('至少 1 人');
    await dialog(page).getByLabel('参与人数').fill('36');
    await pickDate(dialog(page), '演练日期', '2026-10-16');
    await dialog(page).getByRole('checkbox', { name: /消防救援队伍参与/ }).check();
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await expect(page.locator('.plan-due-cards')).toContainText('2027-04-16');
    await page.getByText('返回').first().click();
    await page.getByText('到期提醒', { exact: true }).click();
    await expect(page.getByText('30 天内没有到期或逾期的事项')).toBeVisible();
    await page.getByText('演练记录', { exact: true }).click();
    await expect(page.locator('.drill-summary-sentence')).toContainText('1家企业开展应急演练1场（实战演练1场），其中1家企业引入消防救援队伍协同演练，参与人次36人。');
    await page.screenshot({ path: testInfo.outputPath('drills.png'), fullPage: true });

    // Print the register: both plans, each once, with the accepted filing number.
    await page.getByText('预案台账', { exact: true }).click();
    await page.getByRole('button', { name: '打印' }).click();
    await expect(page).toHaveURL(/#\/print\/plans/);
    await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1', { timeout: 30_000 });
    await expect(page.locator('.print-title')).toHaveText('示例镇应急预案管理台账');
    await expect(page.locator('.print-table tbody tr')).toHaveCount(2);
    const pdfPath = testInfo.outputPath('plans.pdf');
    fs.writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const expected of ['生产安全事故综合应急预案', '储罐泄漏现场处置方案', '2026-001', '东山危化储运有限公司', '第1页/共1页']) expect(text).toContain(expected);
    // Toasts from the steps before (已登记演练…) stay off the paper.
    expect(text).not.toContain('已登记演练');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, testInfo.outputPath('plans-page')]);
  } finally {
    await host.stop();
  }
});

test('a plan kind the owner cannot have is refused; a village plan lists under its village; the same plan twice is refused', async ({ page }) => {
  test.slow();
  const { host } = await planHost(page);
  try {
    const village = (await host.call('villages.options', {}))[0];
    // The API refuses what the form cannot send (综合预案 is an enterprise's kind).
    await expect(host.call('plans.create', { ownerType: 'village', villageId: village.id, kind: '综合预案', name: '村预案', version: '1', issuedOn: '2026-01-01' })).rejects.toThrow(
      '村（社区）的预案类别应为总体预案、专项预案',
    );
    await loginThroughUi(page, host);
    await page.goto(`${host.origin}/#/plans`);
    await page.getByRole('button', { name: /新增预案/ }).click();
    // The owner type is a row of buttons (radios drawn as buttons): click the label, as a user does.
    await dialog(page).locator('.ant-radio-button-wrapper').filter({ hasText: '村（社区）' }).click();
    await chooseOption(page, dialog(page), '所属村（社区）', '东山村');
    await dialog(page).getByLabel('预案名称').fill('东山村防汛应急预案');
    // Only the village's kinds are offered.
    await dialog(page).getByLabel('预案类别', { exact: true }).click();
    await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveText(['总体预案', '专项预案']);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '专项预案' }).click();
    await pickDate(dialog(page), '发布日期', '2026-05-01');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: '东山村防汛应急预案' })).toBeVisible();
    await expect(page.locator('.plan-due-cards')).toContainText('无强制备案期限');
    // Registering the same plan again is refused under its name: a new version is a revision, not a new plan.
    await page.goto(`${host.origin}/#/plans`);
    await page.getByRole('button', { name: /新增预案/ }).click();
    await dialog(page).locator('.ant-radio-button-wrapper').filter({ hasText: '村（社区）' }).click();
    await chooseOption(page, dialog(page), '所属村（社区）', '东山村');
    await dialog(page).getByLabel('预案名称').fill('东山村防汛应急预案');
    await chooseOption(page, dialog(page), '预案类别', '专项预案');
    await pickDate(dialog(page), '发布日期', '2026-06-01');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await expect(fieldError(page, '预案名称')).toContainText('该单位已有名为「东山村防汛应急预案」的预案');
    await dialog(page).getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '放弃修改' }).click();
    expect((await host.call('plans.list', { villageId: village.id })).total).toBe(2);
    await page.goto(`${host.origin}/#/plans?villageId=${village.id}`);
    await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(2);
  } finally {
    await host.stop();
  }
});
