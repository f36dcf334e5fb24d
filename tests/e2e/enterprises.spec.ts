import type { Locator, Page } from '@playwright/test';
import zlib from 'node:zlib';
import type { In } from '../../src/shared/api';
import type { RiskLevel } from '../../src/shared/domain/enterprise';
import { usccCheckChar } from '../../src/shared/domain/uscc';
import type { WebHost } from '../fixtures/web-host';
import { expect, fieldError, loginThroughUi, test } from './fixtures';

/** A valid USCC for a running number, so tests can make as many distinct enterprises as they need. */
function uscc(n: number): string {
  const first17 = `91441900MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

/** Logs in and opens the enterprise list (the app lands on 工作台). */
async function loginToEnterprises(page: Page, host: WebHost, username?: string, password?: string) {
  await loginThroughUi(page, host, username, password);
  await page.getByRole('menuitem', { name: /企业（一企一档）/ }).click();
}

async function makeVillage(host: WebHost, name: string, kind: '村' | '社区' = '村') {
  return host.call('villages.create', { name, kind });
}

async function makeEnterprise(host: WebHost, n: number, fields: Partial<In<'enterprises.create'>> & { villageId: number }) {
  return host.call('enterprises.create', {
    name: `测试企业${n}`,
    uscc: uscc(n),
    industry: '工贸-机械',
    riskLevel: 'blue',
    ...fields,
  });
}

/** Opens the antd Select labelled `label` inside `scope` and picks the option titled `option`. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

function enterpriseDialog(page: Page) {
  return page.getByRole('dialog').filter({ has: page.getByLabel('统一社会信用代码') });
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

/** A small PNG (a 16×16 orange square) built in memory, so the test needs no fixture file. */
function orangePng(): Buffer {
  const size = 16;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    const row = y * (size * 3 + 1);
    for (let x = 0; x < size; x += 1) raw.set([0xfa, 0x8c, 0x16], row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('create an enterprise: the USCC check digit is named, duplicates are refused, pinyin search, edits show in 变更记录', async ({
  page,
  host,
}, testInfo) => {
  // A long walk through many screens; on a busy two-core machine it can need more than the default minute.
  test.slow();
  await host.setup();
  const village = await makeVillage(host, '东山村');
  await makeVillage(host, '西岭社区', '社区');
  await makeEnterprise(host, 1, { name: '东山五金厂', villageId: village.id });
  await loginToEnterprises(page, host);
  await expect(page.getByText('共 1 家').first()).toBeVisible();

  // Ctrl+N opens the form, as in the other lists.
  await page.keyboard.press('Control+n');
  const dialog = enterpriseDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('企业名称').fill('虎门制鞋有限公司');
  await dialog.getByLabel('统一社会信用代码').fill('91110108551385082r');
  await expect(dialog.getByLabel('统一社会信用代码')).toHaveValue('91110108551385082R');
  await choose(page, dialog, '行业领域', '工贸-轻工');
  await choose(page, dialog, '风险等级', '一般风险（黄）');
  await choose(page, dialog, '所属村/社区', '东山村');
  await dialog.getByLabel('主要负责人', { exact: true }).fill('陈志强');
  await dialog.getByLabel('主要负责人电话').fill('13800138000');
  await dialog.getByLabel('从业人员数').fill('120');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, '统一社会信用代码')).toContainText('校验位（第 18 位）应为“Q”');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('enterprise-form-errors.png') });
  expect((await host.call('enterprises.list', {})).total).toBe(1);

  await dialog.getByLabel('统一社会信用代码').fill('91110108551385082Q');
  await expect(fieldError(page, '统一社会信用代码')).toHaveCount(0);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = rows(page).filter({ hasText: '虎门制鞋有限公司' });
  await expect(row).toContainText('91110108551385082Q');
  await expect(row).toContainText('一般风险（黄）');
  await expect(row).toContainText('陈志强 13800138000');

  // The same USCC again: refused under the field, naming the enterprise that holds it.
  await page.getByRole('button', { name: /新增/ }).click();
  await dialog.getByLabel('企业名称').fill('虎门制鞋二厂');
  await dialog.getByLabel('统一社会信用代码').fill('91110108551385082Q');
  await choose(page, dialog, '行业领域', '工贸-轻工');
  await choose(page, dialog, '风险等级', '低风险（蓝）');
  await choose(page, dialog, '所属村/社区', '西岭社区');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, '统一社会信用代码')).toContainText('已登记为「虎门制鞋有限公司」');
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '放弃修改' }).click();
  await expect(dialog).toBeHidden();
  expect((await host.call('enterprises.list', {})).total).toBe(2);

  // Pinyin initials find it; the search lands in the URL so the back button and a reload keep it.
  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('搜索企业')).toBeFocused();
  await page.keyboard.type('hmzx');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('虎门制鞋有限公司');
  await expect(page).toHaveURL(/q=hmzx/);
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('enterprise-list.png') });

  // Edit the risk colour from the list.
  await row.getByRole('button', { name: '编辑' }).click();
  await expect(dialog.getByLabel('企业名称')).toHaveValue('虎门制鞋有限公司');
  await choose(page, dialog, '风险等级', '重大风险（红）');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('重大风险（红）');

  // The profile: header facts, then the change in 变更记录.
  await row.getByRole('link', { name: '虎门制鞋有限公司' }).click();
  await expect(page).toHaveURL(/#\/enterprises\/\d+/);
  const header = page.locator('.enterprise-header');
  await expect(header).toContainText('虎门制鞋有限公司');
  await expect(header).toContainText('91110108551385082Q');
  await expect(header).toContainText('重大风险（红）');
  await expect(header).toContainText('东山村');
  await expect(header).toContainText('陈志强 13800138000');
  await expect(header).toContainText('120 人');
  await expect(page.getByRole('tab', { name: '储罐' })).toBeVisible();
  await page.getByRole('tab', { name: '储罐' }).click();
  await expect(page.getByRole('tabpanel', { name: '储罐' })).toContainText('该企业暂无储罐');
  await page.getByRole('tab', { name: '变更记录' }).click();
  const history = page.getByRole('tabpanel', { name: '变更记录' });
  const change = history.locator('tr.ant-table-row').filter({ hasText: '修改' });
  await expect(change).toContainText('风险等级：一般风险（黄） → 重大风险（红）');
  await expect(change).toContainText('李丽芳');
  await expect(history.locator('tr.ant-table-row').filter({ hasText: '新增' })).toContainText('企业名称：虎门制鞋有限公司');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('enterprise-profile.png'), fullPage: true });

  // Back to the list with the search still applied.
  await page.getByRole('link', { name: /返回企业列表/ }).click();
  await expect(page.getByLabel('搜索企业')).toHaveValue('hmzx');
  await expect(rows(page)).toHaveCount(1);
});

test('attachments: a PNG uploads and shows as a thumbnail; too-large files are refused before sending', async ({ page, host }, testInfo) => {
  await host.setup();
  const village = await makeVillage(host, '东山村');
  const enterprise = await makeEnterprise(host, 7, { name: '东山化工有限公司', villageId: village.id, riskLevel: 'orange' });
  await loginToEnterprises(page, host);
  await rows(page).filter({ hasText: '东山化工有限公司' }).click();
  await page.getByRole('tab', { name: '附件' }).click();
  const panel = page.getByRole('tabpanel', { name: '附件' });
  await expect(panel.getByText('暂无附件')).toBeVisible();

  await panel.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: orangePng() });
  const photo = panel.locator('tr.ant-table-row').filter({ hasText: '现场照片.png' });
  await expect(photo).toContainText('李丽芳');
  await expect(photo.getByRole('img', { name: '现场照片.png' })).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect
    .poll(() => photo.getByRole('img', { name: '现场照片.png' }).evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBe(16);

  await panel.locator('input[type=file]').setInputFiles({ name: '安全评价报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 test') });
  const report = panel.locator('tr.ant-table-row').filter({ hasText: '安全评价报告.pdf' });
  await expect(report).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: '下载' }).click()]);
  expect(download.suggestedFilename()).toBe('安全评价报告.pdf');

  await panel.locator('input[type=file]').setInputFiles({
    name: '航拍.tif',
    mimeType: 'image/tiff',
    buffer: Buffer.alloc(16 * 1024 * 1024),
  });
  await expect(page.getByText('「航拍.tif」大小为 16.0 MB，超过单个附件 15 MB 的上限，未上传')).toBeVisible();
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('enterprise-attachments.png') });
  expect((await host.call('attachments.list', { entity: 'enterprise', entityId: enterprise.id })).map((a) => a.fileName)).toEqual([
    '现场照片.png',
    '安全评价报告.pdf',
  ]);

  await report.getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '删除', exact: true }).last().click();
  await expect(report).toBeHidden();
  await expect(photo).toBeVisible();
});

test('a 只读 user sees enterprises and attachments but no 新增/编辑/删除 and no upload area', async ({ page, host }) => {
  await host.setup();
  const village = await makeVillage(host, '东山村');
  const enterprise = await makeEnterprise(host, 3, { name: '东山化工有限公司', villageId: village.id });
  await host.call('attachments.upload', {
    entity: 'enterprise',
    entityId: enterprise.id,
    fileName: '营业执照.pdf',
    mimeType: 'application/pdf',
    dataBase64: Buffer.from('%PDF-1.4 licence').toString('base64'),
  });
  await host.call('users.create', { username: 'leader', displayName: '王领导', role: 'readonly', password: 'Leader1234' });
  await loginToEnterprises(page, host, 'leader', 'Leader1234');

  const row = rows(page).filter({ hasText: '东山化工有限公司' });
  await expect(row).toBeVisible();
  await expect(page.getByRole('button', { name: /新增/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '删除' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: '操作' })).toHaveCount(0);
  // Ctrl+N does nothing for a reader.
  await page.keyboard.press('Control+n');
  await expect(enterpriseDialog(page)).toHaveCount(0);

  await row.click();
  await expect(page.locator('.enterprise-header')).toContainText('东山化工有限公司');
  await expect(page.getByRole('button', { name: /编辑/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /删除/ })).toHaveCount(0);
  await page.getByRole('tab', { name: '附件' }).click();
  const panel = page.getByRole('tabpanel', { name: '附件' });
  await expect(panel.locator('tr.ant-table-row').filter({ hasText: '营业执照.pdf' }).getByRole('button', { name: '下载' })).toBeVisible();
  await expect(panel.locator('.ant-upload-drag')).toHaveCount(0);
  await expect(panel.locator('input[type=file]')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: '删除' })).toHaveCount(0);

  await page.getByRole('menuitem', { name: /网格员/ }).click();
  await expect(page.getByRole('button', { name: /新增/ })).toHaveCount(0);
});

test('risk-colour counts reflect the data and filter the table; village and grid-worker filters; grid workers page', async ({
  page,
  host,
}, testInfo) => {
  test.slow();
  await host.setup();
  const east = await makeVillage(host, '东山村');
  const west = await makeVillage(host, '西岭社区', '社区');
  const worker = await host.call('gridWorkers.create', { name: '黄海燕', phone: '13912345678', villageIds: [east.id] });
  const plan: [RiskLevel, number][] = [
    ['red', east.id],
    ['orange', east.id],
    ['orange', west.id],
    ['yellow', east.id],
    ['yellow', west.id],
    ['yellow', west.id],
  ];
  for (const [index, [riskLevel, villageId]] of plan.entries()) {
    await makeEnterprise(host, index + 10, {
      riskLevel,
      villageId,
      gridWorkerId: villageId === east.id && index < 2 ? worker.id : null,
    });
  }
  await loginToEnterprises(page, host);

  const bar = page.getByRole('group', { name: '四色风险分布' });
  const tag = (label: string) => bar.getByRole('button', { name: new RegExp(`^${label}`) });
  await expect(tag('重大风险（红）')).toHaveText('重大风险（红）1');
  await expect(tag('较大风险（橙）')).toHaveText('较大风险（橙）2');
  await expect(tag('一般风险（黄）')).toHaveText('一般风险（黄）3');
  await expect(tag('低风险（蓝）')).toHaveText('低风险（蓝）0');
  await expect(rows(page)).toHaveCount(6);

  await tag('一般风险（黄）').click();
  await expect(tag('一般风险（黄）')).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page)).toHaveCount(3);
  for (const text of await rows(page).allInnerTexts()) expect(text).toContain('一般风险（黄）');
  await expect(page).toHaveURL(/riskLevel=yellow/);
  // The other colours keep their counts, so staff can switch straight to another.
  await expect(tag('较大风险（橙）')).toHaveText('较大风险（橙）2');

  // A village narrows the rows and the counts.
  await choose(page, page.locator('.page-toolbar'), '所属村/社区', '西岭社区');
  await expect(rows(page)).toHaveCount(2);
  await expect(tag('较大风险（橙）')).toHaveText('较大风险（橙）1');
  await expect(tag('重大风险（红）')).toHaveText('重大风险（红）0');
  await tag('一般风险（黄）').click();
  await expect(tag('一般风险（黄）')).toHaveAttribute('aria-pressed', 'false');
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole('button', { name: '重置筛选' }).click();
  await expect(rows(page)).toHaveCount(6);

  // Back and forward through the URL restore the filter.
  await tag('重大风险（红）').click();
  await expect(rows(page)).toHaveCount(1);
  await page.goBack();
  await expect(rows(page)).toHaveCount(6);
  await page.goForward();
  await expect(rows(page)).toHaveCount(1);
  await tag('重大风险（红）').click();
  // Let the list take that in first: a village chosen while the URL still says red was once filtered by red too.
  await expect(tag('重大风险（红）')).toHaveAttribute('aria-pressed', 'false');
  await expect(rows(page)).toHaveCount(6);

  // The grid-worker filter lists only workers of the chosen village.
  await choose(page, page.locator('.page-toolbar'), '所属村/社区', '东山村');
  await choose(page, page.locator('.page-toolbar'), '网格员', '黄海燕');
  await expect(rows(page)).toHaveCount(2);
  // The 网格员 column is off by default; turning it on in 列设置 sticks across a reload.
  await expect(page.getByRole('columnheader', { name: '网格员' })).toHaveCount(0);
  await page.getByRole('button', { name: '列设置' }).click();
  await page.getByRole('checkbox', { name: '网格员' }).check();
  await expect(page.getByRole('columnheader', { name: '网格员' })).toBeVisible();
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  for (const text of await rows(page).allInnerTexts()) expect(text).toContain('黄海燕');

  // Grid workers: add one through the form, see the enterprise count link back to the filtered list.
  await page.getByRole('menuitem', { name: /网格员/ }).click();
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole('button', { name: /新增/ }).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByLabel('负责村/社区') });
  await dialog.getByLabel('姓名').fill('林振华');
  await dialog.getByText('企业网格员').click();
  await dialog.getByLabel('联系电话').fill('12345');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, '负责村/社区')).toHaveText('请至少选择一个负责的村/社区');
  await expect(fieldError(page, '联系电话')).toContainText('11 位手机号');
  await dialog.getByLabel('联系电话').fill('0769-85123456');
  await choose(page, dialog, '负责村/社区', '东山村');
  await page.keyboard.press('Escape');
  await choose(page, dialog, '负责村/社区', '西岭社区');
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const added = rows(page).filter({ hasText: '林振华' });
  await expect(added).toContainText('企业网格员');
  await expect(added).toContainText('0769-85123456');
  await expect(added).toContainText('东山村');
  await expect(added).toContainText('西岭社区');
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('grid-workers.png') });

  // Deleting a worker who still looks after enterprises is refused, with the backend's reason.
  const busy = rows(page).filter({ hasText: '黄海燕' });
  await busy.getByRole('button', { name: '删除' }).click();
  await page.getByRole('button', { name: '删除', exact: true }).last().click();
  await expect(page.getByRole('dialog').filter({ hasText: '无法删除网格员「黄海燕」' })).toContainText('负责的企业 2 条');
  await page.getByRole('button', { name: '知道了' }).click();

  await busy.getByRole('link', { name: '2' }).click();
  await expect(page).toHaveURL(new RegExp(`gridWorkerId=${worker.id}`));
  await expect(rows(page)).toHaveCount(2);
  await expect(page.locator('.page-toolbar').getByText('黄海燕')).toBeVisible();
});

test('demo town: list, profile and form at office screen size', async ({ page, host }, testInfo) => {
  await host.setup({ loadDemo: true });
  const demo = await host.call('enterprises.list', { riskLevel: 'red', pageSize: 1 });
  expect(demo.total).toBeGreaterThan(0);
  await loginToEnterprises(page, host);
  const bar = page.getByRole('group', { name: '四色风险分布' });
  await expect(bar.getByRole('button', { name: /^重大风险（红）/ })).toHaveText(`重大风险（红）${demo.riskCounts.red}`);
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('enterprise-list-demo.png') });

  await rows(page).first().click();
  await expect(page.locator('.enterprise-header')).toBeVisible();
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('enterprise-profile-demo.png') });

  await page.getByRole('button', { name: '编辑' }).click();
  await expect(enterpriseDialog(page).getByLabel('所属村/社区')).toBeVisible();
  await page.screenshot({ animations: 'disabled', path: testInfo.outputPath('enterprise-form-demo.png') });
});
