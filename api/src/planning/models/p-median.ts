import type { LocationInstance } from '../location-instance.ts';
import type { Allocation } from '../plan-result.ts';

/** Each demand point to its nearest open site (ties to the lower index), and the total weighted distance. */
export function nearestAllocation(instance: LocationInstance, sites: readonly number[]): { objective: number; allocations: Allocation[] } {
  const m = instance.candidateIds.length;
  const allocations: Allocation[] = [];
  let objective = 0;
  instance.weights.forEach((weight, i) => {
    let best = -1;
    let bestDistance = Infinity;
    for (const site of sites) {
      const distance = instance.distances[i * m + site]!;
      if (distance < bestDistance || (distance === bestDistance && site < best)) {
        best = site;
        bestDistance = distance;
      }
    }
    if (best < 0) return;
    objective += weight * bestDistance;
    allocations.push({ demand: i, site: best, share: 1 });
  });
  return { objective, allocations };
}

/** Total weighted distance of an allocation (split allocations included). */
export function allocationCost(instance: LocationInstance, allocations: readonly Allocation[]): number {
  const m = instance.candidateIds.length;
  let total = 0;
  for (const { demand, site, share } of allocations) total += share * instance.weights[demand]! * instance.distances[demand * m + site]!;
  return total;
}
