import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, loginThroughUi, test } from './fixtures';

test('打印 on the 储罐 list prints the 储罐台账 with the list’s filter; the PDF has every tank once and the header on every page', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  await host.setup({ loadDemo: true });
  const expected = await host.call('tanks.list', { category: '四闲场所储罐', pageSize: 500 });
  expect(expected.total).toBe(96); // 91 counted + 5 已拆除 kept in the register
  const summary = await host.call('tanks.summary', {});
  expect(summary.sentence).toBe('共摸排危险化学品企业储罐103个,一般化工企业储罐281个,四闲场所储罐91个');

  await loginThroughUi(page, host);
  await page.goto(`${host.origin}/#/tanks?category=${encodeURIComponent('四闲场所储罐')}`);
  await expect(page.getByRole('region', { name: '储罐统计' })).toContainText('四闲场所储罐91个');
  // Enterprises whose tank farms reach S ≥ 1 but are not marked 重大危险源 are named above the table.
  const units = await host.call('tanks.majorHazards', {});
  const unmarked = new Set(units.filter((unit) => unit.isMajorHazard && !unit.markedMajorHazard).map((unit) => unit.enterpriseId));
  expect(unmarked.size).toBeGreaterThan(0);
  await expect(page.getByRole('alert').filter({ hasText: '构成重大危险源' })).toContainText(`${unmarked.size} 家企业构成重大危险源（S ≥ 1）但未标记为重大危险源`);
  await page.screenshot({ path: testInfo.outputPath('tanks-list.png') });
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page).toHaveURL(/#\/print\/tanks\?/);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1', { timeout: 30_000 });
  await expect(page.locator('.print-title')).toHaveText('示例镇储罐台账');
  await expect(page.locator('.print-filter')).toContainText('筛选条件：类别：四闲场所储罐');
  await expect(page.locator('.print-table tbody tr')).toHaveCount(expected.total);

  const pdfPath = testInfo.outputPath('tanks.pdf');
  fs.writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((pageText) => pageText.trim() !== '');
  expect(pages.length).toBeGreaterThan(2);
  pages.forEach((pageText, index) => {
    expect(pageText, `page ${index + 1} repeats the header`).toContain('罐号');
    expect(pageText.replace(/\s+/g, '')).toContain(`第${index + 1}页/共${pages.length}页`);
  });
  // Every owner of the filtered tanks appears; 已拆除 tanks are printed with their status.
  for (const owner of new Set(expected.items.map((tank) => tank.ownerName))) expect(text.replace(/\s+/g, '')).toContain(owner.replace(/\s+/g, ''));
  expect(text).toContain('已拆除');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfPath, testInfo.outputPath('page')]);
});

test('a print URL with a malformed tank filter still prints, with the bad value dropped', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const all = await host.call('tanks.list', { pageSize: 1 });
  await loginThroughUi(page, host);
  await page.goto(`${host.origin}/#/print/tanks?category=${encodeURIComponent('不存在的类别')}&villageId=abc&publicLabel=maybe`);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1', { timeout: 30_000 });
  await expect(page.locator('.print-filter')).toContainText('范围：全部');
  await expect(page.locator('.print-table tbody tr')).toHaveCount(all.total);
});
