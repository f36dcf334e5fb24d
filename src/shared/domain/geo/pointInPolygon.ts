/**
 * Which village a point lies in. Longitude/latitude are treated as planar x/y: inside one town the
 * distortion is far below the width of a border line, and the boundaries themselves are drawn that way.
 */
import type { LngLat } from './datum';

/** [minLng, minLat, maxLng, maxLat], as in GeoJSON's `bbox`. */
export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** GeoJSON MultiPolygon coordinates: polygons → rings (outer first, then holes) → positions. */
export type MultiPolygonCoordinates = number[][][][];

/** Anything with a MultiPolygon and its box — a parsed `BoundaryFeature` fits. */
export interface ContainingCandidate {
  geometry: { coordinates: MultiPolygonCoordinates };
  bbox: BBox;
}

// Distance (degrees) within which a point counts as lying on an edge: ≈0.1 mm, so it only absorbs float
// rounding (a point typed as the midpoint of an edge), never a real offset.
const edgeTolerance = 1e-9;

function onSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  let t = lengthSq === 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / lengthSq;
  t = Math.max(0, Math.min(1, t));
  const ex = ax + t * dx - x;
  const ey = ay + t * dy - y;
  return ex * ex + ey * ey <= edgeTolerance * edgeTolerance;
}

type RingSide = 'inside' | 'outside' | 'edge';

/** Even–odd ray casting against one ring (closed or not), with points on an edge reported separately. */
function ringSide(x: number, y: number, ring: number[][]): RingSide {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i, i += 1) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (onSegment(x, y, xj, yj, xi, yi)) return 'edge';
    // Half-open rule (yi > y) !== (yj > y): a vertex exactly at the ray's height is counted once, not twice.
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/**
 * True if the point lies in the MultiPolygon: inside some polygon's outer ring and not inside any of that
 * polygon's holes. Points on any edge — outer ring or hole — count as inside, so a point on the border
 * between two villages belongs to both and `findContainingFeature` settles it by feature order; a point
 * lying exactly on a line is never reported as "outside every village".
 */
export function pointInMultiPolygon(point: LngLat, multipolygon: MultiPolygonCoordinates): boolean {
  const [x, y] = point;
  for (const polygon of multipolygon) {
    if (polygon.length === 0) continue;
    const outer = ringSide(x, y, polygon[0]);
    if (outer === 'outside') continue;
    if (outer === 'edge') return true;
    let inHole = false;
    for (let h = 1; h < polygon.length && !inHole; h += 1) {
      const side = ringSide(x, y, polygon[h]);
      if (side === 'edge') return true;
      inHole = side === 'inside';
    }
    if (!inHole) return true;
  }
  return false;
}

/** True if the point lies in the box (edges included). */
export function bboxContains(bbox: BBox, [x, y]: LngLat): boolean {
  return x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3];
}

/**
 * The first feature (in list order) whose MultiPolygon contains the point, or null if none does — e.g. a
 * record whose coordinates fall outside every village. Boxes are checked first so that only the one or two
 * villages around the point pay for ray casting.
 */
export function findContainingFeature<F extends ContainingCandidate>(point: LngLat, features: readonly F[]): F | null {
  for (const feature of features) {
    if (bboxContains(feature.bbox, point) && pointInMultiPolygon(point, feature.geometry.coordinates)) return feature;
  }
  return null;
}
