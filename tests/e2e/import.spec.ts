import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { RiskLevel } from '../../src/shared/domain/enterprise';
import { distanceMeters, fromWgs84, type LngLat } from '../../src/shared/domain/geo/datum';
import { usccCheckChar } from '../../src/shared/domain/uscc';
import type { WebHost } from '../fixtures/web-host';
import { expect, loginThroughUi, test } from './fixtures';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const header = ['企业名称', '统一社会信用代码', '所属村（社区）', '行业类别', '风险等级', '从业人员数'];

/** A valid USCC (correct check character) that the demo data never uses. */
function validUscc(n: number): string {
  const body = `9144190${String(n).padStart(10, '0')}`;
  return body + usccCheckChar(body);
}

/** An office's ledger as they look: a merged title row above the header, then the rows. */
async function ledgerXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业台账');
  sheet.mergeCells('A1:F1');
  sheet.getCell('A1').value = '示例镇企业安全生产基本情况台账（2025年度）';
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function villageNames(host: WebHost): Promise<string[]> {
  return (await host.call('villages.list', { pageSize: 100, sortField: 'code', sortOrder: 'ascend' })).items.map((village) => village.name);
}

const total = async (host: WebHost) => (await host.call('enterprises.list', { pageSize: 1 })).total;

/** Logs in, opens the enterprise list and the import dialog. */
async function openWizard(page: Page, host: WebHost): Promise<Locator> {
  await loginThroughUi(page, host);
  await page.goto(`${host.origin}/#/enterprises`);
  await page.getByRole('button', { name: '导入Excel' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '导入Excel · 企业' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function upload(dialog: Locator, name: string, buffer: Buffer, mimeType = xlsxMime) {
  await dialog.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
}

/** The mapping table's row for a column of the file. */
const mappingRow = (dialog: Locator, columnHeader: string) =>
  dialog.locator('.ant-table-row').filter({ has: dialog.page().getByText(columnHeader, { exact: true }) });

/** A count of the preview (将新增, 有错误, …). */
const previewCount = (dialog: Locator, label: string) =>
  dialog
    .getByRole('group', { name: '校验结果' })
    .locator('.ant-statistic')
    .filter({ has: dialog.page().locator('.ant-statistic-title', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.ant-statistic-content-value');

test('导入Excel: a ledger with a title row is mapped, checked, imported, and its report downloaded', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const villages = await villageNames(host);
  const before = await total(host);
  const wrongCheck = validUscc(4).slice(0, 17) + (validUscc(4).endsWith('0') ? '1' : '0');
  const file = await ledgerXlsx([
    ['导入测试甲塑胶制品有限公司', validUscc(1), villages[0], '工贸-轻工', '一般', 120],
    ['导入测试乙五金厂', validUscc(2), villages[1], '工贸-机械', '低', 35],
    ['导入测试丙化工有限公司', validUscc(3), villages[2], '化工', '红', 80],
    ['导入测试丁印刷厂', wrongCheck, villages[0], '工贸-轻工', '一般', 12],
    ['导入测试戊纺织厂', validUscc(5), '不存在村', '工贸-纺织', '一般', 50],
  ]);

  const dialog = await openWizard(page, host);
  await upload(dialog, '企业台账.xlsx', file);

  // 核对列: the header found below the title, and every column given its suggested field.
  await expect(dialog).toContainText('在工作表「企业台账」的第 2 行找到表头，其下共 5 行数据');
  const suggested: [string, string][] = [
    ['企业名称', '企业名称'],
    ['统一社会信用代码', '统一社会信用代码'],
    ['所属村（社区）', '所属村/社区'],
    ['行业类别', '行业领域'],
    ['风险等级', '风险等级'],
    ['从业人员数', '从业人员'],
  ];
  for (const [column, field] of suggested) {
    await expect(mappingRow(dialog, column).locator('.ant-select')).toContainText(field);
  }
  await expect(mappingRow(dialog, '统一社会信用代码')).toContainText('18 位，按校验位检查');
  await expect(mappingRow(dialog, '企业名称')).toContainText('导入测试甲塑胶制品有限公司');
  await expect(dialog.getByRole('group', { name: '必填字段' })).not.toContainText('未对应');
  await page.screenshot({ path: 'test-results/import-step2.png' });

  // Enter goes on from the mapping to the preview.
  await expect(dialog.getByRole('button', { name: '下一步' })).toBeFocused();
  await page.keyboard.press('Enter');

  // 预览校验: the counts, and each problem by row (the title is row 1, the header row 2).
  await expect(previewCount(dialog, '将新增')).toHaveText('3');
  await expect(previewCount(dialog, '有错误')).toHaveText('2');
  await expect(previewCount(dialog, '将更新')).toHaveText('0');
  await expect(dialog).toContainText('有错误的 2 行不会导入');
  const problems = dialog.locator('.ant-table-row');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0).locator('td')).toHaveText(['6', '统一社会信用代码', /校验位/]);
  await expect(problems.nth(1).locator('td')).toHaveText([
    '7',
    '所属村（社区）',
    '村/社区「不存在村」不存在，请先在“村/社区”中添加或改正名称',
  ]);
  expect(await total(host)).toBe(before); // the preview writes nothing
  await page.screenshot({ path: 'test-results/import-step3.png' });

  // 导入: the outcome in numbers, and the report with a 导入结果 column.
  await dialog.getByRole('button', { name: '开始导入' }).click();
  await expect(dialog).toContainText('导入完成：新增 3 条，更新 0 条，有错误未导入 2 条');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载导入报告' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^企业台账-导入报告-\d{8}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(fs.readFileSync(await download.path())).buffer);
  const report = workbook.worksheets[0];
  expect(report.getRow(1).values).toEqual([undefined, '原行号', ...header, '导入结果']);
  const results = [2, 3, 4, 5, 6].map((row) => [report.getRow(row).getCell(1).value, report.getRow(row).getCell(8).value]);
  expect(results).toEqual([
    [3, '已新增'],
    [4, '已新增'],
    [5, '已新增'],
    [6, expect.stringMatching(/^未导入：【统一社会信用代码】.*校验位/)],
    [7, '未导入：【所属村（社区）】村/社区「不存在村」不存在，请先在“村/社区”中添加或改正名称'],
  ]);

  // 完成 closes the dialog and the list behind shows the new enterprises.
  await dialog.getByRole('button', { name: '完成' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-pagination-total-text')).toHaveText(`共 ${before + 3} 家`);
  expect(await total(host)).toBe(before + 3);
  await page.getByLabel('搜索企业').fill('导入测试乙五金');
  await expect(page.locator('tr.ant-table-row')).toHaveCount(1);
  await expect(page.locator('tr.ant-table-row')).toContainText('导入测试乙五金厂');
  await expect(page.locator('tr.ant-table-row')).toContainText(validUscc(2));
});

test('导入Excel refuses what is not a spreadsheet, a file over 15 MB, and a mapping without a required field', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const villages = await villageNames(host);
  const before = await total(host);
  const dialog = await openWizard(page, host);

  // Random bytes with an Excel name: the backend's reason, and the user may pick another file.
  const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256));
  await upload(dialog, '台账.xlsx', random);
  await expect(dialog.getByRole('alert')).toContainText('「台账.xlsx」不是有效的 Excel 文件（文件已损坏或只是改了扩展名）');
  await expect(dialog.getByRole('button', { name: '下一步' })).toBeDisabled();

  // A CSV without any column the import knows.
  await upload(dialog, '说明.csv', Buffer.from('这是一份说明\n没有表格\n', 'utf8'), 'text/csv');
  await expect(dialog.getByRole('alert')).toContainText('没有找到表头');

  // Too large: refused before anything is sent.
  let opened = 0;
  page.on('request', (request) => {
    if (request.url().includes('/api/imports.open')) opened += 1;
  });
  await upload(dialog, '全镇台账.xlsx', Buffer.alloc(16 * 1024 * 1024, 1));
  await expect(dialog.getByRole('alert')).toContainText('「全镇台账.xlsx」大小为 16.0 MB，超过导入文件 15 MB 的上限');
  expect(opened).toBe(0);

  // A good file, but 企业名称 set to 不导入: the preview says why and 开始导入 stays disabled.
  await upload(dialog, '企业台账.xlsx', await ledgerXlsx([['导入测试己厂', validUscc(9), villages[0], '工贸-轻工', '一般', 5]]));
  await expect(dialog).toContainText('其下共 1 行数据');
  await mappingRow(dialog, '企业名称').locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="不导入"]').click();
  await expect(dialog.getByRole('group', { name: '必填字段' })).toContainText('企业名称（未对应）');
  await dialog.getByRole('button', { name: '下一步' }).click();
  await expect(dialog).toContainText('必填字段「企业名称」没有对应的列');
  await expect(dialog.getByRole('button', { name: '开始导入' })).toBeDisabled();

  // Closing mid-way asks first; nothing was imported.
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('dialog').filter({ hasText: '放弃本次导入？' }).getByRole('button', { name: '放弃导入' }).click();
  await expect(dialog).toBeHidden();
  expect(await total(host)).toBe(before);
});

test('导入Excel with a registered 统一社会信用代码: skipped by default, updated when chosen', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const [existing] = (await host.call('enterprises.list', { pageSize: 1, sortField: 'name', sortOrder: 'ascend' })).items;
  const colour: Record<RiskLevel, string> = { red: '红', orange: '橙', yellow: '黄', blue: '蓝' };
  const employees = (existing.employees ?? 0) + 7;
  const file = await ledgerXlsx([[existing.name, existing.uscc, existing.villageName ?? '', existing.industry, colour[existing.riskLevel], employees]]);

  const dialog = await openWizard(page, host);
  await upload(dialog, '企业台账.xlsx', file);
  await dialog.getByRole('button', { name: '下一步' }).click();
  await expect(previewCount(dialog, '已存在跳过')).toHaveText('1');
  await expect(previewCount(dialog, '将更新')).toHaveText('0');

  await dialog.getByRole('radio', { name: '用文件内容更新' }).check();
  await expect(previewCount(dialog, '将更新')).toHaveText('1');
  await expect(previewCount(dialog, '已存在跳过')).toHaveText('0');
  await dialog.getByRole('button', { name: '开始导入' }).click();
  await expect(dialog).toContainText('导入完成：新增 0 条，更新 1 条，有错误未导入 0 条');
  await dialog.getByRole('button', { name: '完成' }).click();
  expect((await host.call('enterprises.get', { id: existing.id })).employees).toBe(employees);
});

test('导入Excel with 经纬度 read off AMap: the user says GCJ-02 and the points are stored in WGS84', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const [village] = await villageNames(host);
  // A WGS84 point in the demo town, as AMap shows it (~500 m away); the second row's 经度 is not a number.
  const truth: LngLat = [113.672345, 22.812345];
  const [lng, lat] = fromWgs84(truth, 'GCJ02');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业台账');
  sheet.addRow([...header.slice(0, 5), '经度', '纬度']);
  sheet.addRow(['高德坐标企业', validUscc(91_001), village, '其他', '蓝', lng, lat]);
  sheet.addRow(['坐标写错企业', validUscc(91_002), village, '其他', '蓝', '东经113度', lat]);
  const file = Buffer.from(await workbook.xlsx.writeBuffer());

  const dialog = await openWizard(page, host);
  await upload(dialog, '企业坐标.xlsx', file);
  await dialog.getByRole('button', { name: '下一步' }).click();
  await expect(previewCount(dialog, '有错误')).toHaveText('1');
  const systems = dialog.getByRole('radiogroup', { name: '文件中经纬度的坐标系：' });
  await expect(systems.getByRole('radio', { name: /^WGS84/ })).toBeChecked();
  await systems.getByRole('radio', { name: /^GCJ-02/ }).check();
  await expect(previewCount(dialog, '将新增')).toHaveText('1');
  if (process.env.REPORT_SCREENSHOTS) await dialog.screenshot({ path: test.info().outputPath('import-datum.png') });
  // The bad cell is named by row (the header is row 1) and column.
  await expect(dialog.locator('.ant-table-row')).toHaveCount(1);
  await expect(dialog.locator('.ant-table-row').first().locator('td')).toHaveText(['3', '经度', /数/]);
  await dialog.getByRole('button', { name: '开始导入' }).click();
  await expect(dialog).toContainText('导入完成：新增 1 条，更新 0 条，有错误未导入 1 条');
  await dialog.getByRole('button', { name: '完成' }).click();

  const [stored] = (await host.call('enterprises.list', { q: '高德坐标企业', pageSize: 1 })).items;
  expect(distanceMeters([stored.longitude!, stored.latitude!], truth)).toBeLessThan(0.5);
});

test('只读 users see no 导入Excel', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const leader = { username: 'leader', displayName: '王建国', role: 'readonly', password: 'Leader2024' } as const;
  await host.call('users.create', leader);
  await loginThroughUi(page, host, leader.username, leader.password);
  await page.goto(`${host.origin}/#/enterprises`);
  await expect(page.getByRole('button', { name: '导出Excel' })).toBeVisible();
  await expect(page.getByRole('button', { name: '导入Excel' })).toHaveCount(0);
});
