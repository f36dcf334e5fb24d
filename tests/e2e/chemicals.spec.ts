import type { Page } from '@playwright/test';
import { e2eAdmin } from '../fixtures/web-host';
import { expect, fieldError, loginThroughUi, test } from './fixtures';

async function openCatalogue(page: Page) {
  await page.getByRole('menuitem', { name: /化学品目录/ }).click();
  await expect(page.locator('.ant-card-head-title', { hasText: '化学品目录' })).toBeVisible();
}

/** The catalogue's rows (the calculator below has a table too). */
function catalogueRows(page: Page) {
  return page.locator('.chemical-catalogue tr.ant-table-row');
}

/** One result of the 重大危险源 calculator, by its title. */
function result(page: Page, title: string) {
  return page.locator('.major-hazard-calculator .ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content');
}

/** Picks a catalogue entry in the calculator's `index`-th row by typing `typed` (name, alias or CAS). */
async function pickChemical(page: Page, index: number, typed: string, option: string) {
  const picker = page.getByLabel('危险化学品').nth(index);
  await picker.click();
  await picker.fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
}

test('catalogue: the seed entries, a wrong CAS check digit under its field, search by alias, and the major hazard calculator', async ({
  page,
  host,
}, testInfo) => {
  await host.setup();
  await loginThroughUi(page, host);
  await openCatalogue(page);
  // Every new database starts with the entries cited from GB 18218-2018.
  await expect(page.getByText('共 5 种')).toBeVisible();
  const ammonia = catalogueRows(page).filter({ hasText: '7664-41-7' });
  await expect(ammonia).toContainText('液氨、氨气');
  await expect(ammonia).toContainText('Q：GB 18218-2018 表1');
  await expect(ammonia).toContainText('β：GB 18218-2018 表3');

  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog').filter({ has: page.getByLabel('CAS号') });
  await dialog.getByLabel('名称').fill('苯');
  await dialog.getByLabel('别名').fill('纯苯，困苯');
  await dialog.getByLabel('CAS号').fill('71-43-3');
  await dialog.getByLabel('临界量（t）', { exact: true }).fill('50');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, 'CAS号')).toHaveText('CAS 号校验位应为“2”，当前为“3”，请核对前面的数字');
  await expect(fieldError(page, '临界量出处')).toHaveText('请注明临界量的出处，如 GB 18218-2018 表1');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('chemical-form-errors.png') });
  expect((await host.call('chemicals.list', {})).total).toBe(5);

  await dialog.getByLabel('CAS号').fill('71-43-2');
  await expect(fieldError(page, 'CAS号')).toHaveCount(0);
  await dialog.getByLabel('临界量出处').fill('GB 18218-2018 表1');
  await dialog.getByLabel('临界量出处').press('Enter');
  await expect(dialog).toBeHidden();
  const benzene = catalogueRows(page).filter({ hasText: '71-43-2' });
  await expect(benzene).toContainText('纯苯、困苯');
  await expect(benzene).toContainText('50');

  await page.getByPlaceholder(/搜索名称/).fill('困苯');
  await page.getByPlaceholder(/搜索名称/).press('Enter');
  await expect(catalogueRows(page)).toHaveCount(1);
  await expect(catalogueRows(page)).toContainText('苯');
  await page.getByPlaceholder(/搜索名称/).fill('');
  await page.getByPlaceholder(/搜索名称/).press('Enter');
  await expect(page.getByText('共 6 种')).toBeVisible();

  // 氨 20 t with 120 people nearby: S = 20/10 = 2, α = 2.0, R = 2.0 × 2 × 2 = 8 → 四级.
  await pickChemical(page, 0, '液氨', '氨（7664-41-7）');
  await page.getByLabel('最大存在量').first().fill('20');
  await expect(result(page, 'S（Σq/Q）')).toHaveText('2.00');
  await expect(page.getByText('请填写 500 米范围内常住人数')).toBeVisible();
  await page.getByLabel('500 米范围内常住人数').fill('120');
  await expect(result(page, '是否构成重大危险源')).toHaveText('是');
  await expect(result(page, 'α（人口校正系数）')).toHaveText('2.0');
  await expect(result(page, 'R（α·Σβq/Q）')).toHaveText('8.0');
  await expect(result(page, '重大危险源等级')).toHaveText('四级');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('chemicals.png'), fullPage: true });

  // 液化石油气 has no β in the catalogue: the unit is still identified, but not graded.
  await page.getByRole('button', { name: '添加物质' }).click();
  await pickChemical(page, 1, '液化', '液化石油气');
  await page.getByLabel('最大存在量').nth(1).fill('25');
  await expect(result(page, 'S（Σq/Q）')).toHaveText('2.50');
  await expect(page.getByText('缺少校正系数β，只能辨识不能分级')).toBeVisible();
  await expect(result(page, 'R（α·Σβq/Q）')).toHaveText('—');
  await expect(result(page, '重大危险源等级')).toHaveText('—');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('chemicals-no-beta.png'), fullPage: true });
});

test('catalogue: deleting goes to the 回收站; 只读 users see the catalogue without write buttons', async ({ page, host }) => {
  await host.setup();
  await host.call('users.create', { username: 'leader', displayName: '王领导', role: 'readonly', password: 'Leader1234' });
  await loginThroughUi(page, host);
  await openCatalogue(page);
  const methanol = catalogueRows(page).filter({ hasText: '67-56-1' });
  await methanol.getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '删除', exact: true }).last().click();
  await expect(page.getByText('共 4 种')).toBeVisible();
  await page.getByRole('menuitem', { name: /回收站/ }).click();
  await expect(page.locator('tr.ant-table-row', { hasText: '甲醇' })).toContainText('化学品');

  await page.locator('.ant-layout-header').getByRole('button', { name: new RegExp(e2eAdmin.displayName) }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('leader');
  await page.getByLabel('密码').fill('Leader1234');
  await page.getByRole('button', { name: '登录' }).click();
  await openCatalogue(page);
  await expect(page.getByText('共 4 种')).toBeVisible();
  await expect(page.getByRole('button', { name: /新增/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
  // The calculator is for everyone.
  await expect(page.getByText('重大危险源辨识计算')).toBeVisible();
});
