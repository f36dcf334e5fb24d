import type { Page } from '@playwright/test';
import { e2eAdmin } from '../fixtures/web-host';
import { expect, formItem, loginError, loginThroughUi, test } from './fixtures';

async function openVillages(page: Page) {
  await page.getByRole('menuitem', { name: /村\/社区/ }).click();
  await expect(page.getByRole('heading', { name: '村/社区' }).or(page.locator('.ant-card-head-title', { hasText: '村/社区' }))).toBeVisible();
}

async function fillFirstRun(page: Page) {
  await page.getByLabel('填报单位').fill('示例镇应急管理办公室');
  await page.getByLabel('镇/街道名称').fill('示例镇');
  await page.getByLabel('姓名').fill(e2eAdmin.displayName);
  await page.getByLabel('密码', { exact: true }).fill(e2eAdmin.password);
  await page.getByLabel('确认密码').fill(e2eAdmin.password);
}

test('first run: the office name is required, then the app opens on an empty town', async ({ page, host }, testInfo) => {
  await page.goto(host.loginUrl);
  await expect(page.getByText('欢迎使用安监台账')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('setup.png') });

  await page.getByLabel('从空白开始').check();
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByLabel('确认密码').fill('short');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(formItem(page, '填报单位').locator('.ant-form-item-explain-error')).toHaveText('请填写填报单位');
  await expect(formItem(page, '密码').locator('.ant-form-item-explain-error')).toHaveText('密码至少 8 位，且须同时包含字母和数字');

  await fillFirstRun(page);
  await page.getByRole('button', { name: '开始使用' }).click();

  await expect(page.locator('.ant-layout-header')).toContainText('示例镇应急管理办公室');
  await expect(page.locator('.ant-layout-header')).toContainText(`${e2eAdmin.displayName}管理员`);
  await openVillages(page);
  await expect(page.getByText('暂无村/社区')).toBeVisible();
  expect(await host.call('system.status', {})).toMatchObject({ setupDone: true });
  const token = await host.login(e2eAdmin.username, e2eAdmin.password);
  expect((await host.call('villages.list', {}, token)).total).toBe(0);

  // Logging out leads to the login screen; a wrong password is refused there.
  await page.locator('.ant-layout-header').getByRole('button', { name: new RegExp(e2eAdmin.displayName) }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill(e2eAdmin.username);
  await page.getByLabel('密码').fill('Wrong12345');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(loginError(page)).toContainText('用户名或密码错误');
  await page.getByLabel('密码').fill(e2eAdmin.password);
  await page.getByRole('button', { name: '登录' }).click();
  await openVillages(page);
  await expect(page.getByText('暂无村/社区')).toBeVisible();
});

test('first run with demo data shows the 30 villages of 示例镇, searchable and filterable', async ({ page, host }, testInfo) => {
  await page.goto(host.loginUrl);
  await fillFirstRun(page);
  await page.getByRole('button', { name: '开始使用' }).click();
  await openVillages(page);
  await expect(page.getByText('共 30 个')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('villages-demo.png') });

  await page.getByPlaceholder(/搜索名称/).fill('社区');
  await page.getByPlaceholder(/搜索名称/).press('Enter');
  const token = await host.login(e2eAdmin.username, e2eAdmin.password);
  const communities = (await host.call('villages.list', { q: '社区', pageSize: 100 }, token)).total;
  await expect(page.getByText(`共 ${communities} 个`)).toBeVisible();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(communities);
  for (const name of await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)').allInnerTexts()) {
    expect(name).toContain('社区');
  }
});

test('add, edit, delete and restore a village; bad input is shown under its field', async ({ page, host }, testInfo) => {
  await host.setup();
  await loginThroughUi(page, host);
  await openVillages(page);

  await page.getByRole('button', { name: /新增/ }).click();
  // The form's dialog, told apart from the confirm dialogs that may stack on it.
  const dialog = page.getByRole('dialog').filter({ has: page.getByLabel('统计用区划代码') });
  await dialog.getByLabel('名称').fill('东山村');
  await dialog.getByLabel('统计用区划代码').fill('4419001170');
  await dialog.getByLabel('联系电话').fill('12345');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(formItem(page, '统计用区划代码').locator('.ant-form-item-explain-error')).toHaveText('区划代码应为 12 位数字');
  await expect(formItem(page, '联系电话').locator('.ant-form-item-explain-error')).toContainText('11 位手机号');
  await page.screenshot({ path: testInfo.outputPath('village-form-errors.png') });
  expect((await host.call('villages.list', {})).total).toBe(0);

  await dialog.getByLabel('统计用区划代码').fill('441900117001');
  await dialog.getByLabel('联系电话').fill('13800138000');
  await dialog.getByLabel('人口').fill('3200');
  await dialog.getByLabel('名称').press('Enter');
  await expect(dialog).toBeHidden();
  const row = page.locator('tr.ant-table-row', { hasText: '东山村' });
  await expect(row).toContainText('441900117001');
  await expect(row).toContainText('3,200');

  // A second village with the same name is refused by the backend, under the name field.
  await page.getByRole('button', { name: /新增/ }).click();
  await dialog.getByLabel('名称').fill('东山村');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(formItem(page, '名称').locator('.ant-form-item-explain-error')).toHaveText('已存在名为「东山村」的村/社区');
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '放弃修改' }).click();
  await expect(dialog).toBeHidden();

  await row.getByRole('button', { name: '编辑' }).click();
  await expect(dialog.getByLabel('名称')).toHaveValue('东山村');
  await dialog.getByLabel('名称').fill('东山新村');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('tr.ant-table-row', { hasText: '东山新村' })).toBeVisible();

  await page.locator('tr.ant-table-row', { hasText: '东山新村' }).getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '删除', exact: true }).last().click();
  await expect(page.getByText('暂无村/社区')).toBeVisible();

  await page.getByRole('menuitem', { name: /回收站/ }).click();
  const trashRow = page.locator('tr.ant-table-row', { hasText: '东山新村' });
  await expect(trashRow).toContainText('村/社区');
  await page.screenshot({ path: testInfo.outputPath('trash.png') });
  await trashRow.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('回收站是空的')).toBeVisible();

  await page.getByRole('menuitem', { name: /村\/社区/ }).click();
  await expect(page.locator('tr.ant-table-row', { hasText: '东山新村' })).toBeVisible();
  expect((await host.call('villages.list', {})).items.map((v) => v.name)).toEqual(['东山新村']);
});

test('settings: signature names are saved; the office name cannot be emptied', async ({ page, host }, testInfo) => {
  await host.setup();
  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: /设置/ }).click();
  await expect(page.getByLabel('填报单位')).toHaveValue('示例镇应急管理办公室');
  await page.getByLabel('填表人').fill('李丽芳');
  await page.getByLabel('填报单位').fill('');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(formItem(page, '填报单位').locator('.ant-form-item-explain-error')).toHaveText('请填写填报单位');
  await page.getByLabel('填报单位').fill('示例镇应急管理中心');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await expect(page.locator('.ant-layout-header')).toContainText('示例镇应急管理中心');
  await page.screenshot({ path: testInfo.outputPath('settings.png') });
  expect(await host.call('settings.get', {})).toMatchObject({ orgName: '示例镇应急管理中心', preparer: '李丽芳' });
});

test('without the per-run token the page gets no data', async ({ page, host }) => {
  await page.goto(host.origin);
  await expect(page.getByText('无法连接到程序后台')).toBeVisible();
  await expect(page.getByText(/未授权/)).toBeVisible();
});

test('the network fence catches a request beyond 127.0.0.1', async ({ browser }) => {
  // Checks the fence itself, on a page of its own, so this test's own guard stays clean.
  const context = await browser.newContext();
  const seen: string[] = [];
  await context.route('**/*', (route) => {
    seen.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.goto('http://cdn.invalid/lib.js').catch(() => undefined);
  expect(seen).toEqual(['http://cdn.invalid/lib.js']);
  await context.close();
});
