import type { PlanScenario, PlanSite } from '@terep/db/contract';

export type ComparedFigure = 'reach' | 'sites' | 'coveredShare' | 'coveredPopulation' | 'meanDistance' | 'maxDistance' | 'objective' | 'seconds';

export interface ComparedRow {
  figure: ComparedFigure;
  first: number | null;
  second: number | null;
  /** second − first, when both are known and comparable (same travel unit; objectives only of the same model). */
  difference: number | null;
}

export interface ScenarioComparison {
  rows: ComparedRow[];
  /** Sites open in the second plan only, in the first only, and in both. */
  added: PlanSite[];
  removed: PlanSite[];
  kept: PlanSite[];
}

/** Figures in the plan's travel unit: km and minutes do not subtract. */
const MEASURED = new Set<ComparedFigure>(['reach', 'meanDistance', 'maxDistance']);

/** Two saved plans side by side: their after-figures, and the sites one opens and the other does not. */
export function compareScenarios(first: PlanScenario, second: PlanScenario): ScenarioComparison {
  const figure = (scenario: PlanScenario, key: ComparedFigure): number | null => {
    const summary = scenario.summary;
    if (!summary) return null;
    if (key === 'reach') return summary.reach;
    if (key === 'objective') return summary.objective;
    if (key === 'seconds') return summary.seconds;
    return summary.after[key];
  };
  const keys: ComparedFigure[] = ['reach', 'sites', 'coveredShare', 'coveredPopulation', 'meanDistance', 'maxDistance', 'objective', 'seconds'];
  const rows = keys.map((key): ComparedRow => {
    const a = figure(first, key);
    const b = figure(second, key);
    const sameUnit = first.summary?.unit === second.summary?.unit;
    // Objectives subtract only in one unit: the same model, travel unit and demand weight (resident-km and household-km do not).
    const sameWeight = JSON.stringify(first.summary?.weight ?? null) === JSON.stringify(second.summary?.weight ?? null);
    const comparable = key === 'objective' ? first.summary?.model === second.summary?.model && sameUnit && sameWeight : !MEASURED.has(key) || sameUnit;
    return { figure: key, first: a, second: b, difference: a === null || b === null || !comparable ? null : b - a };
  });
  const firstSites = first.sites ?? [];
  const secondSites = second.sites ?? [];
  const inFirst = new Set(firstSites.map((site) => site.id));
  const inSecond = new Set(secondSites.map((site) => site.id));
  return {
    rows,
    added: secondSites.filter((site) => !inFirst.has(site.id)),
    removed: firstSites.filter((site) => !inSecond.has(site.id)),
    kept: secondSites.filter((site) => inFirst.has(site.id)),
  };
}
