import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, repoResourcesDir, type TestBackend } from '../../../../tests/fixtures/backend';
import { gcj02ToWgs84 } from '../../../shared/domain/geo/datum';

const demoFile = fs.readFileSync(path.join(repoResourcesDir, 'maps', 'demo-town.geojson'), 'utf8');
const dongguanFile = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../tests/fixtures/geo/dongguan_towns_datav.geojson'), 'utf8');
const demoJson = JSON.parse(demoFile) as { features: { properties: { name: string }; geometry: { type: string; coordinates: number[][][] } }[] };

/** The demo file with its first feature renamed to a village the town does not have. */
function withStrangeFirstName(): string {
  const copy = structuredClone(demoJson);
  copy.features[0].properties.name = '不存在村';
  return JSON.stringify(copy);
}

async function preview(backend: TestBackend, text: string, source: 'WGS84' | 'GCJ02' | 'BD09' = 'WGS84') {
  return backend.call('maps.previewBoundary', { text, source });
}

/** Saves a file with the preview's automatic matches as the review's choices. */
async function saveAsPreviewed(backend: TestBackend, name: string, text: string, makeCurrent = true) {
  const result = await preview(backend, text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return backend.call('maps.saveBoundarySet', {
    name,
    text,
    source: 'WGS84',
    nameProperty: result.nameProperty,
    assignments: result.matches.map((m) => ({ featureIndex: m.featureIndex, featureName: m.featureName, villageId: m.villageId })),
    makeCurrent,
  });
}

// One demo town for the whole file: loading it is the slow part, and each test below reads or adds its own sets.
let backend: TestBackend;
beforeAll(async () => {
  backend = await makeTestBackend({ loadDemo: true });
});
afterAll(() => backend.dispose());

describe('maps boundary preview', () => {
  it('matches every feature of the demo file to a demo village', async () => {
    const result = await preview(backend, demoFile);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result).toMatchObject({ nameProperty: 'name', featureCount: 30, warnings: [], villagesWithoutFeature: [] });
    expect(result.properties).toContain('name');
    expect(result.matches).toHaveLength(30);
    expect(result.matches.every((m) => m.villageId !== null && m.villageName === m.featureName && m.method === 'exact')).toBe(true);
  });

  it('lists every problem of a broken file as a result, not a thrown error', async () => {
    const broken = structuredClone(demoJson) as unknown as { features: { geometry: unknown }[] };
    broken.features[1].geometry = { type: 'Point', coordinates: [113.55, 22.83] };
    broken.features[4].geometry = { type: 'Polygon', coordinates: [[[913.55, 22.83], [113.56, 22.84], [113.57, 22.83], [913.55, 22.83]]] };
    const result = await preview(backend, JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.code)).toEqual(['wrong-geometry-type', 'coordinate-out-of-range']);
    expect(result.errors[0]).toMatchObject({ featureIndex: 1, featureName: '西岭村', message: expect.stringContaining('Point') });
    expect(result.errors[1].message).toContain('第 5 个要素');

    const notJson = await preview(backend, '{"type": "FeatureCollection", "features": [');
    expect(notJson).toMatchObject({ ok: false, errors: [{ code: 'invalid-json' }] });
  });

  it('converts a GCJ-02 file to WGS84', async () => {
    const result = await preview(backend, demoFile, 'GCJ02');
    if (!result.ok) throw new Error('expected a valid preview');
    const source = demoJson.features[0].geometry.coordinates[0][0] as [number, number];
    const vertex = result.matches[0].geometry.coordinates[0][0][0];
    const expected = gcj02ToWgs84(source);
    expect(vertex[0]).toBeCloseTo(expected[0], 9);
    expect(vertex[1]).toBeCloseTo(expected[1], 9);
    // Hundreds of metres away from the file's own numbers: the conversion really happened.
    expect(Math.abs(vertex[0] - source[0])).toBeGreaterThan(0.003);
  });

  it('is refused to a read-only account and accepts staff', async () => {
    const readonly = await backend.loginAs('readonly', 'preview-ro');
    expect(await backend.dispatch('maps.previewBoundary', { text: demoFile, source: 'WGS84' }, readonly)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const staff = await backend.loginAs('staff', 'preview-staff');
    expect(await backend.dispatch('maps.previewBoundary', { text: demoFile, source: 'WGS84' }, staff)).toMatchObject({ ok: true });
  });
});

describe('maps boundary sets', () => {
  it('draws the shipped demo file while no set is stored, matched to the villages', async () => {
    const current = await backend.call('maps.currentBoundary', {});
    expect(current.source).toBe('bundled');
    expect(current.features).toHaveLength(30);
    expect(current.features.every((f) => f.id === null && f.villageId !== null && f.villageName === f.featureName)).toBe(true);
    expect(current.features[0].geometry.type).toBe('MultiPolygon');
  });

  it('refuses a save by staff', async () => {
    const staff = await backend.loginAs('staff', 'save-staff');
    const result = await backend.dispatch('maps.saveBoundarySet', { name: '村界', text: demoFile, source: 'WGS84', nameProperty: 'name', assignments: [], makeCurrent: true }, staff);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('maps.boundarySets', {})).toEqual([]);
  });

  it('refuses to save a file that no longer parses, naming its problems', async () => {
    const result = await backend.dispatch('maps.saveBoundarySet', { name: '坏文件', text: '[1, 2]', source: 'WGS84', nameProperty: 'name', assignments: [], makeCurrent: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('FeatureCollection') } });
    expect(await backend.call('maps.boundarySets', {})).toEqual([]);
  });

  it('keeps an unmatched feature with no village, then draws the stored set', async () => {
    const set = await saveAsPreviewed(backend, '2026年村界', withStrangeFirstName());
    expect(set).toMatchObject({ name: '2026年村界', sourceDatum: 'WGS84', nameProperty: 'name', featureCount: 30, matchedCount: 29, unmatchedCount: 1, isCurrent: true, createdBy: '管理员' });

    const current = await backend.call('maps.currentBoundary', {});
    expect(current).toMatchObject({ source: 'stored', setId: set.id, name: '2026年村界' });
    expect(current.features).toHaveLength(30);
    expect(current.features[0]).toMatchObject({ featureName: '不存在村', villageId: null, villageName: null });
    expect(current.features[0].id).toEqual(expect.any(Number));
    expect(current.features[1]).toMatchObject({ featureName: '西岭村', villageName: '西岭村' });
    expect(current.features[1].geometry.coordinates[0][0][0]).toEqual(demoJson.features[1].geometry.coordinates[0][0]);

    const audit = await backend.call('audit.list', { entity: 'boundarySet' });
    expect(audit.items[0]).toMatchObject({ action: 'create', entityId: set.id, entityTitle: '2026年村界' });
  });

  it('saves the real 东莞 township file with every feature unmatched', async () => {
    const result = await preview(backend, dongguanFile);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(result.featureCount).toBe(35);
    expect(result.matches.every((m) => m.villageId === null && m.reason === 'no-village')).toBe(true);
    expect(result.villagesWithoutFeature).toHaveLength(30);
    expect(result.matches.map((m) => m.featureName)).toContain('虎门镇');

    backend.clock.advance(60_000);
    const set = await saveAsPreviewed(backend, '东莞镇街', dongguanFile, false);
    expect(set).toMatchObject({ featureCount: 35, matchedCount: 0, unmatchedCount: 35, isCurrent: false });
    // Newest first; the earlier set stays current.
    const sets = await backend.call('maps.boundarySets', {});
    expect(sets.map((s) => [s.name, s.isCurrent])).toEqual([
      ['东莞镇街', false],
      ['2026年村界', true],
    ]);
  });

  it('switches the current set and refuses to delete the current one', async () => {
    const [dongguan, villagesSet] = await backend.call('maps.boundarySets', {});
    const switched = await backend.call('maps.setCurrentBoundarySet', { id: dongguan.id });
    expect(switched.isCurrent).toBe(true);
    expect((await backend.call('maps.boundarySets', {})).filter((s) => s.isCurrent).map((s) => s.id)).toEqual([dongguan.id]);
    expect(await backend.call('maps.currentBoundary', {})).toMatchObject({ source: 'stored', setId: dongguan.id, features: expect.any(Array) });

    const refused = await backend.dispatch('maps.deleteBoundarySet', { id: dongguan.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('不能删除') } });

    await backend.call('maps.deleteBoundarySet', { id: villagesSet.id });
    expect((await backend.call('maps.boundarySets', {})).map((s) => s.id)).toEqual([dongguan.id]);
    expect(await backend.dispatch('maps.setCurrentBoundarySet', { id: villagesSet.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // The deleted set waits in the 回收站: restored, it is one more set to switch to (not current); purged, its
    // features go with it.
    const inTrash = await backend.call('trash.list', { entity: 'boundarySet' });
    expect(inTrash.items).toEqual([expect.objectContaining({ entity: 'boundarySet', id: villagesSet.id, title: `村界 ${villagesSet.name}` })]);
    await backend.call('trash.restore', { entity: 'boundarySet', id: villagesSet.id });
    expect((await backend.call('maps.boundarySets', {})).map((s) => [s.id, s.isCurrent])).toEqual(expect.arrayContaining([[villagesSet.id, false], [dongguan.id, true]]));
    await backend.call('maps.setCurrentBoundarySet', { id: villagesSet.id });
    expect(await backend.call('maps.currentBoundary', {})).toMatchObject({ setId: villagesSet.id });
    await backend.call('maps.setCurrentBoundarySet', { id: dongguan.id });
    await backend.call('maps.deleteBoundarySet', { id: villagesSet.id });
    await backend.call('trash.purge', { entity: 'boundarySet', id: villagesSet.id });
    expect((await backend.call('trash.list', { entity: 'boundarySet' })).total).toBe(0);
    expect(backend.ctx.appDb.sqlite.prepare('SELECT count(*) FROM boundary_features WHERE set_id = ?').pluck().get(villagesSet.id)).toBe(0);

    const staff = await backend.loginAs('staff', 'switch-staff');
    expect(await backend.dispatch('maps.setCurrentBoundarySet', { id: dongguan.id }, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('unpairs the polygon of a deleted village when the village is deleted, and lets the village be purged', async () => {
    const village = await backend.call('villages.create', { name: '试验村', kind: '村' });
    const ring = [[113.5, 22.8], [113.51, 22.8], [113.51, 22.81], [113.5, 22.8]];
    const file = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '试验村' }, geometry: { type: 'Polygon', coordinates: [ring] } }] });
    backend.clock.advance(60_000);
    const set = await saveAsPreviewed(backend, '试验村界', file, false);
    expect(set).toMatchObject({ matchedCount: 1, unmatchedCount: 0 });

    await backend.call('villages.delete', { id: village.id });
    expect((await backend.call('maps.boundarySets', {})).find((s) => s.id === set.id)).toMatchObject({ matchedCount: 0, unmatchedCount: 1 });
    await backend.call('trash.purge', { entity: 'village', id: village.id });
    const row = backend.ctx.appDb.sqlite.prepare('SELECT village_id FROM boundary_features WHERE set_id = ?').get(set.id);
    expect(row).toEqual({ village_id: null });
  });

  it('refuses assignments that do not fit the file', async () => {
    const base = { name: '村界', text: demoFile, source: 'WGS84' as const, nameProperty: 'name', makeCurrent: false };
    const stale = await backend.dispatch('maps.saveBoundarySet', { ...base, assignments: [{ featureIndex: 0, featureName: '西岭村', villageId: null }] });
    expect(stale).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('重新预览') } });
    const missingVillage = await backend.dispatch('maps.saveBoundarySet', { ...base, assignments: [{ featureName: '东山村', villageId: 999_999 }] });
    expect(missingVillage).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
