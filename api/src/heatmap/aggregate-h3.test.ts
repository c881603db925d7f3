import { cellToLatLng, getResolution } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { aggregateOnH3 } from './aggregate-h3.ts';

const point = (lon: number, lat: number, households: number | null, population = 100, value: number | null = null) =>
  ({ lon, lat, population, households, persons: null, value });

describe('aggregateOnH3', () => {
  it('sums points per cell at the requested resolution', () => {
    const cells = aggregateOnH3([point(19.04, 47.5, 3), point(19.0401, 47.5001, 4), point(21.6, 47.53, 10)], 6);
    expect(cells).toHaveLength(2);
    for (const cell of cells) expect(getResolution(cell.h3)).toBe(6);
    const budapest = cells.find((cell) => Math.abs(cellToLatLng(cell.h3)[1] - 19.04) < 0.2)!;
    expect(budapest).toMatchObject({ points: 2, households: 7, householdsBelowThreshold: false, population: 200 });
  });

  it('never returns a count below 5', () => {
    const [cell] = aggregateOnH3([point(19.04, 47.5, 1), point(19.0401, 47.5001, 2)], 7);
    expect(cell).toMatchObject({ households: null, householdsBelowThreshold: true });
  });

  it('averages an indicator weighted by population, and leaves cells without signals at null', () => {
    const [cell] = aggregateOnH3([point(19.04, 47.5, null, 300, 10), point(19.0401, 47.5001, null, 100, 50)], 6);
    expect(cell).toMatchObject({ households: null, householdsBelowThreshold: false, value: 20 });
  });
});
