import { distinctDistancesUpTo } from '../heuristic/p-center-search.ts';
import type { LocationInstance } from '../location-instance.ts';
import { servedDemand } from '../models/coverage.ts';
import { largestDistance } from '../models/p-center.ts';
import { PlanningError } from '../planning-error.ts';
import { relativeGap, type ExactOutcome } from './exact-outcome.ts';
import { solveSetCoveringExact } from './solve-covering-exact.ts';
import type { MilpSolver } from './milp-solver.ts';

export interface CenterSolveOptions {
  solver: MilpSolver;
  /** A plan with p sites (the heuristic's): its largest distance bounds the search. */
  incumbent: readonly number[];
  timeLimitSeconds?: number | undefined;
  /** Milliseconds, injected. */
  clock: () => number;
}

/**
 * Exact p-center by bisection over the distinct distances, each step a
 * set-covering MILP (Minieka 1970; Daskin 2000): radius r is achievable exactly
 * when the fewest sites covering everyone within r number at most p. Far
 * smaller MILPs than the min-max assignment model, and every step is a proof,
 * so the bound and gap are exact even when the time runs out.
 */
export function solvePCenterExact(instance: LocationInstance, p: number, options: CenterSolveOptions): ExactOutcome & { radiiTried: number } {
  const started = options.clock();
  const m = instance.candidateIds.length;
  let bestSites = [...options.incumbent].sort((a, b) => a - b);
  let upper = largestDistance(instance, bestSites);
  const radii = distinctDistancesUpTo(instance.distances, upper);
  // Even with every candidate open someone travels this far: no radius below it can work.
  let reachable = 0;
  for (const i of servedDemand(instance)) {
    let nearest = Infinity;
    for (let j = 0; j < m; j += 1) nearest = Math.min(nearest, instance.distances[i * m + j]!);
    reachable = Math.max(reachable, nearest);
  }
  let low = indexAtLeast(radii, reachable);
  let high = indexAtLeast(radii, upper);
  let nodes = 0;
  let lpIterations = 0;
  let radiiTried = 0;
  let proven = true;
  while (low < high) {
    const remaining = options.timeLimitSeconds === undefined ? undefined : options.timeLimitSeconds - (options.clock() - started) / 1000;
    if (remaining !== undefined && remaining <= 0) {
      proven = false;
      break;
    }
    const middle = (low + high) >> 1;
    radiiTried += 1;
    let cover;
    try {
      cover = solveSetCoveringExact(instance, radii[middle]!, { solver: options.solver, timeLimitSeconds: remaining });
    } catch (error) {
      // Out of time before this step found any cover: the bracket so far is what is proven.
      if (error instanceof PlanningError && error.code === 'SOLVER_FAILED') {
        proven = false;
        break;
      }
      throw error;
    }
    nodes += cover.nodes;
    lpIterations += cover.lpIterations;
    if (cover.objective <= p) {
      bestSites = padToCount(instance, cover.sites, p);
      upper = largestDistance(instance, bestSites);
      high = Math.min(middle, indexAtLeast(radii, upper));
    } else if (cover.bound > p) low = middle + 1;
    else {
      proven = false;
      break;
    }
  }
  const lower = proven ? upper : radii[low]!;
  const gap = relativeGap(upper, lower);
  return { sites: bestSites, objective: upper, bound: lower, gap, optimal: gap === 0, nodes, lpIterations, radiiTried };
}

function indexAtLeast(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! >= value) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Opens further sites (farthest demand point's nearest closed candidate first) until there are p. */
function padToCount(instance: LocationInstance, sites: readonly number[], p: number): number[] {
  const m = instance.candidateIds.length;
  const open = new Set(sites);
  const served = servedDemand(instance);
  while (open.size < p) {
    let farthest = -1;
    let farthestDistance = -1;
    for (const i of served) {
      let nearest = Infinity;
      for (const site of open) nearest = Math.min(nearest, instance.distances[i * m + site]!);
      if (nearest > farthestDistance) {
        farthestDistance = nearest;
        farthest = i;
      }
    }
    let next = -1;
    for (let j = 0; j < m; j += 1) {
      if (open.has(j)) continue;
      if (next < 0 || (farthest >= 0 && instance.distances[farthest * m + j]! < instance.distances[farthest * m + next]!)) next = j;
    }
    open.add(next);
  }
  return [...open].sort((a, b) => a - b);
}
