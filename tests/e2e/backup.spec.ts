import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { e2eAdmin } from '../fixtures/web-host';
import { expect, fieldError, loginThroughUi, test } from './fixtures';

function card(page: Page, title: string) {
  return page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });
}

test('备份与恢复: an encrypted backup to a typed folder, then restored from it with its password', async ({ page, host }, testInfo) => {
  await host.setup();
  await host.call('villages.create', { name: '东山村', kind: '村' });
  const usb = testInfo.outputPath('usb');
  fs.mkdirSync(usb, { recursive: true });
  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: /备份与恢复/ }).click();
  await expect(card(page, '备份状态')).toContainText('从未备份');

  // 立即备份 to a typed folder, encrypted; a confirmation that does not match is caught under its field.
  const backup = card(page, '立即备份');
  await backup.getByRole('radio', { name: /其他文件夹/ }).check();
  await backup.getByLabel('文件夹路径').fill(usb);
  await backup.getByRole('switch').click();
  await backup.getByLabel('密码', { exact: true }).fill('Secret123');
  await backup.getByLabel('确认密码').fill('Secret124');
  await backup.getByRole('button', { name: '开始备份' }).click();
  await expect(fieldError(page, '确认密码')).toHaveText('两次输入的密码不一致');
  await backup.getByLabel('确认密码').fill('Secret123');
  await backup.getByRole('button', { name: '开始备份' }).click();
  await expect(backup.locator('.ant-alert-success')).toContainText('备份完成');
  const made = fs.readdirSync(usb).filter((name) => name.endsWith('.ajbak'));
  expect(made).toHaveLength(1);
  await expect(card(page, '备份记录').getByRole('row', { name: new RegExp(made[0]) })).toContainText('手动备份');

  // Work goes on after the backup…
  await host.call('villages.create', { name: '西岭村', kind: '村' });

  // …and is undone by restoring it: a wrong password is refused under the field, the right one verifies.
  const restore = card(page, '从备份恢复');
  await restore.getByRole('radio', { name: /其他文件夹/ }).check();
  await restore.getByLabel('文件夹路径').fill(usb);
  await restore.getByRole('button', { name: '查找备份文件' }).click();
  await restore.getByRole('row', { name: new RegExp(made[0]) }).click();
  await restore.getByLabel('备份密码').fill('Wrong1234');
  await restore.getByRole('button', { name: '校验' }).click();
  await expect(fieldError(page, '备份密码')).toContainText('备份密码不正确');
  await restore.getByLabel('备份密码').fill('Secret123');
  await restore.getByRole('button', { name: '校验' }).click();
  await expect(restore).toContainText('校验通过');
  await expect(restore.locator('.ant-descriptions').first()).toContainText('示例镇应急管理办公室');
  await expect(restore.locator('.backup-counts th:has-text("村（社区）") + td')).toHaveText('1');
  await page.screenshot({ path: testInfo.outputPath('backup-checked.png'), fullPage: true });

  await restore.getByRole('button', { name: '恢复', exact: true }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '替换当前数据' });
  await expect(confirm).toContainText('恢复前自动备份');
  await confirm.getByRole('button', { name: '恢复' }).click();
  const done = page.getByRole('dialog').filter({ hasText: '恢复完成' });
  await expect(done).toContainText('请重新登录', { timeout: 30_000 });
  await Promise.all([page.waitForEvent('load'), done.getByRole('button', { name: '重新登录' }).click()]);

  // The reload lands on the login screen (every session ended); the data is the backup's again.
  await page.getByLabel('用户名').fill(e2eAdmin.username);
  await page.getByLabel('密码').fill(e2eAdmin.password);
  await page.getByRole('button', { name: '登录' }).click();
  const token = await host.login(e2eAdmin.username, e2eAdmin.password);
  const villages = await host.call('villages.list', {}, token);
  expect(villages.items.map((village) => village.name)).toEqual(['东山村']);

  await page.getByRole('menuitem', { name: /备份与恢复/ }).click();
  const history = card(page, '备份记录');
  await expect(history).toContainText('恢复前自动备份');
  await expect(history).toContainText('恢复自此备份');
  const status = await host.call('backup.status', {}, token);
  expect(status.history.find((entry) => entry.kind === 'pre-restore')).toBeTruthy();
  expect(fs.readdirSync(status.localFolder).some((name) => name.endsWith('.ajbak'))).toBe(true);
  expect(path.resolve(status.localFolder).startsWith(path.resolve(host.dataDir))).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('backup-after-restore.png'), fullPage: true });
});
