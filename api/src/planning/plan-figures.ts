import type { LocationInstance } from './location-instance.ts';
import type { Allocation } from './plan-result.ts';

/** Where a demand point is served: its plan allocations, or its nearest open site when the plan leaves it out. */
export interface ServedShare {
  site: number;
  share: number;
  distance: number;
}

/**
 * Each demand point's sites under a plan: the plan's own allocations where it
 * has some (capacities may split a point), otherwise the nearest open site, as
 * a resident would choose (MCLP leaves uncovered points unallocated). Empty
 * when no site is open.
 */
export function servedShares(instance: LocationInstance, openSites: readonly number[], allocations: readonly Allocation[] = []): ServedShare[][] {
  const m = instance.candidateIds.length;
  const served: ServedShare[][] = instance.demandIds.map(() => []);
  for (const { demand, site, share } of allocations) served[demand]!.push({ site, share, distance: instance.distances[demand * m + site]! });
  served.forEach((shares, i) => {
    if (shares.length > 0) return;
    let best = -1;
    let bestDistance = Infinity;
    for (const site of openSites) {
      const distance = instance.distances[i * m + site]!;
      if (distance < bestDistance || (distance === bestDistance && site < best)) {
        best = site;
        bestDistance = distance;
      }
    }
    if (best >= 0) shares.push({ site: best, share: 1, distance: bestDistance });
  });
  return served;
}

/** Coverage and distance figures of a plan, for before/after comparisons. */
export interface ReachFigures {
  sites: number;
  population: number;
  /** Residents within `reach` of their site (split points counted by share). */
  coveredPopulation: number;
  coveredWeight: number;
  totalWeight: number;
  /** Resident-weighted mean and largest distance to the serving site; null when no site is open. */
  meanDistance: number | null;
  maxDistance: number | null;
}

/** Figures of the open sites serving the demand points as `servedShares` says, within `reach` (distance ≤ reach, as the covering models count). */
export function reachFigures(instance: LocationInstance, population: Float64Array, openSites: readonly number[], reach: number, served: ServedShare[][]): ReachFigures {
  let totalPopulation = 0;
  let totalWeight = 0;
  let coveredPopulation = 0;
  let coveredWeight = 0;
  let distanceSum = 0;
  let servedPopulation = 0;
  let maxDistance: number | null = null;
  served.forEach((shares, i) => {
    const residents = population[i]!;
    const weight = instance.weights[i]!;
    totalPopulation += residents;
    totalWeight += weight;
    for (const { share, distance } of shares) {
      distanceSum += share * residents * distance;
      servedPopulation += share * residents;
      if (maxDistance === null || distance > maxDistance) maxDistance = distance;
      if (distance <= reach) {
        coveredPopulation += share * residents;
        coveredWeight += share * weight;
      }
    }
  });
  return {
    sites: openSites.length,
    population: totalPopulation,
    coveredPopulation,
    coveredWeight,
    totalWeight,
    meanDistance: openSites.length === 0 ? null : servedPopulation > 0 ? distanceSum / servedPopulation : 0,
    maxDistance,
  };
}
