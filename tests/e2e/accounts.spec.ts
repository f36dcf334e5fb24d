import type { Page } from '@playwright/test';
import type { Role } from '../../src/shared/domain/roles';
import { passwordRule } from '../../src/shared/domain/roles';
import { e2eAdmin, type WebHost } from '../fixtures/web-host';
import { expect, fieldError, loginError, loginThroughUi, test } from './fixtures';

/** Accounts used across these tests; each test creates the ones it needs on its own host. */
const leader = { username: 'leader', displayName: '王建国', role: 'readonly', password: 'Leader2024' } as const;
const clerk = { username: 'zhangwei', displayName: '张伟', role: 'staff', password: 'Clerk2024' } as const;

async function createAccount(host: WebHost, account: { username: string; displayName: string; role: Role; password: string }) {
  return host.call('users.create', account);
}

async function openModule(page: Page, name: RegExp, title: string) {
  await page.getByRole('menuitem', { name }).click();
  await expect(page.locator('.ant-card-head-title', { hasText: title })).toBeVisible();
}

async function logout(page: Page, displayName: string) {
  await page.locator('.ant-layout-header').getByRole('button', { name: new RegExp(displayName) }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}

/** Logs in on the login screen already shown (after `logout`), unlike `loginThroughUi` which reloads the page. */
async function loginHere(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The antd Select labelled `label`: opens it and picks `option`. */
async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.locator(`.ant-select-item-option[title="${option}"]:visible`).click();
}

const userRow = (page: Page, username: string) => page.locator('tr.ant-table-row', { has: page.getByRole('cell', { name: username, exact: true }) });
/** The log's own rows (not the rows of an expanded entry's detail table). */
const auditRows = (page: Page) => page.locator('tr.audit-entry');
/** The 新增账户 form's dialog, told apart from the confirm dialogs that may stack on it. */
const createDialog = (page: Page) => page.getByRole('dialog').filter({ has: page.getByLabel('初始密码') });

test('admin creates 只读 and 工作人员 accounts; a weak password and a taken username are shown under their fields', async ({ page, host }, testInfo) => {
  await host.setup();
  await loginThroughUi(page, host);
  await openModule(page, /账户管理/, '账户管理');
  await expect(userRow(page, e2eAdmin.username)).toContainText('管理员');
  await expect(userRow(page, e2eAdmin.username)).toContainText('本人');

  await page.getByRole('button', { name: '新增账户' }).click();
  const dialog = createDialog(page);
  await dialog.getByLabel('用户名').fill(leader.username);
  await dialog.getByLabel('姓名').fill(leader.displayName);
  await dialog.getByRole('radio', { name: /^只读/ }).check();
  await dialog.getByLabel('初始密码').fill('abc');
  await dialog.getByLabel('确认密码').fill('abc');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, '初始密码')).toHaveText(passwordRule.hint);
  await dialog.getByLabel('初始密码').fill(leader.password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, '确认密码')).toHaveText('两次输入的密码不一致');
  expect(await host.call('users.list', {})).toHaveLength(1);
  await dialog.getByLabel('确认密码').fill(leader.password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(userRow(page, leader.username)).toContainText(leader.displayName);
  await expect(userRow(page, leader.username)).toContainText('只读');
  await expect(userRow(page, leader.username)).toContainText('启用');
  await expect(userRow(page, leader.username)).toContainText('从未登录');

  await page.getByRole('button', { name: '新增账户' }).click();
  await dialog.getByLabel('用户名').fill(clerk.username);
  await dialog.getByLabel('姓名').fill(clerk.displayName);
  await dialog.getByRole('radio', { name: /^工作人员/ }).check();
  await dialog.getByLabel('初始密码').fill(clerk.password);
  await dialog.getByLabel('确认密码').fill(clerk.password);
  await dialog.getByLabel('确认密码').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(userRow(page, clerk.username)).toContainText('工作人员');

  // The username is checked by the backend; its message lands under 用户名.
  await page.getByRole('button', { name: '新增账户' }).click();
  await dialog.getByLabel('用户名').fill(leader.username);
  await dialog.getByLabel('姓名').fill('王二');
  await dialog.getByLabel('初始密码').fill('Another2024');
  await dialog.getByLabel('确认密码').fill('Another2024');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, '用户名')).toHaveText(`用户名「${leader.username}」已被使用`);
  await page.screenshot({ path: testInfo.outputPath('users-form.png') });
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '放弃修改' }).click();
  await expect(dialog).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('users.png') });

  const users = await host.call('users.list', {});
  expect(users.map(({ username, displayName, role, disabled }) => ({ username, displayName, role, disabled }))).toEqual([
    { username: e2eAdmin.username, displayName: e2eAdmin.displayName, role: 'admin', disabled: false },
    { username: leader.username, displayName: leader.displayName, role: 'readonly', disabled: false },
    { username: clerk.username, displayName: clerk.displayName, role: 'staff', disabled: false },
  ]);
  // Both accounts can log in with the passwords given here.
  await host.login(leader.username, leader.password);
  await host.login(clerk.username, clerk.password);
});

test('只读 sees no account pages and no way to change data', async ({ page, host }) => {
  await host.setup();
  await createAccount(host, leader);
  await host.call('villages.create', { name: '东山村', kind: '村' });
  await loginThroughUi(page, host, leader.username, leader.password);
  await expect(page.locator('.ant-layout-header')).toContainText(`${leader.displayName}只读`);

  await expect(page.getByRole('menuitem', { name: /回收站/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /账户管理/ })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: /操作日志/ })).toHaveCount(0);
  // Typing the address does not get round the menu either.
  await page.goto(`${host.origin}/#/users`);
  await expect(page.locator('.ant-layout-header')).toContainText(leader.displayName);
  await expect(page.locator('.ant-card-head-title', { hasText: '账户管理' })).toHaveCount(0);

  await openModule(page, /村\/社区/, '村/社区');
  await expect(page.locator('tr.ant-table-row', { hasText: '东山村' })).toBeVisible();
  await expect(page.getByRole('button', { name: /新增|编辑|删除/ })).toHaveCount(0);

  await openModule(page, /设置/, '单位与签字');
  await expect(page.getByLabel('填报单位')).toHaveValue('示例镇应急管理办公室');
  await expect(page.getByLabel('填报单位')).toBeDisabled();
  await expect(page.getByRole('button', { name: '保存设置' })).toHaveCount(0);
});

test('工作人员 adds a village but sees no account pages; the admin finds it in 操作日志 by 操作 and keyword', async ({ page, host }, testInfo) => {
  await host.setup();
  await createAccount(host, clerk);
  await loginThroughUi(page, host, clerk.username, clerk.password);
  await expect(page.getByRole('menuitem', { name: /回收站/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /账户管理/ })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: /操作日志/ })).toHaveCount(0);

  await openModule(page, /村\/社区/, '村/社区');
  await page.getByRole('button', { name: /新增/ }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByLabel('统计用区划代码') });
  await dialog.getByLabel('名称').fill('东山村');
  await dialog.getByLabel('人口').fill('3200');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('tr.ant-table-row', { hasText: '东山村' })).toBeVisible();
  await logout(page, clerk.displayName);

  await loginHere(page, e2eAdmin.username, e2eAdmin.password);
  await openModule(page, /操作日志/, '操作日志');
  const villageRow = auditRows(page).filter({ hasText: '东山村' });
  await expect(villageRow).toHaveCount(1);
  await expect(villageRow).toContainText(clerk.displayName);
  await expect(villageRow).toContainText('新增');
  await expect(villageRow).toContainText('村/社区');
  await expect(villageRow).toContainText('名称：东山村');
  await expect(villageRow).toContainText('人口：3200');
  // The admin creating 张伟's account is logged too; the first administrator was created by the first run (系统).
  await expect(auditRows(page).filter({ hasText: `用户名：${clerk.username}` })).toContainText(e2eAdmin.displayName);
  await expect(auditRows(page).filter({ hasText: `用户名：${e2eAdmin.username}` })).toContainText('系统');

  await pick(page, '操作', '新增');
  await expect(page.getByText('共 3 条').first()).toBeVisible();
  await page.getByPlaceholder('搜索记录名称或操作人').fill('东山');
  await page.getByPlaceholder('搜索记录名称或操作人').press('Enter');
  await expect(auditRows(page)).toHaveCount(1);
  await expect(auditRows(page)).toContainText('东山村');
  // The keyword also matches who did it: 张伟 is both the new account's title and the village's author.
  await page.getByPlaceholder('搜索记录名称或操作人').fill(clerk.displayName);
  await page.getByPlaceholder('搜索记录名称或操作人').press('Enter');
  await expect(auditRows(page)).toHaveCount(2);
  await pick(page, '操作', '修改');
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();
  await page.getByRole('button', { name: '清空筛选' }).click();
  await expect(villageRow).toBeVisible();
  await expect(page.getByPlaceholder('搜索记录名称或操作人')).toHaveValue('');
  await page.screenshot({ path: testInfo.outputPath('audit-log.png') });
  // There is nothing to edit or delete an entry with.
  await expect(page.locator('.ant-table-tbody').getByRole('button', { name: /编辑|删除/ })).toHaveCount(0);
});

test('操作日志 shows what changed, expands long changes, and filters by 类别, 操作人 and date', async ({ page, host }, testInfo) => {
  await host.setup();
  await createAccount(host, clerk);
  const clerkToken = await host.login(clerk.username, clerk.password);
  const village = await host.call('villages.create', { name: '东山村', kind: '村' }, clerkToken);
  await host.call(
    'villages.update',
    { id: village.id, name: '东山新村', kind: '村', code: '441900117001', population: 3200, households: 900, areaKm2: 5.2, contactName: '陈明' },
    clerkToken,
  );
  await host.call('villages.delete', { id: village.id }, clerkToken);

  await loginThroughUi(page, host);
  await openModule(page, /操作日志/, '操作日志');
  await expect(page.getByText('共 5 条').first()).toBeVisible();
  const updated = auditRows(page).filter({ hasText: '修改' }).filter({ hasText: '东山新村' });
  await expect(updated).toContainText('名称：东山村 → 东山新村');
  await expect(updated).toContainText('等 6 项');
  await expect(updated).not.toContainText('负责人');
  await updated.getByRole('button', { name: /展开/ }).click();
  const detail = page.locator('.audit-change-detail');
  await expect(detail).toContainText('负责人');
  await expect(detail).toContainText('陈明');
  await expect(detail.locator('tr.ant-table-row')).toHaveCount(6);
  await page.screenshot({ path: testInfo.outputPath('audit-log-expanded.png') });
  await expect(auditRows(page).filter({ hasText: '删除' })).toContainText('东山新村');

  await pick(page, '类别', '账户');
  await expect(auditRows(page)).toHaveCount(2);
  await expect(auditRows(page).first()).toContainText(clerk.displayName);
  await page.getByRole('button', { name: '清空筛选' }).click();

  await pick(page, '操作人', `${clerk.displayName}（${clerk.username}）`);
  await expect(auditRows(page)).toHaveCount(3);
  await expect(page.getByText('共 3 条').first()).toBeVisible();

  // A range in the past has none of today's entries; today's has them all.
  const range = page.locator('.ant-picker-range');
  await range.locator('input').first().click();
  await range.locator('input').first().fill('2020-01-01');
  await range.locator('input').first().press('Enter');
  await range.locator('input').last().fill('2020-01-31');
  await range.locator('input').last().press('Enter');
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();
  await range.locator('input').first().click();
  await page.locator('.ant-picker-presets').getByText('今天').click();
  await expect(auditRows(page)).toHaveCount(3);
});

test('five wrong passwords lock an account until the admin unlocks it', async ({ page, host }, testInfo) => {
  await host.setup();
  await createAccount(host, clerk);
  await page.goto(host.loginUrl);
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    await loginHere(page, clerk.username, `Wrong${attempt}000`);
    // The login screen empties the password once the answer is in: wait for it, so each try counts on its own.
    await expect(page.getByLabel('密码')).toHaveValue('');
    await expect(loginError(page)).toContainText('用户名或密码错误');
  }
  await loginHere(page, clerk.username, 'Wrong5000');
  await expect(loginError(page)).toContainText('账户已锁定');
  // Even the right password is refused while the lock lasts.
  await loginHere(page, clerk.username, clerk.password);
  await expect(loginError(page)).toContainText('账户已锁定');
  await expect(loginError(page)).toContainText('请管理员解锁');
  await page.screenshot({ path: testInfo.outputPath('login-locked.png') });

  await loginHere(page, e2eAdmin.username, e2eAdmin.password);
  await openModule(page, /账户管理/, '账户管理');
  const row = userRow(page, clerk.username);
  await expect(row).toContainText('已锁定');
  await page.screenshot({ path: testInfo.outputPath('users-locked.png') });
  await row.getByRole('button', { name: '解锁' }).click();
  await expect(row).toContainText('启用');
  await expect(row).not.toContainText('已锁定');
  await expect(row.getByRole('button', { name: '解锁' })).toHaveCount(0);
  await logout(page, e2eAdmin.displayName);

  await loginHere(page, clerk.username, clerk.password);
  await expect(page.locator('.ant-layout-header')).toContainText(`${clerk.displayName}工作人员`);
});

test('admin resets a password: the old one stops working and open sessions end; the new one works', async ({ page, host }, testInfo) => {
  await host.setup();
  await createAccount(host, clerk);
  const oldSession = await host.login(clerk.username, clerk.password);

  await loginThroughUi(page, host);
  await openModule(page, /账户管理/, '账户管理');
  // Your own password is changed from the header menu, not reset here.
  await expect(userRow(page, e2eAdmin.username).getByRole('button', { name: '重置密码' })).toBeDisabled();

  await userRow(page, clerk.username).getByRole('button', { name: '重置密码' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `重置密码：${clerk.displayName}` });
  await expect(dialog).toContainText('已登录的窗口会立即退出');
  await dialog.getByLabel('新密码', { exact: true }).fill('short');
  await dialog.getByLabel('确认新密码').fill('short');
  await dialog.getByRole('button', { name: '重置密码' }).click();
  await expect(fieldError(page, '新密码')).toHaveText(passwordRule.hint);
  await page.screenshot({ path: testInfo.outputPath('users-reset.png') });
  await dialog.getByLabel('新密码', { exact: true }).fill('Fresh2025');
  await dialog.getByLabel('确认新密码').fill('Fresh2025');
  await dialog.getByRole('button', { name: '重置密码' }).click();
  // Asked once more, since it logs the person out.
  const confirm = page.getByRole('dialog').filter({ hasText: `确认重置「${clerk.displayName}」的密码？` });
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();
  await host.login(clerk.username, clerk.password);
  await dialog.getByRole('button', { name: '重置密码' }).click();
  await confirm.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText(`已重置「${clerk.displayName}」的密码`)).toBeVisible();
  await expect(dialog).toBeHidden();

  await expect(host.call('villages.list', {}, oldSession)).rejects.toThrow('请先登录');
  await expect(host.login(clerk.username, clerk.password)).rejects.toThrow('用户名或密码错误');
  await logout(page, e2eAdmin.displayName);
  await loginHere(page, clerk.username, 'Fresh2025');
  await expect(page.locator('.ant-layout-header')).toContainText(`${clerk.displayName}工作人员`);
});

test('edit: the last admin cannot give up the role; disabling asks first and ends the account’s sessions', async ({ page, host }, testInfo) => {
  await host.setup();
  await createAccount(host, clerk);
  const clerkSession = await host.login(clerk.username, clerk.password);
  await loginThroughUi(page, host);
  await openModule(page, /账户管理/, '账户管理');
  const dialog = page.getByRole('dialog').filter({ hasText: '编辑账户' });

  // Own account: the 停用 switch is off-limits, and demoting the only administrator is refused by the backend.
  await userRow(page, e2eAdmin.username).getByRole('button', { name: '编辑' }).click();
  await expect(dialog.getByRole('switch')).toBeDisabled();
  await dialog.getByRole('switch').locator('..').hover();
  await expect(page.getByRole('tooltip')).toContainText('不能停用自己的账户');
  await dialog.getByRole('radio', { name: /^工作人员/ }).check();
  await expect(dialog).toContainText('您将不能再管理账户和设置');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, '角色')).toHaveText('至少需要保留一个启用的管理员账户');
  await page.screenshot({ path: testInfo.outputPath('users-edit-self.png') });
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '放弃修改' }).click();
  await expect(dialog).toBeHidden();

  // Another account: rename it and switch it off, confirming first.
  await userRow(page, clerk.username).getByRole('button', { name: '编辑' }).click();
  await expect(dialog.getByLabel('姓名')).toHaveValue(clerk.displayName);
  await dialog.getByLabel('姓名').fill('张伟（已调离）');
  // The dialog was just reopened while the previous one was still closing: let both animations end first, so
  // the click reaches the switch of a settled form (a click mid-animation was once lost on a loaded CI machine).
  await settled(page);
  await dialog.getByRole('switch').click();
  const confirm = page.getByRole('dialog').filter({ hasText: '停用「张伟（已调离）」？' });
  await expect(confirm).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('users-disable-confirm.png') });
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(dialog.getByRole('switch')).not.toBeChecked();
  await dialog.getByRole('switch').click();
  await confirm.getByRole('button', { name: '停用' }).click();
  await expect(dialog.getByRole('switch')).toBeChecked();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(userRow(page, clerk.username)).toContainText('张伟（已调离）');
  await expect(userRow(page, clerk.username)).toContainText('停用');

  await expect(host.call('villages.list', {}, clerkSession)).rejects.toThrow('请先登录');
  await expect(host.login(clerk.username, clerk.password)).rejects.toThrow('该账户已停用');
});

/** Waits until no antd dialog is opening or closing (its motion classes are gone). */
async function settled(page: Page) {
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave, .ant-fade-appear, .ant-fade-enter, .ant-fade-leave')).toHaveCount(0);
}
