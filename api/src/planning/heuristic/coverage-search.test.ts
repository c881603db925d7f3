import { describe, expect, it } from 'vitest';
import { bestByEnumeration } from '../enumerate-plans.ts';
import { coverage } from '../models/coverage.ts';
import { largestDistance } from '../models/p-center.ts';
import { randomInstance } from '../random-instance.ts';
import { coverageMedianData } from './coverage-data.ts';
import { greedyCover } from './greedy-cover.ts';
import { buildMedianData } from './median-data.ts';
import { searchCenter } from './p-center-search.ts';
import { createRandom } from './random.ts';
import { searchSetCover } from './set-cover-search.ts';
import { maxIterationsWithoutImprovement } from './stopping-rule.ts';
import { searchMedian } from './variable-neighbourhood-search.ts';

const instance = randomInstance(41, { demand: 45, candidates: 16, maxWeight: 20 });
const base = buildMedianData(instance.weights, instance.distances, 16);

describe('covering searches', () => {
  it('maximise coverage as a p-median on the 0/1 matrix (MCLP)', () => {
    const radius = 25;
    const covering = coverageMedianData(base, radius);
    const result = searchMedian(covering, 3, [], { random: createRandom(1), stop: maxIterationsWithoutImprovement(100) });
    const optimum = bestByEnumeration(instance, 3, (sites) => coverage(instance, sites, radius).coveredWeight, (a, b) => a > b);
    const total = instance.weights.reduce((sum, weight) => sum + weight, 0);
    expect(total - result.objective).toBe(optimum.objective);
    expect(coverage(instance, result.sites, radius).coveredWeight).toBe(optimum.objective);
  });

  it('find the smallest p-center radius on small instances', () => {
    const result = searchCenter(base, 3, [], { random: createRandom(1), budgetPerRadius: 100 });
    const optimum = bestByEnumeration(instance, 3, (sites) => largestDistance(instance, sites));
    expect(result.objective).toBe(optimum.objective);
    expect(largestDistance(instance, result.sites)).toBe(result.objective);
  });

  it('cover everyone with the fewest sites (LSCP), greedy first', () => {
    // The smallest reach at which everyone is coverable, plus a margin.
    let radius = 0;
    for (let i = 0; i < 45; i += 1) radius = Math.max(radius, Math.min(...instance.distances.subarray(i * 16, (i + 1) * 16)));
    radius += 5;
    const covering = coverageMedianData(base, radius);
    const greedy = greedyCover(covering, []);
    expect(coverage(instance, greedy, radius).uncovered).toEqual([]);
    const sites = searchSetCover(base, radius, [], { random: createRandom(1), budgetPerCount: 100 });
    expect(coverage(instance, sites, radius).uncovered).toEqual([]);
    expect(sites.length).toBeLessThanOrEqual(greedy.length);
    // Fewest: no plan with one site fewer covers everyone.
    const fewer = bestByEnumeration(instance, sites.length - 1, (plan) => coverage(instance, plan, radius).uncovered.length);
    expect(fewer.objective).toBeGreaterThan(0);
  });
});
