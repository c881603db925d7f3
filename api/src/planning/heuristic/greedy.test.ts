import { describe, expect, it } from 'vitest';
import { randomInstance } from '../random-instance.ts';
import { greedySites } from './greedy.ts';
import { buildMedianData, medianCost } from './median-data.ts';

describe('greedySites', () => {
  it('adds, one at a time, the site that lowers the cost most (lazy evaluation changes nothing)', () => {
    const instance = randomInstance(11, { demand: 40, candidates: 20, maxWeight: 5 });
    const data = buildMedianData(instance.weights, instance.distances, 20);
    const sites = greedySites(data, 5, []);
    // Eager greedy for comparison.
    const eager: number[] = [];
    while (eager.length < 5) {
      let best = -1;
      let bestCost = Infinity;
      for (let j = 0; j < 20; j += 1) {
        if (eager.includes(j)) continue;
        const cost = medianCost(data, [...eager, j]);
        if (cost < bestCost) {
          best = j;
          bestCost = cost;
        }
      }
      eager.push(best);
    }
    expect(medianCost(data, sites)).toBe(medianCost(data, eager));
  });

  it('keeps the fixed sites and opens exactly p', () => {
    const instance = randomInstance(12, { demand: 30, candidates: 15 });
    const data = buildMedianData(instance.weights, instance.distances, 15);
    const sites = greedySites(data, 4, [3, 9]);
    expect(sites).toHaveLength(4);
    expect(sites).toEqual(expect.arrayContaining([3, 9]));
    expect(new Set(sites).size).toBe(4);
  });
});
