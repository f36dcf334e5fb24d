/**
 * Generates resources/maps/demo-town.geojson: the fictional 示例镇 split into 30 villages/communities.
 * Run once (`npx tsx scripts/make-demo-map.ts`); the output is committed. Cells are a relaxed Voronoi
 * tessellation clipped to an irregular town outline, so boundaries look like real ones, not squares.
 */
import { Delaunay } from 'd3-delaunay';
import fs from 'node:fs';
import path from 'node:path';
import { insidePolygon } from '../src/backend/features/demo/geo';
import { seededRandom } from '../src/backend/features/demo/random';

type Point = [number, number];

const center: Point = [113.6, 22.84]; // a plausible spot in the Pearl River Delta
const radiusDeg = 0.055;
const random = seededRandom(20260101);

const villageNames: [string, '村' | '社区'][] = [
  ['东山村', '村'], ['西岭村', '村'], ['南塘村', '村'], ['北坑村', '村'], ['新围社区', '社区'], ['龙井村', '村'],
  ['沙岗村', '村'], ['镇中社区', '社区'], ['石桥村', '村'], ['莲花村', '村'], ['白沙村', '村'], ['横岗村', '村'],
  ['大岭社区', '社区'], ['上围村', '村'], ['下围村', '村'], ['河田村', '村'], ['凤凰社区', '社区'], ['黄屋村', '村'],
  ['塘尾村', '村'], ['赤岭村', '村'], ['新村社区', '社区'], ['官井村', '村'], ['茶山村', '村'], ['梅林村', '村'],
  ['松柏村', '村'], ['工业园社区', '社区'], ['竹园村', '村'], ['坑口村', '村'], ['水围社区', '社区'], ['岭头村', '村'],
];

function outline(): Point[] {
  const phases = [random() * 6.28, random() * 6.28, random() * 6.28];
  const ring: Point[] = [];
  const steps = 120;
  for (let i = 0; i < steps; i += 1) {
    const angle = (i / steps) * Math.PI * 2;
    const r =
      radiusDeg *
      (1 + 0.16 * Math.sin(3 * angle + phases[0]) + 0.07 * Math.sin(5 * angle + phases[1]) + 0.04 * Math.sin(11 * angle + phases[2]));
    // Longitude degrees are shorter than latitude degrees at this latitude; stretch so the town is round on the ground.
    ring.push([center[0] + (r * Math.cos(angle)) / Math.cos((center[1] * Math.PI) / 180), center[1] + r * Math.sin(angle)]);
  }
  return ring;
}

/** Sutherland–Hodgman: clips `subject` by the convex polygon `clip` (counter-clockwise). */
function clipByConvex(subject: Point[], clip: Point[]): Point[] {
  let output = subject;
  for (let i = 0; i < clip.length; i += 1) {
    const a = clip[i];
    const b = clip[(i + 1) % clip.length];
    const input = output;
    output = [];
    const inside = (p: Point) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
    const intersect = (p: Point, q: Point): Point => {
      const a1 = b[1] - a[1];
      const b1 = a[0] - b[0];
      const c1 = a1 * a[0] + b1 * a[1];
      const a2 = q[1] - p[1];
      const b2 = p[0] - q[0];
      const c2 = a2 * p[0] + b2 * p[1];
      const det = a1 * b2 - a2 * b1;
      return [(b2 * c1 - b1 * c2) / det, (a1 * c2 - a2 * c1) / det];
    };
    for (let j = 0; j < input.length; j += 1) {
      const current = input[j];
      const previous = input[(j + input.length - 1) % input.length];
      if (inside(current)) {
        if (!inside(previous)) output.push(intersect(previous, current));
        output.push(current);
      } else if (inside(previous)) {
        output.push(intersect(previous, current));
      }
    }
    if (output.length === 0) break;
  }
  return output;
}

function signedArea(ring: Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

function areaKm2(ring: Point[]): number {
  const kx = 111.32 * Math.cos((center[1] * Math.PI) / 180);
  return Math.abs(signedArea(ring.map(([x, y]) => [x * kx, y * 110.57] as Point)));
}

const town = outline();
const [minX, minY, maxX, maxY] = town.reduce(
  ([a, b, c, d], [x, y]) => [Math.min(a, x), Math.min(b, y), Math.max(c, x), Math.max(d, y)],
  [Infinity, Infinity, -Infinity, -Infinity],
);
let seeds: Point[] = [];
while (seeds.length < villageNames.length) {
  const candidate: Point = [minX + random() * (maxX - minX), minY + random() * (maxY - minY)];
  if (insidePolygon(candidate, [town])) seeds.push(candidate);
}
const bounds: [number, number, number, number] = [minX - 0.01, minY - 0.01, maxX + 0.01, maxY + 0.01];
// Lloyd relaxation evens the cell sizes the way real village areas are roughly even.
for (let round = 0; round < 3; round += 1) {
  const voronoi = Delaunay.from(seeds).voronoi(bounds);
  seeds = seeds.map((seed, index) => {
    const cell = clipByConvex(town, ccw(voronoi.cellPolygon(index).slice(0, -1) as Point[]));
    if (cell.length < 3) return seed;
    const sum = cell.reduce(([sx, sy], [x, y]) => [sx + x, sy + y], [0, 0]);
    return [sum[0] / cell.length, sum[1] / cell.length] as Point;
  });
}

function ccw(ring: Point[]): Point[] {
  return signedArea(ring) < 0 ? [...ring].reverse() : ring;
}

const voronoi = Delaunay.from(seeds).voronoi(bounds);
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const features = villageNames.map(([name, kind], index) => {
  const ring = ccw(clipByConvex(town, ccw(voronoi.cellPolygon(index).slice(0, -1) as Point[]))).map(
    ([x, y]) => [round6(x), round6(y)] as Point,
  );
  const area = Math.round(areaKm2(ring) * 100) / 100;
  const density = kind === '社区' ? 2600 + random() * 3000 : 500 + random() * 900;
  const population = Math.round(area * density);
  return {
    type: 'Feature' as const,
    properties: {
      name,
      kind,
      code: `441900117${String(index + 1).padStart(3, '0')}`,
      areaKm2: area,
      population,
      households: Math.round(population / (2.6 + random() * 0.8)),
    },
    geometry: { type: 'Polygon' as const, coordinates: [[...ring, ring[0]]] },
  };
});

const collection = {
  type: 'FeatureCollection',
  name: '示例镇村（社区）界（虚构，演示用）',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
  features,
};
const out = path.resolve('resources/maps/demo-town.geojson');
fs.writeFileSync(out, `${JSON.stringify(collection)}\n`);
console.log(`wrote ${out}: ${features.length} villages, ${features.reduce((s, f) => s + f.properties.areaKm2, 0).toFixed(1)} km²`);
