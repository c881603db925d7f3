import { coverageMedianData, unitWeights } from './coverage-data.ts';
import { greedySites } from './greedy.ts';
import type { MedianData } from './median-data.ts';
import type { Random } from './random.ts';
import { maxIterationsWithoutImprovement } from './stopping-rule.ts';
import { searchMedian } from './variable-neighbourhood-search.ts';

export interface CenterSearchOptions {
  random: Random;
  /** Iterations without improvement allowed per radius tried. */
  budgetPerRadius: number;
}

export interface CenterSearchResult {
  sites: number[];
  /** Largest distance from a demand point (weight > 0) to its nearest site. */
  objective: number;
  radiiTried: number;
}

/**
 * p-center by bisection over the distinct distances (Minieka 1970): a radius is
 * achievable when p sites cover every demand point within it, which the
 * covering search tests (stopping at the first full cover). The answer is the
 * smallest radius it could cover; failing to cover is not a proof, so this is
 * a heuristic (the exact version proves each step with a set-covering MILP).
 */
export function searchCenter(base: MedianData, p: number, fixedOpen: readonly number[], options: CenterSearchOptions): CenterSearchResult {
  const weights = unitWeights(base.weights);
  let bestSites = greedySites({ ...base, weights }, p, fixedOpen);
  let upper = largestNearest(base, weights, bestSites);
  const radii = distinctDistancesUpTo(base.distances, upper);
  let low = 0;
  let high = radii.length - 1;
  let radiiTried = 0;
  while (low < high) {
    const middle = (low + high) >> 1;
    radiiTried += 1;
    const covering = coverageMedianData(base, radii[middle]!, weights);
    const result = searchMedian(covering, p, fixedOpen, {
      random: options.random,
      stop: maxIterationsWithoutImprovement(options.budgetPerRadius),
      initialSites: bestSites,
      targetObjective: 0,
    });
    if (result.objective === 0) {
      bestSites = result.sites;
      upper = largestNearest(base, weights, bestSites);
      high = Math.min(middle, upperIndex(radii, upper));
    } else low = middle + 1;
  }
  return { sites: [...bestSites].sort((a, b) => a - b), objective: upper, radiiTried };
}

/** Sorted distinct entries of the matrix not above `limit`. */
export function distinctDistancesUpTo(distances: Float64Array, limit: number): Float64Array {
  const values = distances.filter((distance) => distance <= limit).sort();
  let count = 0;
  for (let k = 0; k < values.length; k += 1) if (k === 0 || values[k] !== values[k - 1]) values[count++] = values[k]!;
  return values.slice(0, count);
}

function upperIndex(radii: Float64Array, value: number): number {
  let low = 0;
  let high = radii.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (radii[middle]! >= value) high = middle;
    else low = middle + 1;
  }
  return low;
}

function largestNearest(base: MedianData, weights: Float64Array, sites: readonly number[]): number {
  const m = base.candidateCount;
  let largest = 0;
  for (let i = 0; i < base.demandCount; i += 1) {
    if (weights[i] === 0) continue;
    let nearest = Infinity;
    for (const site of sites) nearest = Math.min(nearest, base.distances[i * m + site]!);
    largest = Math.max(largest, nearest);
  }
  return largest;
}
