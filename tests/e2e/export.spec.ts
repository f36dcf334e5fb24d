import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { expect, loginThroughUi, test } from './fixtures';

test('导出Excel on the enterprise list exports exactly the filtered list as a real .xlsx', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const list = await host.call('enterprises.list', { riskLevel: 'red', pageSize: 1 });
  expect(list.total).toBeGreaterThan(0);
  await loginThroughUi(page, host);
  await page.goto(`${host.origin}/#/enterprises?riskLevel=red`);
  await expect(page.locator('.ant-pagination-total-text')).toHaveText(`共 ${list.total} 家`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^示例镇企业基本信息台账-\d{8}\.xlsx$/);
  const file = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(fs.readFileSync(file)).buffer);
  const sheet = workbook.worksheets[0];
  expect(sheet.getCell('A1').value).toBe('示例镇企业基本信息台账');
  expect(sheet.getCell('A3').value).toBe('筛选条件：风险等级：重大风险（红）');
  expect(sheet.getRow(4).getCell(1).value).toBe('序号');
  expect(sheet.getRow(4).getCell(2).value).toBe('企业名称');
  expect(sheet.rowCount).toBe(list.total + 4);
  await expect(page.getByText(/^已导出：/)).toBeVisible();
  // Nothing is left behind in the data folder once the file is handed over.
  expect(fs.existsSync(`${host.dataDir}/exports`) ? fs.readdirSync(`${host.dataDir}/exports`) : []).toEqual([]);
});

test('导出Excel on the villages list', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  await loginThroughUi(page, host);
  await page.goto(`${host.origin}/#/villages`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^示例镇村（社区）一览表-\d{8}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(fs.readFileSync(await download.path())).buffer);
  expect(workbook.worksheets[0].rowCount).toBe(30 + 4);
});
