import { beforeAll, describe, expect, it } from 'vitest';
import { bestByEnumeration } from './enumerate-plans.ts';
import { loadHighsSolver } from './exact/highs-solver.ts';
import type { MilpSolver } from './exact/milp-solver.ts';
import type { LocationInstance } from './location-instance.ts';
import { coverage } from './models/coverage.ts';
import { largestDistance } from './models/p-center.ts';
import { allocationCost, nearestAllocation } from './models/p-median.ts';
import { randomInstance } from './random-instance.ts';
import { PlanningError } from './planning-error.ts';
import { solvePlan, type SolveMethod } from './solve-plan.ts';

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

const clock = (): number => 0;
const instance = randomInstance(61, { demand: 40, candidates: 15, maxWeight: 20, fixedOpen: [4] });
const total = instance.weights.reduce((sum, weight) => sum + weight, 0);
const reach = (() => {
  let radius = 0;
  for (let i = 0; i < 40; i += 1) radius = Math.max(radius, Math.min(...instance.distances.subarray(i * 15, (i + 1) * 15)));
  return radius + 3;
})();

describe.each<SolveMethod>(['exact', 'heuristic'])('solvePlan (%s)', (method) => {
  const options = () => ({ method, seed: 1, clock, solver });

  it('p-median: the optimum by enumeration, fixed site kept, every point allocated to its nearest site', () => {
    const result = solvePlan(instance, { model: 'pmedian', p: 4 }, options());
    const optimum = bestByEnumeration(instance, 4, (sites) => nearestAllocation(instance, sites).objective);
    expect(result.objective).toBe(optimum.objective);
    expect(result.sites).toContain(4);
    expect(result.allocations).toHaveLength(40);
    expect(allocationCost(instance, result.allocations)).toBe(result.objective);
    expect(result.status).toBe(method === 'exact' ? 'optimal' : 'heuristic');
    expect(result.gap).toBe(method === 'exact' ? 0 : null);
  });

  it('MCLP: the most covered weight by enumeration', () => {
    const result = solvePlan(instance, { model: 'mclp', p: 3, radius: 20 }, options());
    const optimum = bestByEnumeration(instance, 3, (sites) => coverage(instance, sites, 20).coveredWeight, (a, b) => a > b);
    expect(result.objective).toBe(optimum.objective);
    expect(result.objective).toBeLessThanOrEqual(total);
  });

  it('LSCP: everyone covered with the fewest sites', () => {
    const result = solvePlan(instance, { model: 'lscp', radius: reach }, options());
    expect(coverage(instance, result.sites, reach).uncovered).toEqual([]);
    const fewer = bestByEnumeration(instance, result.objective - 1, (sites) => coverage(instance, sites, reach).uncovered.length);
    expect(fewer.objective).toBeGreaterThan(0);
  });

  it('p-center: the smallest largest distance by enumeration', () => {
    const result = solvePlan(instance, { model: 'pcenter', p: 3 }, options());
    const optimum = bestByEnumeration(instance, 3, (sites) => largestDistance(instance, sites));
    expect(result.objective).toBe(optimum.objective);
  });
});

/** Best capacitated plan by enumerating sites and, for unit demands, every assignment. */
function capacitatedOptimum(problem: LocationInstance, p: number, fillFixed: boolean): number {
  const n = problem.demandIds.length;
  const m = problem.candidateIds.length;
  const capacities = problem.capacities!;
  return bestByEnumeration(problem, p, (sites) => {
    let best = Infinity;
    const load = new Map(sites.map((site) => [site, 0]));
    const assign = (i: number, cost: number): void => {
      if (cost >= best) return;
      if (i === n) {
        if (!fillFixed || problem.fixedOpen.every((site) => load.get(site) === capacities[site])) best = cost;
        return;
      }
      for (const site of sites) {
        if (load.get(site)! >= capacities[site]!) continue;
        load.set(site, load.get(site)! + 1);
        assign(i + 1, cost + problem.distances[i * m + site]!);
        load.set(site, load.get(site)! - 1);
      }
    };
    assign(0, 0);
    return best;
  }).objective;
}

describe('solvePlan, capacitated (exact only)', () => {
  const small = randomInstance(62, { demand: 7, candidates: 6, fixedOpen: [0], maxCapacity: 3 });

  it('capacitated p-median: the optimum by enumeration, with and without filling the fixed site', () => {
    for (const fillFixed of [false, true]) {
      const result = solvePlan(small, { model: 'pmedian', p: 3, capacitated: true, fillFixed }, { method: 'exact', clock, solver });
      expect(result.objective).toBeCloseTo(capacitatedOptimum(small, 3, fillFixed), 6);
      for (const site of result.sites) {
        const load = result.allocations.filter((allocation) => allocation.site === site).reduce((sum, allocation) => sum + allocation.share, 0);
        expect(load).toBeLessThanOrEqual(small.capacities![site]! + 1e-9);
      }
    }
  });

  it('capacitated MCLP covers no more than the open sites can serve', () => {
    const capacitated = { ...instance, capacities: new Float64Array(15).fill(30) };
    const result = solvePlan(capacitated, { model: 'mclp', p: 3, radius: 30, capacitated: true }, { method: 'exact', clock, solver });
    const plain = solvePlan(instance, { model: 'mclp', p: 3, radius: 30 }, { method: 'exact', clock, solver });
    expect(result.objective).toBeLessThanOrEqual(90 + 1e-9);
    expect(result.objective).toBeLessThanOrEqual(plain.objective);
  });

  it('has no heuristic and says so', () => {
    expect(() => solvePlan(small, { model: 'pmedian', p: 3, capacitated: true }, { method: 'heuristic', clock })).toThrowError(PlanningError);
  });
});

describe('solvePlan progress', () => {
  it('reports the heuristic, then the exact stage with the heuristic plan as the best so far', () => {
    const stages: { stage: string; objective: number | null }[] = [];
    const result = solvePlan(instance, { model: 'pmedian', p: 4 }, { method: 'exact', seed: 1, clock, solver, onProgress: (progress) => stages.push(progress) });
    expect(stages.map((progress) => progress.stage)).toEqual(['heuristic', 'exact']);
    expect(stages[0]!.objective).toBeNull();
    expect(stages[1]!.objective).toBeGreaterThanOrEqual(result.objective);
  });
});
