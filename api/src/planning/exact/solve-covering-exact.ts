import type { LocationInstance } from '../location-instance.ts';
import { coverage } from '../models/coverage.ts';
import type { Allocation } from '../plan-result.ts';
import { openSitesOf, relativeGap, requireSolution, type ExactOutcome } from './exact-outcome.ts';
import { buildMaximalCoveringModel, type MaximalCoveringOptions } from './formulations/maximal-covering.ts';
import { buildSetCoveringModel } from './formulations/set-covering.ts';
import type { MilpSolver } from './milp-solver.ts';

export interface CoveringSolveOptions {
  solver: MilpSolver;
  /** A feasible plan to start from (uncapacitated models); the heuristic's. */
  incumbent?: readonly number[] | undefined;
  timeLimitSeconds?: number | undefined;
}

/** MCLP, plain or capacitated; the objective is the covered weight (maximised). */
export function solveMaximalCoveringExact(
  instance: LocationInstance,
  request: MaximalCoveringOptions,
  options: CoveringSolveOptions,
): ExactOutcome & { allocations: Allocation[] } {
  const m = instance.candidateIds.length;
  const built = buildMaximalCoveringModel(instance, request);
  let start: Float64Array | undefined;
  if (options.incumbent && !request.capacitated) {
    // y from the incumbent, z(i) = 1 where it covers i: z columns follow the y columns in demand order.
    start = new Float64Array(built.model.columnCost.length);
    for (const site of options.incumbent) start[site] = 1;
    const covered = new Set(coverage(instance, options.incumbent, request.radius).allocations.map((allocation) => allocation.demand));
    let column = m;
    instance.weights.forEach((weight, i) => {
      const coverable = instance.distances.subarray(i * m, (i + 1) * m).some((distance) => distance <= request.radius);
      if (weight === 0 || !coverable) return;
      start![column] = covered.has(i) ? 1 : 0;
      column += 1;
    });
  }
  const solution = options.solver.solve(built.model, { start, timeLimitSeconds: options.timeLimitSeconds });
  requireSolution(solution, 'maximal covering');
  const sites = openSitesOf(solution.values, m);
  let objective: number;
  let allocations: Allocation[];
  if (request.capacitated) {
    allocations = built.assignments
      .filter(({ column }) => solution.values[column]! > 1e-9)
      .map(({ demand, site, column }) => ({ demand, site, share: Math.min(1, solution.values[column]!) }));
    objective = allocations.reduce((sum, { demand, share }) => sum + share * instance.weights[demand]!, 0);
  } else {
    ({ coveredWeight: objective, allocations } = coverage(instance, sites, request.radius));
  }
  const bound = Math.max(objective, solution.bound ?? Infinity);
  const gap = relativeGap(objective, bound);
  return { sites, objective, bound, gap, optimal: gap <= 1e-9, nodes: solution.nodes, lpIterations: solution.lpIterations, allocations };
}

/** LSCP; the objective is the number of open sites (fixed ones included). */
export function solveSetCoveringExact(instance: LocationInstance, radius: number, options: CoveringSolveOptions): ExactOutcome {
  const m = instance.candidateIds.length;
  const model = buildSetCoveringModel(instance, radius);
  let start: Float64Array | undefined;
  if (options.incumbent) {
    start = new Float64Array(m);
    for (const site of options.incumbent) start[site] = 1;
  }
  const solution = options.solver.solve(model, { start, timeLimitSeconds: options.timeLimitSeconds });
  requireSolution(solution, 'set covering');
  const sites = openSitesOf(solution.values, m);
  // Counts are whole: a bound of 7.2 proves 8.
  const bound = Math.min(sites.length, Math.ceil((solution.bound ?? 0) - 1e-6));
  const gap = relativeGap(sites.length, bound);
  return { sites, objective: sites.length, bound, gap, optimal: gap === 0, nodes: solution.nodes, lpIterations: solution.lpIterations };
}
