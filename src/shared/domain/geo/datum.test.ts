import { describe, expect, it } from 'vitest';
import {
  bd09ToGcj02,
  datums,
  distanceMeters,
  fromWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  type LngLat,
  outOfChina,
  toWgs84,
  wgs84ToGcj02,
} from './datum';

// 1e-8° is about 1 mm: the published values come from the same double-precision formula, so they agree to
// the last few digits; anything looser would hide a wrong constant.
const closeDeg = 1e-8;

function expectClose(actual: LngLat, expected: LngLat, tolerance = closeDeg): void {
  expect(Math.abs(actual[0] - expected[0])).toBeLessThan(tolerance);
  expect(Math.abs(actual[1] - expected[1])).toBeLessThan(tolerance);
}

describe('WGS84 ↔ GCJ-02 against published reference points', () => {
  // googollee/eviltransform, go/transform_test.go and javascript/test.js (commit 1643645a), given there as
  // wgsLat, wgsLng, gcjLat, gcjLng; written here in GeoJSON order. Its own tolerance for the exact inverse
  // is 0.5 m, which we adopt.
  const eviltransform: [string, LngLat, LngLat][] = [
    ['上海', [121.5272106, 31.1774276], [121.531541859215, 31.17530398364597]],
    ['深圳', [113.912316, 22.543847], [113.9171764808363, 22.540796131694766]],
    ['北京', [116.377817, 39.911954], [116.38404722455657, 39.91334545536069]],
  ];
  it.each(eviltransform)('%s: WGS84 → GCJ-02 matches eviltransform', (_city, wgs, gcj) => {
    expectClose(wgs84ToGcj02(wgs), gcj);
  });
  it.each(eviltransform)('%s: GCJ-02 → WGS84 lands within 0.5 m of eviltransform', (_city, wgs, gcj) => {
    expect(distanceMeters(gcj02ToWgs84(gcj), wgs)).toBeLessThan(0.5);
  });

  // wandergis/coordtransform, test/app.js (commit 24232463), whose comments list the results for 116.404, 39.915.
  it('matches wandergis/coordtransform for 116.404, 39.915', () => {
    expectClose(wgs84ToGcj02([116.404, 39.915]), [116.41024449916938, 39.91640428150164]);
    // coordtransform's inverse is the one-step shortcut ([116.39775550083061, 39.91359571849836]); ours is
    // iterated, so it is within centimetres of theirs and maps back onto the input exactly.
    const wgs = gcj02ToWgs84([116.404, 39.915]);
    expect(distanceMeters(wgs, [116.39775550083061, 39.91359571849836])).toBeLessThan(0.5);
    expectClose(wgs84ToGcj02(wgs), [116.404, 39.915], 1e-9);
  });

  // hujiulong/gcoord, test/unit/crs/WGS84.spec.ts and GCJ02.spec.ts (commit 42ea29df), input [123, 45],
  // published to 8 decimals.
  it('matches hujiulong/gcoord for [123, 45]', () => {
    expectClose(wgs84ToGcj02([123, 45]), [123.00607541, 45.00197815], 1e-7);
    // gcoord stops its inverse iteration earlier (≈1 cm from ours), so the inverse is held to the 0.5 m bar.
    expect(distanceMeters(gcj02ToWgs84([123, 45]), [122.99395597, 44.99804071])).toBeLessThan(0.5);
  });
});

describe('GCJ-02 ↔ BD-09 against published reference points', () => {
  // wandergis/coordtransform, test/app.js (commit 24232463), input 116.404, 39.915 in both directions.
  it('matches wandergis/coordtransform', () => {
    expectClose(gcj02ToBd09([116.404, 39.915]), [116.41036949371029, 39.92133699351021]);
    expectClose(bd09ToGcj02([116.404, 39.915]), [116.39762729119315, 39.90865673957631]);
  });

  // hujiulong/gcoord, test/unit/crs/BD09.spec.ts (commit 0bb92090), GCJ02.spec.ts and WGS84.spec.ts
  // (commit 42ea29df), input [123, 45].
  it('matches hujiulong/gcoord', () => {
    expectClose(gcj02ToBd09([123, 45]), [123.00636499, 45.00636899], 1e-7);
    expectClose(bd09ToGcj02([123, 45]), [122.99363304, 44.9936543], 1e-7);
    expectClose(fromWgs84([123, 45], 'BD09'), [123.0124491, 45.0083293], 1e-7);
    expect(distanceMeters(toWgs84([123, 45], 'BD09'), [122.9876221, 44.9917154])).toBeLessThan(0.5);
  });
});

describe('round trips', () => {
  // A deterministic grid over the whole out-of-China box's interior, 1.7° × 1.3° apart.
  const grid: LngLat[] = [];
  for (let lng = 73.5; lng < 135; lng += 1.7) for (let lat = 4; lat < 54; lat += 1.3) grid.push([lng, lat]);

  it('WGS84 → GCJ-02 → WGS84 returns within 0.5 m everywhere in China', () => {
    let worst = 0;
    for (const point of grid) worst = Math.max(worst, distanceMeters(point, gcj02ToWgs84(wgs84ToGcj02(point))));
    expect(worst).toBeLessThan(0.5);
    // In fact the iteration converges far tighter than required.
    expect(worst).toBeLessThan(0.001);
  });

  it.each(datums)('fromWgs84 then toWgs84 (%s) returns within 0.5 m', (datum) => {
    for (const point of grid) expect(distanceMeters(point, toWgs84(fromWgs84(point, datum), datum))).toBeLessThan(0.5);
  });

  it('WGS84 is the identity and returns a fresh array', () => {
    const point: LngLat = [113.67, 22.82];
    expect(toWgs84(point, 'WGS84')).toEqual(point);
    expect(toWgs84(point, 'WGS84')).not.toBe(point);
    expect(fromWgs84(point, 'WGS84')).toEqual(point);
  });

  it('composes BD-09 through GCJ-02', () => {
    const point: LngLat = [113.67, 22.82];
    expectClose(fromWgs84(point, 'BD09'), gcj02ToBd09(wgs84ToGcj02(point)), 1e-12);
    expectClose(toWgs84(point, 'BD09'), gcj02ToWgs84(bd09ToGcj02(point)), 1e-12);
  });
});

describe('outside China', () => {
  it.each<[string, LngLat]>([
    ['伦敦', [-0.1276, 51.5072]],
    ['东京以东的太平洋', [140, 35]],
    ['南半球', [113.67, -22.82]],
  ])('%s: GCJ-02 equals WGS84', (_place, point) => {
    expect(outOfChina(point)).toBe(true);
    expect(wgs84ToGcj02(point)).toEqual(point);
    expect(gcj02ToWgs84(point)).toEqual(point);
    expect(toWgs84(point, 'GCJ02')).toEqual(point);
  });

  it('uses the usual box edges', () => {
    expect(outOfChina([72.004, 0.8293])).toBe(false);
    expect(outOfChina([137.8347, 55.8271])).toBe(false);
    expect(outOfChina([72.003, 30])).toBe(true);
    expect(outOfChina([100, 55.8272])).toBe(true);
  });
});

describe('distanceMeters', () => {
  it('measures one degree of latitude as ≈111.2 km and is symmetric', () => {
    expect(distanceMeters([113, 22], [113, 23])).toBeCloseTo(111_195, -1);
    expect(distanceMeters([113, 23], [113, 22])).toBe(distanceMeters([113, 22], [113, 23]));
    expect(distanceMeters([113.67, 22.82], [113.67, 22.82])).toBe(0);
  });

  it('shrinks longitude degrees by cos(latitude)', () => {
    const atEquator = distanceMeters([0, 0], [1, 0]);
    const at60 = distanceMeters([0, 60], [1, 60]);
    expect(at60 / atEquator).toBeCloseTo(0.5, 3);
  });

  it('shows why the datum matters: GCJ-02 moves a point in 虎门 by 500–700 m', () => {
    const humen: LngLat = [113.67, 22.82];
    const shift = distanceMeters(humen, wgs84ToGcj02(humen));
    expect(shift).toBeGreaterThan(500);
    expect(shift).toBeLessThan(700);
  });
});
