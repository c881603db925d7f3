import { coverageMedianData, unitWeights } from './coverage-data.ts';
import { greedyCover } from './greedy-cover.ts';
import type { MedianData } from './median-data.ts';
import type { Random } from './random.ts';
import { maxIterationsWithoutImprovement } from './stopping-rule.ts';
import { searchMedian } from './variable-neighbourhood-search.ts';

export interface CoverSearchOptions {
  random: Random;
  /** Iterations without improvement allowed per smaller count tried. */
  budgetPerCount: number;
}

/**
 * Fewest sites covering every demand point within `radius`: the greedy cover,
 * then, one site fewer at a time, the covering search looks for a full cover
 * (stopping at the first) until it finds none.
 */
export function searchSetCover(base: MedianData, radius: number, fixedOpen: readonly number[], options: CoverSearchOptions): number[] {
  const covering = coverageMedianData(base, radius, unitWeights(base.weights));
  let sites = greedyCover(covering, fixedOpen);
  while (sites.length - 1 >= Math.max(1, fixedOpen.length)) {
    const fixed = new Set(fixedOpen);
    // Start from the current cover minus its last non-fixed site; the search repairs the hole if it can.
    const droppable = sites.filter((site) => !fixed.has(site));
    if (droppable.length === 0) break;
    const start = sites.filter((site) => site !== droppable[droppable.length - 1]);
    const result = searchMedian(covering, start.length, fixedOpen, {
      random: options.random,
      stop: maxIterationsWithoutImprovement(options.budgetPerCount),
      initialSites: start,
      targetObjective: 0,
    });
    if (result.objective > 0) break;
    sites = result.sites;
  }
  return [...sites].sort((a, b) => a - b);
}
