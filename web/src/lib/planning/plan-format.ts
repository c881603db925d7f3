import type { Locale } from '$lib/api/contract';
import { formatNumber } from '$lib/i18n/format';
import type { DistanceMethod, PlanOutcome, PlanSummary, TravelUnit } from '@terep/db/contract';
import { tp } from './planning-messages';

export function unitLabel(unit: TravelUnit): string {
  return tp(`planning.unit.${unit}`);
}

/** "12,4 km" or "18 perc". */
export function distanceText(value: number | null, unit: TravelUnit, locale: Locale): string {
  return value === null ? tp('planning.figures.none') : `${formatNumber(value, locale, value < 10 ? 1 : 0)}\u00a0${unitLabel(unit)}`;
}

export function percentText(share: number, locale: Locale): string {
  return `${formatNumber(share * 100, locale, 1)}%`;
}

/** How the distances were measured, as the coverage panel says it. */
export function methodText(method: DistanceMethod, locale: Locale): string {
  return method.kind === 'road-network'
    ? tp('planning.result.method.road')
    : tp('planning.result.method.straight', { factor: formatNumber(method.detourFactor, locale, 2) });
}

/** "proven optimal", "stopped at the limit, gap 0,8%" or "heuristic". */
export function statusText(summary: Pick<PlanSummary, 'status' | 'gap'>, locale: Locale): string {
  if (summary.status === 'limit') return tp('planning.result.status.limit', { gap: percentText(summary.gap ?? 0, locale) });
  return tp(`planning.result.status.${summary.status}`);
}

/** The objective with what it measures: person-km for a p-median, covered demand for MCLP, ... */
export function objectiveText(outcome: Pick<PlanOutcome, 'model' | 'objective' | 'unit'>, locale: Locale): string {
  const what = tp(`planning.result.objective.${outcome.model}`, { unit: unitLabel(outcome.unit) });
  const value = outcome.objective === null ? '<5' : formatNumber(outcome.objective, locale, outcome.model === 'pcenter' ? 1 : 0);
  return `${value} (${what})`;
}

export function secondsText(seconds: number, locale: Locale): string {
  return tp('planning.progress.elapsed', { seconds: formatNumber(seconds, locale, seconds < 10 ? 2 : 1) });
}
