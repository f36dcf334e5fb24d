import type { Page } from '@playwright/test';
import { expect, loginThroughUi, test } from './fixtures';

/**
 * 在地图上选点 on the enterprise form, against the shipped demo boundary (its villages are matched by name, so the
 * test creates 东山村 and 西岭村). Points were chosen inside the demo polygons.
 */
const dongshan = { lng: 113.551402, lat: 22.831657 };
// The same place as AMap (GCJ-02) shows it.
const dongshanGcj = '113.556527，22.828717';
const xiling = { lng: 113.597834, lat: 22.785455 };

function enterpriseDialog(page: Page) {
  return page.getByRole('dialog').filter({ has: page.getByLabel('统一社会信用代码') });
}

test('在地图上选点: checks the typed point, converts a pasted GCJ-02 point and writes it back', async ({ page, host }) => {
  await host.setup();
  await host.call('villages.create', { name: '东山村', kind: '村' });
  await host.call('villages.create', { name: '西岭村', kind: '村' });
  await loginThroughUi(page, host);
  await page.getByRole('menuitem', { name: /企业/ }).click();
  await page.getByRole('button', { name: /新增/ }).click();
  const dialog = enterpriseDialog(page);
  await dialog.getByLabel('所属村/社区', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="东山村"]').click();

  // The hint under the inputs works without opening the map.
  await dialog.getByLabel('经度').fill(String(dongshan.lng));
  await dialog.getByLabel('纬度').fill(String(dongshan.lat));
  await expect(dialog.getByTestId('location-status')).toHaveText('位于：东山村');
  await dialog.getByLabel('经度').fill(String(xiling.lng));
  await dialog.getByLabel('纬度').fill(String(xiling.lat));
  await expect(dialog.getByTestId('location-status')).toHaveText('该位置位于 西岭村，与所属村/社区 东山村 不一致');
  await dialog.getByLabel('经度').fill('113.3');
  await expect(dialog.getByTestId('location-status')).toHaveText('该位置不在任何村/社区范围内');

  await dialog.getByRole('button', { name: '在地图上选点' }).click();
  const picker = page.getByRole('dialog', { name: '在地图上选点' });
  await expect(picker.locator('canvas').first()).toBeVisible();
  await expect(picker.getByTestId('location-status')).toHaveText('该位置不在任何村/社区范围内');

  await picker.getByLabel('粘贴坐标').fill('东经 113');
  await picker.getByRole('button', { name: '换算并定位' }).click();
  await expect(picker.getByText('请按“经度, 纬度”填写，例如 113.551234, 22.831234')).toBeVisible();

  await picker.getByLabel('坐标系').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'GCJ-02' }).click();
  await picker.getByLabel('粘贴坐标').fill(dongshanGcj);
  await picker.getByRole('button', { name: '换算并定位' }).click();
  await expect(picker.getByTestId('location-status')).toHaveText('位于：东山村');

  // A click on the map moves the pin: the map is centred on the pasted point, so a click beside it stays near 东山村.
  const canvas = picker.locator('canvas').first();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('map has no box');
  await page.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2 + 40);
  await expect(picker.getByText(/^经度 113\.\d{6}，纬度 22\.\d{6}$/)).toBeVisible();
  await expect(picker.getByText(`经度 ${dongshan.lng.toFixed(6)}，纬度 ${dongshan.lat.toFixed(6)}`)).toHaveCount(0);

  // Paste again (converted back to the exact spot) and use it.
  await picker.getByLabel('粘贴坐标').fill(dongshanGcj);
  await picker.getByRole('button', { name: '换算并定位' }).click();
  await picker.getByRole('button', { name: '使用此位置' }).click();
  await expect(picker).toHaveCount(0);
  const lng = Number(await dialog.getByLabel('经度').inputValue());
  const lat = Number(await dialog.getByLabel('纬度').inputValue());
  expect(Math.abs(lng - dongshan.lng)).toBeLessThanOrEqual(2e-6);
  expect(Math.abs(lat - dongshan.lat)).toBeLessThanOrEqual(2e-6);
  await expect(dialog.getByTestId('location-status')).toHaveText('位于：东山村');
});
