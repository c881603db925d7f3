import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { ringAreaKm2, withoutSlivers } from './catchment-features';

/** A square ring of `side` degrees with its lower-left corner at (lon, lat). */
function square(lon: number, lat: number, side: number): number[][] {
  return [[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side], [lon, lat]];
}

describe('withoutSlivers', () => {
  it('measures a ring in km² at its latitude', () => {
    // 0.1° × 0.1° at 47°N: 11.13 km × 7.59 km.
    expect(ringAreaKm2(square(19, 47, 0.1))).toBeCloseTo(84.5, 0);
  });

  it('drops sliver holes and keeps enclaves and the outer ring', () => {
    const outer = square(19, 47, 1);
    const sliver = square(19.5, 47.5, 0.001);
    const enclave = square(19.2, 47.2, 0.05);
    const polygon: Polygon = { type: 'Polygon', coordinates: [outer, sliver, enclave] };
    expect(withoutSlivers(polygon).coordinates).toEqual([outer, enclave]);
  });

  it('cleans every part of a multipolygon', () => {
    const cleaned = withoutSlivers({ type: 'MultiPolygon', coordinates: [[square(19, 47, 1), square(19.5, 47.5, 0.001)], [square(21, 47, 0.5)]] });
    expect(cleaned.coordinates.map((part) => part.length)).toEqual([1, 1]);
  });
});
