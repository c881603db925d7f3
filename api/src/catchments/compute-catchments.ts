import {
  catchmentInputs,
  catchmentPolygons,
  suppressSmallCount,
  type CatchmentDifference,
  type CatchmentMode,
  type CatchmentResult,
  type DemandMeasure,
  type Engine,
  type WarehouseSite,
} from '@terep/db';
import { assignNearest, solveTransportation, type TransportationResult } from './transportation-problem.ts';

export async function computeCatchments(
  engine: Engine,
  sites: readonly WarehouseSite[],
  options: { mode: CatchmentMode; demand: DemandMeasure; detourFactor: number },
): Promise<CatchmentResult> {
  const inputs = await catchmentInputs(engine.db, sites, options);
  const solved: TransportationResult = options.mode === 'nearest'
    ? assignNearest(inputs, sites.length)
    : await solveTransportation({
      demand: inputs.demand,
      capacity: Float64Array.from(sites, (site) => site.capacity ?? Infinity),
      distance: inputs.distance,
    });
  const members = inputs.codes.map((code, s) => ({ code, site: solved.assignment[s]! }));
  const polygons = await catchmentPolygons(engine.db, members);
  const count = sites.length;
  const stats = sites.map(() => ({ settlements: 0, population: 0, households: 0, weighted: 0, demand: 0 }));
  members.forEach(({ site }, s) => {
    const entry = stats[site]!;
    entry.settlements += 1;
    entry.population += inputs.population[s]!;
    entry.households += inputs.households[s] ?? 0;
    entry.weighted += inputs.demand[s]! * inputs.distance[s * count + site]!;
    entry.demand += inputs.demand[s]!;
  });
  const result: CatchmentResult = {
    mode: options.mode,
    demand: options.demand,
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
        utilisation: site.capacity ? load / site.capacity : null,
        meanDistanceKm: entry.demand > 0 ? entry.weighted / entry.demand : 0,
        geometry: polygons.has(w) ? JSON.parse(polygons.get(w)!) : null,
      };
    }),
    assignment: Object.fromEntries(members.map((member) => [member.code, member.site])),
    splits: solved.splits.map((split) => ({ code: inputs.codes[split.settlement]!, shares: split.shares.map((share) => ({ site: share.warehouse, share: share.share })) })),
    objective: solved.objective,
  };
  return result;
}

/** What a what-if changes: which settlements move and how each site's load shifts. */
export function diffCatchments(baseline: CatchmentResult, scenario: CatchmentResult): CatchmentDifference {
  const siteName = (result: CatchmentResult, index: number) => result.sites[index]?.site.name ?? '?';
  const moved = Object.entries(scenario.assignment)
    .filter(([code, site]) => siteName(baseline, baseline.assignment[code]!) !== siteName(scenario, site))
    .map(([code, site]) => ({ code, from: siteName(baseline, baseline.assignment[code]!), to: siteName(scenario, site) }));
  const names = [...new Set([...baseline.sites, ...scenario.sites].map((entry) => entry.site.name))];
  return {
    moved,
    objectiveChange: scenario.objective - baseline.objective,
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
