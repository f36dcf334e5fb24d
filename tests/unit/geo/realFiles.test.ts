/**
 * Boundary import against real data: 东莞's 35 towns (WGS84-like, DataV-derived) and the city outline (DataV,
 * GCJ-02), from tests/fixtures/geo. They carry no licence, so they serve the tests and are never bundled in the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distanceMeters, type LngLat, wgs84ToGcj02 } from '../../../src/shared/domain/geo/datum';
import { type BoundaryFeature, parseBoundaryFile } from '../../../src/shared/domain/geo/geojson';
import { findContainingFeature, pointInMultiPolygon } from '../../../src/shared/domain/geo/pointInPolygon';

/** The files with their provenance (tests/fixtures/geo/README.md); kept for tests only, never shipped with the app. */
const fixtureDir = path.resolve(import.meta.dirname, '../../fixtures/geo');

const townsFile = 'dongguan_towns_datav.geojson';
const cityFile = 'dongguan_city_441900_datav.geojson';

function readFixture(name: string): string {
  const file = path.join(fixtureDir, name);
  if (!fs.existsSync(file)) {
    throw new Error(`Real boundary fixture missing: ${file} (see tests/fixtures/geo/README.md)`);
  }
  return fs.readFileSync(file, 'utf8');
}

function parseOk(text: string, source: 'WGS84' | 'GCJ02'): BoundaryFeature[] {
  const result = parseBoundaryFile(text, { source });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  expect(result.warnings).toEqual([]);
  return result.features;
}

/** Metres from a point to the segment a–b, on a local flat projection (fine over a few km). */
function distanceToSegment(point: LngLat, a: number[], b: number[]): number {
  const k = Math.cos((point[1] * Math.PI) / 180);
  const ax = (a[0] - point[0]) * k;
  const ay = a[1] - point[1];
  const dx = (b[0] - point[0]) * k - ax;
  const dy = b[1] - point[1] - ay;
  const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(ax + t * dx, ay + t * dy) * 111_195;
}

// Grid cells of 0.02° (≥2 km here): any edge within 2 km of a vertex lies in the vertex's cell or a
// neighbour, so checking those 9 cells finds every gap under 2 km without comparing 24,000 vertices
// with every one of the outline's edges.
const cell = 0.02;

/** Distances (< 2 km only) from each vertex to the nearest edge of the outline ring. */
function gapsToOutline(vertices: number[][], outline: number[][]): number[] {
  const grid = new Map<string, number[]>();
  for (let i = 0; i + 1 < outline.length; i += 1) {
    const [ax, ay] = outline[i];
    const [bx, by] = outline[i + 1];
    for (let cx = Math.floor(Math.min(ax, bx) / cell); cx <= Math.floor(Math.max(ax, bx) / cell); cx += 1) {
      for (let cy = Math.floor(Math.min(ay, by) / cell); cy <= Math.floor(Math.max(ay, by) / cell); cy += 1) {
        const key = `${cx},${cy}`;
        grid.set(key, [...(grid.get(key) ?? []), i]);
      }
    }
  }
  const gaps: number[] = [];
  for (const [x, y] of vertices) {
    let best = Infinity;
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const i of grid.get(`${Math.floor(x / cell) + dx},${Math.floor(y / cell) + dy}`) ?? []) {
          best = Math.min(best, distanceToSegment([x, y], outline[i], outline[i + 1]));
        }
      }
    }
    if (best < 2000) gaps.push(best);
  }
  return gaps;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * How far a town's vertices on the city border are from the city outline: the median distance over the
 * town's vertices that lie within 2 km of the outline (inland vertices are far from it and say nothing).
 */
function borderGap(towns: BoundaryFeature[], outline: number[][]): number {
  const gaps = gapsToOutline(
    towns.flatMap((town) => town.geometry.coordinates.flat(2)),
    outline,
  );
  expect(gaps.length).toBeGreaterThan(20);
  return median(gaps);
}

describe('the real 东莞 township file', () => {
  it('reads 35 towns, incl. 虎门镇, with the 7 MultiPolygons kept and the 28 Polygons normalised', () => {
    const text = readFixture(townsFile);
    const raw = JSON.parse(text) as { features: { properties: { name: string }; geometry: { type: string } }[] };
    const result = parseBoundaryFile(text, { source: 'WGS84' });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(result.features).toHaveLength(35);
    expect(result.nameProperty).toBe('name');
    expect(result.properties).toEqual(['name']);
    expect(result.warnings).toEqual([]);
    expect(raw.features.filter((f) => f.geometry.type === 'MultiPolygon')).toHaveLength(7);
    expect(raw.features.filter((f) => f.geometry.type === 'Polygon')).toHaveLength(28);
    expect(result.features.every((f) => f.geometry.type === 'MultiPolygon')).toBe(true);

    const names = result.features.map((f) => f.name);
    expect(names).toEqual(raw.features.map((f) => f.properties.name));
    expect(names).toEqual(expect.arrayContaining(['虎门镇', '长安镇', '莞城街道', '松山湖管委会']));
    const multi = raw.features.filter((f) => f.geometry.type === 'MultiPolygon').map((f) => f.properties.name);
    for (const town of result.features) {
      expect(town.geometry.coordinates.length > 1).toBe(multi.includes(town.name));
    }
    const humen = result.features.find((f) => f.name === '虎门镇');
    expect(humen?.geometry.coordinates).toHaveLength(1);
    // 虎门 lies in the south-west of 东莞, on the Pearl River.
    expect(humen?.bbox[0]).toBeGreaterThan(113.5);
    expect(humen?.bbox[2]).toBeLessThan(113.9);
    expect(humen?.bbox[1]).toBeGreaterThan(22.6);
    expect(humen?.bbox[3]).toBeLessThan(23);
  });

  it('puts 虎门’s town centre in 虎门镇 and in no neighbour, and other centres in their towns', () => {
    const towns = parseOk(readFixture(townsFile), 'WGS84');
    const humenCentre: LngLat = [113.67, 22.82];
    expect(findContainingFeature(humenCentre, towns)?.name).toBe('虎门镇');
    expect(towns.filter((t) => pointInMultiPolygon(humenCentre, t.geometry.coordinates)).map((t) => t.name)).toEqual(['虎门镇']);
    expect(findContainingFeature([113.804, 22.816], towns)?.name).toBe('长安镇');
    expect(findContainingFeature([113.85, 23.11], towns)?.name).toBe('石龙镇');
    // Out in the Pearl River estuary, west of 虎门: in no town.
    expect(findContainingFeature([113.6, 22.8], towns)).toBeNull();
  });

  it('moves every point by roughly 500–700 m when read as GCJ-02 instead of WGS84', () => {
    const text = readFixture(townsFile);
    const asWgs = parseOk(text, 'WGS84');
    const asGcj = parseOk(text, 'GCJ02');
    for (let t = 0; t < asWgs.length; t += 1) {
      const a = asWgs[t].geometry.coordinates[0][0][0];
      const b = asGcj[t].geometry.coordinates[0][0][0];
      const shift = distanceMeters([a[0], a[1]], [b[0], b[1]]);
      expect(shift).toBeGreaterThan(500);
      expect(shift).toBeLessThan(700);
    }
  });
});

describe('the township file against the city outline (GCJ-02)', () => {
  it('the city outline parses, in GCJ-02, as one polygon', () => {
    const city = parseOk(readFixture(cityFile), 'GCJ02');
    expect(city.map((f) => f.name)).toEqual(['东莞市']);
  });

  it('at 虎门镇 the two files sit hundreds of metres apart as-is, and agree once the outline is converted', () => {
    const towns = parseOk(readFixture(townsFile), 'WGS84');
    const humen = towns.filter((t) => t.name === '虎门镇');
    const cityText = readFixture(cityFile);
    const outlineAsIs = parseOk(cityText, 'WGS84')[0].geometry.coordinates[0][0];
    const outlineConverted = parseOk(cityText, 'GCJ02')[0].geometry.coordinates[0][0];
    // Measured: ≈215 m before, ≈11 m after (the outline is a simplified line, so never 0).
    expect(borderGap(humen, outlineAsIs)).toBeGreaterThan(150);
    expect(borderGap(humen, outlineConverted)).toBeLessThan(30);
    // The same over the whole city border: ≈390 m before, ≈15 m after.
    expect(borderGap(towns, outlineAsIs)).toBeGreaterThan(250);
    expect(borderGap(towns, outlineConverted)).toBeLessThan(30);
  });

  it('the GCJ-02 shift at 虎门镇’s centroid is ≈600 m: enough to cross a village border', () => {
    const towns = parseOk(readFixture(townsFile), 'WGS84');
    const ring = towns.find((t) => t.name === '虎门镇')!.geometry.coordinates[0][0];
    // Area centroid of the outer ring (shoelace formula), in degrees: exact enough for a 20 km town.
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i + 1 < ring.length; i += 1) {
      const cross = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      area += cross;
      cx += (ring[i][0] + ring[i + 1][0]) * cross;
      cy += (ring[i][1] + ring[i + 1][1]) * cross;
    }
    const centroid: LngLat = [cx / (3 * area), cy / (3 * area)];
    expect(findContainingFeature(centroid, towns)?.name).toBe('虎门镇');
    const shift = distanceMeters(centroid, wgs84ToGcj02(centroid));
    expect(shift).toBeGreaterThan(500);
    expect(shift).toBeLessThan(700);
  });

  it('the city file’s own centre (GCJ-02 property), converted, falls in 莞城街道', () => {
    const towns = parseOk(readFixture(townsFile), 'WGS84');
    const city = JSON.parse(readFixture(cityFile)) as { features: { properties: { center: string } }[] };
    const [lng, lat] = city.features[0].properties.center.split(',').map(Number);
    const converted = parseBoundaryFile(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { name: 'centre' }, geometry: { type: 'Polygon', coordinates: [[[lng, lat], [lng + 1e-6, lat], [lng, lat + 1e-6], [lng, lat]]] } }],
      }),
      { source: 'GCJ02' },
    );
    if (!converted.ok) throw new Error('centre did not parse');
    const [x, y] = converted.features[0].geometry.coordinates[0][0][0];
    expect(findContainingFeature([x, y], towns)?.name).toBe('莞城街道');
  });
});
