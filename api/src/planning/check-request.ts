import type { LocationInstance } from './location-instance.ts';
import { servedDemand } from './models/coverage.ts';
import { isCapacitated, type PlanRequest } from './plan-request.ts';
import { PlanningError } from './planning-error.ts';

/**
 * Rejects requests no plan can satisfy, saying why in a planner's terms, before
 * any solver runs: an empty or "infeasible" answer is never returned instead.
 */
export function checkRequest(instance: LocationInstance, request: PlanRequest): void {
  const m = instance.candidateIds.length;
  const fixedCount = instance.fixedOpen.length;
  const infeasible = (message: string, params: Record<string, string | number>): never => {
    throw new PlanningError('INFEASIBLE', message, params);
  };
  if (request.model !== 'lscp') {
    const { p } = request;
    if (!Number.isInteger(p) || p < 1) infeasible(`p = ${p}: the number of sites must be a whole number of at least 1.`, { reason: 'p-not-whole', p });
    if (p > m) infeasible(`p = ${p} exceeds the ${m} candidate sites.`, { reason: 'p-exceeds-candidates', p: p - fixedCount, candidates: m - fixedCount });
    if (p < fixedCount) infeasible(`p = ${p} counts every open site, but ${fixedCount} sites are fixed open already.`, { reason: 'p-below-fixed', p, fixed: fixedCount });
  }
  if (request.model === 'mclp' || request.model === 'lscp') {
    if (!(request.radius > 0) || !Number.isFinite(request.radius)) infeasible(`The reach must be a positive distance, not ${request.radius}.`, { reason: 'reach-not-positive', reach: request.radius });
  }
  if (request.model === 'lscp') checkEveryoneReachable(instance, request.radius);
  if (isCapacitated(request) && request.model !== 'lscp' && request.model !== 'pcenter') {
    const capacities = instance.capacities;
    if (!capacities) return infeasible('A capacitated model needs a capacity for every candidate site; this instance has none.', { reason: 'no-capacities' });
    const totalDemand = instance.weights.reduce((sum, weight) => sum + weight, 0);
    const fixed = new Set(instance.fixedOpen);
    const fixedCapacity = instance.fixedOpen.reduce((sum, site) => sum + capacities[site]!, 0);
    if (request.fillFixed && fixedCapacity > totalDemand) {
      infeasible(`The fixed sites must be used to capacity, but their capacity ${fixedCapacity} exceeds the total demand ${totalDemand}.`, { reason: 'fixed-capacity-above-demand', capacity: fixedCapacity, demand: totalDemand });
    }
    if (request.model === 'pmedian') {
      const others = Array.from(capacities).filter((_, j) => !fixed.has(j)).sort((a, b) => b - a);
      const largest = fixedCapacity + others.slice(0, request.p - fixedCount).reduce((sum, capacity) => sum + capacity, 0);
      if (largest < totalDemand) {
        infeasible(
          `Capacities fall short of demand: the ${request.p} sites with the largest capacities` +
            `${fixedCount > 0 ? ` (the ${fixedCount} fixed ones included)` : ''} hold ${largest}, but the total demand is ${totalDemand}.`,
          { reason: 'capacity-below-demand', sites: request.p, capacity: largest, demand: totalDemand },
        );
      }
    }
  }
}

function checkEveryoneReachable(instance: LocationInstance, radius: number): void {
  const m = instance.candidateIds.length;
  const stranded: string[] = [];
  const examples: string[] = [];
  let strandedCount = 0;
  for (const i of servedDemand(instance)) {
    let nearest = Infinity;
    let nearestSite = -1;
    for (let j = 0; j < m; j += 1) {
      const distance = instance.distances[i * m + j]!;
      if (distance < nearest) {
        nearest = distance;
        nearestSite = j;
      }
    }
    if (nearest > radius) {
      strandedCount += 1;
      if (stranded.length < 3) {
        stranded.push(`${instance.demandIds[i]} (nearest candidate ${instance.candidateIds[nearestSite]} at ${round(nearest)})`);
        examples.push(instance.demandIds[i]!);
      }
    }
  }
  if (strandedCount > 0) {
    throw new PlanningError(
      'INFEASIBLE',
      `No set of sites covers everyone within ${radius}: ${strandedCount} demand point${strandedCount === 1 ? ' has' : 's have'} no candidate site within reach, e.g. ${stranded.join(', ')}.`,
      { reason: 'demand-out-of-reach', reach: radius, count: strandedCount, examples: examples.join(', ') },
    );
  }
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
