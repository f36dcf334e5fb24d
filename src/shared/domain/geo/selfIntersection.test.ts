import { describe, expect, it } from 'vitest';
import { findRingSelfIntersection, segmentIntersection } from './selfIntersection';

/** Deterministic PRNG (mulberry32) so the random rings are the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The obvious O(n²) check the sweep must agree with. */
function bruteForce(ring: number[][]): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const gap = j - i;
      if (gap === 1 || gap === n - 1) continue;
      if (segmentIntersection(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  }
  return false;
}

/** A closed ring of `n` vertices around a circle, radius jittered so some rings cross and some do not. */
function wobblyRing(random: () => number, n: number, jitter: number, angleJitter: number): number[][] {
  const ring: number[][] = [];
  for (let k = 0; k < n; k += 1) {
    const angle = ((k + (random() - 0.5) * angleJitter) / n) * 2 * Math.PI;
    const radius = 0.01 * (1 + (random() - 0.5) * jitter);
    ring.push([113.6 + radius * Math.cos(angle), 22.8 + radius * Math.sin(angle)]);
  }
  ring.push(ring[0]);
  return ring;
}

describe('segmentIntersection', () => {
  it('finds a crossing and where it is', () => {
    expect(segmentIntersection([0, 0], [2, 2], [0, 2], [2, 0])).toEqual([1, 1]);
  });
  it('counts touching and collinear overlap, not parallel or disjoint segments', () => {
    expect(segmentIntersection([0, 0], [2, 0], [1, 0], [1, 1])).toEqual([1, 0]);
    expect(segmentIntersection([0, 0], [2, 0], [1, 0], [3, 0])).not.toBeNull();
    expect(segmentIntersection([0, 0], [2, 0], [0, 1], [2, 1])).toBeNull();
    expect(segmentIntersection([0, 0], [1, 0], [2, 0], [3, 0])).toBeNull();
    expect(segmentIntersection([0, 0], [1, 1], [2, 0], [3, -5])).toBeNull();
  });
});

describe('findRingSelfIntersection', () => {
  it('accepts simple rings: a square, a concave shape, a triangle', () => {
    expect(findRingSelfIntersection([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]])).toBeNull();
    expect(findRingSelfIntersection([[0, 0], [4, 0], [4, 4], [2, 1], [0, 4], [0, 0]])).toBeNull();
    expect(findRingSelfIntersection([[0, 0], [1, 0], [0, 1], [0, 0]])).toBeNull();
  });

  it('finds a bow tie', () => {
    expect(findRingSelfIntersection([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]])).toEqual({ edges: [0, 2], point: [1, 1] });
  });

  it('finds a ring touching itself at a vertex (a figure eight)', () => {
    const eight = [[0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2], [0, 0]];
    expect(findRingSelfIntersection(eight)?.point).toEqual([1, 1]);
  });

  it('finds a spike doubling back along its neighbour', () => {
    const spike = [[0, 0], [2, 0], [3, 0], [2.5, 0], [2, 2], [0, 2], [0, 0]];
    expect(findRingSelfIntersection(spike)).not.toBeNull();
  });

  it('agrees with the O(n²) check on 400 random rings', () => {
    const random = prng(9);
    let crossing = 0;
    for (let trial = 0; trial < 400; trial += 1) {
      const ring = wobblyRing(random, 5 + Math.floor(random() * 60), random() * 1.5, random() * 3);
      const found = findRingSelfIntersection(ring) !== null;
      expect(found).toBe(bruteForce(ring));
      if (found) crossing += 1;
    }
    // Both kinds must be well represented, or the comparison proves little.
    expect(crossing).toBeGreaterThan(50);
    expect(crossing).toBeLessThan(350);
  });

  it('handles a ring of 50,000 vertices, simple and with one crossing', () => {
    const random = prng(1);
    const ring = wobblyRing(random, 50_000, 0, 0);
    expect(findRingSelfIntersection(ring)).toBeNull();
    // Swapping two neighbouring vertices makes their edges cross.
    const crossed = ring.map((p) => [...p]);
    [crossed[20_000], crossed[20_001]] = [crossed[20_001], crossed[20_000]];
    expect(findRingSelfIntersection(crossed)?.edges).toEqual([19_999, 20_001]);
  });
});
