/** Planar geometry for the demo map: lon/lat degrees treated as x/y, which is exact enough inside one town. */

export type Point = [longitude: number, latitude: number];
/** A GeoJSON polygon: the outer ring first, then holes. */
export type PolygonRings = Point[][];

/** Ray casting (even–odd rule) against one closed ring. */
function insideRing([x, y]: Point, ring: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function insidePolygon(point: Point, rings: PolygonRings): boolean {
  if (!insideRing(point, rings[0])) return false;
  for (let i = 1; i < rings.length; i += 1) if (insideRing(point, rings[i])) return false;
  return true;
}

/**
 * Draws points uniformly inside a polygon by rejection sampling in its bounding box. Coordinates are rounded
 * to 6 decimals (≈0.1 m, what the form stores) before the test, so a rounded point never falls just outside.
 */
export function pointSampler(rings: PolygonRings): (random: () => number) => Point {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of rings[0]) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return (random) => {
    // Village cells fill well over a third of their box, so 1,000 tries failing means a broken polygon.
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      const point: Point = [round(minX + random() * (maxX - minX)), round(minY + random() * (maxY - minY))];
      if (insidePolygon(point, rings)) return point;
    }
    throw new Error('demo map polygon is degenerate: no interior point found');
  };
}
