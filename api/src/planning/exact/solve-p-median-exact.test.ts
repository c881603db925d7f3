import { beforeAll, describe, expect, it } from 'vitest';
import { bestByEnumeration } from '../enumerate-plans.ts';
import { buildMedianData, medianCost } from '../heuristic/median-data.ts';
import { randomInstance } from '../random-instance.ts';
import { buildDistanceLevels, buildRadiusModel, radiusModelStart } from './formulations/p-median-radius.ts';
import { loadHighsSolver } from './highs-solver.ts';
import type { MilpSolver } from './milp-solver.ts';
import { solvePMedianExact } from './solve-p-median-exact.ts';

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

/** A counter, not the wall clock: tests never time anything. */
const clock = (): number => 0;

describe('radius formulation', () => {
  it('prices a plan at its true cost when nothing is truncated', () => {
    const instance = randomInstance(51, { demand: 30, candidates: 12, maxWeight: 7 });
    const data = buildMedianData(instance.weights, instance.distances, 12);
    const levels = buildDistanceLevels(data, 3, []);
    const full = Int32Array.from({ length: 30 }, (_, i) => levels.starts[i + 1]! - levels.starts[i]!);
    const radius = buildRadiusModel(data, levels, full, 3, []);
    const sites = [1, 5, 9];
    const start = radiusModelStart(data, levels, radius, sites);
    let cost = radius.model.offset;
    start.forEach((value, column) => {
      cost += value * radius.model.columnCost[column]!;
    });
    expect(cost).toBe(medianCost(data, sites));
  });
});

describe('solvePMedianExact', () => {
  it('proves the optimum found by enumeration, from a poor incumbent (several rounds)', () => {
    for (const seed of [52, 53]) {
      const instance = randomInstance(seed, { demand: 40, candidates: 16, maxWeight: 9 });
      const data = buildMedianData(instance.weights, instance.distances, 16);
      const optimum = bestByEnumeration(instance, 4, (sites) => medianCost(data, sites));
      const result = solvePMedianExact(data, 4, [], { solver, incumbent: [0, 1, 2, 3], clock });
      expect(result.optimal).toBe(true);
      expect(result.objective).toBe(optimum.objective);
      expect(result.bound).toBeCloseTo(optimum.objective, 6);
      expect(result.gap).toBe(0);
    }
  });

  it('stops at its time limit with the incumbent and a proven (all-sites-open) bound', () => {
    const instance = randomInstance(55, { demand: 30, candidates: 12, maxWeight: 5 });
    const data = buildMedianData(instance.weights, instance.distances, 12);
    const result = solvePMedianExact(data, 3, [], { solver, incumbent: [0, 1, 2], timeLimitSeconds: 0, clock });
    expect(result.sites).toEqual([0, 1, 2]);
    expect(result.objective).toBe(medianCost(data, [0, 1, 2]));
    expect(result.optimal).toBe(false);
    expect(result.bound).toBeLessThanOrEqual(result.objective);
    expect(result.gap).toBeCloseTo((result.objective - result.bound) / result.objective, 12);
  });

  it('keeps fixed sites open', () => {
    const instance = randomInstance(54, { demand: 30, candidates: 14, maxWeight: 5, fixedOpen: [13] });
    const data = buildMedianData(instance.weights, instance.distances, 14);
    const optimum = bestByEnumeration(instance, 3, (sites) => medianCost(data, sites));
    const result = solvePMedianExact(data, 3, [13], { solver, incumbent: [0, 1, 13], clock });
    expect(result.sites).toContain(13);
    expect(result.objective).toBe(optimum.objective);
  });
});
