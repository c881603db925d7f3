import { describe, expect, it } from 'vitest';
import { bestByEnumeration } from '../enumerate-plans.ts';
import { randomInstance } from '../random-instance.ts';
import { buildMedianData, medianCost } from './median-data.ts';
import { createRandom } from './random.ts';
import { maxIterations, maxIterationsWithoutImprovement } from './stopping-rule.ts';
import { searchMedian } from './variable-neighbourhood-search.ts';

describe('searchMedian', () => {
  it('reaches the optimum found by enumeration on small instances', () => {
    for (const seed of [21, 22, 23]) {
      const instance = randomInstance(seed, { demand: 35, candidates: 18, maxWeight: 9 });
      const data = buildMedianData(instance.weights, instance.distances, 18);
      const optimum = bestByEnumeration(instance, 4, (sites) => medianCost(data, sites));
      const result = searchMedian(data, 4, [], { random: createRandom(1), stop: maxIterationsWithoutImprovement(100) });
      expect(result.objective).toBe(optimum.objective);
    }
  });

  it('gives the same plan for the same seed and iteration budget', () => {
    const instance = randomInstance(31, { demand: 80, candidates: 60, maxWeight: 9 });
    const data = buildMedianData(instance.weights, instance.distances, 60);
    const run = (): number[] => searchMedian(data, 8, [], { random: createRandom(5), stop: maxIterations(40) }).sites;
    expect(run()).toEqual(run());
  });

  it('keeps fixed sites open and counts them in p', () => {
    const instance = randomInstance(32, { demand: 40, candidates: 20 });
    const data = buildMedianData(instance.weights, instance.distances, 20);
    const result = searchMedian(data, 5, [0, 19], { random: createRandom(1), stop: maxIterations(30) });
    expect(result.sites).toHaveLength(5);
    expect(result.sites).toEqual(expect.arrayContaining([0, 19]));
  });

  it('solves p = 1 by enumeration and stops at a target objective', () => {
    const instance = randomInstance(33, { demand: 30, candidates: 12 });
    const data = buildMedianData(instance.weights, instance.distances, 12);
    const single = searchMedian(data, 1, [], { random: createRandom(1), stop: maxIterations(10) });
    expect(single.objective).toBe(bestByEnumeration(instance, 1, (sites) => medianCost(data, sites)).objective);
    const stopped = searchMedian(data, 3, [], { random: createRandom(1), stop: maxIterations(1000), targetObjective: Infinity });
    expect(stopped.iterations).toBe(0);
  });
});
