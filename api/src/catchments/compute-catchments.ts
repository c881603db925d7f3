import {
  CAPACITY_UNIT,
  catchmentInputs,
  catchmentPolygons,
  suppressSmallCount,
  type CatchmentDifference,
  type CatchmentMode,
  type CatchmentResult,
  type DemandMeasure,
  type Engine,
  type SiteCatchment,
  type WarehouseSite,
} from '@terep/db';
import { assignNearest, solveTransportation, type TransportationResult } from './transportation-problem.ts';

export interface CatchmentOptions {
  mode: CatchmentMode;
  demand: DemandMeasure;
  maxDistanceKm: number | null;
  detourFactor: number;
}

/** A result before any count is withheld (`withholdSmallCounts`): every load, the unserved demand and the objective are known. */
export type ExactCatchments = Omit<CatchmentResult, 'sites' | 'unserved' | 'objective'> & {
  sites: (Omit<SiteCatchment, 'load'> & { load: number })[];
  unserved: Omit<CatchmentResult['unserved'], 'demand'> & { demand: number };
  objective: number;
};

export async function computeCatchments(engine: Engine, sites: readonly WarehouseSite[], options: CatchmentOptions): Promise<ExactCatchments> {
  const inputs = await catchmentInputs(engine.db, sites, options);
  const solved: TransportationResult = options.mode === 'nearest'
    ? assignNearest({ ...inputs, maxDistanceKm: options.maxDistanceKm }, sites.length)
    : await solveTransportation({
      demand: inputs.demand,
      capacity: Float64Array.from(sites, (site) => site.capacity ?? Infinity),
      distance: inputs.distance,
      maxDistanceKm: options.maxDistanceKm,
    });
  const members = inputs.codes.flatMap((code, s) => (solved.assignment[s]! >= 0 ? [{ code, site: solved.assignment[s]! }] : []));
  const polygons = await catchmentPolygons(engine.db, members);
  const count = sites.length;
  const stats = sites.map(() => ({ settlements: 0, population: 0, households: 0, weighted: 0, demand: 0 }));
  inputs.codes.forEach((_, s) => {
    const site = solved.assignment[s]!;
    if (site < 0) return;
    const entry = stats[site]!;
    entry.settlements += 1;
    entry.population += inputs.population[s]!;
    entry.households += inputs.households[s] ?? 0;
  });
  // Mean distances weigh what each site actually serves, split shares included.
  const shares = new Map(solved.splits.map((split) => [split.settlement, split.shares]));
  inputs.codes.forEach((_, s) => {
    const served = inputs.demand[s]! - solved.unserved[s]!;
    if (served <= 0) return;
    for (const { warehouse, share } of shares.get(s) ?? [{ warehouse: solved.assignment[s]!, share: served / inputs.demand[s]! }]) {
      stats[warehouse]!.weighted += share * inputs.demand[s]! * inputs.distance[s * count + warehouse]!;
      stats[warehouse]!.demand += share * inputs.demand[s]!;
    }
  });
  const unservedCodes = inputs.codes.filter((_, s) => solved.unserved[s]! > 1e-9 || (solved.assignment[s]! < 0 && inputs.demand[s]! > 0));
  const unitsMatch = options.demand === CAPACITY_UNIT;
  return {
    mode: options.mode,
    demand: options.demand,
    capacityUnit: CAPACITY_UNIT,
    maxDistanceKm: options.maxDistanceKm,
    distanceMethod: { kind: 'straight-line-estimate', detourFactor: options.detourFactor },
    sites: sites.map((site, w) => {
      const entry = stats[w]!;
      const load = solved.load[w]!;
      return {
        site,
        settlements: entry.settlements,
        population: entry.population,
        households: suppressSmallCount(entry.households),
        load,
        loadBelowThreshold: false,
        // People and parcels do not divide: utilisation only when the demand is counted in the capacity's unit.
        utilisation: site.capacity && unitsMatch ? load / site.capacity : null,
        meanDistanceKm: entry.demand > 0 ? entry.weighted / entry.demand : 0,
        geometry: polygons.has(w) ? JSON.parse(polygons.get(w)!) : null,
      };
    }),
    assignment: Object.fromEntries(members.map((member) => [member.code, member.site])),
    unserved: {
      settlements: unservedCodes.length,
      demand: solved.unserved.reduce((sum, value) => sum + value, 0),
      demandBelowThreshold: false,
      codes: unservedCodes,
    },
    splits: solved.splits.map((split) => ({ code: inputs.codes[split.settlement]!, shares: split.shares.map((share) => ({ site: share.warehouse, share: share.share })) })),
    objective: solved.objective,
  };
}

/** What a what-if changes: which settlements move and how each site's load shifts. */
export function diffCatchments(baseline: ExactCatchments, scenario: ExactCatchments): CatchmentDifference {
  const siteName = (result: CatchmentResult, code: string): string | null => {
    const index = result.assignment[code];
    return index === undefined ? null : (result.sites[index]?.site.name ?? null);
  };
  const codes = [...new Set([...Object.keys(baseline.assignment), ...Object.keys(scenario.assignment)])].sort();
  const moved = codes
    .map((code) => ({ code, from: siteName(baseline, code), to: siteName(scenario, code) }))
    .filter((move) => move.from !== move.to);
  const names = [...new Set([...baseline.sites, ...scenario.sites].map((entry) => entry.site.name))];
  // The objective sums served demand × km: divided by the served demand it is the mean distance, comparable across
  // scenarios that serve different amounts (the objective itself is not).
  const meanDistance = (result: ExactCatchments) => {
    const served = result.sites.reduce((sum, entry) => sum + entry.load, 0);
    return served > 0 ? result.objective / served : null;
  };
  const [before, after] = [meanDistance(baseline), meanDistance(scenario)];
  return {
    moved,
    objectiveChange: scenario.objective - baseline.objective,
    meanDistanceChangeKm: before === null || after === null ? null : after - before,
    unservedChange: scenario.unserved.demand - baseline.unserved.demand,
    sites: names.map((name) => {
      const before = baseline.sites.find((entry) => entry.site.name === name);
      const after = scenario.sites.find((entry) => entry.site.name === name);
      return {
        name,
        baselineLoad: before?.load ?? 0,
        scenarioLoad: after?.load ?? 0,
        baselineSettlements: before?.settlements ?? 0,
        scenarioSettlements: after?.settlements ?? 0,
      };
    }),
  };
}
