import type { LocationInstance } from '../location-instance.ts';
import { servedDemand } from './coverage.ts';

/** The largest distance from a demand point with demand to its nearest open site: the p-center objective. */
export function largestDistance(instance: LocationInstance, sites: readonly number[]): number {
  const m = instance.candidateIds.length;
  let largest = 0;
  for (const i of servedDemand(instance)) {
    let nearest = Infinity;
    for (const site of sites) nearest = Math.min(nearest, instance.distances[i * m + site]!);
    largest = Math.max(largest, nearest);
  }
  return largest;
}
