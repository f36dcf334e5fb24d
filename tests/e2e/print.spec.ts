import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { EnterpriseFilters } from '../../src/shared/api/enterprises';
import type { WebHost } from '../fixtures/web-host';
import { expect, loginThroughUi, test } from './fixtures';

/** Every USCC the list shows for `filters`, paged through the API as the list would. */
async function allUsccs(host: WebHost, filters: EnterpriseFilters): Promise<string[]> {
  const usccs: string[] = [];
  for (let page = 1; ; page += 1) {
    const result = await host.call('enterprises.list', { ...filters, page, pageSize: 500 });
    usccs.push(...result.items.map((item) => item.uscc));
    if (usccs.length >= result.total || result.items.length === 0) return usccs;
  }
}

/** Opens a print route in the logged-in tab and waits until the view says it is laid out. */
async function openPrintView(page: Page, host: WebHost, route: string) {
  await page.goto(`${host.origin}/#${route}`);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1', { timeout: 30_000 });
}

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

test('a ~300-row ledger prints to a PDF with the header on every page, page numbers and every row once', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  await host.setup({ loadDemo: true });
  // A filter leaving a few hundred rows: enough for many pages, quick enough for the suite.
  let filters: EnterpriseFilters = {};
  for (const candidate of [{ riskLevel: 'blue' }, { riskLevel: 'yellow' }] as const) {
    const { total } = await host.call('enterprises.list', { ...candidate, pageSize: 1 });
    if (total >= 250 && total <= 400) {
      filters = candidate;
      break;
    }
  }
  const usccs = await allUsccs(host, filters);
  expect(usccs.length).toBeGreaterThanOrEqual(250);

  await loginThroughUi(page, host);
  const query = new URLSearchParams(filters as Record<string, string>).toString();
  await openPrintView(page, host, `/print/enterprises?${query}`);
  await expect(page.locator('.print-table tbody tr')).toHaveCount(usccs.length);

  const pdfPath = testInfo.outputPath('ledger.pdf');
  fs.writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+/); // A4 landscape, from the ledger's own @page size
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((pageText) => pageText.trim() !== '');
  expect(pageCount).toBeGreaterThan(3);
  expect(pages).toHaveLength(pageCount);

  pages.forEach((pageText, index) => {
    expect(pageText, `page ${index + 1} repeats the table header`).toContain('统一社会信用代码');
    expect(pageText, `page ${index + 1} repeats the table header`).toContain('企业名称');
    expect(pageText.replace(/\s+/g, ' '), `page ${index + 1} footer`).toContain(`第 ${index + 1} 页 / 共 ${pageCount} 页`);
  });
  expect(pages[0]).toContain('示例镇企业基本信息台账');
  expect(pages[0]).toMatch(/填报单位：\s*示例镇应急管理办公室/);
  expect(pages[0]).toContain('填报日期：');
  if (filters.riskLevel) expect(pages[0]).toContain('筛选条件：风险等级：');
  for (const label of ['填表人：', '审核人：', '负责人：']) expect(pages[pageCount - 1]).toContain(label);

  const missingOrRepeated = usccs.filter((uscc) => occurrences(text, uscc) !== 1);
  expect(missingOrRepeated, 'every row printed exactly once').toEqual([]);
  // 序号 runs 1…N without gaps: the last row's number is on the last page.
  expect(pages[pageCount - 1]).toMatch(new RegExp(`(^|\\s)${usccs.length}\\s`, 'm'));

  // Pictures of the first two pages, to look at when the layout changes.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfPath, testInfo.outputPath('page')]);
});

test('打印 on the enterprise list opens the print view with the list’s filter', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const { total } = await host.call('enterprises.list', { riskLevel: 'red', pageSize: 1 });
  expect(total).toBeGreaterThan(0);

  await loginThroughUi(page, host);
  await page.goto(`${host.origin}/#/enterprises?riskLevel=red`);
  await expect(page.locator('.risk-bar')).toContainText(`共 ${total} 家`);
  await page.getByRole('button', { name: '打印' }).click();

  await expect(page).toHaveURL(/#\/print\/enterprises\?.*riskLevel=red/);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1', { timeout: 30_000 });
  await expect(page.locator('.print-filter')).toContainText('风险等级：重大风险（红）');
  await expect(page.locator('.print-table tbody tr')).toHaveCount(total);
  await expect(page.locator('.print-title')).toHaveText('示例镇企业基本信息台账');
  // No app shell around the document.
  await expect(page.locator('.ant-layout-sider')).toHaveCount(0);

  await page.getByRole('button', { name: '返回' }).click();
  await expect(page).toHaveURL(/#\/enterprises\?riskLevel=red/);
});

test('a print route for an unknown ledger shows a Chinese error, not a blank page', async ({ page, host }) => {
  await host.setup();
  await loginThroughUi(page, host);
  await page.goto(`${host.origin}/#/print/nosuchledger`);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', 'error');
  await expect(page.locator('body')).toHaveAttribute('data-print-error', /没有名为「nosuchledger」的台账/);
  await expect(page.getByText('无法生成打印页面')).toBeVisible();

  // A column the ledger does not have is refused by the backend, and shown the same way.
  await page.goto(`${host.origin}/#/print/villages?columns=nosuchcolumn`);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', 'error');
  await expect(page.getByText('台账中没有这些列')).toBeVisible();
});

test('打印中心 previews the village ledger with the chosen columns, in portrait', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const { total } = await host.call('villages.list', { kind: '社区', pageSize: 1 });
  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: '打印中心' }).click();
  await page.getByRole('radio', { name: /村（社区）一览表/ }).check();
  await page.getByRole('combobox', { name: '类型' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="社区"]').click();
  await page.getByRole('checkbox', { name: '备注' }).check();
  await page.getByRole('button', { name: '预览' }).click();

  await expect(page).toHaveURL(/#\/print\/villages\?/);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1');
  await expect(page.locator('.print-title')).toHaveText('示例镇村（社区）一览表');
  await expect(page.locator('.print-filter')).toContainText('类型：社区');
  await expect(page.locator('.print-table thead th').last()).toHaveText('备注');
  await expect(page.locator('.print-table tbody tr')).toHaveCount(Math.max(total, 1));
  await expect(page.locator('.print-sheet')).toHaveClass(/print-portrait/);
});
