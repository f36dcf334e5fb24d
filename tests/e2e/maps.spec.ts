import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { repoResourcesDir } from '../fixtures/backend';
import { expect, loginThroughUi, test } from './fixtures';

/** Waits for the map to finish the draw that `change` starts (the page clears the mark before each draw). */
async function redraw(map: Locator, change: () => Promise<void>) {
  await change();
  await expect(map).toHaveAttribute('data-map-ready', '1', { timeout: 30_000 });
}

/** Where the map draws a record's point, read from the page's probe (points on a canvas have no DOM). */
async function pixelOf(map: Locator, layer: string, id: number): Promise<{ x: number; y: number }> {
  const pixel = await map.evaluate(
    (element, [layerKey, recordId]) => (element as unknown as { mapProbe?: { pixelOf(l: string, i: number): [number, number] | null } }).mapProbe?.pixelOf(layerKey as string, recordId as number) ?? null,
    [layer, id] as const,
  );
  if (!pixel) throw new Error(`${layer} ${id} is not on the map`);
  return { x: pixel[0], y: pixel[1] };
}

test('the map draws the demo town, switches layers, leads from a point to its record and exports a PNG', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const layers = await host.call('maps.layers', {});
  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: '地图' }).click();
  const map = page.getByTestId('town-map');
  await expect(map).toHaveAttribute('data-map-ready', '1', { timeout: 30_000 });
  await expect(page.getByText('当前村界：程序自带示例村界')).toBeVisible();

  // Default layers: enterprises, today's works, open hazards — each labelled with what it draws.
  await expect(page.getByRole('checkbox', { name: `企业（${layers.enterprises.length.toLocaleString('zh-CN')}）` })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^储罐$/ })).not.toBeChecked();
  await redraw(map, () => page.getByRole('checkbox', { name: /^储罐/ }).check());
  await expect(page.getByRole('checkbox', { name: `储罐（${layers.tanks.length.toLocaleString('zh-CN')}）` })).toBeChecked();

  // The industry filter narrows the enterprise layer to exactly the enterprises of that industry.
  const industry = layers.enterprises[0][5];
  const inIndustry = layers.enterprises.filter((row) => row[5] === industry).length;
  await redraw(map, async () => {
    await page.getByLabel('行业', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: industry }).first().click();
  });
  await expect(page.getByRole('checkbox', { name: `企业（${inIndustry.toLocaleString('zh-CN')}）` })).toBeChecked();

  // Turning a layer off removes it: its label loses the count.
  await redraw(map, () => page.getByRole('checkbox', { name: /^未销号隐患/ }).uncheck());
  await expect(page.getByRole('checkbox', { name: '未销号隐患' })).not.toBeChecked();

  // Hover and click an enterprise of the filtered layer: tooltip, side panel, then its profile.
  // One with no tank or work drawn on top of it (those stand at their enterprise's point).
  const covered = new Set([...layers.tanks, ...layers.works].map((row) => `${row[1]},${row[2]}`));
  const enterprise = layers.enterprises.find((row) => row[5] === industry && !covered.has(`${row[1]},${row[2]}`))!;
  const point = await pixelOf(map, 'enterprises', enterprise[0]);
  await map.hover({ position: point });
  // The tooltip (ECharts draws it as a div inside the map) names the point; a click opens the side panel.
  await expect(map.getByText(enterprise[3])).toBeVisible();
  await map.click({ position: point });
  const panel = page.locator('.map-detail-panel');
  await expect(panel).toContainText(enterprise[3]);
  await expect(panel).toContainText(industry);

  // The exported picture is a real PNG of the view, with its title drawn on it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出图片' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^安全生产监管一张图-\d{8}\.png$/);
  const png = fs.readFileSync((await download.path())!);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  // Twice the map's CSS size in pixels (IHDR width/height), so it prints sharp.
  const box = (await map.locator('canvas').first().boundingBox())!;
  expect(png.readUInt32BE(16)).toBe(Math.round(box.width) * 2);
  expect(png.readUInt32BE(20)).toBe(Math.round(box.height) * 2);
  await download.saveAs(test.info().outputPath('town-map.png'));

  await panel.getByRole('link', { name: '打开企业档案' }).click();
  await expect(page).toHaveURL(new RegExp(`#/enterprises/${enterprise[0]}$`));
  await expect(page.getByRole('heading', { name: enterprise[3] }).or(page.getByText(enterprise[3]).first())).toBeVisible();
});

test('the risk map shades villages by the documented score and prints on A4 landscape', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const risk = await host.call('maps.villageRisk', {});
  await loginThroughUi(page, host);
  await page.goto(`${host.origin}/#/maps?tab=risk`);
  await expect(page.getByTestId('risk-map')).toHaveAttribute('data-map-ready', '1', { timeout: 30_000 });
  await expect(page.getByText('风险分值的计算方法')).toBeVisible();
  await expect(page.getByText(/红色（重大风险）企业×10/).first()).toBeVisible();

  // The table's first row is the highest score, and its numbers add up by the rule shown.
  const top = risk.rows[0];
  const firstRow = page.locator('.map-risk-table tbody tr.ant-table-row').first();
  await expect(firstRow).toContainText(top.villageName);
  await expect(firstRow).toContainText(String(top.score));
  expect(top.score).toBe(
    top.redEnterprises * 10 + top.orangeEnterprises * 5 + top.yellowEnterprises * 2 + top.blueEnterprises + top.openMajorHazards * 10 + top.openGeneralHazards + top.tanksInUse,
  );
  await expect(firstRow).toContainText('重大风险（红）');

  await page.getByRole('button', { name: '打印' }).click();
  await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: '安全风险空间分布图' })).toBeVisible();
  await expect(page.getByText(/填报单位：示例镇应急管理办公室\s+制图日期：\d{4}-\d{2}-\d{2}/)).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdfPath = test.info().outputPath('risk-map.pdf');
  fs.writeFileSync(pdfPath, pdf);
  // One A4 landscape page: the map, its legend and the rule fit on it.
  const text = pdf.toString('latin1');
  expect(text.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  expect(text).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+841\.9\d*\s+59[45]\.\d+\s*\]/);
});

test('a boundary file is checked, refused with its problems, reviewed and saved as the current set', async ({ page, host }) => {
  await host.setup({ loadDemo: true });
  const demoTown = JSON.parse(fs.readFileSync(path.join(repoResourcesDir, 'maps', 'demo-town.geojson'), 'utf8')) as {
    features: { properties: { name: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  await loginThroughUi(page, host);
  await page.goto(`${host.origin}/#/maps?tab=boundaries`);
  await page.getByRole('button', { name: '导入村界文件' }).click();
  const modal = page.getByRole('dialog', { name: '导入村界文件' });

  // Bad input: a point where a village polygon should be, and a longitude out of range. Both are reported.
  const broken = structuredClone(demoTown);
  broken.features[1].geometry = { type: 'Point', coordinates: [113.55, 22.83] };
  broken.features[4].geometry = { type: 'Polygon', coordinates: [[[913.55, 22.83], [113.56, 22.84], [113.57, 22.83], [913.55, 22.83]]] };
  await modal.locator('input[type=file]').setInputFiles({ name: '坏村界.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(broken)) });
  await modal.getByRole('button', { name: '检查文件' }).click();
  await expect(modal.getByText(/文件有 \d+ 个问题，未能读取/)).toBeVisible();
  await expect(modal.getByText(new RegExp(`${broken.features[1].properties.name}.*Point`))).toBeVisible();
  await expect(modal.getByText(/经度|超出/).first()).toBeVisible();

  // A good file with one village renamed: 29 match, the stranger is left for review.
  const renamed = structuredClone(demoTown);
  const strangerOf = renamed.features[0].properties.name;
  renamed.features[0].properties.name = '无名地块';
  await modal.locator('input[type=file]').setInputFiles({ name: '本镇村界2026.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(renamed)) });
  await modal.getByRole('button', { name: '检查文件' }).click();
  await expect(modal.getByText(strangerOf).first()).toBeVisible();
  await modal.getByLabel('名称', { exact: true }).fill('本镇村界2026');
  await modal.getByRole('button', { name: '保存' }).click();
  await expect(modal).toBeHidden();

  const sets = await host.call('maps.boundarySets', {});
  expect(sets).toHaveLength(1);
  expect(sets[0]).toMatchObject({ name: '本镇村界2026', isCurrent: true, featureCount: demoTown.features.length, unmatchedCount: 1 });
  const row = page.locator('.ant-table-row', { hasText: '本镇村界2026' });
  await expect(row).toContainText('当前');

  // The map now draws the imported set.
  await page.getByRole('tab', { name: '综合地图' }).click();
  await expect(page.getByText('当前村界：本镇村界2026')).toBeVisible();
  await expect(page.getByTestId('town-map')).toHaveAttribute('data-map-ready', '1', { timeout: 30_000 });
});
