import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generaliseSharedBorders, type BoundaryGeometry } from './generalise-shared-borders.ts';

/** Zoom 5: a pixel is about 0.022° of longitude and 0.015° of latitude at 47°N. */
const OPTIONS = { zoom: 5, minArea: 1 };

/** The border between west and east at lon 19.1: a wiggle too small to see (0.001°) and a bump that is not (0.05°). */
const SHARED: Position[] = [[19.1, 47.0], [19.101, 47.05], [19.1, 47.1], [19.15, 47.15], [19.1, 47.2]];

function polygon(ring: Position[]): Polygon {
  return { type: 'Polygon', coordinates: [ring] };
}

/** West of the shared border, with a hole for the enclave; east of it; a 0.002° enclave inside west. */
const ENCLAVE: Position[] = [[19.0, 47.1], [19.002, 47.1], [19.002, 47.102], [19.0, 47.102], [19.0, 47.1]];
const UNITS: BoundaryGeometry[] = [
  { code: 'west', geometry: { type: 'Polygon', coordinates: [[[18.9, 47.0], ...SHARED, [18.9, 47.2], [18.9, 47.0]], [...ENCLAVE].reverse()] } },
  { code: 'east', geometry: polygon([...[...SHARED].reverse(), [19.3, 47.2], [19.3, 47.0], [19.1, 47.0]]) },
  { code: 'enclave', geometry: polygon(ENCLAVE) },
];

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function pointsOf(geometry: Polygon | MultiPolygon): Set<string> {
  return new Set(ringsOf(geometry).flat().map((point) => point.join()));
}

describe('generaliseSharedBorders', () => {
  const result = generaliseSharedBorders({ units: UNITS }, OPTIONS).units!;
  const byCode = new Map(result.map((unit) => [unit.code, unit.geometry]));

  it('keeps every unit, in the order given', () => {
    expect(result.map((unit) => unit.code)).toEqual(['west', 'east', 'enclave']);
  });

  it('drops a wiggle below a square pixel and keeps a bump above it', () => {
    // Coordinates come back on the topology's grid (about 0.5 m), hence the closeness.
    const near = ([lon, lat]: Position) => ringsOf(byCode.get('west')!).flat().some((point) => Math.hypot(point[0]! - lon!, point[1]! - lat!) < 1e-5);
    expect(near([19.101, 47.05])).toBe(false);
    expect(near([19.15, 47.15])).toBe(true);
  });

  it('gives both neighbours the same vertices along their border, so they meet with no gap', () => {
    const west = pointsOf(byCode.get('west')!);
    const east = pointsOf(byCode.get('east')!);
    const onBorder = (point: string) => Number(point.split(',')[0]) >= 19.09 && Number(point.split(',')[0]) <= 19.16;
    expect([...west].filter(onBorder).sort()).toEqual([...east].filter(onBorder).sort());
    expect([...west].filter(onBorder).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps an enclave smaller than a pixel as a polygon, and the hole of its neighbour the same shape', () => {
    const enclave = ringsOf(byCode.get('enclave')!);
    expect(enclave).toHaveLength(1);
    expect(new Set(enclave[0]!.map((point) => point.join())).size).toBeGreaterThanOrEqual(3);
    const hole = ringsOf(byCode.get('west')!)[1]!;
    expect(new Set(hole.map((point) => point.join()))).toEqual(new Set(enclave[0]!.map((point) => point.join())));
  });

  it('gives the same coordinates for the same input', () => {
    expect(generaliseSharedBorders({ units: UNITS }, OPTIONS).units).toEqual(result);
  });
});
