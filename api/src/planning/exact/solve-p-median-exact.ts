import { medianCost, type MedianData } from '../heuristic/median-data.ts';
import { buildDistanceLevels, buildRadiusModel, radiusModelStart } from './formulations/p-median-radius.ts';
import type { MilpSolver } from './milp-solver.ts';
import { relativeGap } from './exact-outcome.ts';

export interface ExactMedianOptions {
  solver: MilpSolver;
  /** A good plan (sites, fixed ones included), normally the heuristic's: the MIP start and the first truncation. */
  incumbent: readonly number[];
  timeLimitSeconds?: number | undefined;
  /** Milliseconds, injected: the algorithm never reads the wall clock itself. */
  clock: () => number;
}

export interface ExactMedianResult {
  sites: number[];
  objective: number;
  bound: number;
  gap: number;
  optimal: boolean;
  rounds: number;
  nodes: number;
  lpIterations: number;
  /** Columns and rows of the last model, to report how small the formulation stayed. */
  columns: number;
  rows: number;
}

/**
 * Exact p-median by truncated radius models (García, Labbé & Marín 2011):
 * start with every demand point's levels modelled up to the distance of its
 * second-nearest site in the incumbent (so every single swap from it is priced
 * exactly), solve, and if the optimum sends someone beyond its truncation at a
 * price the truncation understated, model that demand point further and solve
 * again. Each truncated optimum is a lower bound; each plan found, priced on the
 * full matrix, an upper bound; the proof is their meeting.
 */
export function solvePMedianExact(data: MedianData, p: number, fixedOpen: readonly number[], options: ExactMedianOptions): ExactMedianResult {
  const { solver, clock } = options;
  const started = clock();
  const n = data.demandCount;
  const m = data.candidateCount;
  const levels = buildDistanceLevels(data, p, fixedOpen);
  let bestSites = [...options.incumbent].sort((a, b) => a - b);
  let upper = medianCost(data, bestSites);
  // With every candidate open each demand point travels to its nearest: a bound before any MILP runs.
  let lower = 0;
  for (let i = 0; i < n; i += 1) lower += data.weights[i]! * data.candidateOrder.sortedDistance[i * m]!;

  const truncation = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const [first, second] = nearestTwo(data, i, bestSites);
    truncation[i] = levelsUpTo(levels, i, p > 1 ? second : first);
  }

  let rounds = 0;
  let nodes = 0;
  let lpIterations = 0;
  let columns = 0;
  let rows = 0;
  for (;;) {
    rounds += 1;
    const radius = buildRadiusModel(data, levels, truncation, p, fixedOpen);
    columns = radius.model.columnCost.length;
    rows = radius.model.rowLower.length;
    const remaining = options.timeLimitSeconds === undefined ? undefined : options.timeLimitSeconds - (clock() - started) / 1000;
    if (remaining !== undefined && remaining <= 0) break;
    const solution = solver.solve(radius.model, {
      start: radiusModelStart(data, levels, radius, bestSites),
      timeLimitSeconds: remaining,
    });
    nodes += solution.nodes;
    lpIterations += solution.lpIterations;
    if (solution.bound !== null) lower = Math.max(lower, solution.bound);
    if (!solution.values) break;
    const sites: number[] = [];
    for (let j = 0; j < m; j += 1) if (solution.values[j]! > 0.5) sites.push(j);
    const cost = medianCost(data, sites);
    if (cost < upper) {
      upper = cost;
      bestSites = sites;
    }
    if (solution.status !== 'optimal' || closeEnough(lower, upper)) break;
    // The truncated optimum understated someone: model those demand points out to where they really travel.
    let extended = 0;
    for (let i = 0; i < n; i += 1) {
      const levelCount = levels.starts[i + 1]! - levels.starts[i]!;
      if (truncation[i]! >= levelCount || data.weights[i] === 0) continue;
      const [nearest] = nearestTwo(data, i, sites);
      const priced = levels.values[levels.starts[i]! + truncation[i]!]!;
      if (nearest > priced) {
        truncation[i] = levelsUpTo(levels, i, nearest);
        extended += 1;
      }
    }
    if (extended === 0) {
      // Priced exactly yet the bound did not meet the cost: only rounding can do that.
      lower = Math.max(lower, solution.objective ?? lower);
      break;
    }
  }
  // Below the solver's tolerance the bound meets the objective: a gap of 1e-16 is rounding, not a gap.
  const gap = relativeGap(upper, lower);
  return { sites: bestSites, objective: upper, bound: lower, gap, optimal: closeEnough(lower, upper), rounds, nodes, lpIterations, columns, rows };
}

function closeEnough(lower: number, upper: number): boolean {
  return upper - lower <= 1e-6 + 1e-9 * Math.abs(upper);
}

function nearestTwo(data: MedianData, i: number, sites: readonly number[]): [number, number] {
  const row = i * data.candidateCount;
  let first = Infinity;
  let second = Infinity;
  for (const site of sites) {
    const distance = data.distances[row + site]!;
    if (distance < first) {
      second = first;
      first = distance;
    } else if (distance < second) second = distance;
  }
  return [first, second];
}

/** How many of demand i's levels lie at or below `distance` (at least 1, at most all). */
function levelsUpTo(levels: { starts: Int32Array; values: Float64Array }, i: number, distance: number): number {
  const first = levels.starts[i]!;
  const count = levels.starts[i + 1]! - first;
  let k = 0;
  while (k < count && levels.values[first + k]! <= distance) k += 1;
  return Math.max(1, Math.min(count, k));
}
