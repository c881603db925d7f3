import type { LocationInstance } from '../location-instance.ts';
import { allocationCost } from '../models/p-median.ts';
import type { Allocation } from '../plan-result.ts';
import { openSitesOf, relativeGap, requireSolution, type ExactOutcome } from './exact-outcome.ts';
import { buildClassicMedianModel } from './formulations/p-median-classic.ts';
import type { MilpSolver } from './milp-solver.ts';

export interface CapacitatedMedianOptions {
  solver: MilpSolver;
  timeLimitSeconds?: number | undefined;
}

/**
 * Capacitated p-median on the classic formulation with capacity rows (and,
 * when asked, fixed sites filled to capacity). Demand may split between sites;
 * with whole-number demands and capacities the optimum needs no split.
 */
export function solveCapacitatedMedianExact(
  instance: LocationInstance,
  request: { p: number; fillFixed?: boolean | undefined },
  options: CapacitatedMedianOptions,
): ExactOutcome & { allocations: Allocation[] } {
  const n = instance.demandIds.length;
  const m = instance.candidateIds.length;
  const { model, assignStart } = buildClassicMedianModel(instance, { p: request.p, capacitated: true, fillFixed: request.fillFixed });
  const solution = options.solver.solve(model, { timeLimitSeconds: options.timeLimitSeconds });
  requireSolution(solution, 'capacitated p-median');
  const allocations: Allocation[] = [];
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < m; j += 1) {
      const share = solution.values[assignStart[i]! + j]!;
      if (share > 1e-9) allocations.push({ demand: i, site: j, share: Math.min(1, share) });
    }
  }
  const objective = allocationCost(instance, allocations);
  const bound = Math.min(objective, solution.bound ?? -Infinity);
  const gap = relativeGap(objective, bound);
  return { sites: openSitesOf(solution.values, m), objective, bound, gap, optimal: gap <= 1e-9, nodes: solution.nodes, lpIterations: solution.lpIterations, allocations };
}
