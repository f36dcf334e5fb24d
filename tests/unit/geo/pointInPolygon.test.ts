import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '../../../src/shared/domain/geo/datum';
import { parseBoundaryFile } from '../../../src/shared/domain/geo/geojson';
import { type BBox, type ContainingCandidate, findContainingFeature, type MultiPolygonCoordinates, pointInMultiPolygon } from '../../../src/shared/domain/geo/pointInPolygon';

const demoTownText = fs.readFileSync(new URL('../../../resources/maps/demo-town.geojson', import.meta.url), 'utf8');

// A 10 × 10 square with a 4 × 4 hole in the middle, and a separate 2 × 2 island to the east.
const outer = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
const hole = [[3, 3], [3, 7], [7, 7], [7, 3], [3, 3]];
const island = [[12, 4], [14, 4], [14, 6], [12, 6], [12, 4]];
const shape: MultiPolygonCoordinates = [[outer, hole], [island]];

describe('pointInMultiPolygon', () => {
  it.each<[string, LngLat, boolean]>([
    ['inside the outer ring', [1, 1], true],
    ['inside the hole', [5, 5], false],
    ['between hole and outer ring', [8, 5], true],
    ['outside everything', [11, 5], false],
    ['inside the island', [13, 5], true],
    ['far away', [-50, 5], false],
  ])('%s', (_where, point, inside) => {
    expect(pointInMultiPolygon(point, shape)).toBe(inside);
  });

  it.each<[string, LngLat]>([
    ['on the outer edge', [5, 0]],
    ['on an outer corner', [10, 10]],
    ['on the hole’s edge', [3, 5]],
    ['on a hole corner', [7, 7]],
    ['on the island’s edge', [14, 5]],
  ])('counts a point %s as inside', (_where, point) => {
    expect(pointInMultiPolygon(point, shape)).toBe(true);
  });

  it('counts a point on a sloped edge as inside despite float rounding', () => {
    const triangle: MultiPolygonCoordinates = [[[[0, 0], [1, 1], [1, 0], [0, 0]]]];
    // 0.1 * 3 is 0.30000000000000004: the point is a hair off the line y = x, on either side.
    expect(pointInMultiPolygon([0.1 * 3, 0.3], triangle)).toBe(true);
    expect(pointInMultiPolygon([0.3, 0.1 * 3], triangle)).toBe(true);
    expect(pointInMultiPolygon([0.3, 0.3001], triangle)).toBe(false);
  });

  it('is not fooled by a ray passing exactly through vertices', () => {
    // A diamond: a ray to the right from y = 1 passes through the vertex (2, 1) and touches (1, 1)'s level.
    const diamond: MultiPolygonCoordinates = [[[[1, 0], [2, 1], [1, 2], [0, 1], [1, 0]]]];
    expect(pointInMultiPolygon([1, 1], diamond)).toBe(true);
    expect(pointInMultiPolygon([-1, 1], diamond)).toBe(false);
    expect(pointInMultiPolygon([3, 1], diamond)).toBe(false);
    // A zig-zag whose bottom has two vertices at the ray's height.
    const zigzag: MultiPolygonCoordinates = [[[[0, 0], [1, 1], [2, 0], [3, 1], [4, 0], [4, 3], [0, 3], [0, 0]]]];
    expect(pointInMultiPolygon([-1, 1], zigzag)).toBe(false);
    expect(pointInMultiPolygon([1.5, 1], zigzag)).toBe(true);
    expect(pointInMultiPolygon([0.5, 0.75], zigzag)).toBe(true);
    expect(pointInMultiPolygon([0.5, 0.25], zigzag)).toBe(false);
    expect(pointInMultiPolygon([1, 0.5], zigzag)).toBe(false);
  });

  it('works whichever way the rings wind', () => {
    const clockwise: MultiPolygonCoordinates = [[[...outer].reverse(), [...hole].reverse()]];
    expect(pointInMultiPolygon([1, 1], clockwise)).toBe(true);
    expect(pointInMultiPolygon([5, 5], clockwise)).toBe(false);
  });
});

/** Winding number of a closed ring around a point — an independent check on ray casting. */
function windingNumber([x, y]: LngLat, ring: number[][]): number {
  let winding = 0;
  for (let k = 0; k + 1 < ring.length; k += 1) {
    const [ax, ay] = ring[k];
    const [bx, by] = ring[k + 1];
    const side = (bx - ax) * (y - ay) - (x - ax) * (by - ay);
    if (ay <= y && by > y && side > 0) winding += 1;
    else if (ay > y && by <= y && side < 0) winding -= 1;
  }
  return winding;
}

function insideByWinding(point: LngLat, multipolygon: MultiPolygonCoordinates): boolean {
  return multipolygon.some(([outerRing, ...holes]) => windingNumber(point, outerRing) !== 0 && holes.every((h) => windingNumber(point, h) === 0));
}

describe('findContainingFeature', () => {
  const feature = (name: string, coordinates: MultiPolygonCoordinates, bbox: BBox) => ({ name, geometry: { coordinates }, bbox });
  const west = feature('西村', [[[[0, 0], [5, 0], [5, 5], [0, 5], [0, 0]]]], [0, 0, 5, 5]);
  const east = feature('东村', [[[[5, 0], [10, 0], [10, 5], [5, 5], [5, 0]]]], [5, 0, 10, 5]);

  it('finds the feature containing the point', () => {
    expect(findContainingFeature([2, 2], [west, east])?.name).toBe('西村');
    expect(findContainingFeature([7, 2], [west, east])?.name).toBe('东村');
  });

  it('returns null for a point outside every feature', () => {
    expect(findContainingFeature([7, 7], [west, east])).toBeNull();
    expect(findContainingFeature([7, 7], [])).toBeNull();
  });

  it('settles a point on a shared border by feature order', () => {
    expect(findContainingFeature([5, 2], [west, east])?.name).toBe('西村');
    expect(findContainingFeature([5, 2], [east, west])?.name).toBe('东村');
  });

  it('skips features whose box does not hold the point without looking at their rings', () => {
    let looked = false;
    const trap: ContainingCandidate = {
      bbox: [100, 100, 101, 101],
      geometry: {
        get coordinates(): MultiPolygonCoordinates {
          looked = true;
          return [];
        },
      },
    };
    expect(findContainingFeature([2, 2], [trap, west])?.bbox).toEqual(west.bbox);
    expect(looked).toBe(false);
  });

  it('agrees with a winding-number count on a grid over the demo town, and villages do not overlap', () => {
    const result = parseBoundaryFile(demoTownText, { source: 'WGS84' });
    if (!result.ok) throw new Error('demo map did not parse');
    const box = result.features.reduce<BBox>(
      (b, f) => [Math.min(b[0], f.bbox[0]), Math.min(b[1], f.bbox[1]), Math.max(b[2], f.bbox[2]), Math.max(b[3], f.bbox[3])],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
    let placed = 0;
    // 53 × 47 points: odd counts so grid lines do not run along the demo's rounded coordinates.
    for (let i = 0; i < 53; i += 1) {
      for (let j = 0; j < 47; j += 1) {
        const point: LngLat = [box[0] + ((i + 0.5) / 53) * (box[2] - box[0]), box[1] + ((j + 0.5) / 47) * (box[3] - box[1])];
        const containing = result.features.filter((f) => pointInMultiPolygon(point, f.geometry.coordinates));
        const winding = result.features.filter((f) => insideByWinding(point, f.geometry.coordinates));
        expect(containing.map((f) => f.name)).toEqual(winding.map((f) => f.name));
        expect(containing.length).toBeLessThanOrEqual(1);
        if (containing.length === 1) {
          placed += 1;
          expect(findContainingFeature(point, result.features)).toBe(containing[0]);
        }
      }
    }
    // The villages tile most of the town's box.
    expect(placed).toBeGreaterThan(53 * 47 * 0.5);
  });
});
