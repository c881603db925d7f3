import type { LocationInstance } from '../location-instance.ts';
import type { Allocation } from '../plan-result.ts';

/**
 * Whether each demand point has an open site within `radius` (the MCLP and
 * LSCP notion of cover: distance ≤ radius), the covered weight, and each
 * covered point's nearest covering site.
 */
export function coverage(instance: LocationInstance, sites: readonly number[], radius: number): { coveredWeight: number; uncovered: number[]; allocations: Allocation[] } {
  const m = instance.candidateIds.length;
  let coveredWeight = 0;
  const uncovered: number[] = [];
  const allocations: Allocation[] = [];
  instance.weights.forEach((weight, i) => {
    let best = -1;
    let bestDistance = Infinity;
    for (const site of sites) {
      const distance = instance.distances[i * m + site]!;
      if (distance <= radius && (distance < bestDistance || (distance === bestDistance && site < best))) {
        best = site;
        bestDistance = distance;
      }
    }
    if (best < 0) uncovered.push(i);
    else {
      coveredWeight += weight;
      allocations.push({ demand: i, site: best, share: 1 });
    }
  });
  return { coveredWeight, uncovered, allocations };
}

/** Candidates within `radius` of demand point i. */
export function coveringCandidates(instance: LocationInstance, i: number, radius: number): number[] {
  const m = instance.candidateIds.length;
  const within: number[] = [];
  for (let j = 0; j < m; j += 1) if (instance.distances[i * m + j]! <= radius) within.push(j);
  return within;
}

/** Demand points that count for covering and centre models: those with demand (weight > 0). */
export function servedDemand(instance: LocationInstance): number[] {
  const served: number[] = [];
  instance.weights.forEach((weight, i) => {
    if (weight > 0) served.push(i);
  });
  return served;
}
