/**
 * Self-intersection check for one polygon ring. A village boundary drawn by hand or simplified too hard
 * can cross itself (a “bow tie”), which makes point-in-polygon answers and shaded maps wrong. A real town
 * file has rings of thousands of vertices, so comparing every edge with every other (O(n²)) is too slow;
 * this sweeps the edges in order of their left end and compares each only with the edges whose x-range it
 * overlaps. A vertical line crosses a boundary ring only a few times, so that set stays small and the
 * check is O(n log n) in practice — the whole 东莞 township file (≈24,000 vertices) takes milliseconds.
 */
import type { LngLat } from './datum';

export interface RingIntersection {
  /** Indexes of the two edges; edge i runs from ring[i] to ring[i + 1]. */
  edges: [number, number];
  /** Where they meet (for a crossing, the crossing point; for an overlap or touch, a shared point). */
  point: LngLat;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** For c known to be collinear with a–b: is it within the segment's box (i.e. on the segment)? */
function withinBox(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/** Where segments p1–p2 and p3–p4 meet, or null. Touching and collinear overlap count as meeting. */
export function segmentIntersection(p1: number[], p2: number[], p3: number[], p4: number[]): LngLat | null {
  const d1 = orient(p3[0], p3[1], p4[0], p4[1], p1[0], p1[1]);
  const d2 = orient(p3[0], p3[1], p4[0], p4[1], p2[0], p2[1]);
  const d3 = orient(p1[0], p1[1], p2[0], p2[1], p3[0], p3[1]);
  const d4 = orient(p1[0], p1[1], p2[0], p2[1], p4[0], p4[1]);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])];
  }
  if (d1 === 0 && withinBox(p3[0], p3[1], p4[0], p4[1], p1[0], p1[1])) return [p1[0], p1[1]];
  if (d2 === 0 && withinBox(p3[0], p3[1], p4[0], p4[1], p2[0], p2[1])) return [p2[0], p2[1]];
  if (d3 === 0 && withinBox(p1[0], p1[1], p2[0], p2[1], p3[0], p3[1])) return [p3[0], p3[1]];
  if (d4 === 0 && withinBox(p1[0], p1[1], p2[0], p2[1], p4[0], p4[1])) return [p4[0], p4[1]];
  return null;
}

/**
 * The first place where a closed ring (first position repeated last, no repeated consecutive positions)
 * meets itself other than at the shared vertex of neighbouring edges, or null if it is simple. Touching
 * itself at a vertex counts, as does a spike (an edge doubling back along its neighbour): both are
 * invalid rings in the OGC simple-features sense and both break area and containment.
 */
export function findRingSelfIntersection(ring: readonly number[][]): RingIntersection | null {
  const edgeCount = ring.length - 1;
  if (edgeCount < 3) return null;

  // Spikes: neighbouring edges that fold back onto each other share more than their vertex.
  for (let i = 0; i < edgeCount; i += 1) {
    const a = ring[i === 0 ? edgeCount - 1 : i - 1];
    const q = ring[i];
    const c = ring[i + 1];
    const cross = orient(a[0], a[1], q[0], q[1], c[0], c[1]);
    const dot = (q[0] - a[0]) * (c[0] - q[0]) + (q[1] - a[1]) * (c[1] - q[1]);
    if (cross === 0 && dot < 0) return { edges: [i === 0 ? edgeCount - 1 : i - 1, i], point: [q[0], q[1]] };
  }

  const minX = new Float64Array(edgeCount);
  const maxX = new Float64Array(edgeCount);
  const minY = new Float64Array(edgeCount);
  const maxY = new Float64Array(edgeCount);
  for (let i = 0; i < edgeCount; i += 1) {
    const a = ring[i];
    const b = ring[i + 1];
    minX[i] = Math.min(a[0], b[0]);
    maxX[i] = Math.max(a[0], b[0]);
    minY[i] = Math.min(a[1], b[1]);
    maxY[i] = Math.max(a[1], b[1]);
  }
  const order = Array.from({ length: edgeCount }, (_, i) => i).sort((a, b) => minX[a] - minX[b]);

  let active: number[] = [];
  for (const i of order) {
    const x = minX[i];
    // Edges ending left of this one's start can meet nothing from here on.
    active = active.filter((j) => maxX[j] >= x);
    for (const j of active) {
      if (maxY[j] < minY[i] || minY[j] > maxY[i]) continue;
      const gap = Math.abs(i - j);
      // Neighbours share a vertex by construction; spikes between them were handled above.
      if (gap === 1 || gap === edgeCount - 1) continue;
      const point = segmentIntersection(ring[i], ring[i + 1], ring[j], ring[j + 1]);
      if (point) return { edges: [Math.min(i, j), Math.max(i, j)], point };
    }
    active.push(i);
  }
  return null;
}
