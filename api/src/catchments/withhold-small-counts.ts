import { suppressSmallCount, type CatchmentAnswer, type CatchmentDifference, type CatchmentResult } from '@terep/db';
import type { ExactCatchments } from './compute-catchments.ts';

/** The exact answer of `POST /api/catchments`, as admins get it. */
export interface ExactCatchmentAnswer {
  result: ExactCatchments;
  baseline?: ExactCatchments | null;
  difference?: CatchmentDifference | null;
}

function withholdResult(result: ExactCatchments): CatchmentResult {
  const sites = result.sites.map((entry) => {
    // A site or an unserved row without settlements has nothing to hide: its 0 is implied.
    const load = entry.settlements === 0 ? 0 : suppressSmallCount(entry.load);
    return { ...entry, load, loadBelowThreshold: load === null, utilisation: load === null ? null : entry.utilisation };
  });
  const unservedDemand = result.unserved.settlements === 0 ? 0 : suppressSmallCount(result.unserved.demand);
  return {
    ...result,
    sites,
    unserved: { ...result.unserved, demand: unservedDemand, demandBelowThreshold: unservedDemand === null },
    // Σ load × mean distance: with the shown loads and distances it would give a withheld load back.
    objective: sites.some((entry) => entry.loadBelowThreshold) ? null : result.objective,
  };
}

/**
 * Catchment loads counted in signalled households or persons are counts of families: below the
 * small-count threshold they are withheld (null and a flag, shown as "<5"), with every figure a
 * withheld load could be worked back from (utilisation, objective, differences). Residents
 * (`population`) are census figures and stay exact.
 */
export function withholdSmallCounts(answer: ExactCatchmentAnswer): CatchmentAnswer {
  if (answer.result.demand === 'population') return answer;
  const result = withholdResult(answer.result);
  if (!answer.baseline || !answer.difference) return { ...answer, result };
  const baseline = withholdResult(answer.baseline);
  const loadOf = (side: CatchmentResult, name: string) => {
    const entry = side.sites.find((candidate) => candidate.site.name === name);
    return entry ? entry.load : 0;
  };
  const objectivesShown = result.objective !== null && baseline.objective !== null;
  const difference: CatchmentDifference = {
    ...answer.difference,
    objectiveChange: objectivesShown ? answer.difference.objectiveChange : null,
    meanDistanceChangeKm: objectivesShown ? answer.difference.meanDistanceChangeKm : null,
    unservedChange: result.unserved.demand !== null && baseline.unserved.demand !== null ? answer.difference.unservedChange : null,
    sites: answer.difference.sites.map((site) => ({ ...site, baselineLoad: loadOf(baseline, site.name), scenarioLoad: loadOf(result, site.name) })),
  };
  return { result, baseline, difference };
}
