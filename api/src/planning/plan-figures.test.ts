import { describe, expect, it } from 'vitest';
import { createLocationInstance } from './location-instance.ts';
import { reachFigures, servedShares } from './plan-figures.ts';

// Three villages on a line at 0, 10 and 30 km; candidates at 0 and 30.
const instance = createLocationInstance({
  demandIds: ['a', 'b', 'c'],
  candidateIds: ['A', 'C'],
  weights: Float64Array.from([1, 2, 3]),
  distances: Float64Array.from([0, 30, 10, 20, 30, 0]),
});
const population = Float64Array.from([100, 200, 300]);

describe('servedShares and reachFigures', () => {
  it('serves each point from its nearest open site when the plan allocates nothing', () => {
    const served = servedShares(instance, [0]);
    expect(served.map((shares) => shares.map((share) => share.distance))).toEqual([[0], [10], [30]]);
    const figures = reachFigures(instance, population, [0], 15, served);
    expect(figures).toEqual({
      sites: 1,
      population: 600,
      coveredPopulation: 300,
      coveredWeight: 3,
      totalWeight: 6,
      meanDistance: (200 * 10 + 300 * 30) / 600,
      maxDistance: 30,
    });
  });

  it('follows the plan allocations, split points counted by share', () => {
    const served = servedShares(instance, [0, 1], [
      { demand: 0, site: 0, share: 1 },
      { demand: 1, site: 0, share: 0.5 },
      { demand: 1, site: 1, share: 0.5 },
      { demand: 2, site: 1, share: 1 },
    ]);
    const figures = reachFigures(instance, population, [0, 1], 15, served);
    expect(figures.coveredPopulation).toBe(100 + 100 + 300);
    expect(figures.meanDistance).toBeCloseTo((100 * 10 + 100 * 20) / 600, 9);
    expect(figures.maxDistance).toBe(20);
  });

  it('has no distances without an open site', () => {
    const figures = reachFigures(instance, population, [], 15, servedShares(instance, []));
    expect(figures).toMatchObject({ sites: 0, coveredPopulation: 0, meanDistance: null, maxDistance: null });
  });
});
