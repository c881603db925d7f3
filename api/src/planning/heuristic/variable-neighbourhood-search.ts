import { InterchangeState } from './fast-interchange.ts';
import { greedySites } from './greedy.ts';
import { medianCost, type MedianData } from './median-data.ts';
import type { Random } from './random.ts';
import type { StoppingRule } from './stopping-rule.ts';

/** Up to this many random swaps are applied one by one; larger shakes rebuild the state. */
const SHAKE_BY_SWAPS = 4;

export interface MedianSearchOptions {
  random: Random;
  stop: StoppingRule;
  /** Start here instead of the greedy solution (sites, fixed ones included). */
  initialSites?: readonly number[] | undefined;
  /** Largest shake (random swaps before a local search); default `defaultMaxShake`. */
  maxShake?: number | undefined;
  /** Stop as soon as the objective is at most this (e.g. 0 uncovered demand when testing a radius). */
  targetObjective?: number | undefined;
}

/**
 * Shakes of up to 50 swaps (fewer when fewer sites can move): measured on the
 * OR-Library p-median set and on random graphs of the same kind with up to 900
 * vertices, smaller limits (5, 10, 20, 30) left some instances short of the
 * best known value at equal budgets, because escaping their local optima
 * takes many simultaneous swaps.
 */
export function defaultMaxShake(p: number, fixedCount: number, candidateCount: number): number {
  return Math.max(1, Math.min(50, p - fixedCount, candidateCount - p));
}

/**
 * Iterations without improvement before the search stops: ten full cycles of
 * shake sizes (at least 100). The longest wait for an improvement measured on
 * those instances was about ten cycles.
 */
export function defaultMedianBudget(maxShake: number): number {
  return Math.max(100, 10 * maxShake);
}

export interface MedianSearchResult {
  sites: number[];
  objective: number;
  /** Objective of the starting solution after its first local search. */
  firstLocalOptimum: number;
  iterations: number;
  improvements: number;
  /** Iteration that found the final solution (0: the first local optimum). */
  lastImprovement: number;
  /** Most iterations an improvement had to wait for: how much of the budget the search needed. */
  longestWait: number;
}

/**
 * Variable neighbourhood search (Hansen & Mladenović 1997) around the fast
 * interchange: shake the best solution by k random swaps, descend with the
 * fast interchange, keep the result if better (k back to 1), else try a larger
 * k. Fixed sites never move. Deterministic for a given random source and
 * iteration budget.
 */
export function searchMedian(data: MedianData, p: number, fixedOpen: readonly number[], options: MedianSearchOptions): MedianSearchResult {
  const m = data.candidateCount;
  const start = options.initialSites ? [...options.initialSites] : greedySites(data, p, fixedOpen);
  if (start.length !== p) throw new RangeError(`The starting solution has ${start.length} sites, expected ${p}.`);
  const swappable = p - fixedOpen.length;
  if (p < 2 || swappable === 0 || p === m) {
    const sites = p === 1 && fixedOpen.length === 0 ? [bestSingleSite(data)] : [...start].sort((a, b) => a - b);
    const objective = medianCost(data, sites);
    return { sites, objective, firstLocalOptimum: objective, iterations: 0, improvements: 0, lastImprovement: 0, longestWait: 0 };
  }

  const best = new InterchangeState(data, start, fixedOpen);
  best.localSearch();
  const firstLocalOptimum = best.objective;
  const trial = new InterchangeState(data, start, fixedOpen);
  const maxShake = Math.max(1, Math.min(options.maxShake ?? defaultMaxShake(p, fixedOpen.length, m), swappable, m - p));
  const { random, stop } = options;
  let shake = 1;
  let iteration = 0;
  let iterationsSinceImprovement = 0;
  let improvements = 0;
  let lastImprovement = 0;
  let longestWait = 0;
  const target = options.targetObjective ?? -Infinity;
  while (best.objective > target && !stop.shouldStop({ iteration, iterationsSinceImprovement })) {
    if (shake <= SHAKE_BY_SWAPS) {
      trial.copyFrom(best);
      for (let step = 0; step < shake; step += 1) {
        let insert = random.int(m);
        while (trial.slotOf[insert]! >= 0) insert = random.int(m);
        trial.swap(insert, trial.swappableSlots[random.int(trial.swappableSlots.length)]!);
      }
    } else {
      // Many swaps at once: rebuilding the bookkeeping is cheaper than updating it swap by swap.
      const slots = Array.from(best.open);
      const isOpen = new Uint8Array(m);
      for (const site of slots) isOpen[site] = 1;
      for (let step = 0; step < shake; step += 1) {
        let insert = random.int(m);
        while (isOpen[insert]) insert = random.int(m);
        const slot = best.swappableSlots[random.int(best.swappableSlots.length)]!;
        isOpen[slots[slot]!] = 0;
        isOpen[insert] = 1;
        slots[slot] = insert;
      }
      trial.reset(slots);
    }
    trial.localSearch();
    iteration += 1;
    if (trial.objective < best.objective - 1e-12 * Math.max(1, Math.abs(best.objective))) {
      best.copyFrom(trial);
      shake = 1;
      improvements += 1;
      lastImprovement = iteration;
      longestWait = Math.max(longestWait, iterationsSinceImprovement + 1);
      iterationsSinceImprovement = 0;
    } else {
      shake = shake >= maxShake ? 1 : shake + 1;
      iterationsSinceImprovement += 1;
    }
  }
  return { sites: best.sites(), objective: best.exactObjective(), firstLocalOptimum, iterations: iteration, improvements, lastImprovement, longestWait };
}

/** p = 1 without fixed sites: the 1-median by enumeration. */
function bestSingleSite(data: MedianData): number {
  const m = data.candidateCount;
  const total = new Float64Array(m);
  for (let i = 0; i < data.demandCount; i += 1) {
    const weight = data.weights[i]!;
    for (let j = 0; j < m; j += 1) total[j] = total[j]! + weight * data.distances[i * m + j]!;
  }
  let best = 0;
  for (let j = 1; j < m; j += 1) if (total[j]! < total[best]!) best = j;
  return best;
}
