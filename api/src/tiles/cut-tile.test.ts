import type { BoundaryLevelFeature } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { cutTile, projectBoundary } from './cut-tile.ts';

/** Longitude/latitude of a point given in z0 tile units (0-4096 across the world, y down). */
function lonLat(x: number, y: number): [number, number] {
  const [u, v] = [x / 4096, y / 4096];
  return [(u - 0.5) * 360, (Math.atan(Math.sinh(Math.PI * (1 - 2 * v))) * 180) / Math.PI];
}

function boundary(id: number, polygons: [number, number][][][]): BoundaryLevelFeature {
  return { id, properties: { name: `unit ${id}`, code: String(id) }, polygons: polygons.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => lonLat(x, y)))) };
}

function square(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}

/** Twice the signed area in tile units (y down): positive for an MVT exterior ring. */
function doubleArea(ring: [number, number][]): number {
  let sum = 0;
  for (let index = 1; index < ring.length; index += 1) sum += ring[index - 1]![0] * ring[index]![1] - ring[index]![0] * ring[index - 1]![1];
  return sum;
}

const WORLD = { z: 0, x: 0, y: 0 };

describe('cutting a boundary tile in the app', () => {
  it('puts a boundary on the integer grid in tile units, closed, exterior rings positive and holes negative', () => {
    // The hole is given the same way round as the outer ring: orientation comes from the ring's role.
    const [feature] = cutTile([projectBoundary(boundary(7, [[square(1000, 1000, 2000, 2000), square(1200, 1200, 1400, 1400)]]))], WORLD, ['name']);
    expect(feature!.id).toBe(7);
    expect(feature!.properties).toEqual({ name: 'unit 7' });
    const [outer, hole] = feature!.rings;
    for (const ring of [outer!, hole!]) {
      expect(ring.at(-1)).toEqual(ring[0]);
      expect(ring.length).toBe(5);
    }
    expect(new Set(outer!.map(([x, y]) => `${x},${y}`))).toEqual(new Set(['1000,1000', '2000,1000', '2000,2000', '1000,2000']));
    expect(doubleArea(outer!)).toBe(2 * 1000 * 1000);
    expect(doubleArea(hole!)).toBe(-2 * 200 * 200);
  });

  it('clips to the tile and its 64-unit buffer, and leaves out boundaries whose box misses the tile', () => {
    // At z1 the tile 0/0 is the world's north-west quarter: 2048 z0 units, 4096 of its own.
    const inside = boundary(1, [[square(1000, 1000, 3000, 1500)]]);
    const elsewhere = boundary(2, [[square(2100, 2100, 2200, 2200)]]);
    const features = cutTile([inside, elsewhere].map(projectBoundary), { z: 1, x: 0, y: 0 }, ['code']);
    expect(features.map((feature) => feature.id)).toEqual([1]);
    const xs = features[0]!.rings[0]!.map(([x]) => x);
    expect(Math.min(...xs)).toBe(2000);
    expect(Math.max(...xs)).toBe(4096 + 64);
  });

  it('drops a boundary that is narrower than half a unit at the zoom, and a ring with no area left', () => {
    const speck = boundary(3, [[[[1000, 1000], [1000.2, 1000.1], [1000.1, 1000.3], [1000, 1000]]]]);
    const sliver = boundary(4, [[[[1500, 1500], [1800, 1500], [1800, 1500.2], [1500, 1500]]]]);
    expect(cutTile([speck, sliver].map(projectBoundary), WORLD, ['name'])).toEqual([]);
  });

  it('keeps the other polygons of a boundary when one of them collapses', () => {
    const [feature] = cutTile([projectBoundary(boundary(5, [[square(100, 100, 100.2, 100.2)], [square(300, 300, 400, 400)]]))], WORLD, ['name']);
    expect(feature!.rings).toHaveLength(1);
    expect(doubleArea(feature!.rings[0]!)).toBe(2 * 100 * 100);
  });
});
