import fs from 'node:fs';
import { expect, loginThroughUi, test } from './fixtures';

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test('the workbench is the home page: its counts lead to the lists behind them and its charts export as PNG', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const summary = await host.call('workbench.summary', {});
  const overdue = await host.call('hazards.list', { overdue: true });
  // The demo town has overdue hazards; the card would be green and meaningless otherwise.
  expect(summary.attention.hazardsOverdue).toBeGreaterThan(0);
  expect(summary.attention.hazardsOverdue).toBe(overdue.total);

  await loginThroughUi(page, host);
  await expect(page).toHaveURL(/#\/workbench$/);
  await expect(page.getByRole('menuitem', { name: '工作台' })).toHaveClass(/ant-menu-item-selected/);
  const workbench = page.getByTestId('workbench');
  await expect(workbench.getByRole('heading', { name: '工作台' })).toBeVisible();

  // Each attention count is the API's.
  const counts = {
    worksToday: summary.attention.worksToday,
    worksFlagged: summary.attention.worksFlagged,
    hazardsOverdue: summary.attention.hazardsOverdue,
    ordersOpen: summary.attention.ordersOpen,
    plansOverdue: summary.attention.plansOverdue,
    idleSitesPending: summary.attention.idleSitesPending,
  };
  for (const [key, value] of Object.entries(counts)) {
    await expect(page.getByTestId(`attention-${key}-count`)).toHaveText(value.toLocaleString('zh-CN'));
  }
  // A breach shows red.
  await expect(page.getByTestId('attention-hazardsOverdue')).toHaveClass(/tone-danger/);
  // Key figures of the year are the statistics' (本年 from 1 January).
  const stats = await host.call('hazards.statistics', { from: `${summary.year}-01-01`, to: `${summary.year}-12-31` });
  await expect(page.getByTestId('figures-year').locator('[data-figure="查出隐患"]')).toContainText(stats.found.toLocaleString('zh-CN'));

  // All five charts drew.
  for (const id of ['chart-hazards', 'chart-risk', 'chart-filings', 'chart-tanks', 'chart-villages']) {
    await expect(page.getByTestId(id).locator('[data-chart-ready="1"]')).toBeVisible();
  }
  if (process.env.REPORT_SCREENSHOTS) await page.screenshot({ path: test.info().outputPath('workbench.png'), fullPage: true });

  // Export one chart: a real PNG named after its title and today.
  const chart = page.getByTestId('chart-hazards');
  const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: '导出图片' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${summary.year}年隐患排查整改情况-\\d{8}\\.png$`));
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual(pngSignature);
  // Twice the screen's pixels: wider than the card on screen.
  const box = (await chart.boundingBox())!;
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(box.width);

  // The overdue card opens the hazard list filtered to overdue hazards, whose total is the card's count.
  await page.getByTestId('attention-hazardsOverdue').click();
  await expect(page).toHaveURL(/#\/hazards\?overdue=true/);
  await expect(page.locator('.ant-pagination-total-text').first()).toContainText(`共 ${overdue.total.toLocaleString('zh-CN')} 条`);

  // Back home from the menu; the open-orders card leads to the orders whose hazards are not all closed.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  const orders = await host.call('orders.list', { open: true });
  expect(orders.total).toBe(summary.attention.ordersOpen);
  await page.getByTestId('attention-ordersOpen').click();
  await expect(page).toHaveURL(/#\/hazards\/orders\?open=true/);
  await expect(page.locator('.ant-pagination-total-text').first()).toContainText(`共 ${orders.total.toLocaleString('zh-CN')} `);
  // Of those, the ones past their deadline: the card's 其中已过整改期限 count (the demo has some).
  expect(summary.attention.ordersOverdue).toBeGreaterThan(0);
  await page.locator('.toggle-filter', { hasText: '已逾期' }).click();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(page.locator('.ant-pagination-total-text').first()).toContainText(`共 ${summary.attention.ordersOverdue.toLocaleString('zh-CN')} `);
});

test('a fresh town without data shows zero counts and empty charts, without errors', async ({ page, host }) => {
  await host.setup({ loadDemo: false });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Chromium's notice that a <meta> CSP cannot set frame-ancestors is the app shell's on every page, not this page's.
  page.on('console', (message) => message.type() === 'error' && !message.text().includes('frame-ancestors') && errors.push(message.text()));
  await loginThroughUi(page, host);
  await expect(page).toHaveURL(/#\/workbench$/);
  for (const key of ['worksToday', 'worksFlagged', 'hazardsOverdue', 'ordersOpen', 'plansOverdue', 'idleSitesPending']) {
    await expect(page.getByTestId(`attention-${key}-count`)).toHaveText('0');
    await expect(page.getByTestId(`attention-${key}`)).not.toHaveClass(/tone-danger/);
  }
  // Never backed up to a USB drive: the backup card warns and leads to 备份与恢复.
  await expect(page.getByTestId('attention-backup-count')).toHaveText('从未');
  await expect(page.getByTestId('attention-backup')).toHaveClass(/tone-danger/);
  await expect(page.getByTestId('figures-year').locator('[data-figure="整改率"]')).toContainText('–');
  for (const id of ['chart-hazards', 'chart-risk', 'chart-filings', 'chart-tanks', 'chart-villages']) {
    await expect(page.getByTestId(id).locator('.ant-empty-description')).toHaveText('暂无数据');
    await expect(page.getByTestId(id).getByRole('button', { name: '导出图片' })).toBeDisabled();
  }
  await page.getByTestId('attention-backup').click();
  await expect(page).toHaveURL(/#\/backup$/);
  expect(errors).toEqual([]);
});
