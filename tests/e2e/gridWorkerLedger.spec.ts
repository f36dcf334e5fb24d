import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { WebHost } from '../fixtures/web-host';
import { expect, loginThroughUi, test } from './fixtures';

/** A village some but not all demo grid workers cover, with the workers the list shows for it. */
async function coveredVillage(host: WebHost) {
  const all = await host.call('gridWorkers.list', { pageSize: 500 });
  // A worker covering several villages: filtering by the second one must keep rows whose first village differs.
  const worker = all.items.find((item) => item.villageIds.length > 1)!;
  const village = { id: worker.villageIds[1], name: worker.villageNames[1] };
  const list = await host.call('gridWorkers.list', { villageId: village.id, pageSize: 500 });
  expect(list.total).toBeGreaterThan(0);
  expect(list.total).toBeLessThan(all.total);
  return { village, list, allTotal: all.total };
}

/** The 网格员 page, narrowed to `villageName` through its own 负责村/社区 filter. */
async function openFilteredList(page: Page, host: WebHost, villageName: string, total: number) {
  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: '网格员' }).click();
  await expect(page).toHaveURL(/#\/grid-workers/);
  const select = page.getByRole('combobox', { name: '负责村/社区' });
  await select.click();
  await select.fill(villageName);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${villageName}"]`).click();
  await expect(page.locator('.page-toolbar')).toContainText(`共 ${total} 人`);
}

test('打印 on the 网格员 list opens the 网格员名册 with the list’s village filter', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const { village, list } = await coveredVillage(host);
  await openFilteredList(page, host, village.name, list.total);

  await page.getByRole('button', { name: '打印' }).click();
  await expect(page).toHaveURL(new RegExp(`#/print/gridWorkers\\?villageId=${village.id}$`));
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1', { timeout: 30_000 });
  await expect(page.locator('.print-title')).toHaveText('示例镇网格员名册');
  await expect(page.locator('.print-filter')).toContainText(`筛选条件：负责村/社区：${village.name}`);
  await expect(page.locator('.print-filter')).toContainText(`共 ${list.total} 条`);
  await expect(page.locator('.print-sheet')).toHaveClass(/print-portrait/);
  await expect(page.locator('.print-table thead th')).toHaveText(['序号', '姓名', '类别', '联系电话', '负责村/社区', '负责企业数']);
  const rows = page.locator('.print-table tbody tr');
  await expect(rows).toHaveCount(list.total);
  await expect(rows.locator('td:nth-child(2)')).toHaveText(list.items.map((worker) => worker.name));
  await expect(rows.locator('td:nth-child(5)')).toHaveText(list.items.map((worker) => worker.villageNames.join('、')));
  await expect(rows.locator('td:nth-child(6)').first()).toHaveClass(/align-right/);
  await page.screenshot({ path: 'test-results/gridworker-print.png', fullPage: true });

  await page.getByRole('button', { name: '返回' }).click();
  await expect(page).toHaveURL(/#\/grid-workers$/);
});

test('导出Excel on the 网格员 list downloads the filtered 名册 as a real .xlsx', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const { village, list } = await coveredVillage(host);
  await openFilteredList(page, host, village.name, list.total);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^示例镇网格员名册-\d{8}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(fs.readFileSync(await download.path())).buffer);
  const sheet = workbook.worksheets[0];
  expect(sheet.getCell('A1').value).toBe('示例镇网格员名册');
  expect(sheet.getCell('A3').value).toBe(`筛选条件：负责村/社区：${village.name}`);
  expect(sheet.getRow(4).values).toEqual([undefined, '序号', '姓名', '类别', '联系电话', '负责村/社区', '负责企业数']);
  expect(sheet.rowCount).toBe(list.total + 4);
  const dataRows = Array.from({ length: list.total }, (_, i) => sheet.getRow(i + 5));
  expect(dataRows.map((row) => row.getCell(2).value)).toEqual(list.items.map((worker) => worker.name));
  expect(dataRows.map((row) => row.getCell(6).value)).toEqual(list.items.map((worker) => worker.enterpriseCount));
  await expect(page.getByText(/^已导出：/)).toBeVisible();
});

test('a 网格员名册 print URL with a malformed villageId drops it and still prints', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const all = await host.call('gridWorkers.list', { pageSize: 500 });
  const surname = all.items[0].name.slice(0, 1);
  const bySurname = await host.call('gridWorkers.list', { q: surname, pageSize: 500 });
  expect(bySurname.total).toBeLessThan(all.total);
  await loginThroughUi(page, host);

  const cases = [
    // Text, and an id too large to be exact: neither may reach the backend (which would refuse the request).
    { query: `villageId=abc&q=${encodeURIComponent(surname)}`, summary: `筛选条件：关键词：“${surname}”`, rows: bySurname.total },
    { query: 'villageId=99999999999999999999', summary: '范围：全部', rows: all.total },
    { query: 'villageId=-3', summary: '范围：全部', rows: all.total },
  ];
  for (const { query, summary, rows } of cases) {
    // A fresh load each time, so a previous case's finished page cannot pass for this one.
    await page.goto('about:blank');
    await page.goto(`${host.origin}/#/print/gridWorkers?${query}`);
    await expect(page.locator('body'), query).toHaveAttribute('data-print-ready', '1', { timeout: 30_000 });
    await expect(page.locator('.print-filter span').first(), query).toHaveText(summary);
    await expect(page.locator('.print-table tbody tr'), query).toHaveCount(rows);
  }
});

test('打印中心 previews the 网格员名册 with its own filters and its fixed order', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const { village, list } = await coveredVillage(host);
  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: '打印中心' }).click();
  await page.getByRole('radio', { name: /网格员名册/ }).check();
  // The list has one order (by name), so there is nothing to choose; the page says so instead.
  await expect(page.getByRole('combobox', { name: '排序字段' })).toHaveCount(0);
  await expect(page.getByText('按姓名排列（与网格员列表相同）')).toBeVisible();
  const select = page.getByRole('combobox', { name: '负责村/社区' });
  await select.click();
  await select.fill(village.name);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${village.name}"]`).click();
  await page.getByRole('checkbox', { name: '备注' }).check();
  await page.getByRole('button', { name: '预览' }).click();

  await expect(page).toHaveURL(/#\/print\/gridWorkers\?/);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1');
  await expect(page.locator('.print-filter')).toContainText(`负责村/社区：${village.name}`);
  await expect(page.locator('.print-table thead th').last()).toHaveText('备注');
  await expect(page.locator('.print-table tbody tr')).toHaveCount(list.total);
});
