import type { Locator, Page } from '@playwright/test';
import type { In } from '../../src/shared/api';
import type { WebHost } from '../fixtures/web-host';
import { expect, fieldError, formItem, loginThroughUi, test } from './fixtures';

/** A date `days` before today (the app refuses dates after today, and the host runs on the real clock). */
function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Opens the antd Select labelled `label` inside `scope` and picks the option titled `option`. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

/** Types a date into the antd DatePicker labelled `label` and confirms it. */
async function typeDate(scope: Locator, label: string, date: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

function siteDialog(page: Page) {
  return page.getByRole('dialog').filter({ has: page.getByLabel('户主/产权人') });
}

function inspectionDialog(page: Page) {
  return page.getByRole('dialog').filter({ has: page.getByLabel('排查人员') });
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const sentence = (page: Page) => page.getByTestId('idle-site-summary-sentence');

async function openIdleSites(page: Page) {
  await page.getByRole('menuitem', { name: /四闲场所/ }).click();
  await expect(page.locator('.ant-card-head-title', { hasText: '四闲场所排查整治' })).toBeVisible();
}

async function makeSite(host: WebHost, fields: Partial<In<'idleSites.create'>> & { villageId: number; name: string }) {
  return host.call('idleSites.create', { kind: '院落', foundOn: daysAgo(20), ...fields });
}

test('register an idle site, record an inspection (非法储存 → 取缔, sealed), see its status and the summary change, filter by finding', async ({
  page,
  host,
}, testInfo) => {
  test.slow();
  await host.setup();
  const east = await host.call('villages.create', { name: '东山村', kind: '村' });
  await makeSite(host, { name: '西街闲置仓库', kind: '仓库', villageId: east.id, ownerName: '黄海燕' });
  await makeSite(host, {
    name: '南岭塑料颗粒加工点',
    kind: '厂房',
    villageId: east.id,
    finding: '非法生产',
    disposal: '停业整顿',
    disposedOn: daysAgo(18),
    sealed: true,
  });
  await loginThroughUi(page, host);
  await openIdleSites(page);
  await expect(rows(page)).toHaveCount(2);
  await expect(sentence(page)).toHaveText('截至目前，共排查“四闲”场所2处，发现非法违法行为1起，其中1起停业整顿；张贴封条1处。');

  // Ctrl+N opens the form; a cleared 排查日期 and a short phone are named under their fields.
  await page.keyboard.press('Control+n');
  const dialog = siteDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('场所名称').fill('东山村李家闲置院落');
  await choose(page, dialog, '场所类型', '院落');
  await choose(page, dialog, '所属村/社区', '东山村');
  await dialog.getByLabel('地址').fill('东山村后街 3 号');
  await dialog.getByLabel('户主/产权人').fill('李国栋');
  await dialog.getByLabel('联系电话').fill('1380013');
  await dialog.getByLabel('现用途').fill('堆放油桶');
  await formItem(page, '排查日期').locator('.ant-picker').hover();
  await formItem(page, '排查日期').locator('.ant-picker-clear').click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, '排查日期')).toHaveText('请填写排查日期');
  await expect(fieldError(page, '联系电话')).toContainText('手机号');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('idle-sites-form-errors.png') });
  expect((await host.call('idleSites.list', {})).total).toBe(2);

  await typeDate(dialog, '排查日期', daysAgo(10));
  // Enter in the date field also submits the form (still with the short phone), and that answer can land after the
  // fix below and put the phone error back (waiting for "network idle" does not wait for it: the page has long
  // loaded). So the fix is typed again until the error stays away.
  await expect(async () => {
    await dialog.getByLabel('联系电话').fill('');
    await dialog.getByLabel('联系电话').fill('13800138000');
    await expect(fieldError(page, '联系电话')).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  // Enter in a field saves.
  await dialog.getByLabel('现用途').press('Enter');
  await expect(dialog).toBeHidden();
  const row = rows(page).filter({ hasText: '东山村李家闲置院落' });
  await expect(row).toContainText('李国栋 13800138000');
  await expect(row).toContainText('无违法');
  await expect(row).toContainText('无需处置');
  await expect(sentence(page)).toContainText('共排查“四闲”场所3处，发现非法违法行为1起');

  // The detail page: header facts, then an inspection that finds illegal storage and bans it with seals.
  await row.getByRole('link', { name: '东山村李家闲置院落' }).click();
  await expect(page).toHaveURL(/#\/idle-sites\/\d+/);
  const header = page.locator('.idle-site-header');
  await expect(header).toContainText('东山村');
  await expect(header).toContainText('李国栋 13800138000');
  await expect(header).toContainText('暂无排查记录');
  await page.getByRole('tab', { name: /排查记录/ }).click();
  await page.getByRole('button', { name: '新增排查记录' }).click();
  const visit = inspectionDialog(page);
  await typeDate(visit, '排查日期', daysAgo(2));
  await visit.getByLabel('排查人员').fill('王强、李明');
  await choose(page, visit, '排查发现', '非法储存');
  // A violation starts at 待处置; staff then pick what was done.
  await expect(visit.locator('.ant-form-item').filter({ has: page.locator('label[title="处置情况"]') })).toContainText('待处置');
  await choose(page, visit, '处置情况', '取缔');
  await visit.getByLabel('已贴封条').check();
  await visit.getByLabel('情况说明').fill('院内存放柴油桶 20 只，已责令清运');
  await visit.getByRole('button', { name: '保存' }).click();
  await expect(visit).toBeHidden();
  await expect(header).toContainText('非法储存');
  await expect(header).toContainText('取缔');
  await expect(header).toContainText('已贴封条');
  await expect(header).toContainText(`${daysAgo(2)}（共 1 次）`);
  const entry = page.getByTestId('inspection');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('王强、李明');
  await expect(entry).toContainText('院内存放柴油桶 20 只，已责令清运');
  await expect(entry).toContainText('李丽芳');
  await page.getByRole('tab', { name: '储罐' }).click();
  await expect(page.getByRole('tabpanel', { name: '储罐' })).toContainText('暂无储罐');
  await page.getByRole('tab', { name: '变更记录' }).click();
  const history = page.getByRole('tabpanel', { name: '变更记录' });
  const change = history.locator('tr.ant-table-row').filter({ hasText: '修改' });
  await expect(change).toContainText('处置情况：无需处置 → 取缔');
  await expect(change).toContainText('排查记录');
  await page.getByRole('tab', { name: /排查记录/ }).click();
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('idle-sites-detail.png'), fullPage: true });

  // Back on the list: the summary counts the ban and the seals.
  await page.getByRole('link', { name: /返回四闲场所列表/ }).click();
  await expect(sentence(page)).toHaveText(
    '截至目前，共排查“四闲”场所3处，发现非法违法行为2起，其中1起停业整顿，1处取缔；张贴封条2处。',
  );
  await expect(rows(page).filter({ hasText: '东山村李家闲置院落' })).toContainText('取缔');

  // Filter by finding: the URL keeps it, and the back button undoes it.
  await choose(page, page.locator('.page-toolbar'), '排查发现', '非法储存');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('东山村李家闲置院落');
  await expect(page).toHaveURL(/finding=/);
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('idle-sites-list.png') });
  await page.goBack();
  await expect(rows(page)).toHaveCount(3);
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('idle-sites-list-all.png') });
});

test('a 只读 user sees idle sites and their inspections but no 新增, 编辑, 删除 or 新增排查记录', async ({ page, host }) => {
  await host.setup();
  const east = await host.call('villages.create', { name: '东山村', kind: '村' });
  const site = await makeSite(host, { name: '西街闲置仓库', kind: '仓库', villageId: east.id });
  await host.call('idleSites.addInspection', { idleSiteId: site.id, inspectedOn: daysAgo(3), inspectors: '王强', finding: '无违法', disposal: '无需处置' });
  await host.call('users.create', { username: 'leader', displayName: '王领导', role: 'readonly', password: 'Leader1234' });
  await loginThroughUi(page, host, 'leader', 'Leader1234');
  await openIdleSites(page);

  await expect(rows(page)).toHaveCount(1);
  await expect(sentence(page)).toHaveText('截至目前，共排查“四闲”场所1处，未发现非法违法行为。');
  await expect(page.getByRole('button', { name: /新增/ })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: '操作' })).toHaveCount(0);
  await page.keyboard.press('Control+n');
  await expect(siteDialog(page)).toHaveCount(0);

  await rows(page).first().click();
  await expect(page.locator('.idle-site-header')).toContainText('西街闲置仓库');
  await expect(page.getByRole('button', { name: /编辑/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /删除/ })).toHaveCount(0);
  await page.getByRole('tab', { name: /排查记录/ }).click();
  await expect(page.getByTestId('inspection')).toContainText('王强');
  await expect(page.getByRole('button', { name: '新增排查记录' })).toHaveCount(0);
});

test('demo town: the seed summary, the list and a site with its inspections at office screen size', async ({ page, host }, testInfo) => {
  await host.setup({ loadDemo: true });
  const summary = await host.call('idleSites.summary', {});
  await loginThroughUi(page, host);
  await openIdleSites(page);
  await expect(sentence(page)).toHaveText(summary.sentence);
  await expect(sentence(page)).toContainText('共排查“四闲”场所342处，发现非法违法行为31起，其中12起停业整顿，16处取缔，2处清理完毕，1处关闭');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('idle-sites-demo-list.png') });

  await choose(page, page.locator('.page-toolbar'), '处置情况', '取缔');
  await expect(page.getByText('共 16 处').first()).toBeVisible();
  await rows(page).first().click();
  await expect(page.locator('.idle-site-header')).toContainText('取缔');
  await page.getByRole('tab', { name: /排查记录/ }).click();
  await expect(page.getByTestId('inspection')).toHaveCount(2);
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('idle-sites-demo-detail.png'), fullPage: true });
});
