import type { Page } from '@playwright/test';
import type { In } from '../../src/shared/api';
import { usccCheckChar } from '../../src/shared/domain/uscc';
import type { WebHost } from '../fixtures/web-host';
import { chooseOption, expect, fieldError, loginThroughUi, test } from './fixtures';

function uscc(n: number): string {
  const first17 = `91441900MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

/** A date `days` before today, as the API takes it (tanks registered earlier than any change made today). */
function daysAgo(days: number): string {
  const date = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const tankDialog = (page: Page) => page.getByRole('dialog').filter({ has: page.getByLabel('罐号') });
const dropdownOption = (page: Page) => page.locator('.ant-select-dropdown:visible .ant-select-item-option');

/** The catalogue entry for ammonia (shipped with the catalogue, or added here when it is not). */
async function ammonia(host: WebHost) {
  const found = (await host.call('chemicals.options', { q: '7664-41-7' })).find((option) => option.cas === '7664-41-7');
  if (found) return found;
  return host.call('chemicals.create', {
    name: '氨',
    cas: '7664-41-7',
    criticalQuantity: 10,
    criticalQuantityRef: 'GB 18218-2018 表1',
    beta: 2,
    betaRef: 'GB 18218-2018 表3',
  });
}

test('tanks: register with field errors, summary in the seed’s words, bulk status change with history, filters, enterprise 储罐 tab', async ({
  page,
  host,
}, testInfo) => {
  test.slow();
  await host.setup();
  const village = await host.call('villages.create', { name: '东山村', kind: '村' });
  const base = { villageId: village.id, riskLevel: 'orange' as const };
  const storage = await host.call('enterprises.create', { ...base, name: '东山化工储运有限公司', uscc: uscc(1), industry: '危化经营(带储存)' });
  const plant = await host.call('enterprises.create', { ...base, name: '西岭涂料有限公司', uscc: uscc(2), industry: '化工' });
  const chemical = await ammonia(host);
  const tank = (fields: Partial<In<'tanks.create'>> & { code: string }): In<'tanks.create'> => ({
    enterpriseId: storage.id,
    registeredOn: daysAgo(30),
    ...fields,
  });
  await host.call('tanks.create', tank({ code: 'T-01', tankFarm: '一号罐区', medium: '柴油', publicLabel: true, responsibleName: '赵志刚', responsiblePhone: '13800001111' }));
  await host.call('tanks.create', tank({ code: 'T-02', tankFarm: '一号罐区', medium: '柴油', publicLabel: true }));
  await host.call('tanks.create', tank({ code: 'C-01', enterpriseId: plant.id, medium: '二甲苯', responsibleName: '钱晓峰' }));

  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: /储罐/ }).click();
  await expect(page).toHaveURL(/#\/tanks/);
  const summary = page.getByRole('region', { name: '储罐统计' });
  await expect(summary).toContainText('共摸排危险化学品企业储罐2个,一般化工企业储罐1个,四闲场所储罐0个');
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).filter({ hasText: 'T-02' })).toContainText('无专人盯靠');
  await expect(rows(page).filter({ hasText: 'C-01' })).toContainText('未公开标识');

  // Register a tank: the owner picked by search, 介质 from the catalogue fills the CAS number.
  await page.keyboard.press('Control+n');
  const dialog = tankDialog(page);
  await expect(dialog).toBeVisible();
  await chooseOption(page, dialog, '所属企业', '东山化工储运有限公司', '储运');
  await dialog.getByLabel('罐号').fill('T-01');
  await dialog.getByLabel('罐区').fill('二号罐区');
  await dialog.getByLabel('介质').fill('7664');
  await dropdownOption(page).filter({ hasText: chemical.name }).first().click();
  await expect(dialog.getByLabel('CAS号')).toHaveValue('7664-41-7');
  await expect(dialog).toContainText(`已关联化学品目录：${chemical.name}`);
  await dialog.getByLabel('最大储存量').fill('20');
  // A mistyped CAS number: the check digit is named under the field.
  await dialog.getByLabel('CAS号').fill('7664-41-8');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, 'CAS号')).toHaveText('CAS 号校验位应为“7”，当前为“8”，请核对前面的数字');
  await dialog.getByLabel('CAS号').fill('7664-41-7');
  await expect(fieldError(page, 'CAS号')).toHaveCount(0);
  // The same code at the same enterprise: refused under 罐号.
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, '罐号')).toHaveText('该单位已有罐号为「T-01」的储罐，同一单位内罐号不能重复');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('tanks-form-errors.png') });
  await dialog.getByLabel('罐号').fill('T-03');
  // Enter saves, as in every form.
  await dialog.getByLabel('罐号').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(summary).toContainText('共摸排危险化学品企业储罐3个,一般化工企业储罐1个,四闲场所储罐0个');
  const added = rows(page).filter({ hasText: 'T-03' });
  await expect(added).toContainText('二号罐区');
  await expect(added).toContainText(chemical.name);
  const saved = (await host.call('tanks.list', { q: 'T-03' })).items[0];
  expect(saved).toMatchObject({ chemicalId: chemical.id, cas: '7664-41-7', maxStoredT: 20, status: '在用', registeredOn: daysAgo(0) });

  // Two tanks to 停用 in one go, with the date and the reason.
  await rows(page).filter({ hasText: 'T-02' }).getByRole('checkbox').check();
  await added.getByRole('checkbox').check();
  await expect(page.getByText('已选 2 个储罐')).toBeVisible();
  await page.getByRole('button', { name: '批量变更状态' }).click();
  const statusDialog = page.getByRole('dialog').filter({ hasText: '变更状态' });
  await expect(statusDialog).toContainText('已选的 2 个储罐');
  await chooseOption(page, statusDialog, '新状态', '停用');
  await statusDialog.getByRole('button', { name: '确认变更' }).click();
  await expect(statusDialog.locator('.ant-form-item-explain-error')).toHaveText('请填写变更原因');
  await statusDialog.getByLabel('变更原因').fill('企业停产检修，储罐停用');
  await statusDialog.getByRole('button', { name: '确认变更' }).click();
  await expect(page.getByText('已将 2 个储罐变更为“停用”')).toBeVisible();
  await expect(statusDialog).toBeHidden();
  await expect(rows(page).filter({ hasText: 'T-02' })).toContainText('停用');
  await expect(added).toContainText('停用');
  await expect(summary.getByRole('button', { name: /^停用/ })).toContainText('2');

  // The quick filter: tanks nobody keeps watch on.
  await page.getByRole('checkbox', { name: '无专人盯靠' }).click();
  await expect(page).toHaveURL(/hasResponsible=false/);
  const unwatched = (await host.call('tanks.list', { hasResponsible: false })).items.map((item) => item.code).sort();
  expect(unwatched).toEqual(['T-02', 'T-03']);
  await expect(rows(page)).toHaveCount(2);
  await expect(summary).toContainText('共摸排危险化学品企业储罐2个,一般化工企业储罐0个,四闲场所储罐0个');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('tanks-list.png') });

  // The tank's page keeps the change in its 状态变更记录.
  await added.getByRole('link', { name: 'T-03' }).click();
  await expect(page).toHaveURL(/#\/tanks\/\d+/);
  await expect(page.locator('.tank-header')).toContainText('储罐 T-03');
  await page.getByRole('tab', { name: '状态变更记录' }).click();
  const timeline = page.getByRole('tabpanel', { name: '状态变更记录' });
  await expect(timeline).toContainText('企业停产检修，储罐停用');
  await expect(timeline).toContainText('登记为');
  await expect(timeline).toContainText('李丽芳');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('tanks-detail.png') });
  await page.getByRole('tab', { name: '变更记录', exact: true }).click();
  await expect(page.getByRole('tabpanel', { name: '变更记录', exact: true })).toContainText('状态：在用 → 停用');

  // Back to the list with the filter still on.
  await page.getByRole('link', { name: /返回储罐列表/ }).click();
  await expect(rows(page)).toHaveCount(2);

  // The enterprise's 储罐 tab lists it, and its tank farms are identified as major hazard sources.
  await rows(page).filter({ hasText: 'T-03' }).getByRole('link', { name: '东山化工储运有限公司' }).click();
  await expect(page.locator('.enterprise-header')).toContainText('东山化工储运有限公司');
  await page.getByRole('tab', { name: '储罐' }).click();
  const tab = page.getByRole('tabpanel', { name: '储罐' });
  await expect(tab.locator('tr.ant-table-row').filter({ hasText: 'T-03' })).toContainText('停用');
  await expect(tab).toContainText('共 3 个储罐');
  await expect(tab).toContainText('构成重大危险源但企业未标记为重大危险源');
  const hazards = tab.locator('.ant-card').filter({ hasText: '重大危险源辨识' });
  const farm = hazards.locator('tr.ant-table-row').filter({ hasText: '二号罐区' });
  await expect(farm).toContainText('2.000');
  await expect(farm).toContainText('填写人数后分级');
  await tab.getByLabel('500 米范围内人数').fill('120');
  await expect(farm).toContainText('四级');
  await expect(farm).toContainText('8.00');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('tanks-enterprise-tab.png'), fullPage: true });

  // 新增储罐 from the profile starts at this enterprise.
  await tab.getByRole('button', { name: '新增储罐' }).click();
  await expect(tankDialog(page).getByLabel('所属企业')).toBeVisible();
  await expect(tankDialog(page)).toContainText('东山化工储运有限公司');
  await tankDialog(page).getByLabel('罐号').fill('T-04');
  await tankDialog(page).getByRole('button', { name: '保存' }).click();
  await expect(tankDialog(page)).toBeHidden();
  await expect(tab).toContainText('共 4 个储罐');

  // A tank found at an idle site counts as 四闲场所储罐.
  await host.call('idleSites.create', { name: '东山村旧砖厂院落', kind: '院落', villageId: village.id, finding: '非法储存', disposal: '待处置', foundOn: daysAgo(3) });
  await page.getByRole('menuitem', { name: /储罐/ }).click();
  await expect(rows(page)).toHaveCount(5);
  await page.keyboard.press('Control+n');
  await tankDialog(page).getByText('四闲场所', { exact: true }).click();
  await chooseOption(page, tankDialog(page), '所属四闲场所', '东山村旧砖厂院落', '砖厂');
  await tankDialog(page).getByLabel('罐号').fill('X-01');
  await tankDialog(page).getByLabel('介质').fill('废机油');
  await tankDialog(page).getByRole('button', { name: '保存' }).click();
  await expect(tankDialog(page)).toBeHidden();
  await expect(summary).toContainText('共摸排危险化学品企业储罐4个,一般化工企业储罐1个,四闲场所储罐1个');
  await expect(rows(page).filter({ hasText: 'X-01' })).toContainText('四闲场所');
});

test('a 只读 user sees tanks and the summary (已拆除 counted apart, greyed) but no 新增, selection or bulk actions', async ({ page, host }, testInfo) => {
  await host.setup();
  const village = await host.call('villages.create', { name: '东山村', kind: '村' });
  const site = await host.call('enterprises.create', { villageId: village.id, riskLevel: 'blue', name: '东山油库', uscc: uscc(3), industry: '危化生产' });
  const base = { enterpriseId: site.id, registeredOn: daysAgo(5), publicLabel: true, responsibleName: '孙国庆' };
  await host.call('tanks.create', { ...base, code: 'Y-01', tankFarm: '油库罐区', medium: '汽油', maxStoredT: 150 });
  const old = await host.call('tanks.create', { ...base, code: 'Y-02', tankFarm: '油库罐区', medium: '汽油' });
  await host.call('tanks.changeStatus', { ids: [old.id], status: '已拆除', changedOn: daysAgo(1), reason: '罐体腐蚀，切割拆除' });
  await host.call('users.create', { username: 'leader', displayName: '王领导', role: 'readonly', password: 'Leader1234' });
  await loginThroughUi(page, host, 'leader', 'Leader1234');
  await page.getByRole('menuitem', { name: /储罐/ }).click();
  const summary = page.getByRole('region', { name: '储罐统计' });
  await expect(summary).toContainText('共摸排危险化学品企业储罐1个');
  await expect(summary.getByRole('button', { name: /^已拆除/ })).toHaveText('已拆除1个');
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: 'Y-02' })).toHaveClass(/tank-removed/);
  await expect(rows(page).filter({ hasText: 'Y-01' })).not.toHaveClass(/tank-removed/);
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('tanks-list-readonly.png') });
  // As of the day before the removal, it still counts.
  await summary.getByLabel('统计日期').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(daysAgo(2));
  await page.keyboard.press('Enter');
  await expect(summary).toContainText('共摸排危险化学品企业储罐2个');
  await expect(page.getByRole('button', { name: /新增/ })).toHaveCount(0);
  await expect(rows(page).getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: '操作' })).toHaveCount(0);
  await page.keyboard.press('Control+n');
  await expect(tankDialog(page)).toHaveCount(0);
  await rows(page).filter({ hasText: 'Y-01' }).click();
  await expect(page.locator('.tank-header')).toContainText('储罐 Y-01');
  await expect(page.getByRole('button', { name: /变更状态|编辑|删除/ })).toHaveCount(0);
});
