import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { startWebHost } from '../fixtures/web-host';
import { usccSeries } from '../fixtures/uscc';
import { chooseOption, expect, loginThroughUi, test } from './fixtures';

/** Monday 2026-06-15 09:00 in the office. */
const officeMorning = '2026-06-15 09:00';
const nextUscc = usccSeries(60);

async function hazardHost(page: Page) {
  const host = await startWebHost({ clock: officeMorning });
  await host.setup();
  await page.clock.setFixedTime(new Date('2026-06-15T09:00:00+08:00'));
  const village = await host.call('villages.create', { name: '东山村', kind: '村' });
  const plant = await host.call('enterprises.create', { name: '东山精细化工有限公司', uscc: nextUscc(), villageId: village.id, industry: '化工', riskLevel: 'orange' });
  return { host, plant };
}

const dialog = (page: Page) => page.getByRole('dialog');

test('record an inspection with three hazards (a deadline before the visit refused under its row), issue an order, print it, re-inspect and close a hazard, export the 检查记录台账', async ({ page }, testInfo) => {
  test.slow();
  const { host, plant } = await hazardHost(page);
  try {
    await loginThroughUi(page, host);
    await page.getByRole('menuitem', { name: /隐患排查治理/ }).click();
    await expect(page.getByRole('button', { name: /新增检查/ })).toBeVisible();
    await page.keyboard.press('Control+n');
    await expect(page.getByText('新增检查记录')).toBeVisible();

    const form = page.locator('form').filter({ has: page.getByText('发现的隐患') });
    await chooseOption(page, form, '企业名称', plant.name, '东山精细');
    await form.locator('.ant-radio-button-wrapper').filter({ hasText: '执法检查' }).click();
    await form.getByLabel('检查人员').fill('王强、李明');
    const hazards = [
      { place: '二号罐区', description: '储罐区可燃气体报警器未定期检定', deadline: '2026-06-30' },
      { place: '成品仓库', description: '仓库内堆放物料堵塞安全出口', deadline: '2026-06-01' },
      { place: '配电房', description: '配电箱未接地，电缆沟内积水', deadline: '2026-07-15' },
    ];
    for (const [index, hazard] of hazards.entries()) {
      await page.getByRole('button', { name: '添加一条隐患' }).click();
      const row = `隐患${index + 1}`;
      await page.getByLabel(`${row}部位`).fill(hazard.place);
      await page.getByLabel(`${row}描述`).fill(hazard.description);
      const deadline = page.getByLabel(`${row}整改期限`);
      await deadline.click();
      await deadline.fill(hazard.deadline);
      await deadline.press('Enter');
      await expect(deadline).toHaveValue(hazard.deadline);
    }
    // Bad input: the second hazard's deadline lies before the inspection; the server's message lands under that row.
    await page.getByRole('button', { name: '保存检查记录' }).click();
    await expect(page.locator('.hazard-entry').nth(1).locator('.ant-form-item-explain-error')).toContainText('整改期限不能早于发现日期（2026-06-15）');
    expect((await host.call('hazards.list', {})).total).toBe(0);
    const second = page.getByLabel('隐患2整改期限');
    await second.click();
    await second.fill('2026-06-25');
    await second.press('Enter');
    await page.getByRole('button', { name: '保存检查记录' }).click();

    // The inspection's page lists the three hazards; one order covers them.
    await expect(page.getByText('储罐区可燃气体报警器未定期检定')).toBeVisible();
    await expect(page.getByText('仓库内堆放物料堵塞安全出口')).toBeVisible();
    await page.getByRole('button', { name: '下达整改指令书' }).click();
    await expect(dialog(page)).toContainText('下达责令限期整改指令书');
    await dialog(page).getByLabel('执法人员').fill('王强（执法证号 44190001）、李明（执法证号 44190002）');
    const orderDeadline = dialog(page).getByLabel('整改期限', { exact: true });
    await orderDeadline.click();
    await orderDeadline.fill('2026-07-15');
    await orderDeadline.press('Enter');
    await dialog(page).getByRole('button', { name: /下\s*达|保\s*存|确\s*定/ }).last().click();
    await expect(page.getByText('已下达整改指令书 示例镇应急责改〔2026〕第1号')).toBeVisible();
    const [order] = (await host.call('orders.list', {})).items;
    expect(order).toMatchObject({ number: '示例镇应急责改〔2026〕第1号', hazardCount: 3 });

    // Print the order as the office serves it.
    await page.goto(`${host.origin}/#/hazards/orders/${order.id}`);
    await page.getByRole('button', { name: '打印指令书' }).click();
    await expect(page).toHaveURL(new RegExp(`#/print/order/${order.id}`));
    await expect(page.locator('body')).toHaveAttribute('data-print-ready', '1', { timeout: 30_000 });
    const pdfPath = testInfo.outputPath('order.pdf');
    fs.writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const expected of ['责令限期整改指令书', '示例镇应急责改〔2026〕第1号', '东山精细化工有限公司', '储罐区可燃气体报警器未定期检定', '仓库内堆放物料堵塞安全出口', '配电箱未接地', '2026年7月15日']) {
      expect(text).toContain(expected);
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, testInfo.outputPath('order-page')]);

    // Re-inspect and close the first hazard: 复查 is offered only once the rectification is reported.
    const first = (await host.call('hazards.list', { q: '可燃气体报警器' })).items[0];
    await page.goto(`${host.origin}/#/hazards/${first.id}`);
    await expect(page.getByRole('button', { name: '复查', exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: '整改完成，申请复查' }).click();
    await dialog(page).getByLabel('整改情况').fill('已送检并取得检定证书');
    await dialog(page).getByRole('button', { name: '整改完成，申请复查' }).click();
    await expect(page.getByText('单位已报整改完成，请安排复查')).toBeVisible();
    await page.getByRole('button', { name: '复查', exact: true }).click();
    await dialog(page).getByText('合格，予以销号').click();
    await dialog(page).getByLabel('复查人员').fill('王强');
    await dialog(page).getByRole('button', { name: '复查合格，销号' }).click();
    await expect(page.locator('.ant-tag').filter({ hasText: '已销号' }).first()).toBeVisible();
    expect(await host.call('hazards.get', { id: first.id })).toMatchObject({ status: '已销号', closedOn: '2026-06-15', reinspectionPassed: true });
    const stats = await host.call('hazards.statistics', { from: '2026-06-01', to: '2026-06-30' });
    expect(stats).toMatchObject({ inspections: 1, orders: 1, found: 3, rectified: 1 });

    // 检查记录 exports its register as the list shows it: the visit, what it found and what is closed.
    await page.goto(`${host.origin}/#/hazards/inspections?kind=执法`);
    await expect(page.getByRole('cell', { name: '东山精细化工有限公司' })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('示例镇隐患排查检查记录台账-20260615.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(fs.readFileSync(await download.path())).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('示例镇隐患排查检查记录台账');
    expect(sheet.getCell('A3').value).toBe('筛选条件：检查类型：执法检查');
    expect(sheet.getRow(4).values).toEqual([undefined, '序号', '检查日期', '被检查单位', '村/社区', '检查类型', '检查人员', '检查项目', '发现隐患', '其中重大', '已销号', '备注']);
    expect(sheet.rowCount).toBe(4 + 1);
    // No 检查项目 was entered: ExcelJS leaves the empty cell out of the row's values.
    expect(sheet.getRow(5).values).toEqual([undefined, 1, new Date(Date.UTC(2026, 5, 15)), '东山精细化工有限公司', '东山村', '执法检查', '王强、李明', undefined, 3, 0, 1]);
    await page.screenshot({ path: testInfo.outputPath('hazard-closed.png'), fullPage: true });
  } finally {
    await host.stop();
  }
});
