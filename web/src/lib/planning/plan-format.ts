import type { Locale } from '$lib/api/contract';
import { formatNumber } from '$lib/i18n/format';
import type { DemandWeight, DistanceMethod, PlanOutcome, PlanSummary, PlanWarning, TravelUnit } from '@terep/db/contract';
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

/** A difference of two shares (0–1) in percentage points: "−7,9 százalékpont", "+2.1 pp". */
export function percentagePointsText(difference: number, locale: Locale): string {
  const sign = difference > 0 ? '+' : '';
  return `${sign}${formatNumber(difference * 100, locale, 1)}\u00a0${tp('planning.unit.pp')}`;
}

/** What one unit of demand weight is: "lakos", "jelzett háztartás", ... */
export function weightUnitText(weight: DemandWeight | undefined): string {
  if (!weight) return tp('planning.weightUnit.population');
  return tp(weight.kind === 'need-signals' ? `planning.weightUnit.${weight.signal ?? 'households'}` : `planning.weightUnit.${weight.kind}`);
}

export function warningText(warning: PlanWarning, locale: Locale): string {
  return tp(`planning.warning.${warning.code}`, {
    zero: formatNumber(warning.params.zero, locale, 0),
    weighted: formatNumber(warning.params.weighted, locale, 0),
    weight: tp(`planning.weight.${warning.params.weight}`),
  });
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

/** The objective with what it measures: resident × km for a p-median, weight within reach for MCLP, ... */
export function objectiveText(outcome: Pick<PlanOutcome, 'model' | 'objective' | 'unit' | 'weight'>, locale: Locale): string {
  const what = tp(`planning.result.objective.${outcome.model}`, { unit: unitLabel(outcome.unit), weight: weightUnitText(outcome.weight) });
  const value = outcome.objective === null ? '<5' : formatNumber(outcome.objective, locale, outcome.model === 'pcenter' ? 1 : 0);
  return `${value} (${what})`;
}

export function secondsText(seconds: number, locale: Locale): string {
  return tp('planning.progress.elapsed', { seconds: formatNumber(seconds, locale, seconds < 10 ? 2 : 1) });
}
