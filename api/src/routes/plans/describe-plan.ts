import { suppressSmallCount, type PlanWarning, type PlanAssignment, type PlanCoverageClass, type PlanFigures, type PlanOutcome, type PlanSite, type PlanSummary } from '@terep/db';
import { reachFigures, servedShares, type ReachFigures, type ServedShare } from '../../planning/plan-figures.ts';
import type { PlanResult } from '../../planning/plan-result.ts';
import type { PlanInputs } from './load-plan-inputs.ts';

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function figuresOf(figures: ReachFigures, countWeights: boolean): PlanFigures {
  const weight = (value: number): number | null => (countWeights ? suppressSmallCount(Math.round(value)) : round(value));
  return {
    sites: figures.sites,
    population: Math.round(figures.population),
    coveredPopulation: Math.round(figures.coveredPopulation),
    coveredShare: figures.population > 0 ? round(figures.coveredPopulation / figures.population, 4) : 0,
    coveredWeight: weight(figures.coveredWeight),
    totalWeight: weight(figures.totalWeight),
    meanDistance: figures.meanDistance === null ? null : round(figures.meanDistance),
    maxDistance: figures.maxDistance === null ? null : round(figures.maxDistance),
  };
}

function boundsOf(points: readonly { lon: number; lat: number }[]): [number, number, number, number] {
  const lons = points.map((point) => point.lon);
  const lats = points.map((point) => point.lat);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/** Whether most of a demand point is served within reach. */
function withinReach(shares: readonly ServedShare[], reach: number): boolean {
  return shares.reduce((sum, { share, distance }) => (distance <= reach ? sum + share : sum), 0) >= 0.5;
}

/**
 * A solved plan in a planner's terms: the open sites by settlement code or
 * institution, each demand point's assignment, and coverage before (existing
 * institutions alone) and after (with the new sites) within the reach.
 */
export function describePlan(inputs: PlanInputs, result: PlanResult, seconds: number): PlanOutcome {
  const { instance, candidates, demand, population } = inputs;
  const fixed = instance.fixedOpen;
  const servedBefore = servedShares(instance, fixed);
  const servedAfter = servedShares(instance, result.sites, result.allocations);
  const before = reachFigures(instance, population, fixed, inputs.reach, servedBefore);
  const after = reachFigures(instance, population, result.sites, inputs.reach, servedAfter);
  const coverageBySettlement: Record<string, PlanCoverageClass> = {};
  demand.forEach((point, i) => {
    coverageBySettlement[point.code] = withinReach(servedBefore[i]!, inputs.reach) ? 'covered' : withinReach(servedAfter[i]!, inputs.reach) ? 'newly-covered' : 'uncovered';
  });

  const served = new Map<number, { settlements: number; population: number }>(result.sites.map((site) => [site, { settlements: 0, population: 0 }]));
  const m = candidates.length;
  const assignments: PlanAssignment[] = result.allocations.map(({ demand: i, site, share }) => {
    const load = served.get(site)!;
    load.settlements += share;
    load.population += share * population[i]!;
    const point = demand[i]!;
    return { code: point.code, lon: point.lon, lat: point.lat, site: candidates[site]!.id, share: round(share, 4), distance: round(instance.distances[i * m + site]!) };
  });
  const sites: PlanSite[] = result.sites.map((site) => {
    const load = served.get(site)!;
    return { ...candidates[site]!, served: { settlements: round(load.settlements, 2), population: Math.round(load.population) } };
  });
  const warnings: PlanWarning[] = inputs.zeroWeight > demand.length
    ? [{ code: 'MOSTLY_ZERO_WEIGHT', params: { zero: inputs.zeroWeight, weighted: demand.length, weight: inputs.weight.kind } }]
    : [];
  // On need-signal counts an MCLP's objective is a count, and a p-median's (counts × the distances shown) gives counts away too.
  const countObjective = inputs.countWeights && (result.model === 'mclp' || result.model === 'pmedian');
  return {
    model: result.model,
    unit: inputs.unit,
    weight: inputs.weight,
    zeroWeight: inputs.zeroWeight,
    warnings,
    reach: inputs.reach,
    objective: !countObjective ? result.objective : result.model === 'mclp' ? suppressSmallCount(result.objective) : null,
    bound: countObjective ? null : result.bound,
    gap: result.gap,
    status: result.status,
    solver: result.solver,
    solverMethod: result.solverMethod,
    solverLibrary: result.solverLibrary,
    seconds: round(seconds, 3),
    distanceMethod: inputs.distanceMethod,
    demandPoints: demand.length,
    candidates: candidates.length - fixed.length,
    bbox: boundsOf(demand),
    sites,
    assignments,
    before: figuresOf(before, inputs.countWeights),
    after: figuresOf(after, inputs.countWeights),
    coverageBySettlement,
    excluded: inputs.excluded,
  };
}

/** What the scenario list and comparisons read: the outcome without sites and assignments. */
export function summariseOutcome(outcome: PlanOutcome): PlanSummary {
  const { model, unit, weight, zeroWeight, warnings, reach, objective, gap, status, solver, solverMethod, solverLibrary, seconds, distanceMethod, before, after } = outcome;
  return { model, unit, weight, zeroWeight, warnings, reach, objective, gap, status, solver, solverMethod, solverLibrary, seconds, distanceMethod, before, after };
}
