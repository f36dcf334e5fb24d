import type { Page } from '@playwright/test';
import { expect, loginThroughUi, test } from './fixtures';

/** Types a date into the antd picker labelled `label` in the dialog and confirms it. */
async function typeDate(page: Page, label: string, value: string) {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

test('设置 › 节假日安排: the shipped years are read-only; an administrator enters 2027, an overlap is refused under its field', async ({ page, host }, testInfo) => {
  await host.setup();
  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: /设置/ }).click();
  const card = page.locator('.ant-card').filter({ hasText: '节假日安排' });
  await expect(card.locator('tr.ant-table-row')).toHaveCount(2);
  await expect(card.locator('tr.ant-table-row').filter({ hasText: '2026' })).toContainText('春节 02-15—02-23');
  await expect(card.locator('tr.ant-table-row').filter({ hasText: '2026' })).toContainText('随程序提供');

  await card.getByRole('button', { name: '录入新年度' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('年份')).toHaveValue('2027');
  await dialog.getByLabel('依据').fill('国务院办公厅关于2027年部分节假日安排的通知');
  await dialog.getByRole('button', { name: '添加节日' }).click();
  await dialog.getByLabel('节日2名称').fill('国庆节');
  // Bad input: the second holiday overlaps 元旦.
  await typeDate(page, '节日2开始', '2027-01-01');
  await typeDate(page, '节日2结束', '2027-01-02');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toContainText('国庆节与元旦的日期重叠');
  expect((await host.call('holidays.list', {})).map((entry) => entry.year)).toEqual([2025, 2026]);

  await typeDate(page, '节日2开始', '2027-10-01');
  await typeDate(page, '节日2结束', '2027-10-07');
  await page.screenshot({ path: testInfo.outputPath('holiday-form.png') });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = card.locator('tr.ant-table-row').filter({ hasText: '2027' });
  await expect(row).toContainText('国庆节 10-01—10-07');
  await expect(row.getByRole('button', { name: '编辑' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('holiday-settings.png'), fullPage: true });

  // The filing rules now know 2027's 国庆节.
  const village = await host.call('villages.create', { name: '东山村', kind: '村' });
  const enterprise = await host.call('enterprises.create', { name: '节日化工有限公司', uscc: '914419000000002018', villageId: village.id, industry: '化工', riskLevel: 'orange' });
  const check = await host.call('filings.check', {
    enterpriseId: enterprise.id,
    kind: '动火',
    grade: '二级',
    place: '罐区',
    content: '焊接',
    plannedStart: '2027-10-04 09:00',
    plannedEnd: '2027-10-04 11:00',
    leaderName: '陈志强',
    guardianName: '黄惠玲',
  });
  expect(check.managedGrade).toBe('一级');
});
